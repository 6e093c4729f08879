/**
 * Calibration on two synthetic days of phase 1 (bundled catalog: 0.3 DAU/MAU, 15 active minutes), with figures
 * chosen so that every expected value follows by hand.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { calibrate } from '../../src/model/calibrate.js';
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
  const { catalog: calibrated, calibration } = calibrate(catalog, observations([series('app1', 'cpu', 'app', appCpu), series('app2', 'cpu', 'app', appCpu)]), { runUsers: 800, source: 'test.json' });
  const phase1 = calibrated.phases.find((p) => p.id === 1)!;

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
