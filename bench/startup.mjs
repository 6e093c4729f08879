// Start-up cost of the CLI: median wall time of whole processes against a bare `node -e 0`, in one run.
// Usage: node bench/startup.mjs [runs]   (npm run bench builds first)
//
// Each command is measured two ways, as a CI container sees it:
//   warm  — the same HOME and cache folder for every run (a developer's machine, a cached CI job);
//   first — a fresh, empty HOME and cache folder for every run (a fresh CI container's first run).
// Runs are interleaved (node -e 0, warm, first, node -e 0, …) so that load from other processes on the
// machine weighs on all of them alike. The target is a ratio of medians, not a time: the machine's speed
// cancels out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 15);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cuenta-plan.js');
const TARGET_RATIO = 1.6;

const scratch = mkdtempSync(join(tmpdir(), 'cuenta-plan-bench-'));
// A user's own catalog (the bundled one with a comment added, so the build's check does not cover it):
// validated in full on a first run, then served from the verified cache.
const userCatalog = join(scratch, 'my-plan.yaml');
writeFileSync(userCatalog, `${readFileSync(join(root, 'data', 'phases.yaml'), 'utf8')}\n# my own copy\n`);

/** An environment with only PATH and a HOME of its own, as in a CI container. */
function environment(home) {
  return { PATH: process.env.PATH ?? '', HOME: home };
}

function timeMs(args, env) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const cases = [
  { label: 'simulate --users 50000', args: [bin, 'simulate', '--users', '50000'], target: true },
  { label: 'catalog show 2', args: [bin, 'catalog', 'show', '2'], target: true },
  { label: 'simulate, own catalog', args: [bin, '--catalog', userCatalog, 'simulate', '--users', '50000'], target: false },
];

const warmHome = mkdtempSync(join(scratch, 'home-'));
const baseline = [];
const times = cases.map(() => ({ warm: [], first: [] }));
// One untimed round fills the file system cache and the warm HOME's cache folder.
timeMs(['-e', '0'], environment(warmHome));
for (const c of cases) timeMs(c.args, environment(warmHome));
for (let i = 0; i < runs; i += 1) {
  baseline.push(timeMs(['-e', '0'], environment(warmHome)));
  cases.forEach((c, k) => {
    times[k].warm.push(timeMs(c.args, environment(warmHome)));
    const fresh = mkdtempSync(join(scratch, 'home-'));
    times[k].first.push(timeMs(c.args, environment(fresh)));
    rmSync(fresh, { recursive: true, force: true });
  });
}
rmSync(scratch, { recursive: true, force: true });

const base = median(baseline);
console.log(`startup — ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, load ${loadavg()[0].toFixed(1)}, node ${process.version}, median of ${runs} runs`);
console.log(`  node -e 0                          ${base.toFixed(1).padStart(7)} ms`);
let failed = false;
cases.forEach((c, k) => {
  for (const kind of ['warm', 'first']) {
    const ms = median(times[k][kind]);
    const ratio = ms / base;
    const verdict = c.target ? (ratio <= TARGET_RATIO ? `(target ≤ ${TARGET_RATIO}) ok` : `(target ≤ ${TARGET_RATIO}) OVER`) : '';
    if (c.target && ratio > TARGET_RATIO) failed = true;
    console.log(`  cuenta-plan ${c.label.padEnd(23)}${kind.padEnd(6)}${ms.toFixed(1).padStart(7)} ms  ratio ${ratio.toFixed(2)} ${verdict}`);
  }
});
if (failed) process.exitCode = 1;
