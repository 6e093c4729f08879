import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { dayFactors, WEEKS_PER_YEAR } from '../../src/model/calendar.js';
import type { Calendar, Catalog, Component, Phase, Quantity } from '../../src/model/catalog-types.js';
import { findingsOf } from '../../src/model/findings.js';
import { sizePlan } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { impliedPeakConcurrentUsers, workloadAt } from '../../src/model/workload.js';
import { book, catalog, phase, thresholds } from './fixture-catalog.js';

// The fixture (./fixture-catalog.ts): 0.9 DAU/MAU, 120 active minutes a day, 0.1 requests per active second;
// concurrency 0.1·N (100 at 1,000 users to 1,100 at 11,000); a profile of 12 hours at 0.5 and 12 at 1 (Σ = 18);
// components app, db and monitoring: no cache.

const q = (value: number): Quantity => ({ value, source: 'assumption', note: 'test' });
const withAssumptions = (values: Record<string, number>): Catalog => ({
  ...catalog,
  workload: {
    ...catalog.workload,
    assumptions: { ...catalog.workload.assumptions, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, q(v)])) },
  },
});
const withCalendar = (calendar: Calendar, base: Catalog = catalog): Catalog => ({ ...base, workload: { ...base.workload, calendar } });

/** Weekdays 1, weekends 0.5, 12 holiday weeks at a quarter of a school week's load. */
const school: Calendar = { weekday: q(1), weekend: q(0.5), schoolHolidays: { weeksPerYear: q(12), factor: q(0.25) } };

describe('monthly volume from engagement', () => {
  it('is users × dau_per_mau × active minutes × 60 × rate × 365.25 / 12, calendar or not', () => {
    // 6,000 × 0.9 = 5,400 daily active users × 120 min = 648,000 min × 60 = 38,880,000 s × 0.1 = 3,888,000
    // requests a day; × 30.4375 days = 118,341,000 requests in an average month.
    expect(workloadAt(catalog, phase, 6000).monthlyRequests).toBeCloseTo(118_341_000, 4);
    // A calendar moves volume between days; its factors average 1 over a year, so the month is the same.
    expect(workloadAt(withCalendar(school), phase, 6000).monthlyRequests).toBeCloseTo(118_341_000, 4);
  });

  it('gives the daily active users, the active minutes and the average rate of an average month', () => {
    const w = workloadAt(catalog, phase, 6000);
    expect(w.dailyActiveUsers).toBeCloseTo(5400, 9);
    expect(w.monthlyActiveMinutes).toBeCloseTo(648_000 * 30.4375, 4); // 19,723,500
    expect(w.avgRequestsPerS).toBeCloseTo(45, 9); // 3,888,000 requests / 86,400 s
  });

  it('keeps the design peak for sizing: the concurrency range × the rate, hour by hour over the profile', () => {
    const w = workloadAt(catalog, phase, 6000);
    expect(w.concurrentUsers).toBeCloseTo(600, 9);
    expect(w.peakRequestsPerS).toBeCloseTo(60, 9); // 600 × 0.1
    expect(w.hours.map((h) => h.requestsPerS)).toEqual([...Array<number>(12).fill(30), ...Array<number>(12).fill(60)]);
  });

  it('is exactly the issue formula on the bundled catalog (simulate --users 50000)', () => {
    const { catalog: bundled } = loadCatalog();
    const phase3 = bundled.phases.find((p) => p.id === 3)!;
    // Bundled: 0.3 DAU/MAU, 15 minutes, 0.2 requests per active second.
    expect(workloadAt(bundled, phase3, 50_000).monthlyRequests).toBe((50_000 * 0.3 * 15 * 60 * 0.2 * 365.25) / 12); // 82,181,250
  });
});

