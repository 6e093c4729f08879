/**
 * `advise --users 800 --growth 10% --metrics examples/metrics-phase1.json --as-of 2027-01-01`: the exhaustion
 * and migration dates derived by hand from the fixture, not from the code's own output.
 *
 * Why the app tier's CPU sets the limit (the result's limitedBy confirms it): phase 1's app is two 1-vCPU droplets
 * at the 80 % CPU alert, 1.6 vCPUs; its P95 at 80 % is still under the 300 ms SLO with the measured demand.
 *   - the design peak is the busiest hour: 6,345 requests on 2026-12-10 10:00 UTC → 1.7625 req/s at 800 users,
 *     and scales with the users: 1.7625 × N / 800 req/s at N;
 *   - the app's demand S is the slope of vCPUs busy ((cpu1 + cpu2) / 100) on req/s over the 336 hours:
 *     ≈ 0.007863 vCPU-s per request (and ≈ 0.080 vCPUs busy with no load);
 *   - 1.7625 × N / 800 × 0.007863 ≤ 1.6  ⇒  N ≤ 1.6 × 800 / (1.7625 × 0.007863) ≈ 92,36x users;
 *   - at 10 %/month: t = 30.4375 × ln(92,36x / 800) / ln 1.1 = 30.4375 × 4.7489 / 0.095310 ≈ 1,516.6 days;
 *   - exhaustion = 2027-01-01 + 1,516 days: 2028-01-01 is +365, 2029-01-01 +731 (2028 is a leap year),
 *     2030-01-01 +1,096, 2031-01-01 +1,461, 2031-02-01 +1,492, 2031-02-25 +1,516;
 *   - the steps' weeks: prep 1–2 + infra 2–3 + data 1–1 + go-live 1–2 = 5–8 weeks;
 *     start = 2031-02-25 − 56 days = 2030-12-31; latest safe start = 2031-02-25 − 35 days = 2031-01-21.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const FIXTURE = 'examples/metrics-phase1.json';
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { series: Array<{ id: string; values: number[] }> };
const values = (id: string) => fixture.series.find((s) => s.id === id)!.values;

/** The least-squares slope of y on x, written out here rather than taken from src/. */
function slope(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
  });
  return sxy / sxx;
}

describe('advise on the phase-1 example', () => {
  const rates = values('requests').map((count) => count / 3600);
  const busy = values('appCpu1').map((u, i) => (u + values('appCpu2')[i]!) / 100);
  const peak = Math.max(...rates);
  const demand = slope(rates, busy);
  const maxUsers = (1.6 * 800) / (peak * demand);
  const days = (30.4375 * Math.log(maxUsers / 800)) / Math.log(1.1);

  it('the hand figures are the ones the comment works with', () => {
    expect(peak).toBeCloseTo(1.7625, 4);
    expect(demand).toBeCloseTo(0.007863, 6);
    expect(Math.floor(maxUsers)).toBeGreaterThan(92_350);
    expect(Math.floor(maxUsers)).toBeLessThan(92_370);
    expect(days).toBeCloseTo(1516.6, 1);
  });

  it('names the exhaustion day and the days to start migrating', async () => {
    const out = await run(['advise', '--users', '800', '--growth', '10%', '--metrics', FIXTURE, '--as-of', '2027-01-01', '--format', 'json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout);
    expect(r.current).toEqual({ phase: 1, name: 'Crecimiento inicial', chosenBy: 'observations' });
    expect(r.headroom.limitedBy).toContain('app CPU (CPU alert)');
    expect(Math.abs(r.headroom.maxUsers - maxUsers)).toBeLessThan(5);
    expect(r.migration.leadTime).toEqual({ minWeeks: 5, maxWeeks: 8 });
    expect(r.migration.exhaustion).toBe('2031-02-25');
    expect(r.migration.start).toBe('2030-12-31');
    expect(r.migration.latestSafeStart).toBe('2031-01-21');
    expect(r.recommendation.action).toBe('plan-migration');
    expect(r.calibration.assumptions.find((a: { name: string }) => a.name === 'demand_app_s').value).toBeCloseTo(demand, 6);
  });

  it('says the dates in the table', async () => {
    const out = await run(['advise', '--users', '800', '--growth', '10%', '--metrics', FIXTURE, '--as-of', '2027-01-01']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('start migrating to phase 2 by 2030-12-31 (latest safe start 2031-01-21): phase 1 runs out on 2031-02-25');
  });
});
