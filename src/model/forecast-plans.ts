/**
 * Sized and priced plans memoised by (phase, users): a forecast asks for the same plan as the month's phase,
 * as a capacity candidate and as the incoming phase of a migration window, and sizing is what costs time.
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
  const seen = new Map<string, PricedPlan>();
  return (phase, users) => {
    const key = `${phase.id}:${users}`;
    let priced = seen.get(key);
    if (!priced) {
      const plan = sizePlan(catalog, phase, users, thresholds);
      priced = { plan, onDemand: pricePlan(plan, book) };
      seen.set(key, priced);
    }
    return priced;
  };
}
