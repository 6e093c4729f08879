// A 10,000-sample Monte Carlo of `simulate` at phase 4, as a whole process (start-up, catalog, sampling, JSON out).
// Usage: node bench/uncertainty.mjs [runs]   (npm run bench builds first)
//
// Reports the median wall time, with the load average beside it: on a shared machine the wall time carries
// other processes' load. Target: ≤ 1 s (issue 12), with 0.5 s the aim.
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 5);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cuenta-plan.js');
const TARGET_MS = 1000;
const args = [bin, 'simulate', '--users', '500000', '--samples', '10000', '--seed', '1', '--format', 'json'];

/** Wall milliseconds of one whole process. */
function measure(argv = args, env = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`simulate exited ${child.status}: ${child.stderr}`);
  return wall;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

measure(); // fills the file system cache
// Each run is timed beside a bare `node -e 0`: on a shared machine the ratio carries less of the others' load.
// The samples are shared with a worker thread on a machine with a second core (src/commands/sample-workers.ts);
// CUENTA_PLAN_THREADS=1 keeps them on one thread, to say what the worker adds.
const pairs = Array.from({ length: runs }, () => ({ wall: measure(), one: measure(args, { CUENTA_PLAN_THREADS: '1' }), bare: measure(['-e', '0']) }));
const ms = median(pairs.map((p) => p.wall));
const oneMs = median(pairs.map((p) => p.one));
const ratio = median(pairs.map((p) => p.wall / p.bare));
console.log(`uncertainty — ${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}, node ${process.version}, load ${loadavg()[0].toFixed(1)}, median of ${runs} processes`);
console.log(`  simulate --users 500000 --samples 10000 (phase 4), whole process  ${(ms / 1000).toFixed(2)} s = ${ratio.toFixed(1)}× node -e 0  (target ≤ ${TARGET_MS / 1000} s) ${ms <= TARGET_MS ? 'ok' : 'OVER'}`);
console.log(`  … on one thread (CUENTA_PLAN_THREADS=1)                          ${(oneMs / 1000).toFixed(2)} s: the worker thread saves ${(((oneMs - ms) / oneMs) * 100).toFixed(0)} %`);
if (ms > TARGET_MS) process.exitCode = 1;
