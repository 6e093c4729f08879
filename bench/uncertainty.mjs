// A 10,000-sample Monte Carlo of `simulate` at phase 4, as a whole process (start-up, catalog, sampling, JSON out).
// Usage: node bench/uncertainty.mjs [runs]   (npm run bench builds first)
//
// Reports the median wall time, with the load average beside it: on a shared machine the wall time carries
// other processes' load. Target: ≤ 1 s (issue 12), with 0.5 s the aim.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './bundle.mjs';

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
// CUENTA_PLAN_THREADS=2 shares the samples with a worker thread (src/commands/sample-workers.ts): timed beside the
// default single thread, to say whether a second thread helps on this machine.
const pairs = Array.from({ length: runs }, () => ({ wall: measure(), two: measure(args, { CUENTA_PLAN_THREADS: '2' }), bare: measure(['-e', '0']) }));
const ms = median(pairs.map((p) => p.wall));
const twoMs = median(pairs.map((p) => p.two));
const ratio = median(pairs.map((p) => p.wall / p.bare));
console.log(`uncertainty — ${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}, node ${process.version}, load ${loadavg()[0].toFixed(1)}, median of ${runs} processes`);
console.log(`  simulate --users 500000 --samples 10000 (phase 4), whole process  ${(ms / 1000).toFixed(2)} s = ${ratio.toFixed(1)}× node -e 0  (target ≤ ${TARGET_MS / 1000} s) ${ms <= TARGET_MS ? 'ok' : 'OVER'}`);
console.log(`  … with a worker thread (CUENTA_PLAN_THREADS=2)                   ${(twoMs / 1000).toFixed(2)} s: ${twoMs < ms ? `${(((ms - twoMs) / ms) * 100).toFixed(0)} % faster` : `${(((twoMs - ms) / ms) * 100).toFixed(0)} % slower`}`);

// Deoptimisations in one run (V8 prints each to stdout with --trace-deopt; the result goes to a file). A list of a
// new element kind sends the code that reads it back to the interpreter (src/model/lists.ts): a rise here is slower
// warm-up before it shows in the wall time.
const tracedOut = join(tmpdir(), `cuenta-plan-bench-${process.pid}.json`);
const traced = spawnSync(process.execPath, ['--trace-deopt', ...args, '--out', tracedOut], { encoding: 'utf8', maxBuffer: 1 << 28 });
rmSync(tracedOut, { force: true });
if (traced.status !== 0) throw new Error(`simulate --trace-deopt exited ${traced.status}: ${traced.stderr}`);
console.log(`  V8 deoptimisations in one run (node --trace-deopt)               ${traced.stdout.split('[bailout (kind').length - 1}`);

// One sample in process, warm: what the whole run would cost without start-up and the first samples' cold code.
const engine = await importTs('bench/uncertainty-entry.ts');
const book = engine.loadSnapshotPriceBook();
const { catalog } = engine.loadCatalog(undefined, book);
const phase = catalog.phases.find((p) => p.id === 4);
const input = {
  catalog,
  inputs: engine.uncertainInputs(catalog, phase),
  samples: 10000,
  seed: 1,
  metrics: ['cost', 'cost-per-user', 'p95-ms', 'availability', 'margin'],
  breachIds: engine.BREACH_IDS,
  evaluate: engine.simulateSample({ phaseId: 4, users: 500000, book, thresholds: engine.thresholdsOf(catalog) }),
};
engine.drawSamples(input, 0, 2000);
const start = process.hrtime.bigint();
engine.drawSamples(input, 2000, 6000);
const microsPerSample = Number(process.hrtime.bigint() - start) / 1e3 / 4000;
console.log(`  one sample in process, warm                                      ${microsPerSample.toFixed(0)} µs (10,000 of them: ${((microsPerSample * 10) / 1000).toFixed(2)} s)`);
if (ms > TARGET_MS) process.exitCode = 1;
