import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/index.js';
import { breakeven, breakevenFigures, firstRun, type BreakevenInput } from '../../../src/model/breakeven.js';
import type { Catalog } from '../../../src/model/catalog-types.js';
import { thresholdsOf } from '../../../src/model/plan.js';
import { pricePlan } from '../../../src/model/price-plan.js';
import { monteCarlo } from '../../../src/model/uncertainty.js';
import { BREAKEVEN_BREACH_IDS, BREAKEVEN_METRICS, breakevenSample, breakevenUncertaintySection } from '../../../src/model/uncertainty-breakeven.js';
import { catalogUncertainInputs, type UncertainInput } from '../../../src/model/uncertainty-inputs.js';
import { findSettable } from '../../../src/model/overrides.js';
import { loadSnapshotPriceBook } from '../../../src/pricing/index.js';

const book = loadSnapshotPriceBook();
const catalog = loadCatalog(undefined, book).catalog;
const thresholds = thresholdsOf(catalog);
const onDemand = (plan: Parameters<typeof pricePlan>[0]) => pricePlan(plan, book).totalUsd;

describe('firstRun: the first user count of the runs breakeven reports', () => {
  it.each([
    ['from the first sample', (n: number) => n >= 1, 1],
    ['bisected between two samples', (n: number) => n >= 37, 37],
    // 6 is sampled, so the run 5–8 is seen and bisected down from 6; the later run does not matter.
    ['the first of two runs', (n: number) => (n >= 5 && n <= 8) || n >= 50, 5],
    ['none', () => false, null],
  ])('%s', (_label, ok, expected) => {
    expect(firstRun([1, 6, 10, 100], ok)).toBe(expected);
  });
});

describe('breakevenFigures', () => {
  it('finds the contribution break-even the hand derivation of test/model/breakeven.test.ts gives (infrastructure $1,000, opex $80,000: 89,694 users)', () => {
    const input: BreakevenInput = { catalog, revenue: catalog.revenue!, thresholds, infrastructureUsd: () => 1000, opexUsd: 80_000, claimedPremiumUsers: 50_000 };
    const figures = breakevenFigures(input);
    expect(figures.withOpexUsers).toBe(89_694);
    expect(figures.impliedOpexUsd).toBe(breakeven(input).impliedOpexUsd);
  });
});

const sampled = (inputs: readonly UncertainInput[], samples: number, seed: number, opexUsd: number | null = null, on: Catalog = catalog) =>
  monteCarlo({
    catalog: on,
    inputs,
    samples,
    seed,
    metrics: BREAKEVEN_METRICS,
    breachIds: BREAKEVEN_BREACH_IDS,
    evaluate: breakevenSample({ thresholds, infrastructureUsd: onDemand, claimedPremiumUsers: 50_000, opexUsd }),
  });

describe('breakeven over the catalog distributions', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => ({ inputs: catalogUncertainInputs(catalog) });

  it('draws each uncertain quantity of every phase once', () => {
    const { inputs } = subject();
    const names = inputs.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('demand_app_s');
  });

  it('with every distribution degenerate, each percentile is the deterministic break-even and implied opex', () => {
    const { inputs } = subject();
    const degenerate = inputs.map((i) => ({ ...i, distribution: { kind: 'uniform' as const, min: i.settable.quantity.value, max: i.settable.quantity.value } }));
    const section = breakevenUncertaintySection(sampled(degenerate, 3, 5), true);
    const deterministic = breakeven({ catalog, revenue: catalog.revenue!, thresholds, infrastructureUsd: onDemand, opexUsd: catalog.revenue!.opexUsdPerMonth.value, claimedPremiumUsers: 50_000 });
    for (const p of ['p10', 'p50', 'p90'] as const) {
      expect(section.metrics['breakeven-users'][p]).toBe(deterministic.withOpex.users);
      expect(section.metrics['implied-opex']![p]).toBe(deterministic.impliedOpexUsd);
    }
    expect(section.breaches).toEqual([{ id: 'no-breakeven', probability: 0, standardError: 0 }]);
  });

  it('gives the same section for the same seed and another for another seed', () => {
    const { inputs } = subject();
    const a = breakevenUncertaintySection(sampled(inputs, 8, 21), true);
    const b = breakevenUncertaintySection(sampled(inputs, 8, 21), true);
    const c = breakevenUncertaintySection(sampled(inputs, 8, 22), true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.metrics).not.toEqual(a.metrics);
  });

  // No revenue covers a billion dollars of opex a month: every sample misses, so the probability is 1 and each
  // percentile of the break-even users is null (beyond the catalog's top).
  it('counts a sample that never breaks even as beyond the catalog (--opex fixed)', () => {
    const { inputs } = subject();
    const section = breakevenUncertaintySection(sampled(inputs.slice(0, 1), 2, 1, 1e9), false);
    expect(section.metrics['breakeven-users']).toEqual({ p10: null, p50: null, p90: null });
    expect(section.metrics).not.toHaveProperty('implied-opex');
    expect(section.breaches[0]).toEqual({ id: 'no-breakeven', probability: 1, standardError: 0 });
  });

  it("reads each sample's own opex when --opex is not given (here drawn at a billion)", () => {
    const opex: UncertainInput = { name: 'revenue.opex_usd_per_month', settable: findSettable(catalog, 'revenue.opex_usd_per_month'), distribution: { kind: 'uniform', min: 1e9, max: 1e9 } };
    const section = breakevenUncertaintySection(sampled([opex], 2, 1), true);
    expect(section.breaches[0]!.probability).toBe(1);
  });
});