describe('the calendar', () => {
  it('without school holidays: weekdays 1, weekends 0.5 average (5 + 1) / 7 = 6/7', () => {
    const factors = dayFactors({ weekday: q(1), weekend: q(0.5) });
    expect(factors.busiestDay).toBeCloseTo(7 / 6, 12);
    expect(factors.quietestDay).toBeCloseTo(7 / 12, 12);
  });

  it('with 12 holiday weeks at 0.25: the year averages 6/7 × (W − 12 + 3) / W, W = 365.25 / 7', () => {
    // W = 52.178571…; (40.178571 + 3) / 52.178571 = 0.8275154; mean = 6/7 × 0.8275154 = 0.7092989.
    expect(WEEKS_PER_YEAR).toBeCloseTo(52.178571, 6);
    const factors = dayFactors(school);
    expect(factors.busiestDay).toBeCloseTo(1 / 0.7092989, 6); // a school weekday: 1.4098428
    expect(factors.quietestDay).toBeCloseTo(0.125 / 0.7092989, 6); // a holiday weekend: 0.5 × 0.25 → 0.1762304
  });

  it('is every day alike without one, and with equal factors and no holidays', () => {
    expect(dayFactors(undefined)).toEqual({ busiestDay: 1, quietestDay: 1 });
    const flat = dayFactors({ weekday: q(2), weekend: q(2) });
    expect(flat.busiestDay).toBeCloseTo(1, 12);
    expect(flat.quietestDay).toBeCloseTo(1, 12);
  });

  it('ignores a holiday factor when there are no holiday weeks: every week is a school week', () => {
    const none = dayFactors({ weekday: q(1), weekend: q(1), schoolHolidays: { weeksPerYear: q(0), factor: q(0.5) } });
    expect(none.busiestDay).toBeCloseTo(1, 12);
    expect(none.quietestDay).toBeCloseTo(1, 12);
  });

  it('lets holidays busier than school weeks be the busiest days', () => {
    // 26 weeks at 2: year mean = (W − 26 + 52) / W; weekday = weekend = 1, so busiest = 2 W / (W + 26).
    const summer = dayFactors({ weekday: q(1), weekend: q(1), schoolHolidays: { weeksPerYear: q(26), factor: q(2) } });
    expect(summer.busiestDay).toBeCloseTo((2 * WEEKS_PER_YEAR) / (WEEKS_PER_YEAR + 26), 12);
  });
});

describe('the peak engagement implies', () => {
  it('is the day’s active user-seconds × busiest day × 1/Σ profile / 3600', () => {
    // 38,880,000 user-seconds / 18 / 3,600 = 600: the fixture's engagement matches its design peak.
    expect(workloadAt(catalog, phase, 6000).impliedPeakConcurrentUsers).toBeCloseTo(600, 9);
    // On the busiest day of the school calendar: 600 × 1.4098428 = 845.9057.
    expect(workloadAt(withCalendar(school), phase, 6000).impliedPeakConcurrentUsers).toBeCloseTo(845.9057, 3);
    // 1,000 user-hours over 24 equal hours: 1,000 / 24 = 41.67 at once.
    expect(impliedPeakConcurrentUsers(3_600_000, 1, Array<number>(24).fill(1))).toBeCloseTo(1000 / 24, 12);
  });
});

