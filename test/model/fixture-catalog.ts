import type { Catalog, Component, Formula, Phase, Quantity } from '../../src/model/catalog-types.js';
import type { PriceLookup } from '../../src/model/cost.js';
import type { PriceUnit } from '../../src/model/units.js';

/** A small hand-built catalog whose numbers are easy to follow by hand in the tests. */
const q = (value: number): Quantity => ({ value, source: 'assumption', note: 'test' });

/** A formula without mathjs: the tests only need `instance_hours` and `users * k`. */
export function formula(text: string, evaluate: (scope: Readonly<Record<string, number>>) => number, variables: string[]): Formula {
  return { text, variables, evaluate };
}

export const instanceHours = formula('instance_hours', (s) => s.instance_hours ?? Number.NaN, ['instance_hours']);

export const app: Component = {
  id: 'app',
  name: 'App servers',
  kind: 'compute',
  provider: 'test',
  serves: ['app'],
  instance: { type: 't.test', vcpus: 2, memoryGb: 4 },
  count: { kind: 'autoscaled', min: 2, max: 10, targetUtilization: 0.5 },
  availability: q(0.99),
  cost: [{ priceKey: 'vm:hour', quantity: instanceHours }],
  quoted: { usd: 100, label: 'App', provider: 'test' },
};

export const db: Component = {
  id: 'db',
  name: 'Database',
  kind: 'database',
  provider: 'test',
  serves: ['db'],
  instance: { type: 'db.test', vcpus: 1, memoryGb: 2, connections: 100 },
  count: { kind: 'fixed', count: 1 },
  availability: q(0.999),
  cost: [{ priceKey: 'db:month', quantity: 1 }],
  quoted: { usd: 50, label: 'DB', provider: 'test' },
};

export const monitoring: Component = {
  id: 'mon',
  name: 'Monitoring',
  kind: 'monitoring',
  provider: 'test',
  serves: [],
  count: { kind: 'fixed', count: 1 },
  cost: [{ priceKey: 'mon:user', quantity: formula('users * 0.01', (s) => (s.users ?? 0) * 0.01, ['users']) }],
};

export const phase: Phase = {
  id: 1,
  name: 'Test phase',
  summary: 'two autoscaled app servers and one database',
  users: { min: 1000, max: 11000 },
  concurrentUsers: { min: 100, max: 1100, source: 'assumption' },
  slo: { latency: { percentile: 95, targetMs: 500 }, availability: 99.9 },
  budgetUsd: { min: 100, max: 200 },
  quotedTotalUsd: 150,
  components: [app, db, monitoring],
  assumptions: {},
};

export const catalog: Catalog = {
  version: 1,
  name: 'test',
  currency: 'USD',
  hoursPerMonth: 730,
  workload: {
    assumptions: {
      // Chosen so engagement implies the design peak: N × 0.9 × 120 min × 60 s / Σ profile (18) / 3600 s = 0.1 N,
      // the phase's concurrency (100 at 1,000 users to 1,100 at 11,000).
      dau_per_mau: q(0.9),
      active_minutes_per_day: q(120),
      requests_per_active_user_per_s: q(0.1),
      db_queries_per_request: q(2),
      db_read_fraction: q(0.5),
      cache_hit_ratio: q(0),
      demand_app_s: q(0.05),
      demand_cache_s: q(0.001),
      demand_db_read_s: q(0.002),
      demand_db_write_s: q(0.004),
      network_overhead_ms: q(20),
      storage_gb_per_user: q(0.01),
      file_storage_gb_per_user: q(0.01),
      transfer_mb_per_active_minute: q(0.1),
      error_rate: q(0.0005),
    },
    // 12 hours at the peak, 12 at half of it.
    dailyProfile: [...Array<number>(12).fill(0.5), ...Array<number>(12).fill(1)],
  },
  // Availability by hand: only instance failures, once a year, restored by hand in 1,051.92 min = 17.532 h,
  // twice 8,766 h (a year of 365.25 days) / 1,000. The lone database is down 0.002 of the year; the app's two
  // copies lose nothing while health checks take 0 s. So A = 1 − 0.002 = 99.8 %.
  availabilityModel: {
    zoneOutagesPerYear: q(0),
    zoneOutageHours: q(0),
    regionOutagesPerYear: q(0),
    regionOutageHours: q(0),
    edgeOutagesPerYear: q(0),
    edgeOutageHours: q(0),
    instanceFailuresPerYear: q(1),
    instanceRecoveryMinutes: q(10),
    manualRecoveryMinutes: q(1051.92),
    failover: {
      loadBalancer: { detectionS: q(0), switchS: q(0) },
      database: { detectionS: q(30), switchS: q(0) },
      cache: { detectionS: q(30), switchS: q(0) },
      region: { detectionS: q(90), switchS: q(120) },
      cdn: { detectionS: q(90), switchS: q(60) },
    },
  },
  phases: [phase],
  // The engine under test does not read these sections.
  discounts: {} as Catalog['discounts'],
  migration: {} as Catalog['migration'],
  alerts: [
    { id: 'cpu', metric: 'cpu_utilization', threshold: 0.8, unit: 'fraction', forMinutes: 5, source: 'seed' },
    { id: 'db', metric: 'db_connections_of_pool', threshold: 0.8, unit: 'fraction', source: 'seed' },
  ],
  kpis: {} as Catalog['kpis'],
  backups: {} as Catalog['backups'],
};

/** Prices that make hand arithmetic easy. */
export const book: PriceLookup = {
  name: 'snapshot',
  price(key: string) {
    const table: Record<string, [number, PriceUnit]> = {
      'vm:hour': [0.1, 'hour'],
      'db:month': [50, 'month'],
      'mon:user': [1, 'month'],
    };
    const entry = table[key];
    if (!entry) throw new Error(`unknown key ${key}`);
    return { key, usdPerUnit: entry[0], unit: entry[1], verified: true, source: 'test' };
  },
};

export const thresholds = { cpuUtilization: 0.8, dbConnections: 0.8 };
