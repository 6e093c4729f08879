import { describe, expect, it } from 'vitest';
import type { Catalog, Component, Phase, Quantity } from '../../src/model/catalog-types.js';
import type { PriceLookup } from '../../src/model/cost.js';
import { findingsOf } from '../../src/model/findings.js';
import { headroom } from '../../src/model/headroom.js';
import { cacheCapacityGb, cacheMemory, cacheNodeUsableGb, cacheWorkingSetGb, effectiveHitRatio, isDedicatedCache } from '../../src/model/memory.js';
import { sizePlan } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { thresholdsOf } from '../../src/model/thresholds.js';
import { book, catalog, phase, thresholds } from './fixture-catalog.js';

// The fixture (./fixture-catalog.ts): concurrent(N) = 0.1·N; 0.1 req/s per concurrent user; 2 queries per
// request, half of them reads. Here the phase gets a dedicated cache and an 80 % catalog hit ratio.

const q = (value: number): Quantity => ({ value, source: 'assumption', note: 'test' });

/** A primary and a replica of 1 GB each with ElastiCache's 25 % reserve: 0.75 GB of distinct data. */
const cache: Component = {
  id: 'cache',
  name: 'Cache',
  kind: 'cache',
  provider: 'test',
  serves: ['cache'],
  instance: { type: 'cache.test', vcpus: 1, memoryGb: 1 },
  count: { kind: 'fixed', count: 2 },
  cache: { copies: 2, reservedMemoryPercent: q(25) },
  availability: q(0.999),
  cost: [],
};

const cached: Phase = {
  ...phase,
  components: [...phase.components, cache],
  assumptions: {
    cache_hit_ratio: q(0.8),
    cache_shared_gb: q(0.25),
    cache_hot_mb_per_user: q(1),
    app_memory_baseline_mb: q(100),
    app_memory_mb_per_request: q(10),
    db_memory_mb_per_connection: q(8),
  },
};
const memoryAlert = { ...thresholds, memoryUtilization: 0.85 };
const catalogOf = (p: Phase): Catalog => ({ ...catalog, phases: [p] });

describe('the LRU hit ratio under uniform popularity (Fagin 1977): h₀ × min(1, K/W)', () => {
  it('keeps the catalog ratio while the working set fits and scales it by K/W past that', () => {
    expect(effectiveHitRatio(0.8, 1, 0.5)).toBe(0.8);
    expect(effectiveHitRatio(0.8, 1, 1)).toBe(0.8);
    expect(effectiveHitRatio(0.8, 1, 2)).toBeCloseTo(0.4, 15); // half the items cached: half the hits
  });
});

