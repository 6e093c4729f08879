/**
 * Where the next phase becomes cheaper per user, pricing each sized plan with the run's book. (Which phase N
 * users need by capacity is ./serving-phase.ts, shared with simulate.)
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { HEADROOM_SEARCH_LIMIT } from './headroom.js';
import type { Thresholds } from './plan.js';
import { phaseCost } from './serving-phase.js';

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
