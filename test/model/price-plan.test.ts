import { describe, expect, it } from 'vitest';
import type { PriceLookup } from '../../src/model/cost.js';
import { componentScope, sizePlan } from '../../src/model/plan.js';
import { combinedAsOf, pricePlan } from '../../src/model/price-plan.js';
import { seedPriceBook } from '../../src/pricing/seed-book.js';
import { book, catalog, phase, thresholds } from './fixture-catalog.js';

// The fixture (./fixture-catalog.ts) at 6,000 users: the app runs 2 instances in the 12 half-load hours
// and 3 in the 12 peak hours (plan.test.ts derives both by hand).
const plan = sizePlan(catalog, phase, 6000, thresholds);
const appUsage = plan.components.find((c) => c.component.id === 'app')!;

describe('sizing: the plan carries 24 hourly instance counts and no prices', () => {
  it('sums the hourly counts to the average × 24 and gives instance-hours from them', () => {
    expect(appUsage.hourly).toHaveLength(24);
    const sum = appUsage.hourly.reduce((a, b) => a + b, 0);
    // 12 × 2 + 12 × 3 = 60 = 2.5 (the daily average) × 24.
    expect(sum).toBe(60);
    expect(sum).toBe(plan.tiers.find((t) => t.id === 'app')!.instances.average * 24);
    // instance_hours = Σ_h count_h × 730 / 24 = 60 × 30.41666… = 1,825 = 2.5 × 730.
    const scope = componentScope(plan, appUsage);
    expect(scope.instance_hours).toBeCloseTo(1825, 9);
    expect(scope.instances).toBe(2.5);
    expect(scope.peak_instances).toBe(3);
  });

  it('runs fixed components their count every hour', () => {
    expect(plan.components.find((c) => c.component.id === 'db')!.hourly).toEqual(Array<number>(24).fill(1));
  });

  it('holds no money: nothing it adds to the catalog is priced', () => {
    const own = JSON.stringify(plan, (key, value: unknown) => (key === 'phase' || key === 'component' ? undefined : value));
    expect(own).not.toMatch(/usd|cost/i);
  });
});

describe('pricing: (plan, book) → cost, for any book, the plan untouched', () => {
  it('prices one plan with two books without sizing it again', () => {
    const before = JSON.stringify(plan.tiers);
    const snapshot = pricePlan(plan, book);
    const seed = pricePlan(plan, seedPriceBook(catalog));
    expect(JSON.stringify(plan.tiers)).toBe(before);
    // Itemised: app 1,825 h × $0.10 = $182.50, db 1 × $50, monitoring 6,000 × 0.01 × $1 = $60.
    expect(snapshot.components.map((c) => c.monthlyUsd)).toEqual([182.5, 50, 60]);
    expect(snapshot.components[0]!.lines[0]!.quantity).toBeCloseTo(1825, 9);
    // Component quotes: the document's $100 and $50; monitoring has no quote, so $0 and unverified.
    expect(seed.basis).toBe('component-quote');
    expect(seed.components.map((c) => [c.component, c.monthlyUsd, c.lines[0]!.priceKey])).toEqual([
      ['app', 100, 'seed:1:app'],
      ['db', 50, 'seed:1:db'],
      ['mon', 0, 'seed:1:mon'],
    ]);
    expect(seed.totalUsd).toBe(150);
    expect(seed.unverifiedLines).toBe(1);
  });

  it('follows the book’s basis, never its name', () => {
    const namedSeed: PriceLookup = { ...book, name: 'seed' };
    expect(pricePlan(plan, namedSeed).components.map((c) => c.monthlyUsd)).toEqual([182.5, 50, 60]);
  });

  it('reports the as-of span of the prices used', () => {
    const dates: Record<string, string | undefined> = { 'vm:hour': '2025-03-05', 'db:month': '2024-07-01', 'mon:user': undefined };
    const dated: PriceLookup = { name: 'dated', price: (key) => ({ ...book.price(key), asOf: dates[key] }) };
    const span = pricePlan(plan, dated).asOf;
    expect(span).toEqual({ oldest: '2024-07-01', newest: '2025-03-05', datedLines: 2, undatedLines: 1 });
    expect(pricePlan(plan, book).asOf).toEqual({ oldest: null, newest: null, datedLines: 0, undatedLines: 3 });
    expect(combinedAsOf([span, { oldest: '2026-01-05', newest: '2026-01-05', datedLines: 1, undatedLines: 0 }, pricePlan(plan, book).asOf])).toEqual({
      oldest: '2024-07-01',
      newest: '2026-01-05',
      datedLines: 3,
      undatedLines: 4,
    });
    // In any order: the oldest and newest dates win wherever they stand, and a plan with no dated line adds none.
    const undated = pricePlan(plan, book).asOf;
    const spans = [
      { oldest: '2025-06-01', newest: '2025-09-01', datedLines: 2, undatedLines: 0 },
      undated,
      { oldest: '2023-02-01', newest: '2024-01-01', datedLines: 1, undatedLines: 0 },
      { oldest: '2025-01-01', newest: '2026-04-01', datedLines: 1, undatedLines: 0 },
    ];
    expect(combinedAsOf(spans)).toEqual({ oldest: '2023-02-01', newest: '2026-04-01', datedLines: 4, undatedLines: 3 });
    expect(combinedAsOf([spans[0]!, undated])).toMatchObject({ oldest: '2025-06-01', newest: '2025-09-01' });
    expect(combinedAsOf([undated])).toMatchObject({ oldest: null, newest: null });
  });
});
