/**
 * Calibration on two synthetic days of phase 1 (bundled catalog: 0.3 DAU/MAU, 15 active minutes), with figures
 * chosen so that every expected value follows by hand.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { calibrate, type Calibration } from '../../src/model/calibrate.js';
import type { Catalog, Phase } from '../../src/model/catalog-types.js';
import { compareLatency, latencyFindings } from '../../src/model/calibrate-latency.js';
import { calibrationResult } from '../../src/model/calibrate-result.js';
import type { ObservedSeries, Observations } from '../../src/model/calibrate-observations.js';
import { withOverrides } from '../../src/model/overrides.js';
import { thresholdsOf } from '../../src/model/plan.js';

const { catalog } = loadCatalog();
const START = Date.UTC(2027, 0, 4);
const HOURS = 48;
const stamps = Array.from({ length: HOURS }, (_, h) => new Date(START + h * 3_600_000).toISOString());
// Requests per second: 1 in hours 0–11 UTC, 4 in hours 12–23, each day.
const rate = (h: number) => (h % 24 < 12 ? 1 : 4);
const series = (id: string, measures: ObservedSeries['measures'], tier: ObservedSeries['tier'], values: number[]): ObservedSeries => ({
  id,
  measures,
  tier,
  origin: { namespace: 'Test', name: id, dimensions: {}, stat: 'Average' },
  timestamps: stamps,
  values,
});
const hours = Array.from({ length: HOURS }, (_, h) => h);

function observations(extra: ObservedSeries[] = []): Observations {
  return {
    version: 1,
    window: { start: stamps[0]!, end: new Date(START + HOURS * 3_600_000).toISOString(), periodSeconds: 3600 },
    users: 800,
    phase: 1,
    series: [series('requests', 'requests', 'lb', hours.map((h) => rate(h) * 3600)), ...extra],
  };
}

describe('calibrate', () => {
  // Two 1-vCPU app droplets, each 5 % busy with no load and taking half of 10 ms per request:
  // U = 100 × (0.05 + 0.010 × x / 2), so vCPUs busy = 0.10 + 0.010 x.
  const appCpu = hours.map((h) => 100 * (0.05 + (0.01 * rate(h)) / 2));
  // Calibrated before each test, not once when the file is collected: a mutation test (npm run mutate) counts a
  // test as covering only the code that runs while it runs.
  let calibrated: Catalog;
  let calibration: Calibration;
  let phase1: Phase;
  beforeEach(() => {
    ({ catalog: calibrated, calibration } = calibrate(catalog, observations([series('app1', 'cpu', 'app', appCpu), series('app2', 'cpu', 'app', appCpu)]), { runUsers: 800, source: 'test.json' }));
    phase1 = calibrated.phases.find((p) => p.id === 1)!;
  });

  it('sets the request rate from the mean volume over the users\' active seconds', () => {
    // Mean 2.5 req/s = 216,000 a day; active seconds a day = 800 × 0.3 × 15 × 60 = 216,000 → 1 request per active second.
    const r = calibrated.workload.assumptions.requests_per_active_user_per_s!;
    expect(r.value).toBeCloseTo(1, 12);
    expect(r.source).toBe('measured');
    expect(r.note).toContain(`measured ${stamps[0]} – `);
    expect(calibrated.workload.assumptions.dau_per_mau!.value).toBe(0.3);
  });

  it('makes the busiest period the design peak, per monthly user, in every phase', () => {
    // 4 req/s at 1 request per active second = 4 concurrent users of 800 = 0.5 %.
    expect(calibration.requests.peakPerS).toBe(4);
    expect(calibration.designPeak.perUser).toBeCloseTo(0.005, 12);
    expect(phase1.concurrentUsers.min).toBeCloseTo(0.005 * 101, 9);
    expect(phase1.concurrentUsers.max).toBeCloseTo(0.005 * 1000, 9);
    expect(calibrated.phases.find((p) => p.id === 3)!.concurrentUsers.source).toBe('measured');
  });

  it('takes the 24-hour profile from the hourly rate, busiest hour = 1', () => {
    expect(calibration.dailyProfile).toEqual([...Array(12).fill(0.25), ...Array(12).fill(1)]);
    expect(calibrated.workload.dailyProfile).toEqual(calibration.dailyProfile);
  });

  it('fits the app demand by the utilisation law with a background: 10 ms, 0.1 vCPU idle', () => {
    const app = calibration.tiers.find((t) => t.tier === 'app')!;
    expect(app.method).toBe('regression');
    expect(app.demandS).toBeCloseTo(0.01, 12);
    expect(app.backgroundVcpus).toBeCloseTo(0.1, 12);
    expect(calibrated.workload.assumptions.demand_app_s!.value).toBeCloseTo(0.01, 12);
    expect(calibration.skipped.map((s) => s.what)).toEqual(['db service demand', 'cache service demand']);
  });

  it('with a flat load no slope can be fitted: S = busy / X, an upper bound', () => {
    const flat = observations([series('app1', 'cpu', 'app', hours.map(() => 20))]);
    flat.series = [series('requests', 'requests', 'lb', hours.map(() => 7200)), flat.series[1]!];
    const app = calibrate(catalog, flat, { runUsers: 800, source: 'flat' }).calibration.tiers[0]!;
    // 0.2 vCPUs busy at 2 req/s.
    expect(app.method).toBe('utilisation-law');
    expect(app.demandS).toBeCloseTo(0.1, 12);
  });

  it('--set applied after calibration wins', () => {
    const set = withOverrides(calibrated, [{ name: 'demand_app_s', value: 0.05 }]);
    expect(set.workload.assumptions.demand_app_s!.value).toBe(0.05);
    expect(set.workload.assumptions.demand_app_s!.note).toContain('(measured)');
  });

  it('reports what it set rounded for printing, with no profile or P95 comparison when there is none', () => {
    const printed = calibrationResult(calibration, null);
    expect(printed.dailyProfile).toEqual([...Array(12).fill(0.25), ...Array(12).fill(1)]);
    expect(printed.latency).toBeNull();
    const noProfile = calibrationResult({ ...calibration, dailyProfile: null }, { observedP95Ms: 123.456, peakPeriods: 3, modelP95Ms: null, errorPercent: null, marginPercent: 25 });
    expect(noProfile.dailyProfile).toBeNull();
    expect(noProfile.latency).toEqual({ observedP95Ms: 123.5, peakPeriods: 3, modelP95Ms: null, errorPercent: null, marginPercent: 25 });
    // One decimal: 100.04 ms → 100, −18.96 % → −19.
    expect(calibrationResult(calibration, { observedP95Ms: 123.456, peakPeriods: 3, modelP95Ms: 100.04, errorPercent: -18.96, marginPercent: 25 }).latency).toMatchObject({ modelP95Ms: 100, errorPercent: -19 });
  });

  it('refuses observations without a request count', () => {
    const none = { ...observations(), series: [series('app1', 'cpu', 'app', appCpu)] };
    expect(() => calibrate(catalog, none, { runUsers: 800, source: 'x' })).toThrow(/no "requests" series/);
  });
});

describe('calibrate: the database and cache tiers, and what it skips', () => {
  // Phase 1 of the bundled catalog: db serves only db (2 vCPUs), cache only cache (1 vCPU). Its assumptions are the
  // workload's: 2 queries a request, 80 % reads, 80 % cache hits. Per request (src/model/workload.ts
  // visitsPerRequest): 2 × 0.8 = 1.6 cache lookups, 1.6 × 0.2 = 0.32 database reads, 2 × 0.2 = 0.4 writes, so the
  // catalog's database demand is 0.32 × 1 ms + 0.4 × 2 ms = 1.12 ms a request.
  // Database: 0.1 vCPU idle and 5.6 ms a request, five times the catalog's: busy = 0.1 + 0.0056 x on 2 vCPUs.
  const dbCpu = hours.map((h) => (100 * (0.1 + 0.0056 * rate(h))) / 2);
  // Cache: 0.02 vCPU idle and 0.8 ms a request = 0.5 ms for each of the 1.6 lookups, on 1 vCPU.
  const cacheCpu = hours.map((h) => 100 * (0.02 + 0.0008 * rate(h)));
  let calibrated: Catalog;
  let calibration: Calibration;
  beforeEach(() => {
    ({ catalog: calibrated, calibration } = calibrate(catalog, observations([series('db', 'cpu', 'db', dbCpu), series('cache', 'cpu', 'cache', cacheCpu)]), { runUsers: 800, source: 'db.json' }));
  });
  const value = (name: string) => calibrated.workload.assumptions[name]!;

  it('scales the read and write demands together to the measured database demand: 1 ms → 5 ms, 2 ms → 10 ms', () => {
    expect(calibration.tiers.map((t) => [t.tier, t.component, t.method])).toEqual([
      ['db', 'db', 'regression'],
      ['cache', 'cache', 'regression'],
    ]);
    expect(calibration.tiers[0]!.demandS).toBeCloseTo(0.0056, 12);
    expect(calibration.tiers[0]!.backgroundVcpus).toBeCloseTo(0.1, 12);
    expect(value('demand_db_read_s').value).toBe(0.005);
    expect(value('demand_db_write_s').value).toBe(0.01);
    expect(value('demand_db_read_s').source).toBe('measured');
    expect(value('demand_db_write_s').note).toContain("reads and writes keep the catalog's ratio");
    expect(calibration.assumptions.filter((a) => a.name.startsWith('demand_db')).map((a) => [a.name, a.value, a.previous])).toEqual([
      ['demand_db_read_s', 0.005, 0.001],
      ['demand_db_write_s', 0.01, 0.002],
    ]);
  });

  it('divides the cache demand by the lookups a request makes: 0.8 ms / 1.6 = 0.5 ms', () => {
    expect(value('demand_cache_s').value).toBe(0.0005);
    expect(value('demand_cache_s').note).toContain('1.6 lookups per request');
    expect(calibration.skipped).toEqual([{ what: 'app service demand', reason: 'no app CPU series' }]);
  });

  it('leaves the app demand alone when it is not measured, and says where the user count came from', () => {
    expect(value('demand_app_s')).toEqual(catalog.workload.assumptions.demand_app_s);
    expect(calibration.usersFrom).toBe('observations');
    const fromRun = calibrate(catalog, { ...observations(), users: undefined }, { runUsers: 800, source: 'x' }).calibration;
    expect([fromRun.usersFrom, fromRun.users, fromRun.phase]).toEqual(['run', 800, 1]);
  });

  it('skips a tier whose component also serves another queueing tier: its CPU cannot be split', () => {
    const phase0 = { ...observations([series('vps', 'cpu', 'app', hours.map(() => 30))]), users: 80, phase: 0 };
    const skipped = calibrate(catalog, phase0, { runUsers: 80, source: 'x' }).calibration.skipped;
    expect(skipped).toEqual([
      { what: 'app service demand', reason: 'vps also serves db, cache: its CPU cannot be split between them' },
      { what: 'db service demand', reason: 'no db CPU series' },
      { what: 'cache service demand', reason: 'no cache CPU series' },
    ]);
  });

  it('skips the daily profile when periods are longer than an hour, or an hour of the day has no data', () => {
    const twoHourly: Observations = {
      ...observations(),
      window: { ...observations().window, periodSeconds: 7200 },
      series: [{ ...series('requests', 'requests', 'lb', hours.filter((h) => h % 2 === 0).map((h) => rate(h) * 7200)), timestamps: stamps.filter((_, h) => h % 2 === 0) }],
    };
    expect(calibrate(catalog, twoHourly, { runUsers: 800, source: 'x' }).calibration.skipped[0]).toEqual({ what: 'daily profile', reason: 'periods are longer than an hour' });
    const gap: Observations = {
      ...observations(),
      series: [{ ...series('requests', 'requests', 'lb', hours.filter((h) => h % 24 !== 5).map((h) => rate(h) * 3600)), timestamps: stamps.filter((_, h) => h % 24 !== 5) }],
    };
    const { calibration: gapped } = calibrate(catalog, gap, { runUsers: 800, source: 'x' });
    expect(gapped.dailyProfile).toBeNull();
    expect(gapped.skipped[0]).toEqual({ what: 'daily profile', reason: 'some hour of the day has no data' });
  });

  it('refuses a phase the catalog does not have, a user count no phase holds, and a count of no request', () => {
    expect(() => calibrate(catalog, { ...observations(), phase: 7 }, { runUsers: 800, source: 'x' })).toThrow('the observations name phase 7, which is not in the catalog');
    expect(() => calibrate(catalog, { ...observations(), phase: undefined, users: 5_000_000 }, { runUsers: 800, source: 'x' })).toThrow(
      'no phase\'s user range holds the 5000000 users measured; give the phase in the observations ("phase")',
    );
    const zero = { ...observations(), series: [series('requests', 'requests', 'lb', hours.map(() => 0))] };
    expect(() => calibrate(catalog, zero, { runUsers: 800, source: 'x' })).toThrow('the "requests" series (requests) counts no request: nothing to calibrate from');
  });
});

describe('the model against the observed P95', () => {
  const withP95 = (ms: number) => observations([series('p95', 'response-time-p95', 'lb', hours.map(() => ms))]);
  const check = (ms: number) => {
    const obs = withP95(ms);
    const { catalog: c, calibration } = calibrate(catalog, obs, { runUsers: 800, source: 'x' });
    const comparison = compareLatency(c, calibration, obs, thresholdsOf(c))!;
    return { comparison, findings: latencyFindings(comparison, 1) };
  };

  it('reads the observed P95 in the busiest periods and raises p95-model-off past ±25 %', () => {
    const model = check(100).comparison.modelP95Ms!;
    // Both sides of the margin: observed = model × 1.2 ⇒ error −16.7 % (within); model / 1.2 ⇒ +20 % (within); model / 1.3 ⇒ +30 % (past 25 %).
    expect(check(model * 1.2).findings).toEqual([]);
    expect(check(model / 1.3).comparison.errorPercent).toBeCloseTo(30, 6);
    expect(check(model / 1.3).findings.map((f) => f.code)).toEqual(['p95-model-off']);
    expect(check(model / 1.2).findings).toEqual([]);
    expect(check(model * 0.7).comparison.peakPeriods).toBe(24);
  });

  it('averages the P95 over the busiest periods only, and names the phase, the model and the system in the finding', () => {
    // Quiet hours (1 req/s) at 500 ms are left out; the busy ones (4 req/s) alternate 200 and 300 ms: mean 250 ms.
    const obs = observations([series('p95', 'response-time-p95', 'lb', hours.map((h) => (rate(h) === 1 ? 500 : h % 2 ? 300 : 200)))]);
    const { catalog: c, calibration } = calibrate(catalog, obs, { runUsers: 800, source: 'x' });
    const comparison = compareLatency(c, calibration, obs, thresholdsOf(c))!;
    expect(comparison.observedP95Ms).toBe(250);
    expect(comparison.peakPeriods).toBe(24);
    expect(latencyFindings({ ...comparison, modelP95Ms: 500, errorPercent: 100 }, 1)).toEqual([
      { code: 'p95-model-off', severity: 'warn', subject: 'phase:1', metric: 'p95-ms', value: 500, limit: 250, unit: 'ms' },
    ]);
  });

  it('counts a period at 90 % of the busiest rate as busy', () => {
    // 3.6 req/s is 90 % of 4: every period is one of the busiest.
    const obs = observations([series('p95', 'response-time-p95', 'lb', hours.map(() => 100))]);
    obs.series = [series('requests', 'requests', 'lb', hours.map((h) => (rate(h) === 1 ? 3.6 : 4) * 3600)), obs.series[1]!];
    const { catalog: c, calibration } = calibrate(catalog, obs, { runUsers: 800, source: 'x' });
    expect(compareLatency(c, calibration, obs, thresholdsOf(c))!.peakPeriods).toBe(48);
  });

  it('has nothing to compare without a P95 series, and no finding then', () => {
    const obs = observations();
    const { catalog: c, calibration } = calibrate(catalog, obs, { runUsers: 800, source: 'x' });
    expect(compareLatency(c, calibration, obs, thresholdsOf(c))).toBeNull();
    expect(latencyFindings(null, 1)).toEqual([]);
  });
});
