/**
 * `forecast --samples`: what one Monte Carlo sample of the forecast reads, and the `uncertainty` section it gives.
 * A sample is a whole forecast (./forecast.ts) on the sampled catalog, so each month's phase, capacity, migration
 * windows and revenue move together as they would in a run with those values. Reported: when the contribution
 * margin first reaches 0, the funding the plan needs (its lowest cumulative cash), and the total cost and margin
 * over the months; the odds of never breaking even within the horizon and of the priced phase running short of
 * capacity in some month, each with its error.
 */
import type { Catalog, Revenue } from './catalog-types.js';
import { forecast, type ForecastInput } from './forecast.js';
import { roundCents } from './money.js';
import type { SampleOutcome, UncertaintySummary } from './uncertainty.js';
import { roundedSpread, sectionFrame, type SpreadResult, type UncertaintySection } from './uncertainty-result.js';

export const FORECAST_METRICS = ['breakeven-month', 'lowest-cash', 'cost', 'margin'] as const;
export type ForecastMetric = (typeof FORECAST_METRICS)[number];
/**
 * no-breakeven: the contribution margin stays < 0 in every month; capacity-short: in some month the phase priced
 * fails a capacity check (the month's `capacityOk` is false).
 */
export const FORECAST_BREACH_IDS = ['no-breakeven', 'capacity-short'] as const;

export interface ForecastUncertainty extends Omit<UncertaintySection, 'metrics' | 'breaches'> {
  /** `breakeven-month`: null where a percentile falls among samples that never break even within the horizon. */
  metrics: Record<ForecastMetric, SpreadResult>;
  breaches: Array<{ id: (typeof FORECAST_BREACH_IDS)[number]; probability: number; standardError: number }>;
}

/**
 * Everything a sample keeps from the run besides the catalog it draws: prices, thresholds, users, growth, months,
 * start and purchase. The revenue and the opex are the sampled catalog's (forecast has no --opex; a value fixed
 * with --set carries no distribution, so every sample reads it unchanged).
 */
export type ForecastSampleContext = Omit<ForecastInput, 'catalog' | 'revenue' | 'opexUsd'>;

/**
 * The evaluator `monteCarlo` calls with each sampled catalog. A sample that never breaks even counts as month +∞,
 * so the percentiles order it after every break-even and report it as null (beyond the horizon).
 */
export function forecastSample(ctx: ForecastSampleContext): (catalog: Catalog) => SampleOutcome<ForecastMetric> {
  return (catalog) => {
    const revenue = catalog.revenue as Revenue;
    const r = forecast({ ...ctx, catalog, revenue, opexUsd: revenue.opexUsdPerMonth.value });
    const breached: Array<(typeof FORECAST_BREACH_IDS)[number]> = [];
    if (r.breakEvenMonth === null) breached.push('no-breakeven');
    if (r.months.some((m) => !m.capacityOk)) breached.push('capacity-short');
    return {
      metrics: {
        'breakeven-month': r.breakEvenMonth ?? Infinity,
        'lowest-cash': r.lowestCash.cumulativeCashUsd,
        cost: r.totals.costUsd,
        margin: r.totals.marginUsd,
      },
      breached,
    };
  };
}

/** The section from a summary. */
export function forecastUncertaintySection(summary: UncertaintySummary<ForecastMetric>): ForecastUncertainty {
  const m = summary.metrics;
  return {
    ...sectionFrame(summary, FORECAST_BREACH_IDS),
    metrics: {
      // Interpolating between two months can land between them: reported as a whole month, rounded up (the first
      // whole month by which the margin has reached 0).
      'breakeven-month': roundedSpread(m['breakeven-month'], Math.ceil),
      'lowest-cash': roundedSpread(m['lowest-cash'], roundCents),
      cost: roundedSpread(m.cost, roundCents),
      margin: roundedSpread(m.margin, roundCents),
    },
  };
}
