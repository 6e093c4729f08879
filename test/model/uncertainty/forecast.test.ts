/**
 * forecast --samples on the bundled catalog (phase ranges up to 1,000,000 users) and offline prices. The expected
 * figures come from the deterministic forecast: a sample whose every draw is the catalog's value is that forecast.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/index.js';
import type { Catalog } from '../../../src/model/catalog-types.js';
import { forecast } from '../../../src/model/forecast.js';
import { findSettable } from '../../../src/model/overrides.js';
import { thresholdsOf } from '../../../src/model/plan.js';
import type { PurchaseInput } from '../../../src/model/purchase.js';
import { monteCarlo, type UncertaintySummary } from '../../../src/model/uncertainty.js';
import { FORECAST_BREACH_IDS, FORECAST_METRICS, forecastSample, forecastUncertaintySection, type ForecastMetric, type ForecastSampleContext } from '../../../src/model/uncertainty-forecast.js';
import { catalogUncertainInputs, type UncertainInput } from '../../../src/model/uncertainty-inputs.js';
import { bookReservations } from '../../../src/pricing/book-reservations.js';
import { loadSnapshotPriceBook } from '../../../src/pricing/index.js';

const book = loadSnapshotPriceBook();
const catalog = loadCatalog(undefined, book).catalog;
const inputs = catalogUncertainInputs(catalog);
const degenerate = inputs.map((i) => ({ ...i, distribution: { kind: 'uniform' as const, min: i.settable.quantity.value, max: i.settable.quantity.value } }));

const context = (over: Partial<ForecastSampleContext> = {}): ForecastSampleContext => ({
  thresholds: thresholdsOf(catalog),
  book,
  startUsers: 20_000,
  growthPerMonth: 0.1,
  months: 24,
  start: '2027-01',
  ...over,
});

const sampled = (drawn: readonly UncertainInput[], samples: number, seed: number, ctx = context(), on: Catalog = catalog) =>
  forecastUncertaintySection(
    monteCarlo({ catalog: on, inputs: drawn, samples, seed, metrics: FORECAST_METRICS, breachIds: FORECAST_BREACH_IDS, evaluate: forecastSample(ctx) }),
  );

const deterministic = (ctx: ForecastSampleContext) => forecast({ ...ctx, catalog, revenue: catalog.revenue!, opexUsd: catalog.revenue!.opexUsdPerMonth.value });

describe('forecast over the catalog distributions', () => {
  it.each([
    // 20,000 users at 10 %: inside phases 3–4 for all 24 months (20,000 × 1.1^24 = 197,000 < 1,000,000), so no month is short.
    ['20,000 users, 24 months', context()],
    // 500,000 × 1.1^8 = 1,071,794 passes the catalog's top: months 8–12 have no phase that passes, so some month is short.
    ['500,000 users, 12 months (past the top)', context({ startUsers: 500_000, months: 12 })],
  ])('with every distribution degenerate, each percentile is the deterministic forecast (%s)', (_label, ctx) => {
    const section = sampled(degenerate, 3, 5, ctx);
    const r = deterministic(ctx);
    const expected = { 'breakeven-month': r.breakEvenMonth, 'lowest-cash': r.lowestCash.cumulativeCashUsd, cost: r.totals.costUsd, margin: r.totals.marginUsd };
    for (const metric of FORECAST_METRICS) expect(section.metrics[metric], metric).toEqual({ p10: expected[metric], p50: expected[metric], p90: expected[metric] });
    const short = r.months.some((m) => !m.capacityOk) ? 1 : 0;
    expect(section.breaches).toEqual([
      { id: 'no-breakeven', probability: r.breakEvenMonth === null ? 1 : 0, standardError: 0 },
      { id: 'capacity-short', probability: short, standardError: 0 },
    ]);
  });

  it('prices each sample under the purchase the run gives', () => {
    const purchase: PurchaseInput = { strategy: 'reserved-1y', upfront: 'all', discounts: catalog.discounts!, reservations: bookReservations(book) };
    const ctx = context({ purchase });
    const section = sampled(degenerate, 2, 1, ctx);
    const bought = deterministic(ctx).totals.costUsd;
    expect(section.metrics.cost.p50).toBe(bought);
    expect(bought).not.toBe(deterministic(context()).totals.costUsd);
  });

  it('gives the same section for the same seed and another for another seed', () => {
    const a = sampled(inputs, 6, 21);
    const b = sampled(inputs, 6, 21);
    const c = sampled(inputs, 6, 22);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.metrics).not.toEqual(a.metrics);
  });

  // No revenue covers a billion dollars of opex a month: every sample misses, so the probability is 1 and each
  // percentile of the break-even month is null (beyond the months).
  it("reads each sample's own opex (here drawn at a billion) and counts a sample that never breaks even as beyond the months", () => {
    const opex: UncertainInput = { name: 'revenue.opex_usd_per_month', settable: findSettable(catalog, 'revenue.opex_usd_per_month'), distribution: { kind: 'uniform', min: 1e9, max: 1e9 } };
    const section = sampled([opex], 2, 1, context({ months: 3 }));
    expect(section.metrics['breakeven-month']).toEqual({ p10: null, p50: null, p90: null });
    expect(section.breaches[0]).toEqual({ id: 'no-breakeven', probability: 1, standardError: 0 });
    // Four months each losing just under $1e9: 20,000–26,620 users bring in more than their infrastructure costs
    // (`breakeven`: the gross margin is ≥ 0 from 1 user), but thousands of dollars a month, not millions;
    // the cash is at its lowest in the last month, and on demand the cash flow is the margin, so it is their total.
    expect(section.metrics['lowest-cash'].p50).toBeGreaterThan(-4e9);
    expect(section.metrics['lowest-cash'].p50).toBeLessThan(-3.99e9);
    expect(section.metrics['lowest-cash']).toEqual(section.metrics.margin);
  });
});

describe('forecastUncertaintySection', () => {
  const summary = (metrics: Record<ForecastMetric, { p10: number; p50: number; p90: number }>): UncertaintySummary<ForecastMetric> => ({
    samples: 4,
    seed: 1,
    inputs: [],
    metrics,
    breaches: [
      { id: 'no-breakeven', probability: 0.25, standardError: Math.sqrt((0.25 * 0.75) / 4) },
      { id: 'capacity-short', probability: 0, standardError: 0 },
    ],
  });

  it('rounds the break-even month up to a whole month, money to cents, and +∞ to null', () => {
    const money = { p10: -1234.564, p50: 10.005, p90: 99.999 };
    const section = forecastUncertaintySection(summary({ 'breakeven-month': { p10: 4.1, p50: 5, p90: Infinity }, 'lowest-cash': money, cost: money, margin: money }));
    expect(section.metrics['breakeven-month']).toEqual({ p10: 5, p50: 5, p90: null });
    // −1,234.564 → −1,234.56; 10.005 → 10.01 (ties away from zero); 99.999 → 100.
    for (const metric of ['lowest-cash', 'cost', 'margin'] as const) expect(section.metrics[metric]).toEqual({ p10: -1234.56, p50: 10.01, p90: 100 });
    // √(0.25 × 0.75 / 4) = 0.216506…, to 6 decimals.
    expect(section.breaches[0]).toEqual({ id: 'no-breakeven', probability: 0.25, standardError: 0.216506 });
  });
});
