import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog, validateCatalogText } from '../../src/catalog/index.js';
import type { Revenue } from '../../src/model/catalog-types.js';
import { priceAt, revenuePlans } from '../../src/model/revenue-plans.js';
import { revenueAt, usersForPremium } from '../../src/model/revenue.js';
import { withOverrides } from '../../src/model/overrides.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { euBookPath } from '../catalog/fixtures.js';

// Expected values are the formulas worked by hand from data/phases.yaml's revenue section:
// free_share 0.7, enterprise user_share 0.05 (premium share 1 − 0.7 − 0.05 = 0.25), premium $4.99 below 10,001
// users, $3.99 from 10,001, $2.99 from 100,001; $49 per school of 250 users; fees 2.9 % + $0.30 per charge.
const bundled = loadCatalog().catalog;
const revenue = bundled.revenue!;

describe('revenueAt on the bundled catalog', () => {
  it('at 50,000 users with $2,000 of infrastructure', () => {
    const r = revenueAt(revenue, 50_000, 2000);
    expect(r.premiumUsers).toBe(12_500); // round(50,000 × 0.25)
    expect(r.enterpriseSchools).toBe(10); // ⌈50,000 × 0.05 ÷ 250⌉ = ⌈10⌉
    expect(r.plans.map((p) => p.usdPerUnit)).toEqual([3.99, 49]); // 50,000 ≥ 10,001: the $3.99 step
    expect(r.mrrUsd).toBeCloseTo(50_365, 6); // 12,500 × 3.99 + 10 × 49 = 49,875 + 490
    expect(r.charges).toBe(12_510); // one per premium user and per school
    expect(r.feesUsd).toBeCloseTo(5213.585, 6); // 0.029 × 50,365 + 0.30 × 12,510 = 1,460.585 + 3,753
    expect(r.grossMarginUsd).toBeCloseTo(43_151.415, 6); // 50,365 − 5,213.585 − 2,000
    expect(r.opexUsd).toBe(60_000);
    expect(r.contributionMarginUsd).toBeCloseTo(-16_848.585, 6); // 43,151.415 − 60,000
  });

  it('takes the price step that holds N: $4.99 at 10,000, $3.99 at 10,001, $2.99 at 100,001', () => {
    const premiumPrice = (n: number) => revenueAt(revenue, n, 0).plans[0]!.usdPerUnit;
    expect([10_000, 10_001, 100_000, 100_001].map(premiumPrice)).toEqual([4.99, 3.99, 3.99, 2.99]);
  });

  it('rounds premium users half up and counts schools up from the first learner', () => {
    // N = 2: 2 × 0.25 = 0.5 → 1; N = 1: 0.25 → 0. One learner already needs a school licence: ⌈0.05 ÷ 250⌉ = 1.
    expect(revenueAt(revenue, 2, 0).premiumUsers).toBe(1);
    expect(revenueAt(revenue, 1, 0)).toMatchObject({ premiumUsers: 0, enterpriseSchools: 1, mrrUsd: 49 });
    // 5,000 × 0.05 ÷ 250 = 1 exactly (not 1.0000000000000002, whose ceiling is 2); 5,001 needs a second school.
    expect(revenueAt(revenue, 5000, 0).enterpriseSchools).toBe(1);
    expect(revenueAt(revenue, 5001, 0).enterpriseSchools).toBe(2);
  });

  it('follows --set revenue.free_share: premium is what free and enterprise leave', () => {
    const set = withOverrides(bundled, [{ name: 'revenue.free_share', value: 0.6 }]).revenue!;
    expect(revenueAt(set, 1000, 0).premiumUsers).toBe(350); // round(1,000 × (1 − 0.6 − 0.05))
    const over = withOverrides(bundled, [{ name: 'revenue.free_share', value: 0.99 }]).revenue!;
    expect(() => revenueAt(over, 1000, 0)).toThrow(/free_share 0\.99 \+ enterprise user_share 0\.05 exceed 1/);
  });

  it('opex can be given (breakeven --opex)', () => {
    expect(revenueAt(revenue, 1000, 100, 500).contributionMarginUsd).toBeCloseTo(revenueAt(revenue, 1000, 100).grossMarginUsd - 500, 9);
  });

  it('refuses a user count that is not whole', () => {
    expect(() => revenueAt(revenue, 10.5, 0)).toThrow(/whole number/);
  });

  it('finds the users that hold a number of premium users: 50,000 ÷ 0.25 = 200,000', () => {
    expect(usersForPremium(revenue, 50_000)).toBe(200_000);
    expect(revenueAt(revenue, 200_000, 0).premiumUsers).toBe(50_000);
  });

  it('is the freemium form as two plans of the general one', () => {
    expect(revenuePlans(revenue).map((p) => [p.id, p.per, p.userShare, p.usersPerGroup])).toEqual([
      ['premium', 'user', 0.25, null],
      ['enterprise', 'group', 0.05, 250],
    ]);
    expect(priceAt([{ fromUsers: 0, usdPerMonth: 4.99 }, { fromUsers: 10_001, usdPerMonth: 3.99 }], 10_001)).toBe(3.99);
  });

  it('never yields NaN, and margins fall by exactly the infrastructure added (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (users, infra) => {
        const base = revenueAt(revenue, users, 0);
        const r = revenueAt(revenue, users, infra);
        expect(Number.isFinite(r.contributionMarginUsd)).toBe(true);
        expect(r.grossMarginUsd).toBeCloseTo(base.grossMarginUsd - infra, 4);
        expect(r.mrrUsd).toBeGreaterThanOrEqual(0);
        expect(r.feesUsd).toBeLessThanOrEqual(r.mrrUsd + 1e-9); // 2.9 % + $0.30 never exceeds a charge of ≥ $2.99
      }),
    );
  });
});

