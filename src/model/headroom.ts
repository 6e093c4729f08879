import type { Catalog, Phase } from './catalog-types.js';
import { capacityAt, type Thresholds } from './plan.js';

/** Users beyond which the search stops and reports the phase as unbounded. */
export const HEADROOM_SEARCH_LIMIT = 1_000_000_000;

export interface Headroom {
  /** The most users the phase serves within its SLOs and alert thresholds; null if not even its smallest load. */
  maxUsers: number | null;
  /** maxUsers − users (negative when the phase is already past its limit). */
  headroomUsers: number | null;
  /** (maxUsers / users − 1) × 100. */
  headroomPercent: number | null;
  /** The checks that fail just past maxUsers. */
  limitedBy: string[];
  /** True when the search reached HEADROOM_SEARCH_LIMIT without a failure. */
  unbounded: boolean;
}

/**
 * Largest user count at which `capacityAt` still passes, by bisection on whole users.
 * Assumes capacity is monotone in users (more users never make a check easier); the property
 * tests check that load, latency and utilisation rise with users.
 */
export function headroom(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds): Headroom {
  const ok = (n: number) => capacityAt(catalog, phase, n, thresholds);
  const floor = Math.max(1, phase.users.min);
  const atFloor = ok(floor);
  if (!atFloor.ok) {
    return { maxUsers: null, headroomUsers: null, headroomPercent: null, limitedBy: atFloor.failing, unbounded: false };
  }
  let lo = floor;
  let hi = Math.max(users, phase.users.max, floor + 1);
  let failing: string[] = [];
  for (;;) {
    const verdict = ok(hi);
    if (!verdict.ok) {
      failing = verdict.failing;
      break;
    }
    lo = hi;
    if (hi >= HEADROOM_SEARCH_LIMIT) {
      return summary(lo, users, [], true);
    }
    hi = Math.min(HEADROOM_SEARCH_LIMIT, hi * 2);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const verdict = ok(mid);
    if (verdict.ok) lo = mid;
    else {
      hi = mid;
      failing = verdict.failing;
    }
  }
  return summary(lo, users, failing, false);
}

function summary(maxUsers: number, users: number, limitedBy: string[], unbounded: boolean): Headroom {
  return {
    maxUsers,
    headroomUsers: maxUsers - users,
    headroomPercent: users > 0 ? (maxUsers / users - 1) * 100 : null,
    limitedBy,
    unbounded,
  };
}
