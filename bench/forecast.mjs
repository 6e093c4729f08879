// A 120-month forecast on the bundled catalog and offline prices, engine time in-process (target ≤ 50 ms),
// on demand and with --purchase optimized.
// Usage: node bench/forecast.mjs
import { cpus } from 'node:os';
import { importTs, medianMicros } from './bundle.mjs';

const TARGET_MS = 50;
const engine = await importTs('bench/forecast-entry.ts');
const book = engine.loadSnapshotPriceBook();
const { catalog } = engine.loadCatalog(undefined, book);
const input = {
  catalog,
  revenue: catalog.revenue,
  thresholds: engine.thresholdsOf(catalog),
  book,
  startUsers: 500,
  growthPerMonth: 0.1,
  months: 120,
  start: '2027-01',
  opexUsd: catalog.revenue.opexUsdPerMonth.value,
};
const purchase = { strategy: 'optimized', discounts: catalog.discounts, reservations: engine.bookReservations(book) };

console.log(`forecast — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, medians`);
let status = 0;
for (const [label, run] of [
  ['500 users, 10 %/month, 120 months, on demand', () => engine.forecast(input)],
  ['… bought as --purchase optimized', () => engine.forecast({ ...input, purchase })],
]) {
  const ms = medianMicros(run, { calls: 1, rounds: 9 }) / 1000;
  const ok = ms <= TARGET_MS;
  if (!ok) status = 1;
  console.log(`  ${label.padEnd(48)} ${`${ms.toFixed(1)} ms`.padStart(10)}  (target ≤ ${TARGET_MS} ms) ${ok ? 'ok' : 'OVER'}`);
}
process.exitCode = status;
