/** The revenue section of simulate, compare and sweep results (src/model/revenue-result.ts builds it). */
import * as z from 'zod';
import { count, num, nullableInt, text } from './common.js';

const figures = {
  mrrUsd: num('Monthly recurring revenue: Σ over the paid plans of payers (or groups) × the price step for N, USD'),
  premiumUsers: count('Users on per-user plans: round(N × (1 − free_share − enterprise.user_share)) in the freemium form'),
  enterpriseSchools: count('Groups on per-group plans: ⌈N × enterprise.user_share ÷ users_per_school⌉ schools in the freemium form'),
  feesUsd: num('Payment fees: payment_percent × MRR + payment_fixed_usd × charges (one per paying user, or per group), USD'),
  opexUsd: num('Costs besides infrastructure (opex_usd_per_month), USD'),
  grossMarginUsd: num('MRR − fees − infrastructure (cost.totalUsd), USD'),
  contributionMarginUsd: num('Gross margin − opex, USD'),
};

const DESCRIPTION = 'Revenue and margins at N, per month (docs/model.md § Revenue); absent when the catalog has no revenue section';

export const revenueFiguresField = () => z.strictObject(figures).optional().describe(DESCRIPTION);

export const revenueSectionField = () =>
  z
    .strictObject({
      ...figures,
      plans: z
        .array(
          z.strictObject({
            id: text('Plan id (premium and enterprise in the freemium form)'),
            name: text('Plan name'),
            per: z.enum(['user', 'group']).describe('user: priced per user (a seat); group: per group of users billed together'),
            users: num('Users on the plan: round(N × share) per user; N × share per group'),
            groups: nullableInt('Groups billed together: ⌈N × share ÷ users_per_group⌉; null when each user is billed on their own'),
            usdPerUnit: num('The price step for N, per user or per group, USD a month'),
            mrrUsd: num("The plan's monthly revenue, USD"),
          }),
        )
        .describe('Revenue by paid plan'),
    })
    .optional()
    .describe(DESCRIPTION);