describe('a cache whose working set outgrows its memory (6,000 users)', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const plan = sizePlan(catalogOf(cached), cached, 6000, memoryAlert);
    const memory = plan.memory.cache!;
    return { plan, memory };
  };

  it('sets the working set against the usable memory', () => {
    const { memory } = subject();
    // Hot users = 600 concurrent at the peak; W = 0.25 + 600 × 1 MB / 1024 = 0.8359375 GB.
    // K = 1 GB × (1 − 0.25) × 2 nodes / 2 copies = 0.75 GB: it does not fit.
    expect(memory.hotUsers).toBeCloseTo(600, 9);
    expect(memory.workingSetGb).toBeCloseTo(0.8359375, 12);
    expect(memory.capacityGb).toBeCloseTo(0.75, 12);
    // h = 0.8 × 0.75 / 0.8359375 = 0.7177570 (by hand).
    expect(memory.effectiveHitRatio).toBeCloseTo(0.7177570093457945, 12);
  });

  it('sends the misses to the database and bills them', () => {
    const { plan } = subject();
    // Reads per request = 2 × 0.5 = 1; misses 1 × (1 − 0.717757) = 0.282243 instead of 0.2 when it fits:
    // 0.082243 more reads per request, 4.93 more per second at the peak's 60 req/s. Writes stay at 1.
    const db = plan.tiers.find((t) => t.id === 'db')!;
    expect(db.visitsPerRequest).toBeCloseTo(1 + 0.28224299065420555, 12);
    const fits = sizePlan(catalogOf(cached), cached, 1000, memoryAlert);
    expect(fits.tiers.find((t) => t.id === 'db')!.visitsPerRequest).toBeCloseTo(1.2, 12);
    expect((db.visitsPerRequest - 1.2) * 60).toBeCloseTo(4.934579439252333, 9);
    // Formulas that read cache_hit_ratio (read-priced lines) see the effective ratio.
    expect(plan.scope.cache_hit_ratio).toBeCloseTo(0.7177570093457945, 12);
  });

  it('puts a node over the memory alert and says why the hit ratio fell', () => {
    const { plan, memory } = subject();
    // One shard: each node holds the whole working set, 0.8359375 / 0.75 = 111.46 % of its usable memory.
    const row = plan.memory.tiers.find((t) => t.id === 'cache')!;
    expect(row.fraction).toBeCloseTo(1.1145833333333333, 12);
    expect(row.capacityGb).toBeCloseTo(0.75, 12);
    const codes = findingsOf({ plan, cost: pricePlan(plan, book as PriceLookup) });
    expect(codes.find((f) => f.code === 'memory-over-alert')).toMatchObject({ subject: 'cache', limit: 85 });
    const reduced = codes.find((f) => f.code === 'cache-hit-ratio-reduced')!;
    expect(reduced.value).toBeCloseTo(71.77570093457945, 9);
    expect(reduced.limit).toBeCloseTo(80, 12);
  });

  it('at 1,000 users it fits: (0.25 + 100/1024) / 0.75 = 46.35 %, the catalog ratio stands', () => {
    const small = sizePlan(catalogOf(cached), cached, 1000, memoryAlert);
    expect(small.memory.cache!.effectiveHitRatio).toBe(0.8);
    expect(small.memory.tiers.find((t) => t.id === 'cache')!.fraction).toBeCloseTo(0.4635416666666667, 12);
    expect(small.checks.find((c) => c.name === 'cache memory')!.pass).toBe(true);
  });
});

describe('app and database memory per instance (the fixture without a cache, 6,000 users)', () => {
  const bare: Phase = { ...cached, components: phase.components, assumptions: { ...cached.assumptions, cache_hit_ratio: q(0) } };
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => ({ plan: sizePlan(catalogOf(bare), bare, 6000, memoryAlert) });

  it("app: baseline + per request × requests in flight (Little's law)", () => {
    const { plan } = subject();
    // 3 instances at 20 req/s each (test/model/plan.test.ts); a request spends the end-to-end mean less the
    // overhead in the tiers: 96.041667 − 20 = 76.041667 ms. In flight = 20 × 0.076041667 = 1.5208333;
    // memory = 100 + 10 × 1.5208333 = 115.208333 MB = 0.1125081 GB of 4 GB.
    const app = plan.memory.tiers.find((t) => t.id === 'app')!;
    expect(app.usedGb!).toBeCloseTo(115.20833333333333 / 1024, 12);
    expect(app.fraction!).toBeCloseTo(115.20833333333333 / 1024 / 4, 12);
  });

  it('db: connections in use × per-connection memory', () => {
    const { plan } = subject();
    // Connections in use = 120 visits/s × 1/(333.33 − 120) s = 0.5625 (plan.test.ts); × 8 MB = 4.5 MB of 2 GB.
    const db = plan.memory.tiers.find((t) => t.id === 'db')!;
    expect(db.usedGb!).toBeCloseTo(4.5 / 1024, 12);
    expect(db.capacityGb).toBe(2);
  });

  it('has no cache model and no memory rows without the assumptions', () => {
    const { plan } = subject();
    expect(plan.memory.cache).toBeNull();
    const none = sizePlan(catalog, phase, 6000, memoryAlert);
    expect(none.memory).toEqual({ cache: null, tiers: [] });
    expect(none.checks.some((c) => c.code === 'memory-over-alert')).toBe(false);
  });

  it('reports memory but checks nothing when the catalog has no memory alert', () => {
    const unchecked = sizePlan(catalogOf(bare), bare, 6000, thresholds);
    expect(unchecked.memory.tiers.length).toBe(2);
    expect(unchecked.checks.some((c) => c.code === 'memory-over-alert')).toBe(false);
    expect(thresholdsOf(catalog).memoryUtilization).toBeUndefined();
    expect(thresholdsOf({ ...catalog, alerts: [...catalog.alerts, { id: 'm', metric: 'memory_utilization', threshold: 85, unit: 'percent', source: 'seed' }] }).memoryUtilization).toBe(0.85);
  });

  it('needs the CPU and connection alerts: a catalog without one says which to add', () => {
    expect(() => thresholdsOf({ ...catalog, alerts: catalog.alerts.filter((a) => a.metric !== 'cpu_utilization') })).toThrow(
      'the catalog has no alert on "cpu_utilization"; add one under alerts: (the plan is checked against it)',
    );
  });
});

