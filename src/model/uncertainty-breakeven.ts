/**
 * `breakeven --samples`: what one Monte Carlo sample of the break-even reads, and the `uncertainty` section it
 * gives. A founder's question is "how many users until the business pays for itself", so the spread reported is
 * that of the contribution break-even's user count (with opex), beside the opex the premium-user claim implies;
 * the share of samples that never break even inside the catalog's range is reported as a breach, with its error.
 */
import { breakevenFigures, type BreakevenInput } from './breakeven.js';
import type { Catalog, Revenue } from './catalog-types.js';
import { roundCents } from './money.js';
import type { SampleOutcome, UncertaintySummary } from './uncertainty.js';
import { roundedSpread, sectionFrame, type SpreadResult, type UncertaintySection } from './uncertainty-result.js';

export const BREAKEVEN_METRICS = ['breakeven-users', 'implied-opex'] as const;
export type BreakevenMetric = (typeof BREAKEVEN_METRICS)[number];
/** A sample whose contribution margin stays < 0 over the whole catalog range. */
export const BREAKEVEN_BREACH_IDS = ['no-breakeven'] as const;

export interface BreakevenUncertainty extends Omit<UncertaintySection, 'metrics' | 'breaches'> {
  /** `breakeven-users`: null where a percentile falls among samples that never break even; `implied-opex` only with the claim. */
  metrics: { 'breakeven-users': SpreadResult; 'implied-opex'?: SpreadResult };
  breaches: Array<{ id: (typeof BREAKEVEN_BREACH_IDS)[number]; probability: number; standardError: number }>;
}

/** Everything a sample keeps from the run besides the catalog it draws: prices, thresholds, the opex given. */
export interface BreakevenSampleContext extends Omit<BreakevenInput, 'catalog' | 'revenue' | 'opexUsd'> {
  /** --opex when given (fixed); null: each sample reads the opex of its own catalog (it may be drawn). */
  opexUsd: number | null;
}

/**
 * The evaluator `monteCarlo` calls with each sampled catalog. A sample that never breaks even counts as +∞
 * users, so the percentiles order it after every break-even and report it as null (beyond the catalog).
 */
export function breakevenSample(ctx: BreakevenSampleContext): (catalog: Catalog) => SampleOutcome<BreakevenMetric> {
  return (catalog) => {
    const revenue = catalog.revenue as Revenue;
    const figures = breakevenFigures({ ...ctx, catalog, revenue, opexUsd: ctx.opexUsd ?? revenue.opexUsdPerMonth.value });
    return {
      metrics: { 'breakeven-users': figures.withOpexUsers ?? Infinity, 'implied-opex': figures.impliedOpexUsd ?? Number.NaN },
      breached: figures.withOpexUsers === null ? ['no-breakeven'] : [],
    };
  };
}

/** The section from a summary (implied-opex included when the summary has it: the catalog makes the claim). */
export function breakevenUncertaintySection(summary: UncertaintySummary<BreakevenMetric>, withClaim: boolean): BreakevenUncertainty {
  // Interpolating between two user counts can land between whole users: the break-even is reported as one.
  const metrics: BreakevenUncertainty['metrics'] = { 'breakeven-users': roundedSpread(summary.metrics['breakeven-users'], Math.ceil) };
  if (withClaim) metrics['implied-opex'] = roundedSpread(summary.metrics['implied-opex'], roundCents);
  return { ...sectionFrame(summary, BREAKEVEN_BREACH_IDS), metrics };
}
