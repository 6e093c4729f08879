/**
 * The gate's own evaluation (src/model/gate.ts) on the hand-built fixture (./fixture-catalog.ts): at 6,000 users
 * its one phase costs $292.50 (worked out in bill.test.ts), $292.50 / 6,000 = $0.04875 → $0.0488 a user (half away
 * from zero), the phase serves 13,333 users (findings.test.ts) so the headroom is 13,333 / 6,000 − 1 = 122.2 %, and
 * the expected availability is 99.8 % against a 99.9 % SLO (fixture-catalog.ts). Each limit is tested on both sides.
 */
import { describe, expect, it } from 'vitest';
import { asksForChecks, DEFAULT_LIMITS, gate, increasePercent, type GateBaseline, type GateLimits } from '../../src/model/gate.js';
import { InputError } from '../../src/model/input-error.js';
import { book, catalog, thresholds } from './fixture-catalog.js';

const NONE: GateLimits = { phaseBudget: false, slo: false };

function run(limits: Partial<GateLimits>, options: { users?: number[]; baseline?: GateBaseline | null } = {}) {
  return gate({
    catalog,
    users: options.users ?? [6000],
    book: { ...book, description: 'test prices' },
    thresholds,
    limits: { ...NONE, ...limits },
    baseline: options.baseline ?? null,
  });
}

const only = (limits: Partial<GateLimits>, options?: Parameters<typeof run>[1]) => {
  const result = run(limits, options);
  expect(result.checks).toHaveLength(1);
  return result.checks[0]!;
};

const savedAt = (points: Array<[number, number]>): GateBaseline => ({ source: 'base.json', kind: 'gate', points: points.map(([users, totalUsd]) => ({ users, totalUsd })) });

describe('each check at its limit and just past it', () => {
  it('--budget: $292.50 passes a $292.50 budget and fails $292.49', () => {
    expect(only({ budgetUsd: 292.5 })).toEqual({ id: 'cost-over-limit', users: 6000, metric: 'cost', value: 292.5, limit: 292.5, unit: 'USD', pass: true });
    expect(only({ budgetUsd: 292.49 }).pass).toBe(false);
  });

  it("the phase's budget ceiling: $292.50 is over the phase's $200", () => {
    expect(only({ phaseBudget: true })).toEqual({ id: 'over-budget', users: 6000, metric: 'cost', value: 292.5, limit: 200, unit: 'USD', pass: false });
  });

  it('--max-cost-per-user: $0.0488 passes $0.0488 and fails $0.0487', () => {
    expect(only({ maxCostPerUserUsd: 0.0488 })).toMatchObject({ id: 'cost-per-user-over-limit', metric: 'cost-per-user', value: 0.0488, unit: 'USD', pass: true });
    expect(only({ maxCostPerUserUsd: 0.0487 }).pass).toBe(false);
  });

  it('--min-headroom: 122.2 % passes a 122.2 % minimum and fails 122.3 %', () => {
    expect(only({ minHeadroomPercent: 122.2 })).toMatchObject({ id: 'headroom-under-minimum', metric: 'headroom', value: 122.2, unit: '%', pass: true });
    expect(only({ minHeadroomPercent: 122.3 }).pass).toBe(false);
  });

  it('--require-slo: latency under its 500 ms target passes; 99.8 % availability is short of 99.9 %', () => {
    const [latency, availability] = run({ slo: true }).checks;
    expect(latency).toMatchObject({ id: 'latency-over-slo', metric: 'p95-ms', limit: 500, unit: 'ms', pass: true });
    expect(latency!.value).toBeLessThan(500);
    expect(availability).toMatchObject({ id: 'availability-short', metric: 'availability', limit: 99.9, unit: '%', pass: false });
    expect(availability!.value).toBeCloseTo(99.8, 5);
  });

  it('--max-increase: $292.50 over a $250.00 baseline is +17 %: passes 17 %, fails 16.99 %', () => {
    // (292.50 − 250.00) / 250.00 = 42.50 / 250 = 0.17.
    expect(only({ maxIncreasePercent: 17 }, { baseline: savedAt([[6000, 250]]) })).toMatchObject({ id: 'cost-increase-over-limit', metric: 'cost-increase', value: 17, unit: '%', pass: true });
    expect(only({ maxIncreasePercent: 16.99 }, { baseline: savedAt([[6000, 250]]) }).pass).toBe(false);
  });
});

