// Writes examples/metrics-phase1.json: two weeks of hourly observations of a phase-1 system (800 monthly users;
// Nginx + two 1-vCPU droplets + RDS PostgreSQL with a read replica + Redis Cloud), in the shape `metrics pull` writes.
// Synthetic but built from stated parts, each a line below:
//  - the request count: a school-day shape in UTC (Spain's lessons at 08–12 local = 07–11 UTC, homework after school,
//    Mexico's afternoon at 21–01 UTC), weekends at 60 % of a weekday (the catalog's calendar) with a flatter shape,
//    about 0.3 requests per active second over 800 × 0.3 DAU/MAU × 15 min, ±8 % hourly noise;
//  - app CPU per droplet (the CloudWatch agent's cpu_usage_active): 4 % busy with no load plus 8 ms of one vCPU per
//    request, each droplet taking half; RDS CPU for the writer (writes: 0.4 per request at 3 ms) and the replica
//    (reads missing the cache: 0.32 per request at 1.5 ms) over 2 vCPUs with a few % of background;
//  - response time P95 from Nginx's $request_time through a CloudWatch Logs metric filter: ~55 ms plus 5 ms per req/s;
//  - no cache series: Redis Cloud does not publish to CloudWatch.
// Noise comes from a seeded generator (mulberry32), so the file is the same on every run.
// Usage: node scripts/example-metrics.mjs
import { writeFileSync } from 'node:fs';

function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(11);
const jitter = (width) => (random() - 0.5) * 2 * width;
const round = (x, d) => Number(x.toFixed(d));

const WEEKDAY = [0.22, 0.15, 0.1, 0.08, 0.07, 0.08, 0.15, 0.35, 0.7, 0.95, 1.0, 0.92, 0.7, 0.6, 0.65, 0.8, 0.9, 0.85, 0.7, 0.55, 0.45, 0.42, 0.38, 0.3];
const WEEKEND = [0.25, 0.18, 0.12, 0.08, 0.07, 0.07, 0.1, 0.2, 0.35, 0.5, 0.6, 0.62, 0.6, 0.55, 0.55, 0.6, 0.62, 0.6, 0.55, 0.5, 0.45, 0.42, 0.38, 0.3];
// Requests at a weekday's busiest hour: 800 users × 0.3 × 15 min × 60 s × 0.3 req/s ≈ 64,800 a day on average.
const PEAK_HOUR_REQUESTS = 5900;

const start = Date.UTC(2026, 11, 7); // Monday 7 December 2026
const hours = 14 * 24;
const timestamps = [];
const requests = [];
const p95 = [];
const app = [[], []];
const dbWriter = [];
const dbReader = [];
const connections = [];
for (let h = 0; h < hours; h++) {
  const at = new Date(start + h * 3_600_000);
  const day = at.getUTCDay();
  const shape = day === 0 || day === 6 ? WEEKEND : WEEKDAY;
  const count = Math.round(PEAK_HOUR_REQUESTS * shape[at.getUTCHours()] * (1 + jitter(0.08)));
  const x = count / 3600;
  timestamps.push(at.toISOString().replace('.000Z', 'Z'));
  requests.push(count);
  p95.push(round(52 + 5 * x + jitter(6), 1));
  for (const cpu of app) cpu.push(round(100 * (0.04 + (0.008 * x) / 2) + jitter(0.3), 2));
  dbWriter.push(round((100 * (0.06 + 0.4 * 0.003 * x)) / 2 + jitter(0.03), 2));
  dbReader.push(round((100 * (0.04 + 0.32 * 0.0015 * x)) / 2 + jitter(0.03), 2));
  connections.push(round(6 + x + jitter(1), 1));
}

const series = (id, measures, tier, origin, values, component) => ({ id, measures, tier, ...(component ? { component } : {}), origin, timestamps, values });
const observations = {
  $schema: '../schema/observations.schema.json',
  version: 1,
  window: { start: timestamps[0], end: new Date(start + hours * 3_600_000).toISOString().replace('.000Z', 'Z'), periodSeconds: 3600 },
  users: 800,
  phase: 1,
  region: 'us-east-1',
  note: 'Synthetic two weeks of a phase-1 system in the shape metrics pull writes; how each series is made: scripts/example-metrics.mjs',
  series: [
    series('requests', 'requests', 'lb', { namespace: 'CuentaConmigo/Nginx', name: 'Requests', dimensions: { Host: 'lb-1' }, stat: 'Sum' }, requests),
    series('latencyP95', 'response-time-p95', 'lb', { namespace: 'CuentaConmigo/Nginx', name: 'RequestTimeMs', dimensions: { Host: 'lb-1' }, stat: 'p95' }, p95),
    series('appCpu1', 'cpu', 'app', { namespace: 'CWAgent', name: 'cpu_usage_active', dimensions: { host: 'app-1', cpu: 'cpu-total' }, stat: 'Average' }, app[0]),
    series('appCpu2', 'cpu', 'app', { namespace: 'CWAgent', name: 'cpu_usage_active', dimensions: { host: 'app-2', cpu: 'cpu-total' }, stat: 'Average' }, app[1]),
    series('dbWriterCpu', 'cpu', 'db', { namespace: 'AWS/RDS', name: 'CPUUtilization', dimensions: { DBInstanceIdentifier: 'cuenta-db' }, stat: 'Average' }, dbWriter),
    series('dbReaderCpu', 'cpu', 'db', { namespace: 'AWS/RDS', name: 'CPUUtilization', dimensions: { DBInstanceIdentifier: 'cuenta-db-replica' }, stat: 'Average' }, dbReader),
    series('dbConnections', 'connections', 'db', { namespace: 'AWS/RDS', name: 'DatabaseConnections', dimensions: { DBInstanceIdentifier: 'cuenta-db' }, stat: 'Average' }, connections),
  ],
};
// Arrays of numbers or timestamps on one line each: the file stays readable as an outline.
const text = JSON.stringify(observations, null, 2).replace(/\[\n\s+([^\[\]{}]*?)\n\s+\]/g, (_all, items) => `[${items.split(/,\n\s+/).join(', ')}]`);
writeFileSync(new URL('../examples/metrics-phase1.json', import.meta.url), `${text}\n`);
