/** The JSON result of `cuenta-plan breakeven` (src/model/breakeven-result.ts builds it). */
import * as z from 'zod';
import { BREAKEVEN_SCHEMA_VERSION, type BreakevenResult } from '../model/breakeven-result.js';
import { count, int, lazy, nullableInt, nullableNum, num, overridesField, pricingFields, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';
import { breachFields, spread, uncertaintyHeader } from './uncertainty.js';
import { BREAKEVEN_BREACH_IDS } from '../model/uncertainty-breakeven.js';

const userRange = (what: string) => z.strictObject({ from: int('First user count'), to: int('Last user count') }).describe(what);

const point = (margin: string) =>
  z
    .strictObject({
      users: nullableInt(`The smallest user count with ${margin} ≥ 0 (it is < 0 one user below); null when none in the catalog's range`),
      premiumUsers: nullableInt('Premium users (per-user plans) at that count; null with users'),
      phase: nullableInt('The phase whose user range holds that count; null with users'),
      profitableRanges: z.array(userRange(`A maximal range where ${margin} ≥ 0`)).describe(`Every user range, up to the catalog's top, where ${margin} stays ≥ 0`),
    })
    .describe(`Where ${margin} reaches 0`);

export const breakevenResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('breakeven', BREAKEVEN_SCHEMA_VERSION),
      infrastructureOnly: point('the gross margin (MRR − fees − infrastructure)'),
      withOpex: point('the contribution margin (gross margin − opex)'),
      impliedOpexUsd: nullableNum(
        "The gross margin at the user count whose premium users are the catalog's break_even_premium_users claim: the monthly opex at which that claim would be the break-even, USD; null without the claim",
      ),
      impliedAt: z
        .strictObject({ premiumUsers: count('The claimed premium users'), users: count('round(premium users ÷ the per-user plans’ share of users)') })
        .nullable()
        .describe('Where impliedOpexUsd is read; null without the claim or outside the catalog’s range'),
      opexUsd: num('Opex used, USD per month'),
      opexFrom: z.enum(['catalog', 'option']).describe('catalog: revenue.opex_usd_per_month; option: --opex'),
      range: userRange("The user counts searched: the catalog's phases, from 1 user"),
      purchase: text('The purchase strategy infrastructure is priced under'),
      pricing: z.strictObject(pricingFields).describe('Price book used'),
      evaluations: count('User counts sized and priced by the search'),
      overrides: overridesField(),
      uncertainty: z
        .strictObject({
          ...uncertaintyHeader(),
          metrics: z
            .strictObject({
              'breakeven-users': spread('the smallest user count with the contribution margin ≥ 0 (a sample that never breaks even in range counts as beyond it: null)'),
              'implied-opex': spread("the opex the catalog's premium-user claim implies, USD").optional(),
            })
            .describe('P10/P50/P90 of each figure; implied-opex only when the catalog makes the claim'),
          breaches: z
            .array(z.strictObject({ id: z.enum(BREAKEVEN_BREACH_IDS).describe("no-breakeven: the contribution margin stays < 0 over the catalog's whole range"), ...breachFields() }))
            .describe('The probability of never breaking even inside the catalog'),
        })
        .optional()
        .describe('Monte Carlo over the catalog’s distributions (present only with --samples)'),
    })
    .describe('The result of `cuenta-plan breakeven --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type BreakevenShapeCheck = Assert<SameShape<z.output<ReturnType<typeof breakevenResultSchema>>, BreakevenResult>>;