describe('a check that cannot be evaluated fails', () => {
  it('a user count the baseline lacks', () => {
    const check = only({ maxIncreasePercent: 1000 }, { baseline: savedAt([[5000, 250]]) });
    expect(check).toMatchObject({ value: null, limit: 1000, pass: false });
  });

  it('a $0 baseline under a cost above $0 (no finite growth)', () => {
    expect(only({ maxIncreasePercent: 1000 }, { baseline: savedAt([[6000, 0]]) })).toMatchObject({ value: null, pass: false });
  });

  it('no headroom: a phase that cannot serve even its smallest load', () => {
    const tight = { ...catalog, phases: [{ ...catalog.phases[0]!, slo: { ...catalog.phases[0]!.slo, latency: { percentile: 95, targetMs: 1 } } }] };
    const result = gate({ catalog: tight, users: [6000], book: { ...book, description: 'test' }, thresholds, limits: { ...NONE, minHeadroomPercent: 0 }, baseline: null });
    expect(result.checks[0]).toMatchObject({ id: 'headroom-under-minimum', value: null, pass: false });
    expect(result.ok).toBe(false);
  });
});

describe('the result', () => {
  it('one row per distinct user count, ascending, each check in order at each count; ok only when all pass', () => {
    const result = run({ budgetUsd: 1000, maxCostPerUserUsd: 1 }, { users: [6000, 2000, 6000] });
    expect(result.results.map((r) => [r.users, r.phase, r.baselineUsd])).toEqual([
      [2000, 1, null],
      [6000, 1, null],
    ]);
    expect(result.results[1]!.totalUsd).toBe(292.5);
    expect(result.checks.map((c) => [c.users, c.id])).toEqual([
      [2000, 'cost-over-limit'],
      [2000, 'cost-per-user-over-limit'],
      [6000, 'cost-over-limit'],
      [6000, 'cost-per-user-over-limit'],
    ]);
    expect(result.ok).toBe(true);
    expect(run({ budgetUsd: 1 }).ok).toBe(false);
  });

  it("carries the baseline's figure and name", () => {
    const result = run({}, { baseline: savedAt([[6000, 250]]) });
    expect(result.results[0]!.baselineUsd).toBe(250);
    expect(result.baseline).toEqual({ source: 'base.json', kind: 'gate' });
  });

  it('refuses a user count no phase holds, and --max-increase without a baseline (exit 2)', () => {
    expect(() => run({ budgetUsd: 1 }, { users: [500] })).toThrow(InputError);
    expect(() => run({ budgetUsd: 1 }, { users: [500] })).toThrow(/no phase of the catalog holds 500 users \(its phases cover 1,000–11,000\)/);
    expect(() => run({ maxIncreasePercent: 5 })).toThrow(/--max-increase compares with a baseline/);
  });
});

describe('the default checks', () => {
  it("are the catalog's budget ceiling and SLOs, used when nothing is asked", () => {
    expect(DEFAULT_LIMITS).toEqual({ phaseBudget: true, slo: true });
    expect(asksForChecks(NONE)).toBe(false);
    expect(asksForChecks({ ...NONE, minHeadroomPercent: 0 })).toBe(true);
    expect(run(DEFAULT_LIMITS).checks.map((c) => c.id)).toEqual(['over-budget', 'latency-over-slo', 'availability-short']);
  });
});

describe('increasePercent', () => {
  it('takes the difference in exact cents: $110 over $100 is 10 %, not 10.000000000000002', () => {
    expect(increasePercent(110, 100)).toBe(10);
    expect(increasePercent(0.3, 0.1)).toBe(200); // 0.3 − 0.1 = 0.2 exactly in cents
    expect(increasePercent(90, 100)).toBe(-10);
    expect(increasePercent(0, 0)).toBe(0);
    expect(increasePercent(1, 0)).toBeNull();
  });
});

