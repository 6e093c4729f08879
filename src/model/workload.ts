import type { Catalog, Phase, Quantity } from './catalog-types.js';
import type { RequiredAssumption } from './variables.js';
import { dayFactors } from './calendar.js';
import { InputError } from './input-error.js';
import { mapList } from './lists.js';

/** The assumptions in force for a phase: the catalog's workload, overridden by the phase's own. */
export function assumptionsFor(catalog: Catalog, phase: Phase): Readonly<Record<string, Quantity>> {
  const shared = catalog.workload.assumptions;
  const own = phase.assumptions;
  // Sizing one plan asks several times: the last merge is kept per phase's own assumptions. A Monte Carlo sample's
  // catalog has new shared assumptions, so it merges once and replaces the entry (a cache keyed by both objects made
  // two weak maps per sample for the garbage collector to clear).
  const last = merged.get(own);
  if (last !== undefined && last.shared === shared) return last.both;
  // Object.assign onto an empty object, not `{ ...shared, ...own }`: V8 took ~12 µs to add the phase's names to a
  // spread copy of the ~30 shared ones, and ~0.5 µs this way (in process).
  const both = Object.assign({}, shared, own);
  merged.set(own, { shared, both });
  return both;
}

const merged = new WeakMap<object, { shared: object; both: Readonly<Record<string, Quantity>> }>();

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

/** Days in an average calendar month: 365.25 / 12 = 30.4375 (not the 730 billing hours' 30.42 days, and need not be). */
export const DAYS_PER_MONTH = 365.25 / 12;
const SECONDS_PER_DAY = 86_400;

/** Whether any component of the phase serves the `cache` role (phase 0's VPS with node-cache does). */
export const hasCache = (phase: Phase): boolean => phase.components.some((component) => component.serves.includes('cache'));

/** The 24-hour profile in force for a phase: its own when it has one, else the workload's. */
export const dailyProfileFor = (catalog: Catalog, phase: Phase): readonly number[] => phase.dailyProfile ?? catalog.workload.dailyProfile;

/** Per-request visits to each tier, from the workload assumptions (all per request, dimensionless). */
export interface Visits {
  /** Cache lookups: every database read first asks the cache (cache-aside); none without a cache. */
  cache: number;
  /** Database reads that miss the cache (all of them without a cache). */
  dbReads: number;
  dbWrites: number;
}

/** The cache hit ratio in force: the assumption, or 0 in a phase with no cache (every read goes to the database). */
export const cacheHitRatioFor = (assumptions: Readonly<Record<string, Quantity>>, phase: Phase): number =>
  hasCache(phase) ? assumed(assumptions, 'cache_hit_ratio') : 0;

/** `withCache`: whether the phase has a cache; without one no read asks it and none is cut (hit ratio 0). */
export function visitsPerRequest(assumptions: Readonly<Record<string, Quantity>>, withCache: boolean): Visits {
  const queries = assumed(assumptions, 'db_queries_per_request');
  const readFraction = assumed(assumptions, 'db_read_fraction');
  const hitRatio = withCache ? assumed(assumptions, 'cache_hit_ratio') : 0;
  const reads = queries * readFraction;
  return { cache: withCache ? reads : 0, dbReads: reads * (1 - hitRatio), dbWrites: queries * (1 - readFraction) };
}

/** A month's volume from engagement: what request-priced and volume-priced lines bill. */
export interface Engagement {
  /** users × dau_per_mau. */
  dailyActiveUsers: number;
  /** User-seconds of active use on an average day. */
  activeSecondsPerDay: number;
  /** User-minutes of active use in an average calendar month. */
  monthlyActiveMinutes: number;
  /** Requests in an average calendar month. */
  monthlyRequests: number;
  /** monthlyRequests over the seconds of an average calendar month. */
  avgRequestsPerS: number;
}

/**
 * Volume from engagement. `users` are monthly active users; `dau_per_mau` of them are active on an average day,
 * for `active_minutes_per_day` minutes each, sending `requests_per_active_user_per_s` requests per active second:
 *
 *   monthlyRequests = users × dau_per_mau × active_minutes_per_day × 60 × requests_per_active_user_per_s × 365.25 / 12
 *
 * computed in that order, so the figure is the formula's to the last bit. A calendar moves volume between days
 * but averages 1 over a year, so it does not appear here (see ./calendar.ts).
 */
