/**
 * One Monte Carlo sample of `simulate`: the phase sized and priced with the main book, its figures and the
 * SLO and budget findings it breaks. Lighter than a full simulate result on purpose: no second book, no
 * headroom search (neither moves these figures), the plan without what no figure here reads (`sizeSample`), and
 * the bill's total without its lines (`costSummary`).
 */
import type { Catalog } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import type { FindingCodeName } from './finding-codes.js';
import { InputError } from './input-error.js';
import { roundCents, roundPerUser, roundTo } from './money.js';
import { sizeSample, type Thresholds } from './plan.js';
import { costSummary } from './price-plan.js';
import { revenueOf } from './revenue-result.js';
import type { SampleOutcome } from './uncertainty.js';

/** The figures a simulate sample reports (`margin` joins them when the result has a revenue section). */
export const UNCERTAIN_METRICS = ['cost', 'cost-per-user', 'p95-ms', 'availability', 'margin'] as const;
export type UncertainMetric = (typeof UNCERTAIN_METRICS)[number];

/** How the result rounds each metric: as simulate reports the figure (cents, 4 decimals per user, 0.1 ms, 5 decimals of a percent). */
export const roundMetric = (metric: UncertainMetric, value: number): number | null => {
  if (!Number.isFinite(value)) return null;
  switch (metric) {
    case 'cost':
    case 'margin':
      return roundCents(value);
    case 'cost-per-user':
      return roundPerUser(value);
    case 'p95-ms':
      return roundTo(value, 1);
    case 'availability':
      return roundTo(value, 5);
  }
};

/** The breaches counted: each SLO (latency, availability, error rate) and the budget, by their finding codes. */
export const BREACH_IDS = ['latency-over-slo', 'availability-short', 'error-rate-over-slo', 'over-budget'] as const satisfies readonly FindingCodeName[];

export interface SimulateSampleContext {
  phaseId: number;
  users: number;
  book: PriceLookup;
  thresholds: Thresholds;
}

/** The evaluator `monteCarlo` calls with each sampled catalog (the phase looked up again: a draw may replace it). */
export function simulateSample(ctx: SimulateSampleContext): (catalog: Catalog) => SampleOutcome<UncertainMetric> {
  return (catalog) => {
    const phase = catalog.phases.find((p) => p.id === ctx.phaseId);
    if (!phase) throw new InputError(`phase ${ctx.phaseId} is not in the catalog`);
    const plan = sizeSample(catalog, phase, ctx.users, ctx.thresholds);
    const cost = costSummary(plan, ctx.book);
    // The contribution margin (a sample may draw revenue quantities too); NaN without a revenue section, where
    // simulate does not ask the Monte Carlo for `margin`, so it is never summarised.
    const revenue = revenueOf(catalog, ctx.users, cost.totalUsd);
    return {
      metrics: {
        cost: cost.totalUsd,
        'cost-per-user': cost.perUserUsd,
        'p95-ms': plan.latency.valueMs ?? Infinity,
        availability: plan.availability.expectedPercent,
        margin: revenue?.contributionMarginUsd ?? Number.NaN,
      },
      breached: BREACH_IDS.filter((id) => (id === 'over-budget' ? cost.budget.status === 'over' : plan.checks.some((check) => check.code === id && !check.pass))),
    };
  };
}
