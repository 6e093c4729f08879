/**
 * Which phase N users need, by capacity rather than by the document's user ranges, and where the next phase
 * becomes cheaper per user. Both price the sized plan with the run's book.
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { HEADROOM_SEARCH_LIMIT } from './headroom.js';
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
 * The phase N users need by capacity: the cheapest that passes every capacity check (ties: the earlier
 * phase). The rule `status.servedBy` is meant to follow (src/model/simulate-result.ts); null when none passes.
 */
export function cheapestServingPhase(candidates: readonly PhaseCandidate[]): PhaseCandidate | null {
  let best: PhaseCandidate | null = null;
  for (const c of candidates) if (c.capacityOk && (best === null || c.totalUsd < best.totalUsd)) best = c;
  return best;
}

export interface CheaperAt {
  from: number;
  to: number;
  /** The fewest users, from N up, at which `to` costs no more than `from`; null when it stays dearer to searchedTo. */
  users: number | null;
  searchedTo: number;
}

/**
 * Where phase `to` becomes cheaper per user than phase `from` (at equal users, cheaper per user = cheaper in
 * total). Doubles from N until `to` is no dearer, then bisects on whole users: the first crossing when the
 * costs cross once, as they do when the later phase's variable cost grows slower.
 */
export function cheaperAt(catalog: Catalog, from: Phase, to: Phase, users: number, thresholds: Thresholds, book: PriceLookup, limit = HEADROOM_SEARCH_LIMIT): CheaperAt {
  const cheaper = (n: number) => phaseCost(catalog, to, n, thresholds, book) <= phaseCost(catalog, from, n, thresholds, book);
  const found = (n: number | null): CheaperAt => ({ from: from.id, to: to.id, users: n, searchedTo: limit });
  if (cheaper(users)) return found(users);
  let lo = users;
  let hi = users;
  do {
    lo = hi;
    if (hi >= limit) return found(null);
    hi = Math.min(limit, hi * 2);
  } while (!cheaper(hi));
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cheaper(mid)) hi = mid;
    else lo = mid;
  }
  return found(hi);
}
