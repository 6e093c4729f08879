/**
 * The figures `solve` can aim at, each read exactly as `simulate` reports it, so that
 * `simulate --set NAME=<solved value>` shows the figure `solve` says it achieves.
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { InputError } from './input-error.js';
import { METRICS } from './metrics.js';
import { roundTo } from './money.js';
import { sizePlan, type Plan, type Thresholds } from './plan.js';
import { pricePlan } from './price-plan.js';

export const SOLVE_METRICS = ['cost', 'cost-per-user', 'p95-ms', 'availability'] as const;
export type SolveMetric = (typeof SOLVE_METRICS)[number];

interface MetricRule {
  /** `<=`: the target is a ceiling (cost, latency); `>=`: a floor (availability). */
  comparison: '<=' | '>=';
  /** The figure from a sized plan, unrounded; Infinity when the model has no finite value (an unstable tier). */
  read(plan: Plan, book: PriceLookup): number;
  /** Decimals the simulate result rounds it to. */
  decimals: number;
}

export const SOLVE_METRIC_RULES: Readonly<Record<SolveMetric, MetricRule>> = {
  cost: { comparison: '<=', read: (plan, book) => pricePlan(plan, book).totalUsd, decimals: 2 },
  'cost-per-user': { comparison: '<=', read: (plan, book) => pricePlan(plan, book).perUserUsd, decimals: 4 },
  'p95-ms': { comparison: '<=', read: (plan) => plan.latency.valueMs ?? Infinity, decimals: 1 },
  availability: { comparison: '>=', read: (plan) => plan.availability.expectedPercent, decimals: 5 },
};

/** The figure as the simulate result reports it (roundCents, roundPerUser and roundTo are the same rounding); ±Infinity stays. */
export const reportedFigure = (metric: SolveMetric, value: number): number => (Number.isFinite(value) ? roundTo(value, SOLVE_METRIC_RULES[metric].decimals) : value);

export const isSolveMetric = (name: string): name is SolveMetric => (SOLVE_METRICS as readonly string[]).includes(name);

export const metricUnit = (metric: SolveMetric): string => METRICS[metric].unit;

/**
 * `p95-ms` is the latency at the phase's SLO percentile, which is the percentile the engine models.
 * @throws InputError when the phase's SLO is at another percentile (exit 2)
 */
export function checkMetricFor(metric: SolveMetric, phase: Phase): void {
  const { percentile } = phase.slo.latency;
  if (metric === 'p95-ms' && percentile !== 95) {
    throw new InputError(`--target p95-ms: phase ${phase.id} models latency at its SLO's percentile, P${percentile}, not P95`);
  }
}

export interface MetricAt {
  value: number;
  plan: Plan;
}

/** The metric for `users` on the phase with `id` in `catalog` (the catalog as overridden for this step). */
export function metricAt(catalog: Catalog, phaseId: number, users: number, metric: SolveMetric, book: PriceLookup, thresholds: Thresholds): MetricAt {
  const phase = catalog.phases.find((p) => p.id === phaseId);
  if (!phase) throw new InputError(`phase ${phaseId} is not in the catalog`);
  const plan = sizePlan(catalog, phase, users, thresholds);
  return { value: SOLVE_METRIC_RULES[metric].read(plan, book), plan };
}
