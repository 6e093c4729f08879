/**
 * The metrics a catalog's `claims` and `kpis` may name, with the unit their values are written in. The catalog
 * validator warns about any other name (src/catalog/rules/sections.ts) and `claims` reports such an entry as
 * not evaluable, so a typo is seen but never stops a command: the claims section is an audit list, and an entry
 * the model cannot judge is still worth keeping beside the others.
 */
import { didYouMean } from './levenshtein.js';

export type ClaimScope =
  /** Read at the top of a phase's range: at the claim's phase, or at every phase when it names none. */
  | 'phase'
  /** One figure for the whole catalog (break-even searches every phase's range); a `phase` is not needed. */
  | 'catalog'
  /** Outside the model: `claims` reports it as not evaluable, with `reason`. */
  | 'not-modelled';

export interface ClaimMetric {
  /** The unit the catalog writes the value in (a KPI's `unit` must be this one). */
  unit: string;
  scope: ClaimScope;
  /** What the model reads, or why it cannot. */
  description: string;
}

export const CLAIM_METRICS = {
  cost_per_user_usd: { unit: 'usd', scope: 'phase', description: "monthly cost ÷ users, as `simulate` prices the phase at the top of its range" },
  quoted_cost_per_user_usd: {
    unit: 'usd',
    scope: 'phase',
    description: "the document's per-user figure: judged against the priced cost ÷ users, with the document's own quote ÷ users beside it",
  },
  latency_p95_ms: { unit: 'ms', scope: 'phase', description: "end-to-end P95 latency at the design peak of the phase's top" },
  error_rate: { unit: 'fraction', scope: 'phase', description: 'the error rate the model assumes (workload error_rate), failures other than capacity; an exhausted phase fails it' },
  requests_per_s: {
    unit: 'req/s',
    scope: 'phase',
    description: 'capacity: the design-peak request rate at the most users the phase serves within its SLOs and alert thresholds',
  },
  availability_percent: { unit: 'percent', scope: 'phase', description: 'expected availability of the request path, from failure domains' },
  mrr_usd: { unit: 'usd', scope: 'phase', description: 'monthly recurring revenue at the top of the phase (revenue section)' },
  break_even_premium_users: {
    unit: 'users',
    scope: 'catalog',
    description: 'premium users at the smallest user count whose contribution margin (revenue − fees − infrastructure − opex) is ≥ 0',
  },
  monthly_user_growth: { unit: 'fraction', scope: 'not-modelled', description: 'user growth is a market outcome; the model takes the user count as given' },
  monthly_retention: { unit: 'fraction', scope: 'not-modelled', description: 'retention is a product outcome; the model has no input that drives it' },
  market_rank: { unit: 'rank', scope: 'not-modelled', description: 'market position is outside a capacity and cost model' },
} as const satisfies Readonly<Record<string, ClaimMetric>>;

export type ClaimMetricName = keyof typeof CLAIM_METRICS;

export const isClaimMetric = (name: string): name is ClaimMetricName => Object.hasOwn(CLAIM_METRICS, name);

/** What a claim or KPI says, as far as reading it goes. */
export interface MetricUse {
  kind: 'claim' | 'kpi';
  metric: string;
  comparison: string;
  tolerance?: number | undefined;
  /** A KPI's unit; a claim has none (it is in its metric's unit). */
  unit?: string | undefined;
}

/**
 * What keeps a claim or KPI from being read, with the field to fix: the validator warns with it and `claims`
 * reports it as the reason the entry cannot be evaluated. Null when nothing does (a metric the model does not
 * compute is not a mistake in the catalog; `claims` says so itself).
 */
export function metricProblem(use: MetricUse): { field: 'metric' | 'unit' | 'comparison'; message: string } | null {
  if (!isClaimMetric(use.metric)) {
    return { field: 'metric', message: `unknown metric "${use.metric}"${didYouMean(use.metric, METRIC_NAMES)}; the metrics claims reads: ${METRIC_NAMES.join(', ')}` };
  }
  const { unit } = CLAIM_METRICS[use.metric];
  if (use.unit !== undefined && use.unit !== unit) return { field: 'unit', message: `${use.metric} is read in "${unit}", not "${use.unit}"; write the value in ${unit}` };
  if (use.comparison === 'approx' && use.tolerance === undefined) {
    // A KPI has no tolerance field: an approximate KPI belongs among the claims.
    const message =
      use.kind === 'kpi'
        ? 'a KPI has no tolerance, so approx cannot be judged; write it as a claim with a tolerance, or compare with <, <=, > or >='
        : 'comparison approx needs a tolerance (relative: 0.05 = within 5 %)';
    return { field: 'comparison', message };
  }
  return null;
}

const METRIC_NAMES = Object.keys(CLAIM_METRICS);
