/**
 * What the business earns at N users in a month, and what is left after fees, infrastructure and opex.
 *
 * For each paid plan (./revenue-plans.ts; the bundled catalog's premium and per-school enterprise):
 *   per-user plan:  payers = round(N × share)        (premium: N × (1 − free_share − enterprise.user_share))
 *   per-group plan: groups = ⌈N × share ÷ users_per_group⌉   (enterprise: schools)
 *   price           = the plan's schedule step for N (every payer pays it, not a blend of steps)
 *   MRR             = Σ payers (or groups) × price
 *   charges         = one per paying user, or one per group billed together (a plan at $0 charges nothing)
 *   fees            = payment_percent × MRR + payment_fixed_usd × charges
 *   gross margin    = MRR − fees − infrastructure
 *   contribution    = gross margin − opex
 * Money is USD per month, unrounded (results round to the cent). The card-fee shape (a percentage plus a fixed
 * amount per charge) is Stripe's standard pricing, https://stripe.com/pricing (2.9 % + 30¢, retrieved 2025).
 */
import type { Revenue } from './catalog-types.js';
import { InputError } from './input-error.js';
import { mapList } from './lists.js';
import { roundTo } from './money.js';
import { priceAt, revenuePlans, type RevenuePlan } from './revenue-plans.js';

export interface PlanRevenue {
  id: string;
  name: string;
  per: 'user' | 'group';
  /** Users on the plan: round(N × share) for a per-user plan; N × share (unrounded) for a per-group one. */
  users: number;
  /** Groups billed together (schools): ⌈N × share ÷ users_per_group⌉; null when each user is billed on their own. */
  groups: number | null;
  /** The schedule's price at N, per user or per group. */
  usdPerUnit: number;
  mrrUsd: number;
  /** Payments a month: what the fixed fee applies to. */
  charges: number;
}

export interface RevenueAt {
  users: number;
  plans: PlanRevenue[];
  mrrUsd: number;
  /** Users who pay per user (the bundled catalog's premium users): Σ users of the per-user plans. */
  premiumUsers: number;
  /** Groups that pay per group (the bundled catalog's schools): Σ groups of the per-group plans. */
  enterpriseSchools: number;
  charges: number;
  feesUsd: number;
  opexUsd: number;
  infrastructureUsd: number;
  grossMarginUsd: number;
  contributionMarginUsd: number;
}

/** N × share without binary noise: 5000 × 0.05 is 250, not 250.00000000000003 (whose ceiling is 251). */
const usersOn = (users: number, share: number): number => roundTo(users * share, 9);

function planRevenue(plan: RevenuePlan, users: number): PlanRevenue {
  const onPlan = usersOn(users, plan.userShare);
  const groups = plan.usersPerGroup === null ? null : Math.ceil(roundTo(onPlan / plan.usersPerGroup, 9));
  const payers = plan.per === 'user' ? Math.round(onPlan) : onPlan;
  const units = plan.per === 'user' ? payers : (groups ?? 0);
  const usdPerUnit = priceAt(plan.schedule, users);
  const charges = usdPerUnit > 0 ? (groups ?? payers) : 0;
  return { id: plan.id, name: plan.name, per: plan.per, users: payers, groups, usdPerUnit, mrrUsd: units * usdPerUnit, charges };
}

/**
 * Revenue and margins at `users`, given the month's infrastructure cost (a simulate result's cost.totalUsd).
 * @param opexUsd costs besides infrastructure; default the catalog's opex_usd_per_month (breakeven --opex overrides it)
 * @throws InputError when users is not a whole number ≥ 0, or the plans' shares exceed 1
 * @example revenueAt(bundled.revenue, 50_000, 1200).premiumUsers // 12500 = round(50,000 × 0.25)
 */
export function revenueAt(revenue: Revenue, users: number, infrastructureUsd: number, opexUsd = revenue.opexUsdPerMonth.value): RevenueAt {
  if (!Number.isInteger(users) || users < 0) throw new InputError(`revenue: users must be a whole number ≥ 0; got ${users}`);
  const plans = mapList(revenuePlans(revenue), (plan) => planRevenue(plan, users));
  const sum = (pick: (p: PlanRevenue) => number) => plans.reduce((total, p) => total + pick(p), 0);
  const mrrUsd = sum((p) => p.mrrUsd);
  const charges = sum((p) => p.charges);
  const feesUsd = revenue.fees.paymentPercent.value * mrrUsd + revenue.fees.paymentFixedUsd.value * charges;
  const grossMarginUsd = mrrUsd - feesUsd - infrastructureUsd;
  return {
    users,
    plans,
    mrrUsd,
    premiumUsers: sum((p) => (p.per === 'user' ? p.users : 0)),
    enterpriseSchools: sum((p) => (p.per === 'group' ? (p.groups ?? 0) : 0)),
    charges,
    feesUsd,
    opexUsd,
    infrastructureUsd,
    grossMarginUsd,
    contributionMarginUsd: grossMarginUsd - opexUsd,
  };
}

/**
 * The user count at which the per-user plans hold `premiumUsers` payers: round(premiumUsers ÷ Σ per-user shares),
 * e.g. 50,000 premium users at a 25 % premium share → 200,000 users. Null when no per-user plan pays.
 */
export function usersForPremium(revenue: Revenue, premiumUsers: number): number | null {
  const share = revenuePlans(revenue)
    .filter((p) => p.per === 'user' && p.schedule.some((s) => s.usdPerMonth > 0))
    .reduce((total, p) => total + p.userShare, 0);
  return share > 0 ? Math.round(roundTo(premiumUsers / share, 9)) : null;
}