describe('revenueAt on the B2B example (examples/catalogs/invoicing-seats.yaml)', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const text = readFileSync(fileURLToPath(new URL('../../examples/catalogs/invoicing-seats.yaml', import.meta.url)), 'utf8');
    const seats: Revenue = validateCatalogText(text, 'seats.yaml', { book: loadSnapshotPriceBook(euBookPath) }).catalog!.revenue!;
    return { seats };
  };

  it('at 3,000 users: seats billed per firm, enterprise per firm', () => {
    const { seats } = subject();
    const r = revenueAt(seats, 3000, 48.05);
    // starter: 3,000 × 0.3 = 900 seats × $9 = $8,100, in ⌈900 ÷ 4⌉ = 225 charges
    // business: 3,000 × 0.4 = 1,200 seats × $15 (3,000 ≥ 2,001) = $18,000, in ⌈1,200 ÷ 20⌉ = 60 charges
    // enterprise: ⌈3,000 × 0.1 ÷ 100⌉ = 3 firms × $990 = $2,970, 3 charges
    expect(r.plans.map((p) => [p.users, p.groups, p.mrrUsd])).toEqual([
      [900, 225, 8100],
      [1200, 60, 18000],
      [300, 3, 2970],
    ]);
    expect(r.mrrUsd).toBe(29_070);
    expect(r.charges).toBe(288);
    expect(r.feesUsd).toBeCloseTo(929.43, 9); // 0.029 × 29,070 + 0.30 × 288 = 843.03 + 86.40
    expect(r.premiumUsers).toBe(2100); // seats on the per-user plans
    expect(r.enterpriseSchools).toBe(3); // firms on the per-group plan
    expect(r.grossMarginUsd).toBeCloseTo(28_092.52, 9); // 29,070 − 929.43 − 48.05
    expect(r.contributionMarginUsd).toBeCloseTo(20_092.52, 9); // − 8,000 opex
  });

  it('charges nothing for a plan at $0', () => {
    const { seats } = subject();
    const free: Revenue = { ...seats, plans: [{ ...seats.plans![0]!, usdPerMonth: { value: 0, source: 'assumption' } }] };
    expect(revenueAt(free, 3000, 0)).toMatchObject({ mrrUsd: 0, charges: 0, feesUsd: 0 });
  });
});

describe('revenuePlans, the edges of both forms', () => {
  const q = (value: number) => ({ value, source: 'assumption' as const });

  it('freemium without enterprise: one premium plan, holding all who are not free', () => {
    const plans = revenuePlans({ ...revenue, enterprise: undefined });
    // 1 − 0.7 = 0.3 (snapped to 12 decimals: 0.30000000000000004 would not do).
    expect(plans).toEqual([
      { id: 'premium', name: 'Premium', per: 'user', userShare: 0.3, usersPerGroup: null, schedule: [{ fromUsers: 0, usdPerMonth: 4.99 }, { fromUsers: 10001, usdPerMonth: 3.99 }, { fromUsers: 100001, usdPerMonth: 2.99 }] },
    ]);
    expect(revenuePlans({ ...revenue, premium: undefined, enterprise: undefined })[0]!.schedule).toEqual([]);
  });

  it('the general form: a plan with one price, and shares that may not add up to more than 1', () => {
    const plan = (id: string, share: number) => ({ id, name: id, per: 'user' as const, userShare: q(share), usdPerMonth: q(10) });
    const general = { ...revenue, plans: [plan('a', 0.6), plan('b', 0.4)] } as unknown as Revenue;
    expect(revenuePlans(general).map((p) => [p.id, p.userShare, p.usersPerGroup, p.schedule])).toEqual([
      ['a', 0.6, null, [{ fromUsers: 0, usdPerMonth: 10 }]],
      ['b', 0.4, null, [{ fromUsers: 0, usdPerMonth: 10 }]],
    ]);
    const over = { ...revenue, plans: [plan('a', 0.6), plan('b', 0.5)] } as unknown as Revenue;
    expect(() => revenuePlans(over)).toThrow("revenue: the plans' user_share add up to 1.1, above 1");
  });
});
