/**
 * solve on a fixture small enough to solve by hand: phase 1 of ./fixture-catalog.ts at 6,000 users with the app
 * tier fixed at 2 instances, so that the cost is a line in one assumption, or a staircase.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, Component } from '../../src/model/catalog-types.js';
import type { PriceLookup } from '../../src/model/cost.js';
import { figureText, solve, type SolveInput } from '../../src/model/solve.js';
import { checkMetricFor, metricAt } from '../../src/model/solve-metrics.js';
import { app, book as fixtureBook, catalog as fixture, formula, phase, thresholds } from './fixture-catalog.js';

const USERS = 6000;
const q = (value: number, range?: [number, number]) => ({ value, source: 'assumption' as const, ...(range ? { range } : {}) });

/** The fixture's book plus a CDN priced at $0.50 per GB. */
const book: PriceLookup & { description: string } = {
  name: 'snapshot',
  description: 'test prices',
  price: (key) => (key === 'cdn:gb' ? { key, usdPerUnit: 0.5, unit: 'gb', verified: true, source: 'test' } : fixtureBook.price(key)),
};

const fixedApp: Component = { ...app, count: { kind: 'fixed', count: 2 } };

/**
 * The fixture with a fixed app tier and one more component. At 6,000 users the bill is
 *   app 2 × 730 h × $0.10 = $146 · db $50 · monitoring 6,000 × 0.01 × $1 = $60   → $256 before `extra`.
 */
function catalogWith(extra: Component, transfer = q(0.1, [0.01, 0.2])): Catalog {
  return {
    ...fixture,
    workload: { ...fixture.workload, assumptions: { ...fixture.workload.assumptions, transfer_mb_per_active_minute: transfer } },
    phases: [{ ...phase, components: [fixedApp, phase.components[1]!, phase.components[2]!, extra] }],
  };
}

/** A CDN billed per GB: 6,000 users × t GB × $0.50 = $3,000·t a month. */
const cdn: Component = {
  id: 'cdn',
  name: 'CDN',
  kind: 'cdn',
  provider: 'test',
  serves: [],
  count: { kind: 'fixed', count: 1 },
  cost: [{ priceKey: 'cdn:gb', quantity: formula('users * transfer_mb_per_active_minute', (s) => s.users! * s.transfer_mb_per_active_minute!, ['users', 'transfer_mb_per_active_minute']) }],
};

/** Boxes at $50 a month each, one per started 0.1 GB of transfer per user: ⌈10·t⌉ boxes, a staircase. */
const boxes: Component = {
  id: 'boxes',
  name: 'Boxes',
  kind: 'other',
  provider: 'test',
  serves: [],
  count: { kind: 'fixed', count: formula('transfer_mb_per_active_minute * 10', (s) => s.transfer_mb_per_active_minute! * 10, ['transfer_mb_per_active_minute']) },
  cost: [{ priceKey: 'db:month', quantity: formula('instances', (s) => s.instances!, ['instances']) }],
};

const input = (catalog: Catalog, target: SolveInput['target'], vary = 'transfer_mb_per_active_minute'): SolveInput => ({
  catalog,
  phase: catalog.phases[0]!,
  users: USERS,
  vary,
  target,
  book,
  thresholds,
});

describe('solve: a cost linear in the assumption', () => {
  it('finds $256 + $3,000·t = $400 at t = 144 / 3,000 = 0.048, inside the range [0.01, 0.2]', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'cost', value: 400 }));
    expect(r).toMatchObject({ reachable: true, jump: false, boundary: true, value: 0.048, achieved: 400, reason: null });
    // Today's t = 0.1: $256 + $300 = $556.
    expect(r.current).toEqual({ value: 0.1, achieved: 556 });
    expect(r.bracket).toEqual({ low: 0.01, high: 0.2, searched: 'range' });
  });

  it('leaves the range for the domain when the edge is outside it: $256 + $3,000·t = $1,000 at t = 744 / 3,000 = 0.248', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'cost', value: 1000 }));
    expect(r).toMatchObject({ reachable: true, jump: false, value: 0.248, achieved: 1000 });
    // The domain of a non-negative amount, searched from 0 to 1,000 × the range's top (0.2).
    expect(r.bracket).toEqual({ low: 0, high: 200, searched: 'domain' });
  });

  it('per user, as reported (to 4 decimals): ($256 + $3,000·t) / 6,000 rounds to at most $0.08 while t < (480.3 − 256) / 3,000 = 0.074766…', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'cost-per-user', value: 0.08 }));
    // The shortest decimal below the edge with the same reported figure: 0.075 gives $481 / 6,000 = $0.08017 → $0.0802;
    // 0.0747 gives $480.10 / 6,000 = $0.080017 → $0.0800.
    expect(r).toMatchObject({ reachable: true, jump: false, value: 0.0747, achieved: 0.08 });
  });

  it('is unreachable below the $256 floor, and says where the search came closest', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'cost', value: 200 }));
    expect(r).toMatchObject({ reachable: false, value: null, achieved: null, boundary: false, closest: { value: 0, achieved: 256 } });
    expect(r.reason).toBe(
      'no value of transfer_mb_per_active_minute from 0 to 200 brings cost to at most $200.00: the lowest cost is $256.00, at transfer_mb_per_active_minute = 0, above $200.00',
    );
  });

  it('keeps the current value when the target holds everywhere (availability does not depend on transfer)', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'availability', value: 50 }));
    expect(r).toMatchObject({ reachable: true, boundary: false, jump: false, value: 0.1 });
    expect(r.reason).toMatch(/^availability stays at least 50% for every transfer_mb_per_active_minute from 0 to 200/);
  });
});

