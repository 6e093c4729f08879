/**
 * Sized and priced plans memoised by (phase, users): a forecast asks for the same plan as the month's phase,
 * as a capacity candidate and as the incoming phase of a migration window, and sizing is what costs time. Every
 * ask for a month comes before the next month's, whose users differ, so only the current user count's plans are
 * kept: a forecast that kept all of them held ~10 MB for ten years, and the collector copied it at every pass.
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { sizePlan, type Plan, type Thresholds } from './plan.js';
import { pricePlan, type CostResult } from './price-plan.js';

export interface PricedPlan {
  plan: Plan;
  /** The plan priced on demand with the run's book. */
  onDemand: CostResult;
}

export type PlanCache = (phase: Phase, users: number) => PricedPlan;

export function planCache(catalog: Catalog, thresholds: Thresholds, book: PriceLookup): PlanCache {
  let seenUsers: number | undefined;
  const seen = new Map<Phase, PricedPlan>();
  return (phase, users) => {
    if (users !== seenUsers) {
      seen.clear();
      seenUsers = users;
    }
    let priced = seen.get(phase);
    if (!priced) {
      const plan = sizePlan(catalog, phase, users, thresholds);
      priced = { plan, onDemand: pricePlan(plan, book) };
      seen.set(phase, priced);
    }
    return priced;
  };
}
