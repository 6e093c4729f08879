/**
 * The `uncertainty` section a result carries when run with `--samples`: the Monte Carlo summary with each
 * figure rounded as the result reports it, an unbounded figure (an unstable queue's latency) as null.
 */
import { BREACH_IDS, roundMetric, type UncertainMetric } from './uncertainty-simulate.js';
import type { Distribution } from './uncertainty-distribution.js';
import type { UncertaintySummary } from './uncertainty.js';
import { roundTo } from './money.js';

export type { UncertainMetric } from './uncertainty-simulate.js';

export interface SpreadResult {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface UncertaintySection {
  samples: number;
  seed: number;
  method: string;
  /** What was drawn: every uncertain input in force, with its distribution resolved (defaults filled in). */
  inputs: Array<{ name: string; distribution: Distribution }>;
  /** `margin` only when the result has a revenue section. */
  metrics: { cost: SpreadResult; 'cost-per-user': SpreadResult; 'p95-ms': SpreadResult; availability: SpreadResult; margin?: SpreadResult };
  breaches: Array<{ id: (typeof BREACH_IDS)[number]; probability: number; standardError: number }>;
}

export const UNCERTAINTY_METHOD =
  'Monte Carlo: sample i draws each input by inverse CDF from sfc32 stream i of the seed; percentiles by linear interpolation between order statistics (Hyndman & Fan type 7); standard error √(p(1 − p)/N)';

const spread = (metric: UncertainMetric, s: { p10: number; p50: number; p90: number }): SpreadResult => ({
  p10: roundMetric(metric, s.p10),
  p50: roundMetric(metric, s.p50),
  p90: roundMetric(metric, s.p90),
});

/**
 * A spread with each figure rounded as its command reports it; a non-finite one (a sample counted as +∞, such as
 * one that never breaks even) as null.
 */
export const roundedSpread = (s: { p10: number; p50: number; p90: number }, round: (x: number) => number): SpreadResult => {
  const one = (x: number) => (Number.isFinite(x) ? round(x) : null);
  return { p10: one(s.p10), p50: one(s.p50), p90: one(s.p90) };
};

/** What a summary drew, as every section reports it (a lognormal's σ to 6 decimals). */
const drawnInputs = (summary: Pick<UncertaintySummary<string>, 'inputs'>): UncertaintySection['inputs'] =>
  summary.inputs.map(({ name, distribution }) => ({
    name,
    distribution: distribution.kind === 'lognormal' ? { ...distribution, sigma: roundTo(distribution.sigma, 6) } : distribution,
  }));

/**
 * Every section's frame: samples, seed, method, what was drawn and the breaches (probabilities and standard errors
 * to 6 decimals); each command adds its own metrics.
 * @param _breachIds the ids the command counts: they type the breaches it reports
 */
export function sectionFrame<B extends string>(summary: UncertaintySummary<string>, _breachIds: readonly B[]) {
  return {
    samples: summary.samples,
    seed: summary.seed,
    method: UNCERTAINTY_METHOD,
    inputs: drawnInputs(summary),
    // The summary counts exactly the ids the command asked for.
    breaches: summary.breaches.map((b) => ({ id: b.id as B, probability: roundTo(b.probability, 6), standardError: roundTo(b.standardError, 6) })),
  };
}

/**
 * The section from a summary of samples that read cost, cost per user, latency and availability (and margin,
 * included when the summary has it).
 */
export function uncertaintySection<M extends UncertainMetric>(summary: UncertaintySummary<M>): UncertaintySection {
  const m = summary.metrics as Partial<Record<UncertainMetric, { p10: number; p50: number; p90: number }>>;
  const metrics: UncertaintySection['metrics'] = {
    cost: spread('cost', m.cost!),
    'cost-per-user': spread('cost-per-user', m['cost-per-user']!),
    'p95-ms': spread('p95-ms', m['p95-ms']!),
    availability: spread('availability', m.availability!),
  };
  if (m.margin) metrics.margin = spread('margin', m.margin);
  return { ...sectionFrame(summary, BREACH_IDS), metrics };
}