describe('solve: a cost that jumps', () => {
  it('returns the last value before the step: ⌈10·t⌉ boxes, $256 + $50 at t ≤ 0.1 and $256 + $100 just past it', () => {
    const r = solve(input(catalogWith(boxes, q(0.05, [0.01, 0.2])), { metric: 'cost', value: 330 }));
    expect(r).toMatchObject({ reachable: true, jump: true, boundary: true, value: 0.1, achieved: 306, jumpTo: { achieved: 356, tiers: [] } });
    expect(r.reason).toBe('cost jumps over the target at transfer_mb_per_active_minute = 0.1: $306.00 on this side, $356.00 just past it');
  });
});

describe('solve: input it refuses', () => {
  it.each([
    [{ vary: 'transfer_mb_per_active_min', metric: 'cost' as const }, /^--vary transfer_mb_per_active_min: the catalog has no assumption .* did you mean "transfer_mb_per_active_minute"\?/],
    [{ vary: 'revenue.premium.price_schedule[0].from_users', metric: 'cost' as const }, /is a whole number/],
  ])('%j', ({ vary, metric }, message) => {
    const catalog = { ...catalogWith(cdn), revenue: { premium: { priceSchedule: [{ fromUsers: q(0), usdPerMonth: q(4.99) }] } } } as unknown as Catalog;
    expect(() => solve(input(catalog, { metric, value: 400 }, vary))).toThrow(message);
  });

  it('a latency target on a phase whose SLO is not at P95', () => {
    const catalog = catalogWith(cdn);
    const p99 = { ...catalog, phases: [{ ...catalog.phases[0]!, slo: { ...phase.slo, latency: { percentile: 99, targetMs: 500 } } }] };
    expect(() => solve(input(p99, { metric: 'p95-ms', value: 100 }))).toThrow('--target p95-ms: phase 1 models latency at its SLO\'s percentile, P99, not P95');
    // Any other metric is read the same at any SLO percentile.
    expect(() => checkMetricFor('cost', p99.phases[0]!)).not.toThrow();
  });

  it('a phase the catalog does not have', () => {
    expect(() => metricAt(catalogWith(cdn), 7, USERS, 'cost', book, thresholds)).toThrow('phase 7 is not in the catalog');
  });
});

describe('solve: what it says when the target cannot bind or cannot be met', () => {
  it('a target that holds everywhere names the worst figure searched: $256 + $3,000 × 200 = $600,256 at the top', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'cost', value: 1e9 }));
    expect(r).toMatchObject({ reachable: true, value: 0.1, achieved: 556, boundary: false, jump: false, closest: null, bracket: { low: 0, high: 200, searched: 'domain' } });
    expect(r.reason).toBe(
      'cost stays at most $1,000,000,000.00 for every transfer_mb_per_active_minute from 0 to 200 (highest: $600,256.00 at 200): the target does not bind, so the current value stands',
    );
  });

  it('under the fixed floor, the floor is the reason: 2 × 730 h × $0.10 + $50 = $196 at zero volume', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'cost', value: 150 }));
    expect(r).toMatchObject({ reachable: false, value: null, closest: { value: 0, achieved: 256 } });
    expect(r.reason).toBe(
      'no value of transfer_mb_per_active_minute from 0 to 200 brings cost to at most $150.00: the fixed floor alone is $196.00, above $150.00 (the cost at zero volume and load, autoscaled minimums included)',
    );
  });

  it('per user, the floor over the users: $196 / 6,000 = $0.0327', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'cost-per-user', value: 0.01 }));
    expect(r.reason).toBe(
      'no value of transfer_mb_per_active_minute from 0 to 200 brings cost-per-user to at most $0.01: the fixed floor alone, over 6,000 users, is $0.0327, above $0.01 (the cost at zero volume and load, autoscaled minimums included)',
    );
  });

  it('an at-least target that is never met names the highest figure, below the target', () => {
    const r = solve(input(catalogWith(cdn), { metric: 'availability', value: 100 }));
    expect(r).toMatchObject({ reachable: false, value: null, achieved: null });
    expect(r.reason).toMatch(/^no value of transfer_mb_per_active_minute from 0 to 200 brings availability to at least 100%: the highest availability is [\d.]+%, at transfer_mb_per_active_minute = [\d.e-]+, below 100%$/);
    expect(r.closest!.achieved).toBeLessThan(100);
  });
});

describe('figureText', () => {
  it.each([
    ['cost', 1210, '$1,210.00'],
    ['cost-per-user', 0.0196, '$0.0196'],
    ['p95-ms', 480.2, '480.2 ms'],
    ['availability', 99.95, '99.95%'],
  ] as const)('%s %d → %s', (metric, value, text) => expect(figureText(metric, value)).toBe(text));
});