describe('--min-weeks-to-migrate', () => {
  // Lead time: steps of 1–2 and 2–3 weeks, 3–5 summed; the migration starts 5 weeks before the phase runs out.
  const migrating = { ...catalog, migration: { steps: [{ weeks: { min: 1, max: 2 } }, { weeks: { min: 2, max: 3 } }] } as unknown as typeof catalog.migration };
  const weeks = (limit: number, options: { users?: number; growth?: number; on?: typeof catalog } = {}) =>
    gate({
      catalog: options.on ?? migrating,
      users: [options.users ?? 6000],
      book: { ...book, description: 'test' },
      thresholds,
      limits: { ...NONE, minWeeksToMigrate: limit },
      baseline: null,
      growth: { perMonth: options.growth ?? 0.2, asOf: '2027-01-01' },
    }).checks[0]!;

  it('6,000 users serving up to 13,333 at 20 %/month: 30.4375 × ln(13,333/6,000) / ln 1.2 = 133.30 days, less 35 → 14.0 weeks', () => {
    expect(weeks(14)).toEqual({ id: 'migration-start-too-soon', users: 6000, metric: 'weeks-to-migration', value: 14, limit: 14, unit: 'weeks', pass: true });
    expect(weeks(14.1).pass).toBe(false);
  });

  it('is negative, and fails even a 0-week minimum, when the lead time is longer than the time left', () => {
    // 8–10 weeks a step: 20 at the longest, 140 days; 133 − 140 = −7 days = −1.0 week.
    const slow = { ...catalog, migration: { steps: [{ weeks: { min: 8, max: 10 } }, { weeks: { min: 8, max: 10 } }] } as unknown as typeof catalog.migration };
    expect(weeks(0, { on: slow })).toMatchObject({ value: -1, pass: false });
  });

  it('fails without a value when the phase does not serve even its smallest load', () => {
    const tight = { ...migrating, phases: [{ ...catalog.phases[0]!, slo: { ...catalog.phases[0]!.slo, latency: { percentile: 95, targetMs: 1 } } }] };
    expect(weeks(0, { on: tight })).toMatchObject({ value: null, pass: false });
  });

  it('needs a growth rate above 0 (exit 2)', () => {
    const limits = { ...NONE, minWeeksToMigrate: 4 };
    const base = { catalog: migrating, users: [6000], book: { ...book, description: 'test' }, thresholds, limits, baseline: null };
    expect(() => gate(base)).toThrow(/--min-weeks-to-migrate needs a growth rate above 0/);
    expect(() => gate({ ...base, growth: { perMonth: 0, asOf: '2027-01-01' } })).toThrow(InputError);
  });
});

describe('--max-breach-probability', () => {
  const breaches = (probability: number) => [
    { id: 'latency-over-slo' as const, probability, standardError: 0.01 },
    { id: 'over-budget' as const, probability: 0, standardError: 0 },
  ];
  const withBreaches = (limit: number, probability: number) =>
    gate({ catalog, users: [6000], book: { ...book, description: 'test' }, thresholds, limits: { ...NONE, maxBreachProbability: limit }, baseline: null, breaches: [{ users: 6000, breaches: breaches(probability) }] });

  it('one check per breach, its probability against the limit: 0.05 passes 0.05 and fails 0.049999', () => {
    expect(withBreaches(0.05, 0.05).checks).toEqual([
      { id: 'breach-probability-over-limit', users: 6000, metric: 'breach-probability', subject: 'latency-over-slo', value: 0.05, limit: 0.05, unit: 'probability', pass: true },
      { id: 'breach-probability-over-limit', users: 6000, metric: 'breach-probability', subject: 'over-budget', value: 0, limit: 0.05, unit: 'probability', pass: true },
    ]);
    const failing = withBreaches(0.049999, 0.05);
    expect(failing.checks.map((c) => c.pass)).toEqual([false, true]);
    expect(failing.ok).toBe(false);
  });

  it('needs the breaches (exit 2)', () => {
    expect(() => run({ maxBreachProbability: 0.1 })).toThrow(/--max-breach-probability needs the Monte Carlo breaches/);
  });
});
