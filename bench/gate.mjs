// The gate against one simulate: `gate` over 5 user counts must cost at most 1.5× one `simulate --users 50000`.
// Two measures: whole CLI processes (what a CI step waits for; median wall time, runs interleaved so that load
// from other processes weighs on both alike) and the engines in-process (gate's default checks at 5 counts
// against simulate at 50,000 users, which also searches the headroom and prices with two books).
// Usage: node bench/gate.mjs [runs]   (npm run bench builds first)
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs, medianMicros } from './bundle.mjs';

const runs = Number(process.argv[2] ?? 15);
const TARGET_RATIO = 1.5;
const USERS = [1000, 10000, 50000, 100000, 500000];
const bin = join(fileURLToPath(new URL('..', import.meta.url)), 'bin', 'cuenta-plan.js');

function timeMs(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // The gate exits 1 when a check fails (the bundled plan fails some): that is a result, not an error.
  if (child.status !== 0 && child.status !== 1) throw new Error(`cuenta-plan ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const simulateArgs = ['simulate', '--users', '50000'];
const gateArgs = ['gate', ...USERS.flatMap((n) => ['--users', String(n)])];
timeMs(simulateArgs);
timeMs(gateArgs);
const times = { simulate: [], gate: [] };
for (let i = 0; i < runs; i += 1) {
  times.simulate.push(timeMs(simulateArgs));
  times.gate.push(timeMs(gateArgs));
}

const engine = await importTs('bench/gate-entry.ts');
const { catalog } = engine.loadCatalog();
const book = engine.loadSnapshotPriceBook();
const thresholds = engine.thresholdsOf(catalog);
const phase3 = catalog.phases.find((p) => p.id === 3);
const simulateMicros = medianMicros(
  () => engine.simulate({ catalog, phase: phase3, selectedBy: 'range', users: 50000, book, compareBook: engine.seedPriceBook(catalog), thresholds }),
  { calls: 10 },
);
const gateMicros = medianMicros(() => engine.gate({ catalog, users: USERS, book, thresholds, limits: engine.DEFAULT_LIMITS, baseline: null }), { calls: 10 });

console.log(`gate — ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, load ${loadavg()[0].toFixed(1)}, node ${process.version}, median of ${runs} runs`);
let failed = false;
const report = (label, gateValue, simulateValue, unit) => {
  const ratio = gateValue / simulateValue;
  const ok = ratio <= TARGET_RATIO;
  failed ||= !ok;
  console.log(`  ${label.padEnd(34)} gate ${gateValue.toFixed(unit === 'ms' ? 1 : 0).padStart(8)} ${unit}  simulate ${simulateValue.toFixed(unit === 'ms' ? 1 : 0).padStart(8)} ${unit}  ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ok ? 'ok' : 'OVER'}`);
};
report(`CLI process, ${USERS.length} user counts`, median(times.gate), median(times.simulate), 'ms');
report(`engine, ${USERS.length} user counts`, gateMicros, simulateMicros, 'µs');
if (failed) process.exitCode = 1;
