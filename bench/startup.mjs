// Cold-start cost of the CLI: median wall time of whole commands against `node -e 0`, in one run.
// Usage: node bench/startup.mjs [runs]   (npm run bench builds first)
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 10);
const bin = fileURLToPath(new URL('../bin/cuenta-plan.js', import.meta.url));
const TARGET_RATIO = 2.5;

function medianMs(args) {
  const times = [];
  for (let i = 0; i < runs + 1; i += 1) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
    if (i > 0) times.push(ms); // the first run warms the file cache
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

const cases = [
  ['catalog show 2', [bin, 'catalog', 'show', '2']],
  ['simulate --users 50000', [bin, 'simulate', '--users', '50000']],
];

console.log(`startup — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, median of ${runs} runs`);
const baseline = medianMs(['-e', '0']);
console.log(`  node -e 0                        ${baseline.toFixed(1).padStart(7)} ms`);
let failed = false;
for (const [label, args] of cases) {
  const ms = medianMs(args);
  const ratio = ms / baseline;
  const ok = ratio <= TARGET_RATIO;
  failed ||= !ok;
  console.log(`  cuenta-plan ${label.padEnd(21)}${ms.toFixed(1).padStart(7)} ms  ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ok ? 'ok' : 'OVER'}`);
}
if (failed) process.exitCode = 1;
