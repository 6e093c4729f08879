/** The `uncertainty` section of a result run with `--samples` (src/model/uncertainty-result.ts builds it). */
import * as z from 'zod';
import { BREACH_IDS } from '../model/uncertainty-simulate.js';
import type { UncertaintySection } from '../model/uncertainty-result.js';
import { count, int, lazy, num, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

export const spread = (what: string) =>
  z
    .strictObject({
      p10: z.number().nullable().describe(`10th percentile of ${what}; null when unbounded (an unstable queue)`),
      p50: z.number().nullable().describe(`Median of ${what}`),
      p90: z.number().nullable().describe(`90th percentile of ${what}`),
    })
    .describe(`${what} over the samples`);

export const distributionSchema = lazy(() =>
  z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('uniform').describe('Uniform over [min, max]'), min: num('Smallest value'), max: num('Largest value') }),
      z.strictObject({ kind: z.literal('triangular').describe('Triangular on [min, max], peaking at the mode'), min: num('Smallest value'), mode: num('Most likely value'), max: num('Largest value') }),
      z.strictObject({ kind: z.literal('lognormal').describe('Lognormal by its median and 90th percentile'), p50: num('Median'), p90: num('90th percentile'), sigma: num('σ of the underlying normal: ln(p90 / p50) / 1.2815515655446004, to 6 decimals') }),
    ])
    .describe('The distribution drawn from, defaults resolved (a catalog `range` is the uniform over it)'),
);

/** The fields every `uncertainty` section shares (simulate's, breakeven's). */
export const uncertaintyHeader = () => ({
  samples: count('Samples drawn (--samples)'),
  seed: int('Seed of the generator (--seed): the same seed gives the same section on every machine'),
  method: text('How samples are drawn and summarised'),
  inputs: z.array(z.strictObject({ name: text('The uncertain quantity, as --set names it'), distribution: distributionSchema() })).describe('Every uncertain input drawn, in draw order'),
});

/** A breach's probability over the samples. */
export const breachFields = () => ({
  probability: z.number().min(0).max(1).describe('Share of samples that break it, to 6 decimals'),
  standardError: z.number().min(0).describe('Monte Carlo standard error √(p(1 − p)/N), to 6 decimals'),
});

export const uncertaintySchema = lazy(() =>
  z
    .strictObject({
      ...uncertaintyHeader(),
      metrics: z
        .strictObject({
          cost: spread('the monthly cost, USD'),
          'cost-per-user': spread('the cost per user, USD'),
          'p95-ms': spread("the latency at the SLO's percentile, ms"),
          availability: spread('the expected availability, percent'),
          margin: spread('the contribution margin, USD').optional(),
        })
        .describe('P10/P50/P90 of each figure; margin only with a revenue section'),
      breaches: z
        .array(
          z.strictObject({
            id: z.enum(BREACH_IDS).describe('The finding code broken: an SLO or the budget'),
            ...breachFields(),
          }),
        )
        .describe('The probability of breaking each SLO and the budget'),
    })
    .describe('Monte Carlo over the catalog’s distributions (present only with --samples)'),
);

type UncertaintyShapeCheck = Assert<SameShape<z.output<ReturnType<typeof uncertaintySchema>>, UncertaintySection>>;
