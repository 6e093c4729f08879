// Inverse solving on the bundled catalog: the request rate that keeps phase 3 at 50,000 users within a monthly
// cost (the README's question), the same for a latency target, and a target no value reaches (the whole domain).
// Usage: node bench/solve.mjs   (or npm run bench for every benchmark)
import { cpus } from 'node:os';
import { importTs, medianMicros } from './bundle.mjs';

const engine = await importTs('bench/solve-entry.ts');
const book = engine.loadSnapshotPriceBook();
const { catalog } = engine.loadCatalog(undefined, book);
const thresholds = engine.thresholdsOf(catalog);
const phase = catalog.phases.find((p) => p.id === 3);
const solveFor = (vary, metric, value) => () => engine.solve({ catalog, phase, users: 50000, vary, target: { metric, value }, book, thresholds });

const cases = [
  ['solve: request rate for cost ≤ $1,500, phase 3 at 50,000 users', solveFor('requests_per_active_user_per_s', 'cost', 1500), 50_000],
  ['solve: app CPU per request for P95 ≤ 100 ms, same phase', solveFor('demand_app_s', 'p95-ms', 100), 50_000],
  ['solve: an unreachable cost (≤ $500): the whole domain', solveFor('requests_per_active_user_per_s', 'cost', 500), 50_000],
];

console.log(`solve — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, median of 15 rounds`);
let failed = false;
for (const [label, fn, targetMicros] of cases) {
  const micros = medianMicros(fn, { calls: 3 });
  const ok = micros <= targetMicros;
  failed ||= !ok;
  console.log(`  ${label.padEnd(66)} ${`${(micros / 1000).toFixed(2)} ms`.padStart(10)}  (target ≤ ${targetMicros / 1000} ms) ${ok ? 'ok' : 'OVER'}`);
}
if (failed) process.exitCode = 1;
