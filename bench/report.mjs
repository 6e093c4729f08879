// `report` end to end: whole processes of the built CLI writing the markdown and its SVG charts, against one
// `simulate` of the same user count and a bare `node -e 0`, interleaved so that load from other processes
// weighs on all alike. A report at one user count is a simulate (with its headroom search), eleven sized and
// priced points for the charts and the rendering; the target is a ratio to simulate, so the machine cancels out.
// Usage: node bench/report.mjs [runs]   (npm run bench builds first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../bin/cuenta-plan.js', import.meta.url));
const TARGET_RATIO = 1.5;
const scratch = mkdtempSync(join(tmpdir(), 'cuenta-plan-bench-report-'));
const env = { PATH: process.env.PATH ?? '', HOME: scratch };

function timeMs(args) {
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
  { label: 'node -e 0', args: ['-e', '0'] },
  { label: 'simulate --users 50000', args: [bin, 'simulate', '--users', '50000', '--out', join(scratch, 'simulate.txt')] },
  { label: 'report --users 50000 --charts', args: [bin, 'report', '--users', '50000', '--out', join(scratch, 'plan.md'), '--charts', join(scratch, 'charts')] },
  { label: 'report, three user counts', args: [bin, 'report', '--users', '5000', '--users', '50000', '--users', '500000', '--out', join(scratch, 'three.md'), '--charts', join(scratch, 'charts3')] },
];

for (const c of cases) timeMs(c.args);
const times = cases.map(() => []);
for (let i = 0; i < runs; i += 1) cases.forEach((c, k) => times[k].push(timeMs(c.args)));
rmSync(scratch, { recursive: true, force: true });

const [base, simulate, report, three] = times.map(median);
console.log(`report — ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, load ${loadavg()[0].toFixed(1)}, node ${process.version}, median of ${runs} runs`);
console.log(`  node -e 0                              ${base.toFixed(1).padStart(7)} ms`);
console.log(`  cuenta-plan simulate --users 50000     ${simulate.toFixed(1).padStart(7)} ms`);
const ratio = report / simulate;
const ok = ratio <= TARGET_RATIO;
console.log(`  cuenta-plan report --users 50000       ${report.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}× simulate (target ≤ ${TARGET_RATIO}) ${ok ? 'ok' : 'OVER'}`);
console.log(`  cuenta-plan report, three user counts  ${three.toFixed(1).padStart(7)} ms  ${(three / simulate).toFixed(2)}× simulate`);
if (!ok) process.exitCode = 1;
