// Queueing engine speed: Erlang C, an M/M/c percentile, exact MVA with a multi-server station, a USL fit.
// Usage: node bench/queueing.mjs   (or npm run bench for every benchmark)
// Bundles src/model/queueing/index.ts with esbuild into os.tmpdir() (bench/bundle.mjs) and imports it.
import { cpus } from 'node:os';
import { importTs, medianMicros } from './bundle.mjs';

const q = await importTs('src/model/queueing/index.ts');

const mvaInput = {
  users: 1000,
  thinkTimeS: 5,
  stations: [
    { name: 'web', demandS: 0.02, servers: 4 },
    { name: 'db', demandS: 0.004 },
    { name: 'lb', demandS: 0.001 },
  ],
};
const uslPoints = [1, 4, 8, 12, 16, 20, 24, 28, 32, 48].map((n, i) => ({
  concurrency: n,
  throughput: ((955.16 * n) / (1 + 0.03 * (n - 1) + 0.0005 * n * (n - 1))) * (1 + 0.03 * Math.sin(7 * i + 1)),
}));
// Vary the load a little between calls so nothing can be hoisted or cached.
let tick = 0;
const jitter = () => (tick = (tick + 1) & 7) * 1e-9;

// [label, fn, target µs or null (informational), calls per round]
const cases = [
  ['erlangC: c = 5,000, ρ = 0.999', () => q.erlangC(4995 + jitter(), 5000), 10, 2000],
  ['M/M/c P99 response time: c = 5,000, ρ = 0.999', () => q.responseTimePercentile({ arrivalRate: 4995 + jitter(), serviceRate: 1, servers: 5000 }, 99), 100, 500],
  ['exact MVA: N = 1,000, 3 stations (one 4-server)', () => q.mva(mvaInput), 50_000, 20],
  ['USL fit: 10 points', () => q.fitUsl(uslPoints), 5_000, 100],
  ['erlangB: c = 100,000, ρ = 0.9999', () => q.erlangB(99990 + jitter(), 100_000), null, 100],
  ['sizeServers: λS = 5,000 erlangs, P99 < 0.5 s', () => q.sizeServers({ arrivalRate: 50000 + jitter(), serviceTime: 0.1, percentile: 99, targetS: 0.5 }), null, 20],
  ['exact MVA: N = 5,000, 4 stations (4- and 16-server)', () => q.mva({ users: 5000, thinkTimeS: 2, stations: [
    { name: 'web', demandS: 0.01, servers: 4 }, { name: 'db', demandS: 0.0015 },
    { name: 'api', demandS: 0.05, servers: 16 }, { name: 'cache', demandS: 0.0005 }] }), null, 10],
  ['M/M/c/K: c = 10,000, K = 10,500', () => q.mmck({ arrivalRate: 12000 + jitter(), serviceRate: 1, servers: 10000, capacity: 10500 }), null, 50],
];

const format = (micros) => (micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(2)} µs`);
console.log(`queueing — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, median of 15 rounds`);
let failed = false;
for (const [label, fn, targetMicros, calls] of cases) {
  const micros = medianMicros(fn, { calls });
  const ok = targetMicros === null || micros <= targetMicros;
  failed ||= !ok;
  const target = targetMicros >= 1000 ? `${targetMicros / 1000} ms` : `${targetMicros} µs`;
  const verdict = targetMicros === null ? '(no target)' : `(target ≤ ${target}) ${ok ? 'ok' : 'OVER'}`;
  console.log(`  ${label.padEnd(54)} ${format(micros).padStart(10)}  ${verdict}`);
}
if (failed) process.exitCode = 1;
