/**
 * The catalog's two revenue forms as one list of paid plans. The freemium form (free_share, premium, enterprise:
 * the bundled catalog's) is one instance of the general form (plans): premium is a per-user plan holding every
 * user who is neither free nor enterprise, enterprise a per-group plan of users_per_school at one price. The
 * catalog keeps both forms so the bundled file and `--set revenue.free_share=…` keep working unchanged; the
 * engine reads only this list.
 */
import type { Quantity, Revenue } from './catalog-types.js';
import { InputError } from './input-error.js';
import { mapList } from './lists.js';
import { roundTo } from './money.js';

export interface PriceAt {
  /** The step applies from this many users in the month (all users, not the plan's). */
  fromUsers: number;
  usdPerMonth: number;
}

export interface RevenuePlan {
  id: string;
  name: string;
  /** user: the price is per user (a seat); group: per group of usersPerGroup users. */
  per: 'user' | 'group';
  /** Share of all users on the plan, 0–1. */
  userShare: number;
  /** Users billed together in one charge; null = each user is billed on their own. */
  usersPerGroup: number | null;
  /** Ascending fromUsers, the first from 0. */
  schedule: readonly PriceAt[];
}

const step = (fromUsers: number, usdPerMonth: number): PriceAt => ({ fromUsers, usdPerMonth });
const steps = (schedule: ReadonlyArray<{ fromUsers: Quantity; usdPerMonth: Quantity }>): PriceAt[] =>
  mapList(schedule, (s) => step(s.fromUsers.value, s.usdPerMonth.value));

/**
 * The paid plans of either form. Shares are snapped to 12 decimals, so 1 − 0.7 − 0.05 is the 0.25 it stands
 * for rather than 0.25000000000000006, and N × share lands on the whole number it should.
 * @throws InputError when the shares add up to more than 1 (an override can push them there; the catalog rules
 *   refuse it in a file)
 */
export function revenuePlans(revenue: Revenue): RevenuePlan[] {
  if (revenue.plans) {
    const plans = mapList(
      revenue.plans,
      (p): RevenuePlan => ({
        id: p.id,
        name: p.name,
        per: p.per,
        userShare: p.userShare.value,
        usersPerGroup: p.usersPerGroup?.value ?? null,
        schedule: p.priceSchedule ? steps(p.priceSchedule) : [step(0, p.usdPerMonth?.value ?? 0)],
      }),
    );
    const total = plans.reduce((sum, p) => sum + p.userShare, 0);
    if (total > 1 + 1e-12) throw new InputError(`revenue: the plans' user_share add up to ${roundTo(total, 6)}, above 1`);
    return plans;
  }
  const free = revenue.freeShare?.value ?? 0;
  const enterprise = revenue.enterprise;
  const school = enterprise?.userShare.value ?? 0;
  const premiumShare = roundTo(1 - free - school, 12);
  if (premiumShare < 0) throw new InputError(`revenue: free_share ${free} + enterprise user_share ${school} exceed 1; premium would be negative`);
  const premium: RevenuePlan = {
    id: 'premium',
    name: 'Premium',
    per: 'user',
    userShare: premiumShare,
    usersPerGroup: null,
    schedule: steps(revenue.premium?.priceSchedule ?? []),
  };
  if (!enterprise) return [premium];
  return [
    premium,
    {
      id: 'enterprise',
      name: 'Enterprise (per school)',
      per: 'group',
      userShare: school,
      usersPerGroup: enterprise.usersPerSchool.value,
      schedule: [step(0, enterprise.usdPerSchoolMonth.value)],
    },
  ];
}

/**
 * The price of the step that holds N users: the last step whose fromUsers ≤ N.
 * @example priceAt([{ fromUsers: 0, usdPerMonth: 4.99 }, { fromUsers: 10001, usdPerMonth: 3.99 }], 10001) // 3.99
 */
export function priceAt(schedule: readonly PriceAt[], users: number): number {
  let price = schedule[0]?.usdPerMonth ?? 0;
  for (const s of schedule) if (s.fromUsers <= users) price = s.usdPerMonth;
  return price;
}
