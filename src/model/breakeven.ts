/**
 * Break-even: the smallest user count at which the margin is ≥ 0, and every user range up to the catalog's top
 * where it stays ≥ 0 — for the gross margin (infrastructure only) and the contribution margin (with opex).
 *
 * The margin at N is what `simulate` reports at N (./revenue.ts over the plan sized in the phase whose user range
 * holds N, priced by the caller's cost function), rounded to the cent as simulate rounds it. It is not monotone:
 * infrastructure jumps at phase boundaries and wherever an instance is added, and revenue drops where a cheaper
 * price step starts. So the search samples every phase at its bounds, on both sides of each price step and on a
 * log-spaced grid, and bisects every pair of neighbouring samples whose signs differ down to the exact integer:
 * the margin is ≥ 0 at each reported start and < 0 one user below it. Between two samples of the same sign the
 * search assumes no excursion to the other sign; one narrower than the grid spacing (1/GRID_POINTS of a phase's
 * range in log scale) would go unseen.
 */
import type { Catalog, Revenue } from './catalog-types.js';
import { InputError } from './input-error.js';
import { roundCents } from './money.js';
import { sizePlan, type Plan, type Thresholds } from './plan.js';
import { revenuePlans } from './revenue-plans.js';
import { revenueAt, usersForPremium, type RevenueAt } from './revenue.js';
import { phaseForUsers } from './select.js';

/** Log-spaced samples per phase besides its bounds and price steps. */
/** The catalog claim whose premium users the implied opex is read at (data/phases.yaml: break-even-premium-users). */
export const PREMIUM_CLAIM_METRIC = 'break_even_premium_users';

/** The premium users the catalog's break-even claim names; null without one. */
export const claimedPremiumUsers = (catalog: Catalog): number | null => catalog.claims?.find((c) => c.metric === PREMIUM_CLAIM_METRIC)?.value ?? null;

export const GRID_POINTS = 8;

export interface UserRange {
  from: number;
  to: number;
}

export interface BreakevenPoint {
  /** The smallest user count with margin ≥ 0 (margin < 0 one user below); null when none in the catalog's range. */
  users: number | null;
  premiumUsers: number | null;
  phase: number | null;
  /** Every maximal range of user counts, up to the catalog's top, where the margin is ≥ 0. */
  profitableRanges: UserRange[];
}

export interface BreakevenInput {
  catalog: Catalog;
  revenue: Revenue;
  thresholds: Thresholds;
  /**
   * The month's infrastructure cost of a sized plan: its price book under the purchase strategy (the seam a
   * purchase strategy plugs into; on-demand is `plan => pricePlan(plan, book).totalUsd`).
   */
  infrastructureUsd: (plan: Plan) => number;
  /** Costs besides infrastructure, USD per month (the catalog's opex_usd_per_month, or --opex). */
  opexUsd: number;
  /** Premium users the document says the business breaks even at (a claim); null = no such claim. */
  claimedPremiumUsers: number | null;
}

export interface BreakevenAnalysis {
  /** The user range searched: the catalog's phases, from 1 user. */
  range: UserRange;
  infrastructureOnly: BreakevenPoint;
  withOpex: BreakevenPoint;
  /** The claim's user count: the N whose premium users are the claimed number; null without a claim or outside the range. */
  impliedAt: { premiumUsers: number; users: number } | null;
  /** The gross margin at impliedAt.users: the opex at which the claim would be the contribution break-even. */
  impliedOpexUsd: number | null;
  /** User counts sized and priced. */
  evaluations: number;
}

/** The user counts sampled: each phase's bounds, both sides of each price step, and a log-spaced grid per phase. */
export function sampleUsers(catalog: Catalog, revenue: Revenue, range: UserRange): number[] {
  const points = new Set<number>();
  const add = (n: number) => {
    if (n >= range.from && n <= range.to) points.add(n);
  };
  for (const phase of catalog.phases) {
    const low = Math.max(range.from, phase.users.min);
    const high = phase.users.max;
    add(low);
    add(high);
    for (let i = 1; i < GRID_POINTS; i += 1) add(Math.round(low * (high / low) ** (i / GRID_POINTS)));
  }
  for (const plan of revenuePlans(revenue)) {
    for (const step of plan.schedule) {
      add(step.fromUsers - 1);
      add(step.fromUsers);
    }
  }
  return [...points].sort((a, b) => a - b);
}

