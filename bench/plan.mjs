// Engine speed on the bundled catalog: sizing, pricing, one simulate result, one headroom search.
// Usage: node bench/plan.mjs   (or npm run bench for every benchmark)
//
// Steady speed, after a second of warm-up per case: sweeps, headroom searches, solve and the Monte Carlo call these
// thousands of times a run. V8 needs ~4,000 calls of sizePlan + pricePlan before its optimised code settles (rounds
// of 200 calls took 430, 330, 190, …, 35 µs each), so a 200-call warm-up measured the JIT's tiering, not the engine.
// A single run's cold cost is in bench/startup.mjs.
import { cpus } from 'node:os';
import { importTs, medianMicros } from './bundle.mjs';

const engine = await importTs('bench/plan-entry.ts');
const { catalog } = engine.loadCatalog();
const book = engine.loadSnapshotPriceBook();
const seed = engine.seedPriceBook(catalog);
const thresholds = engine.thresholdsOf(catalog);
const phase3 = catalog.phases.find((p) => p.id === 3);
const plan = engine.sizePlan(catalog, phase3, 50000, thresholds);
const simulateInput = { catalog, phase: phase3, selectedBy: 'range', users: 50000, book, compareBook: seed, thresholds };

const cases = [
  ['sizePlan + pricePlan: phase 3 at 50,000 users (24 hours)', () => engine.pricePlan(engine.sizePlan(catalog, phase3, 50000, thresholds), book), 100],
  ['pricePlan: the same plan, snapshot prices', () => engine.pricePlan(plan, book), 50],
  ['capacityAt: phase 3 at 50,000 users (peak hour only)', () => engine.capacityAt(catalog, phase3, 50000, thresholds), 100],
  ['headroom: phase 3 from 50,000 users (bisection)', () => engine.headroom(catalog, phase3, 50000, thresholds), 5000],
  ['simulate: phase 3 at 50,000 users (sized once, two books)', () => engine.simulate(simulateInput), 5000],
];

console.log(`engine — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, median of 15 rounds after 1 s of warm-up`);
let failed = false;
for (const [label, fn, targetMicros] of cases) {
  const micros = medianMicros(fn, { calls: targetMicros >= 1000 ? 10 : 200, warmupMs: 1000 });
  const ok = micros <= targetMicros;
  failed ||= !ok;
  const shown = micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(1)} µs`;
  const target = targetMicros >= 1000 ? `${targetMicros / 1000} ms` : `${targetMicros} µs`;
  console.log(`  ${label.padEnd(58)} ${shown.padStart(10)}  (target ≤ ${target}) ${ok ? 'ok' : 'OVER'}`);
}
if (failed) process.exitCode = 1;
