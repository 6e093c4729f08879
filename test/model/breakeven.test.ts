import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { breakeven, breakevenFigures, sampleUsers, type BreakevenInput } from '../../src/model/breakeven.js';
import type { Catalog } from '../../src/model/catalog-types.js';
import { withOverrides } from '../../src/model/overrides.js';
import { thresholdsOf } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { phaseForUsers } from '../../src/model/select.js';
import { simulate } from '../../src/model/simulate-result.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';

const book = loadSnapshotPriceBook();
const bundled = loadCatalog(undefined, book).catalog;
const thresholds = thresholdsOf(bundled);

const input = (catalog: Catalog, over: Partial<BreakevenInput> = {}): BreakevenInput => ({
  catalog,
  revenue: catalog.revenue!,
  thresholds,
  infrastructureUsd: (plan) => pricePlan(plan, book).totalUsd,
  opexUsd: catalog.revenue!.opexUsdPerMonth.value,
  claimedPremiumUsers: 50_000,
  ...over,
});

// With infrastructure held at $1,000 a month the margin is the revenue formula alone (data/phases.yaml's numbers):
//   gross(N) = (1 − 0.029) × (price × p + 49 × s) − 0.30 × (p + s) − 1,000,  p = round(N/4), s = ⌈N/5,000⌉
// and price $4.99 to 10,000 users, $3.99 to 100,000, $2.99 above.
describe('breakeven, derived by hand with infrastructure fixed at $1,000', () => {
  const flat = (opexUsd: number) => breakeven(input(bundled, { infrastructureUsd: () => 1000, opexUsd }));

  it('gross margin: 838 users (210 premium)', () => {
    // N = 838: p = round(209.5) = 210, s = 1: 0.971 × (4.99 × 210 + 49) − 0.30 × 211 − 1,000 = 1,065.0899 − 1,063.30 = +1.79
    // N = 837: p = round(209.25) = 209:      0.971 × (4.99 × 209 + 49) − 0.30 × 210 − 1,000 = 1,060.24461 − 1,063 = −2.76
    expect(flat(0).infrastructureOnly).toEqual({ users: 838, premiumUsers: 210, phase: 1, profitableRanges: [{ from: 838, to: 1_000_000 }] });
  });

  it('contribution margin with $80,000 of opex: two ranges, cut by the $2.99 price from 100,001 users', () => {
    // N = 89,694: p = 22,424, s = 18: 0.971 × (3.99 × 22,424 + 882) − 0.30 × 22,442 − 81,000 = +0.90; one user less: p = 22,423, −2.67
    // N = 100,000: p = 25,000, s = 20: 0.971 × (99,750 + 980) − 7,506 − 81,000 = +9,302.83
    // N = 100,001: p = 25,000, s = 21, $2.99: 0.971 × (74,750 + 1,029) − 7,506.30 − 81,000 = −14,924.89
    // N = 122,642: p = 30,661, s = 25: 0.971 × (91,676.39 + 1,225) − 9,205.80 − 81,000 = +1.45; one user less: p = 30,660, −1.15
    const r = flat(80_000).withOpex;
    expect(r.profitableRanges).toEqual([
      { from: 89_694, to: 100_000 },
      { from: 122_642, to: 1_000_000 },
    ]);
    expect(r).toMatchObject({ users: 89_694, premiumUsers: 22_424, phase: 3 });
  });

  it('reports null where nothing in the range breaks even', () => {
    const r = flat(10_000_000);
    expect(r.withOpex).toEqual({ users: null, premiumUsers: null, phase: null, profitableRanges: [] });
  });

  it('implies the opex of the 50,000-premium-user claim: the gross margin at 200,000 users', () => {
    // p = 50,000, s = 40, $2.99: 0.971 × (149,500 + 1,960) − 0.30 × 50,040 − 1,000 = 147,067.66 − 15,012 − 1,000
    const r = flat(0);
    expect(r.impliedAt).toEqual({ premiumUsers: 50_000, users: 200_000 });
    expect(r.impliedOpexUsd).toBeCloseTo(131_055.66, 2);
    expect(breakeven(input(bundled, { infrastructureUsd: () => 1000, claimedPremiumUsers: null })).impliedOpexUsd).toBeNull();
  });
});