describe('memory as a limit in headroom', () => {
  it("stops where the cache's working set reaches the 85 % alert", () => {
    // 0.85 × 0.75 GB = 0.6375 GB = 0.25 + hot × 1/1024 → hot = 396.8 concurrent = 0.1·N → N = 3,968.
    const room = headroom(catalogOf(cached), cached, 2000, memoryAlert);
    expect(room.maxUsers).toBe(3968);
    expect(room.limitedBy).toEqual(['cache memory']);
  });
});

describe('the cache model, part by part (arithmetic by hand)', () => {
  it('working set: shared GB + MB per hot user × hot users / 1024; null without either assumption', () => {
    expect(cacheWorkingSetGb({ cache_shared_gb: q(2), cache_hot_mb_per_user: q(0.5) }, 2048)).toBe(3); // 2 + 0.5·2048/1024
    expect(cacheWorkingSetGb({ cache_hot_mb_per_user: q(0.5) }, 2048)).toBeNull();
    expect(cacheWorkingSetGb({ cache_shared_gb: q(2) }, 2048)).toBeNull();
  });

  it('a dedicated cache has an instance and serves the cache alone', () => {
    expect(isDedicatedCache(cache)).toBe(true);
    expect(isDedicatedCache({ ...cache, serves: ['cache', 'app'] })).toBe(false);
    expect(isDedicatedCache({ ...cache, serves: ['db'] })).toBe(false);
    const { instance: _instance, ...serverless } = cache;
    expect(isDedicatedCache(serverless)).toBe(false);
  });

  it("a node's usable memory: its memory less the reserve; all of it without a reserve; none without an instance", () => {
    expect(cacheNodeUsableGb({ ...cache, instance: { type: 'c', vcpus: 2, memoryGb: 8 } })).toBe(6); // 8 × (1 − 25/100)
    const { cache: _cache, ...plain } = cache;
    expect(cacheNodeUsableGb({ ...plain, instance: { type: 'c', vcpus: 2, memoryGb: 8 } })).toBe(8);
    const { instance: _instance, ...serverless } = cache;
    expect(cacheNodeUsableGb(serverless)).toBe(0);
  });

  it('capacity: Σ usable memory × nodes ÷ copies', () => {
    const big: Component = { ...cache, id: 'big', instance: { type: 'c', vcpus: 2, memoryGb: 8 }, cache: { copies: 1, reservedMemoryPercent: q(25) } };
    const { cache: _cache, ...small } = { ...cache, id: 'small', instance: { type: 'c', vcpus: 1, memoryGb: 4 } };
    // big: 6 GB × 3 nodes ÷ 1 copy = 18; small: 4 GB × 2 nodes, one copy (no cache section) = 8.
    expect(cacheCapacityGb([big, small], (c) => (c.id === 'big' ? 3 : 2))).toBe(26);
    expect(cacheCapacityGb([{ ...big, cache: { copies: 2, reservedMemoryPercent: q(25) } }], () => 3)).toBe(9);
  });

  it('no cache model without a dedicated cache, the working-set assumptions or the catalog hit ratio', () => {
    const assumptions = cached.assumptions!;
    const { cache_hit_ratio: _ratio, ...noRatio } = assumptions;
    expect(cacheMemory([cache], assumptions, 100, () => 2)).toMatchObject({ components: ['cache'], hotUsers: 100, catalogHitRatio: 0.8 });
    expect(cacheMemory([{ ...cache, serves: ['cache', 'app'] }], assumptions, 100, () => 2)).toBeNull();
    expect(cacheMemory([cache], noRatio, 100, () => 2)).toBeNull();
    const { cache_shared_gb: _shared, ...noShared } = assumptions;
    expect(cacheMemory([cache], noShared, 100, () => 2)).toBeNull();
  });
});
