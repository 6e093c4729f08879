/**
 * The phase each month's users need by capacity — advise's rule (./serving-phase.ts `cheapestServingPhase`):
 * the cheapest phase, on demand, that passes every capacity check; ties go to the earlier phase.
 *
 * Checking every phase at every month would size 5 × 121 plans for ten years. Capacity is monotone in users
 * (the assumption headroom's bisection makes, ./headroom.ts), so over the forecast's user counts, sorted, each
 * phase passes on a prefix: a bisection finds its end in ⌈log₂ months⌉ checks. Only the phases that pass
 * are priced, and a phase whose floor (its plan at 0 users, ./price-plan.ts `floorCost`) already costs no less
 * than the best so far is skipped unsized: no load costs less than the floor (test/model/bill.property.test.ts), so it cannot be cheaper at N either.
 * The answer is advise's; only the work is less.
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PlanCache } from './forecast-plans.js';
import { capacityAt, type Thresholds } from './plan.js';
import type { PriceLookup } from './cost.js';
import { floorCost } from './price-plan.js';

/** The most users among `sortedUsers` that `phase` serves; null when it serves not even the fewest. */
function lastServed(catalog: Catalog, phase: Phase, sortedUsers: readonly number[], thresholds: Thresholds): number | null {
  const ok = (i: number) => capacityAt(catalog, phase, sortedUsers[i]!, thresholds).ok;
  if (!ok(0)) return null;
  let lo = 0;
  let hi = sortedUsers.length;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return sortedUsers[lo]!;
}

/** For each user count, the phase capacity calls for (null when no phase passes), and whether a phase passes at N. */
export interface CapacityAtUsers {
  capacityPhase: (users: number) => number | null;
  serves: (phase: Phase, users: number) => boolean;
}

export function capacityByUsers(catalog: Catalog, users: readonly number[], thresholds: Thresholds, book: PriceLookup, plans: PlanCache): CapacityAtUsers {
  const sorted = [...new Set(users)].sort((a, b) => a - b);
  const limits = new Map(catalog.phases.map((phase) => [phase, lastServed(catalog, phase, sorted, thresholds)] as const));
  const serves = (phase: Phase, n: number) => {
    const limit = limits.get(phase);
    return limit != null && n <= limit;
  };
  const floors = new Map<Phase, number>();
  const floorOf = (phase: Phase) => {
    if (!floors.has(phase)) floors.set(phase, floorCost(catalog, phase, thresholds, book).totalUsd);
    return floors.get(phase)!;
  };
  return {
    serves,
    capacityPhase: (n) => {
      const serving = catalog.phases.filter((phase) => serves(phase, n));
      if (serving.length <= 1) return serving[0]?.id ?? null;
      let best = serving[0]!;
      let bestUsd = plans.summary(best, n).onDemand.totalUsd;
      for (const phase of serving.slice(1)) {
        if (floorOf(phase) >= bestUsd) continue;
        const usd = plans.summary(phase, n).onDemand.totalUsd;
        if (usd < bestUsd) [best, bestUsd] = [phase, usd];
      }
      return best.id;
    },
  };
}
