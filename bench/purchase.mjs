// The purchase optimiser's speed: every strategy (11 rows, the optimiser's breakpoint search on each committable
// line) priced over one sized plan. Usage: node bench/purchase.mjs   (or npm run bench for every benchmark)
import { cpus } from 'node:os';
import { importTs, medianMicros } from './bundle.mjs';

const engine = await importTs('bench/purchase-entry.ts');
const { catalog } = engine.loadCatalog();
const book = engine.loadSnapshotPriceBook();
const thresholds = engine.thresholdsOf(catalog);
const reservations = engine.bookReservations(book);
const phase3 = catalog.phases.find((p) => p.id === 3);
const plan = engine.sizePlan(catalog, phase3, 50000, thresholds);
const cost = engine.pricePlan(plan, book);
const input = { strategy: 'optimized', discounts: catalog.discounts, reservations };

const cases = [['pricePurchase optimized: phase 3 at 50,000 users, every strategy', () => engine.pricePurchase(plan, cost, input), 5000]];

console.log(`purchase — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, median of 15 rounds`);
let failed = false;
for (const [label, fn, targetMicros] of cases) {
  const micros = medianMicros(fn, { calls: 50 });
  const ok = micros <= targetMicros;
  failed ||= !ok;
  const shown = micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(1)} µs`;
  console.log(`  ${label.padEnd(66)} ${shown.padStart(10)}  (target ≤ ${targetMicros / 1000} ms) ${ok ? 'ok' : 'OVER'}`);
}
if (failed) process.exitCode = 1;
