// The claims audit on the bundled catalog: five phases simulated at the top of their ranges (each with its
// headroom search) and one break-even search, in process; then `cuenta-plan claims` end to end, start-up included.
// Usage: node bench/claims.mjs   (or npm run bench for every benchmark)
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { importTs, medianMicros } from './bundle.mjs';

const engine = await importTs('bench/claims-entry.ts');
const snapshot = engine.loadSnapshotPriceBook();
const { catalog } = engine.loadCatalog(undefined, snapshot);
const thresholds = engine.thresholdsOf(catalog);
const seed = engine.seedPriceBook(catalog);

const bin = fileURLToPath(new URL('../bin/cuenta-plan.js', import.meta.url));
const spawn = (args) => () => {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
};
const endToEnd = spawn([bin, 'claims', '--format', 'json']);

const cases = [
  ['claims: every claim and KPI, snapshot prices (in process)', () => engine.auditClaims({ catalog, book: snapshot, thresholds }), 300_000],
  ['claims: the same on the seed quotes (in process)', () => engine.auditClaims({ catalog, book: seed, thresholds }), 300_000],
  ['cuenta-plan claims --format json (a new node process)', endToEnd, 1_000_000],
];

console.log(`claims — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, median of 15 rounds`);
let failed = false;
for (const [label, fn, targetMicros] of cases) {
  const micros = medianMicros(fn, { calls: 1 });
  const ok = micros <= targetMicros;
  failed ||= !ok;
  console.log(`  ${label.padEnd(66)} ${`${(micros / 1000).toFixed(2)} ms`.padStart(10)}  (target ≤ ${targetMicros / 1000} ms) ${ok ? 'ok' : 'OVER'}`);
}
// A loaded machine slows every process alike: the bare start-up beside the end-to-end figure says how loaded.
console.log(`  ${'node -e 0 (the start-up floor, for scale)'.padEnd(66)} ${`${(medianMicros(spawn(['-e', '0']), { calls: 1 }) / 1000).toFixed(2)} ms`.padStart(10)}`);
if (failed) process.exitCode = 1;
