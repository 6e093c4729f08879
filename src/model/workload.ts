import type { Catalog, Phase, Quantity } from './catalog-types.js';
import type { RequiredAssumption } from './variables.js';
import { InputError } from './input-error.js';

/** Seconds in a billing month of `hoursPerMonth` hours. */
export const secondsPerMonth = (hoursPerMonth: number): number => hoursPerMonth * 3600;

/** The assumptions in force for a phase: the catalog's workload, overridden by the phase's own. */
export function assumptionsFor(catalog: Catalog, phase: Phase): Readonly<Record<string, Quantity>> {
  return { ...catalog.workload.assumptions, ...phase.assumptions };
}

/** Reads a required assumption's value; the catalog validator guarantees it exists. */
export function assumed(assumptions: Readonly<Record<string, Quantity>>, name: RequiredAssumption): number {
  const quantity = assumptions[name];
  if (quantity === undefined) throw new InputError(`the catalog defines no assumption "${name}"`);
  return quantity.value;
}

/**
 * Concurrent users at the daily peak for `users` users in a phase: linear interpolation of the
 * phase's concurrent-user range over its user range, extended with the same slope beyond it,
 * and never more than the users themselves (phase 0 quotes 50–100 concurrent for 0–100 users).
 *
 *   concurrent(N) = cMin + (cMax − cMin) · (N − uMin) / (uMax − uMin),   clamped to [0, N]
 */
export function concurrentUsers(phase: Phase, users: number): number {
  const { min: uMin, max: uMax } = phase.users;
  const { min: cMin, max: cMax } = phase.concurrentUsers;
  const slope = uMax > uMin ? (cMax - cMin) / (uMax - uMin) : 0;
  const interpolated = cMin + slope * (users - uMin);
  return Math.min(users, Math.max(0, interpolated));
}

/** Per-request visits to each tier, from the workload assumptions (all per request, dimensionless). */
export interface Visits {
  /** Cache lookups: every database read first asks the cache (cache-aside). */
  cache: number;
  /** Database reads that miss the cache. */
  dbReads: number;
  dbWrites: number;
}

export function visitsPerRequest(assumptions: Readonly<Record<string, Quantity>>): Visits {
  const queries = assumed(assumptions, 'db_queries_per_request');
  const readFraction = assumed(assumptions, 'db_read_fraction');
  const hitRatio = assumed(assumptions, 'cache_hit_ratio');
  const reads = queries * readFraction;
  return { cache: reads, dbReads: reads * (1 - hitRatio), dbWrites: queries * (1 - readFraction) };
}

export interface HourLoad {
  hour: number;
  /** Load factor from the daily profile (1 = the peak hour). */
  factor: number;
  concurrentUsers: number;
  requestsPerS: number;
}

export interface WorkloadAt {
  users: number;
  /** Concurrent users at the daily peak. */
  concurrentUsers: number;
  peakRequestsPerS: number;
  avgRequestsPerS: number;
  monthlyRequests: number;
  hours: readonly HourLoad[];
  visits: Visits;
}

/** Users → concurrent users → requests/s, hour by hour over the daily profile. */
export function workloadAt(catalog: Catalog, phase: Phase, users: number): WorkloadAt {
  const assumptions = assumptionsFor(catalog, phase);
  const perUserRate = assumed(assumptions, 'requests_per_active_user_per_s');
  const peakConcurrent = concurrentUsers(phase, users);
  const hours = catalog.workload.dailyProfile.map((factor, hour) => ({
    hour,
    factor,
    concurrentUsers: peakConcurrent * factor,
    requestsPerS: peakConcurrent * factor * perUserRate,
  }));
  const avgRequestsPerS = hours.reduce((sum, h) => sum + h.requestsPerS, 0) / hours.length;
  return {
    users,
    concurrentUsers: peakConcurrent,
    peakRequestsPerS: peakConcurrent * perUserRate,
    avgRequestsPerS,
    monthlyRequests: avgRequestsPerS * secondsPerMonth(catalog.hoursPerMonth),
    hours,
    visits: visitsPerRequest(assumptions),
  };
}
