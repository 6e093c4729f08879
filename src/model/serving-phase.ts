/**
 * Which phase N users need by capacity rather than by the document's user ranges: the cheapest phase that passes
 * every capacity check. One rule for `simulate`'s `status.servedBy` and `advise`'s `byCapacity` (issue 11), so
 * the two commands never name different phases for the same load. Each phase is priced with the run's book.
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { capacityAt, sizePlan, type Thresholds } from './plan.js';
import { pricePlan } from './price-plan.js';

/** One phase at N users: whether it passes every capacity check, what fails, and its monthly cost. */
export interface PhaseCandidate {
  phase: number;
  capacityOk: boolean;
  /** The capacity checks that fail (none when capacityOk). */
  failing: string[];
  totalUsd: number;
  perUserUsd: number;
}

export const phaseCost = (catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds, book: PriceLookup): number =>
  pricePlan(sizePlan(catalog, phase, users, thresholds), book).totalUsd;

/** Every phase at N users, in catalog order. */
export function phaseCandidates(catalog: Catalog, users: number, thresholds: Thresholds, book: PriceLookup): PhaseCandidate[] {
  return catalog.phases.map((phase) => {
    const verdict = capacityAt(catalog, phase, users, thresholds);
    const totalUsd = phaseCost(catalog, phase, users, thresholds, book);
    return { phase: phase.id, capacityOk: verdict.ok, failing: verdict.failing, totalUsd, perUserUsd: totalUsd / users };
  });
}

/**
 * The phase N users need by capacity: the cheapest that passes every capacity check (ties: the earlier phase);
 * null when none passes.
 * @example cheapestServingPhase(phaseCandidates(catalog, 20_000, thresholds, book))?.phase // 2 in the bundled plan
 */
export function cheapestServingPhase(candidates: readonly PhaseCandidate[]): PhaseCandidate | null {
  let best: PhaseCandidate | null = null;
  for (const c of candidates) if (c.capacityOk && (best === null || c.totalUsd < best.totalUsd)) best = c;
  return best;
}
