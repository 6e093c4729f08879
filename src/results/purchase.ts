/** The `purchase` section of simulate, compare and sweep results (src/model/purchase.ts builds it). */
import * as z from 'zod';
import { PURCHASE_STRATEGIES, UPFRONT_OPTIONS } from '../model/purchase-rates.js';
import { count, num, text } from './common.js';

const nullableFraction = (description: string) => z.number().min(0).max(1).nullable().describe(description);

const strategy = () => z.enum(PURCHASE_STRATEGIES).describe('How the bill is bought: on-demand, reserved-1y/3y, savings-plan-1y/3y, spot or optimized');
const upfront = () =>
  z
    .enum(UPFRONT_OPTIONS)
    .nullable()
    .describe('How the commitments are paid (none, partial or all upfront); null for on-demand, spot and an optimized mix of payments');

/** The fields every summary of a strategy carries (a sweep row carries only these). */
export const purchaseHeadline = () => ({
  strategy: strategy(),
  upfront: upfront(),
  onDemandUsd: num('The same bill all on demand (cost.totalUsd without --purchase), USD per month'),
  savingUsd: num('onDemandUsd − the bill under the strategy, USD per month'),
  savingPercent: num('savingUsd ÷ onDemandUsd × 100 (0–100)'),
  upfrontUsd: num('Cash paid upfront for the commitments, USD'),
});

const row = () =>
  z.strictObject({
    strategy: strategy(),
    upfront: upfront(),
    monthlyUsd: num('The bill under this strategy, upfront fees amortised over the term, USD per month'),
    savingUsd: num('Saving against on-demand, USD per month'),
    savingPercent: num('Saving against on-demand, percent (0–100)'),
    upfrontUsd: num('Cash paid upfront, USD'),
    oneYearUsd: num('Cash over 12 months: upfront fees at each term start + 12 months of recurring charges, USD'),
    threeYearUsd: num('Cash over 36 months (1-year terms renewed twice), USD'),
    breakEvenUtilization: nullableFraction('Committed effective rate ÷ on-demand rate, cost-weighted over committed units (0–1): the share of hours a committed unit must run to pay off; null without commitments'),
  });

export const purchaseSchema = () =>
  z
    .strictObject({
      ...purchaseHeadline(),
      oneYearUsd: num('Cash over 12 months under the strategy, USD'),
      threeYearUsd: num('Cash over 36 months under the strategy, USD'),
      breakEvenUtilization: nullableFraction('The strategy’s break-even utilisation (0–1); null without commitments'),
      strategies: z.array(row()).describe('Every strategy with every payment the catalog lists, side by side'),
      commitments: z
        .array(
          z.strictObject({
            component: text('Component id'),
            priceKey: text('The on-demand price key of the committed line'),
            kind: z.enum(['reserved', 'savings-plan']).describe('Reserved instances or a (Compute) savings plan'),
            termYears: z.union([z.literal(1), z.literal(3)]).describe('Term, years'),
            upfront: z.enum(UPFRONT_OPTIONS).describe('How the commitment is paid'),
            units: count('Whole units (instances or nodes) committed, paid every hour'),
            effectiveHourlyUsd: num('upfront ÷ (8760 × years) + hourly fee, USD per unit-hour'),
            onDemandHourlyUsd: num('The on-demand rate, USD per unit-hour'),
            upfrontUsd: num('Cash upfront for these units over one term, USD'),
            source: z.enum(['price book', 'catalog discount']).describe("Where the rate comes from: the book's reservation, or on-demand × (1 − the catalog's discount)"),
          }),
        )
        .describe('What the strategy commits, line by line'),
      onDemandLines: z
        .array(
          z.strictObject({
            component: text('Component id'),
            priceKey: text('Price key of the line'),
            monthlyUsd: num('Its on-demand cost, USD per month'),
            reason: text('Why it stays on demand'),
          }),
        )
        .describe('Lines that stay wholly on demand under the strategy, and why'),
      notes: z.array(z.string()).describe('The assumptions behind the figures (catalog-derived rates, the spot allowance)'),
    })
    .optional()
    .describe('Present with --purchase only: the bill bought under a strategy, against on-demand');

/** A line's parts under a purchase strategy. */
export const lineParts = () =>
  z
    .array(
      z.strictObject({
        part: z.enum(['committed', 'on-demand', 'spot']).describe('committed: paid every hour, used or not; spot: with the interruption allowance'),
        priceKey: text("The book's key(s), or how the rate is derived from the catalog's discount"),
        quantity: num('Unit-hours in the month'),
        usdPerUnit: num('USD per unit-hour'),
        monthlyUsd: num('quantity × usdPerUnit, USD per month'),
        source: text('Where the rate comes from'),
      }),
    )
    .optional()
    .describe('Under --purchase, a committable line bought in parts that add up to monthlyUsd; absent otherwise');
