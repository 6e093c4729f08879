/**
 * Sized and priced plans memoised by (phase, users): a forecast asks for the same plan as the month's phase,
 * as a capacity candidate and as the incoming phase of a migration window, and sizing is what costs time. Every
 * ask for a month comes before the next month's, whose users differ, so only the current user count's plans are
 * kept: a forecast that kept all of them held ~10 MB for ten years, and the collector copied it at every pass.
 *
 * Plans are sized with `sizeSample`, whose figures are `sizePlan`'s own (a property test holds them equal) without
 * the rows no month reads. Most asks need a bill's total alone, which `costSummary` gives without building its
 * lines (`summary`); a purchase strategy reads the bill line by line (`full`).
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { sizeSample, type SampledPlan, type Thresholds } from './plan.js';
import { costSummary, pricePlan, type CostResult, type CostSummary } from './price-plan.js';

export interface PricedPlan {
  plan: SampledPlan;
  /** The plan priced on demand with the run's book. */
  onDemand: CostResult;
}

export interface PricedSample {
  /** Instances at the peak hour, summed over the tiers. */
  instancesAtPeak: number;
  /** The plan's bill on demand with the run's book: its total, per user and against the budget. */
  onDemand: CostSummary;
}

export interface PlanCache {
  /** What most asks need; taken from `full` when it has been asked for the same phase and users. */
  summary(phase: Phase, users: number): PricedSample;
  full(phase: Phase, users: number): PricedPlan;
}

/** A memo of one user count's values by phase, emptied when the user count changes. */
function perUsers<T>(make: (phase: Phase, users: number) => T): { get(phase: Phase, users: number): T; peek(phase: Phase, users: number): T | undefined } {
  let seenUsers: number | undefined;
  const seen = new Map<Phase, T>();
  const peek = (phase: Phase, users: number) => (users === seenUsers ? seen.get(phase) : undefined);
  return {
    peek,
    get(phase, users) {
      if (users !== seenUsers) {
        seen.clear();
        seenUsers = users;
      }
      let value = seen.get(phase);
      if (value === undefined) {
        value = make(phase, users);
        seen.set(phase, value);
      }
      return value;
    },
  };
}

export function planCache(catalog: Catalog, thresholds: Thresholds, book: PriceLookup): PlanCache {
  const full = perUsers((phase, users): PricedPlan => {
    const plan = sizeSample(catalog, phase, users, thresholds);
    return { plan, onDemand: pricePlan(plan, book) };
  });
  const summary = perUsers((phase, users): PricedSample => {
    const known = full.peek(phase, users);
    if (known) return { instancesAtPeak: known.plan.instancesAtPeak, onDemand: known.onDemand };
    const plan = sizeSample(catalog, phase, users, thresholds);
    return { instancesAtPeak: plan.instancesAtPeak, onDemand: costSummary(plan, book) };
  });
  return { summary: summary.get, full: full.get };
}