/** Maximal runs of `ok` over [samples[0], samples.at(-1)], each sign change bisected to the exact integer. */
function runs(samples: readonly number[], ok: (users: number) => boolean): UserRange[] {
  const ranges: UserRange[] = [];
  let start: number | null = ok(samples[0]!) ? samples[0]! : null;
  for (let i = 1; i < samples.length; i += 1) {
    let low = samples[i - 1]!;
    let high = samples[i]!;
    const after = ok(high);
    if (ok(low) === after) continue;
    // ok(low) ≠ ok(high): narrow to neighbours, keeping the two sides.
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (ok(mid) === after) high = mid;
      else low = mid;
    }
    if (after) start = high;
    else if (start !== null) {
      ranges.push({ from: start, to: low });
      start = null;
    }
  }
  if (start !== null) ranges.push({ from: start, to: samples[samples.length - 1]! });
  return ranges;
}

/**
 * The smallest user count where `ok` holds: `runs(samples, ok)[0].from` (null when there is no run), found by the
 * same scan and bisection without evaluating anything past it.
 */
export function firstRun(samples: readonly number[], ok: (users: number) => boolean): number | null {
  if (ok(samples[0]!)) return samples[0]!;
  for (let i = 1; i < samples.length; i += 1) {
    if (!ok(samples[i]!)) continue;
    let low = samples[i - 1]!;
    let high = samples[i]!;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (ok(mid)) high = mid;
      else low = mid;
    }
    return high;
  }
  return null;
}

/** The margins over the catalog's user range: each user count evaluated once, as simulate evaluates it. */
interface MarginCurve {
  range: UserRange;
  samples: number[];
  at(users: number): { phase: number; revenue: RevenueAt };
  evaluations(): number;
}

function marginCurve(input: BreakevenInput): MarginCurve {
  const { catalog, revenue, thresholds, opexUsd } = input;
  const first = catalog.phases[0]!;
  const last = catalog.phases[catalog.phases.length - 1]!;
  const range = { from: Math.max(1, first.users.min), to: last.users.max };
  const seen = new Map<number, { phase: number; revenue: RevenueAt }>();
  const at = (users: number) => {
    const known = seen.get(users);
    if (known) return known;
    const phase = phaseForUsers(catalog, users);
    if (!phase) throw new InputError(`breakeven: no phase of the catalog holds ${users} users; make the phases' user ranges contiguous`);
    const plan = sizePlan(catalog, phase, users, thresholds);
    const point = { phase: phase.id, revenue: revenueAt(revenue, users, input.infrastructureUsd(plan), opexUsd) };
    seen.set(users, point);
    return point;
  };
  return { range, samples: sampleUsers(catalog, revenue, range), at, evaluations: () => seen.size };
}

/** The claim's user count when it lies in the searched range. */
function impliedUsersIn(input: BreakevenInput, range: UserRange): number | null {
  const claimed = input.claimedPremiumUsers;
  const users = claimed === null ? null : usersForPremium(input.revenue, claimed);
  return users !== null && users >= range.from && users <= range.to ? users : null;
}

/**
 * What one Monte Carlo sample of `breakeven` reads: the contribution break-even (the first user count of
 * `breakeven(input).withOpex`, found without searching past it) and the implied opex, as `breakeven` gives them.
 */
export function breakevenFigures(input: BreakevenInput): { withOpexUsers: number | null; impliedOpexUsd: number | null } {
  const { range, samples, at } = marginCurve(input);
  const implied = impliedUsersIn(input, range);
  return {
    withOpexUsers: firstRun(samples, (n) => roundCents(at(n).revenue.contributionMarginUsd) >= 0),
    impliedOpexUsd: implied === null ? null : roundCents(at(implied).revenue.grossMarginUsd),
  };
}

/**
 * Both break-evens over the catalog's user range, and the opex the claimed premium users imply.
 * @throws InputError when a user count in the range falls in no phase (the catalog rules keep ranges contiguous)
 */
export function breakeven(input: BreakevenInput): BreakevenAnalysis {
  const { range, samples, at, evaluations } = marginCurve(input);
  const pointOf = (ranges: UserRange[]): BreakevenPoint => {
    const users = ranges[0]?.from ?? null;
    const found = users === null ? null : at(users);
    return { users, premiumUsers: found?.revenue.premiumUsers ?? null, phase: found?.phase ?? null, profitableRanges: ranges };
  };
  const infrastructureOnly = pointOf(runs(samples, (n) => roundCents(at(n).revenue.grossMarginUsd) >= 0));
  const withOpex = pointOf(runs(samples, (n) => roundCents(at(n).revenue.contributionMarginUsd) >= 0));

  const impliedUsers = impliedUsersIn(input, range);
  return {
    range,
    infrastructureOnly,
    withOpex,
    impliedAt: impliedUsers === null ? null : { premiumUsers: input.claimedPremiumUsers!, users: impliedUsers },
    impliedOpexUsd: impliedUsers === null ? null : roundCents(at(impliedUsers).revenue.grossMarginUsd),
    evaluations: evaluations(),
  };
}