describe('design peak against implied peak: a finding past 2× either way', () => {
  const mismatch = (cat: Catalog) => {
    const plan = sizePlan(cat, phase, 6000, thresholds);
    return findingsOf({ plan, cost: pricePlan(plan, book) }).filter((f) => f.code.startsWith('design-peak'));
  };

  it('none while the two are within 2× (the fixture: equal)', () => {
    expect(mismatch(catalog)).toEqual([]);
  });

  it('design over implied: 600 against 6,000 × DAU/MAU × 7,200 s / 18 / 3,600 = 666.67 × DAU/MAU', () => {
    // 0.45 → implied 300 = 600 / 2 exactly: not over 2×. 0.449 → 299.33: over.
    expect(mismatch(withAssumptions({ dau_per_mau: 0.45 }))).toEqual([]);
    const [over] = mismatch(withAssumptions({ dau_per_mau: 0.449 }));
    expect(over).toMatchObject({ code: 'design-peak-over-implied', severity: 'info', subject: 'phase:1', metric: 'concurrent-users', unit: 'users' });
    expect(over!.value).toBeCloseTo(600, 9);
    expect(over!.limit).toBeCloseTo(299.3333, 3);
  });

  it('implied over design: 6,000 × 1 × minutes × 60 / 18 / 3,600 = 5.5556 × minutes against 600', () => {
    // 216 minutes → 1,200 = 2 × 600 exactly: not over. 217 → 1,205.56: over.
    expect(mismatch(withAssumptions({ dau_per_mau: 1, active_minutes_per_day: 216 }))).toEqual([]);
    const [under] = mismatch(withAssumptions({ dau_per_mau: 1, active_minutes_per_day: 217 }));
    expect(under).toMatchObject({ code: 'design-peak-under-implied', severity: 'warn', subject: 'phase:1' });
    expect(under!.value).toBeCloseTo(600, 9);
    expect(under!.limit).toBeCloseTo(1205.5556, 3);
  });
});

describe('a phase without a cache', () => {
  const hitting = withAssumptions({ cache_hit_ratio: 0.8 });
  const cache: Component = {
    id: 'cache',
    name: 'Cache',
    kind: 'cache',
    provider: 'test',
    serves: ['cache'],
    instance: { type: 'cache.test', vcpus: 1, memoryGb: 1 },
    count: { kind: 'fixed', count: 1 },
    cost: [],
  };

  it('sends every read to the database whatever the hit ratio assumption says', () => {
    // 2 queries × 0.5 reads = 1 read per request, none cut: DB visits = 1 read + 1 write.
    const w = workloadAt(hitting, phase, 6000);
    expect(w.cacheHitRatio).toBe(0);
    expect(w.visits).toEqual({ cache: 0, dbReads: 1, dbWrites: 1 });
    const plan = sizePlan(hitting, phase, 6000, thresholds);
    expect(plan.tiers.find((t) => t.id === 'db')!.visitsPerRequest).toBe(2);
    // Formulas see the ratio in force, so a line over cache misses bills every read.
    expect(plan.scope.cache_hit_ratio).toBe(0);
  });

  it('with a cache the ratio cuts reads: 1 × (1 − 0.8) = 0.2 to the database', () => {
    const cached: Phase = { ...phase, components: [...phase.components, cache] };
    const w = workloadAt(hitting, cached, 6000);
    expect(w.cacheHitRatio).toBe(0.8);
    expect(w.visits.cache).toBe(1);
    expect(w.visits.dbReads).toBeCloseTo(0.2, 12);
    expect(w.visits.dbWrites).toBe(1);
  });
});

describe("a phase's own daily profile", () => {
  const flat: Phase = { ...phase, dailyProfile: Array<number>(24).fill(1) };

  it('wins over the workload’s: every hour at the design peak, and Σ = 24 for the implied peak', () => {
    const w = workloadAt(catalog, flat, 6000);
    expect(w.dailyProfileFrom).toBe('phase');
    expect(w.hours.every((h) => h.requestsPerS === w.peakRequestsPerS)).toBe(true);
    // 38,880,000 user-seconds / 24 / 3,600 = 450.
    expect(w.impliedPeakConcurrentUsers).toBeCloseTo(450, 9);
    expect(workloadAt(catalog, phase, 6000).dailyProfileFrom).toBe('workload');
  });

  it('sizes every hour as the peak hour', () => {
    const plan = sizePlan(catalog, flat, 6000, thresholds);
    const app = plan.tiers.find((t) => t.id === 'app')!;
    expect(new Set(app.instances.hourly)).toEqual(new Set([app.instances.peak]));
  });

  it('leaves the month’s volume to engagement', () => {
    expect(workloadAt(catalog, flat, 6000).monthlyRequests).toBeCloseTo(118_341_000, 4);
  });
});