export function engagement(assumptions: Readonly<Record<string, Quantity>>, users: number): Engagement {
  const dauPerMau = assumed(assumptions, 'dau_per_mau');
  const minutes = assumed(assumptions, 'active_minutes_per_day');
  const rate = assumed(assumptions, 'requests_per_active_user_per_s');
  const monthlyRequests = (users * dauPerMau * minutes * 60 * rate * 365.25) / 12;
  return {
    dailyActiveUsers: users * dauPerMau,
    activeSecondsPerDay: users * dauPerMau * minutes * 60,
    monthlyActiveMinutes: (users * dauPerMau * minutes * 365.25) / 12,
    monthlyRequests,
    avgRequestsPerS: monthlyRequests / (DAYS_PER_MONTH * SECONDS_PER_DAY),
  };
}

/**
 * The concurrency engagement implies at the peak hour of the busiest day. Over an hour, the mean number of users
 * active at once is the user-seconds of activity in it over 3,600 s (Little's law: L = λ·W, with λ the sessions
 * starting per second and W their length, whose product is the user-seconds per second). The 24-hour profile
 * gives hour h the share p_h / Σp of a day's activity, so the peak hour (p = 1) carries 1 / Σp of it:
 *
 *   implied = activeSecondsPerDay × busiestDayFactor / Σp / 3600
 *
 * @example impliedPeakConcurrentUsers(3_600_000, 1, twentyFourOnes) // 1,000 user-hours over 24 flat hours: ≈ 41.7
 */
export function impliedPeakConcurrentUsers(activeSecondsPerDay: number, busiestDayFactor: number, profile: readonly number[]): number {
  const profileSum = profile.reduce((sum, factor) => sum + factor, 0);
  return (activeSecondsPerDay * busiestDayFactor) / profileSum / 3600;
}

export interface HourLoad {
  hour: number;
  /** Load factor from the daily profile (1 = the peak hour). */
  factor: number;
  concurrentUsers: number;
  requestsPerS: number;
}

export interface WorkloadAt extends Engagement {
  users: number;
  /** Concurrent users at the design peak: the phase's concurrency range, what sizing uses. */
  concurrentUsers: number;
  /** Requests per second at the design peak. */
  peakRequestsPerS: number;
  /** The peak concurrency engagement, the calendar and the profile imply (see `impliedPeakConcurrentUsers`). */
  impliedPeakConcurrentUsers: number;
  /** The calendar's busiest and quietest day, as multiples of an average day (1 and 1 without a calendar). */
  busiestDayFactor: number;
  quietestDayFactor: number;
  /** Whose 24-hour profile is in force. */
  dailyProfileFrom: 'phase' | 'workload';
  /** The hit ratio in force: the assumption, or 0 in a phase with no cache (every read goes to the database). */
  cacheHitRatio: number;
  /** The design peak hour by hour over the daily profile: what sizing and instance-hours use. */
  hours: readonly HourLoad[];
  visits: Visits;
}

/**
 * Two quantities, not one: the design peak (the phase's concurrency range × the 24-hour profile) sizes the
 * system hour by hour; the month's volume comes from engagement. Beside them, the peak engagement implies.
 */
export function workloadAt(catalog: Catalog, phase: Phase, users: number): WorkloadAt {
  const assumptions = assumptionsFor(catalog, phase);
  const perUserRate = assumed(assumptions, 'requests_per_active_user_per_s');
  const peakConcurrent = concurrentUsers(phase, users);
  const profile = dailyProfileFor(catalog, phase);
  const hours = mapList(profile, (factor, hour) => ({
    hour,
    factor,
    concurrentUsers: peakConcurrent * factor,
    requestsPerS: peakConcurrent * factor * perUserRate,
  }));
  const volume = engagement(assumptions, users);
  const days = dayFactors(catalog.workload.calendar);
  return {
    users,
    concurrentUsers: peakConcurrent,
    peakRequestsPerS: peakConcurrent * perUserRate,
    ...volume,
    impliedPeakConcurrentUsers: impliedPeakConcurrentUsers(volume.activeSecondsPerDay, days.busiestDay, profile),
    busiestDayFactor: days.busiestDay,
    quietestDayFactor: days.quietestDay,
    dailyProfileFrom: phase.dailyProfile === undefined ? 'workload' : 'phase',
    cacheHitRatio: cacheHitRatioFor(assumptions, phase),
    hours,
    visits: visitsPerRequest(assumptions, hasCache(phase)),
  };
}