describe('breakeven agrees with simulate (snapshot prices)', () => {
  const marginAt = (catalog: Catalog, users: number) => {
    const phase = phaseForUsers(catalog, users)!;
    const r = simulate({ catalog, phase, selectedBy: 'range', users, book, compareBook: null, thresholds });
    return r.revenue!.contributionMarginUsd;
  };

  it.each([0, 30_000, 60_000, 80_000, 150_000])('with opex $%i: ≥ 0 at every range start and end, < 0 one user outside', (opex) => {
    const catalog = withOverrides(bundled, [{ name: 'revenue.opex_usd_per_month', value: opex }]);
    const r = breakeven(input(catalog, { opexUsd: opex }));
    const { from, to } = r.range;
    for (const range of r.withOpex.profitableRanges) {
      expect(marginAt(catalog, range.from)).toBeGreaterThanOrEqual(0);
      expect(marginAt(catalog, range.to)).toBeGreaterThanOrEqual(0);
      if (range.from > from) expect(marginAt(catalog, range.from - 1)).toBeLessThan(0);
      if (range.to < to) expect(marginAt(catalog, range.to + 1)).toBeLessThan(0);
    }
    expect(r.withOpex.users).toBe(r.withOpex.profitableRanges[0]?.from ?? null);
    if (opex === 0) expect(r.withOpex).toEqual(r.infrastructureOnly);
  });

  it('the bundled catalog: gross margin from the first user (one school licence, $49, beats the $24 VPS), contribution from phase 3', () => {
    const r = breakeven(input(bundled));
    expect(r.infrastructureOnly.users).toBe(1);
    expect(r.withOpex.phase).toBe(3);
    expect(r.evaluations).toBeLessThan(150);
  });
});

describe('sampleUsers', () => {
  it('holds every phase bound and both sides of every price step, ascending', () => {
    const samples = sampleUsers(bundled, bundled.revenue!, { from: 1, to: 1_000_000 });
    for (const n of [1, 100, 101, 1000, 1001, 10_000, 10_001, 100_000, 100_001, 1_000_000]) expect(samples).toContain(n);
    expect([...samples].sort((a, b) => a - b)).toEqual(samples);
    // A price step at 10,001 adds 10,000 and 10,001 (here also phase bounds), nothing beside them.
    expect(samples.filter((n) => n > 9990 && n < 10_010)).toEqual([10_000, 10_001]);
    expect(samples.filter((n) => n > 99_990 && n < 100_010)).toEqual([100_000, 100_001]);
  });

  it('puts 7 log-spaced points between a phase’s bounds, inside the range searched', () => {
    // Phase 0 from 1 to 100: round(100^(i/8)), i = 1…7 = 1.78, 3.16, 5.62, 10, 17.8, 31.6, 56.2.
    expect(sampleUsers(bundled, bundled.revenue!, { from: 1, to: 1_000_000 }).filter((n) => n <= 100)).toEqual([1, 2, 3, 6, 10, 18, 32, 56, 100]);
    // From 50: round(50 × 2^(i/8)) = 54.5, 59.5, 64.8, 70.7, 77.1, 84.1, 91.7; phase 1 starts past the range's end.
    expect(sampleUsers(bundled, bundled.revenue!, { from: 50, to: 100 })).toEqual([50, 55, 59, 65, 71, 77, 84, 92, 100]);
  });
});

describe('breakevenFigures', () => {
  it.each([0, 20_000, 60_000])('gives the contribution break-even and implied opex that breakeven gives (opex $%i)', (opexUsd) => {
    const whole = breakeven(input(bundled, { opexUsd }));
    expect(breakevenFigures(input(bundled, { opexUsd }))).toEqual({ withOpexUsers: whole.withOpex.users, impliedOpexUsd: whole.impliedOpexUsd });
  });

  it('has no implied opex without a claim', () => {
    expect(breakevenFigures(input(bundled, { claimedPremiumUsers: null })).impliedOpexUsd).toBeNull();
  });
});
