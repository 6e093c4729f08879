/**
 * Migration dates from a growth rate (docs/model.md › Headroom and migration). Growth is net monthly-active-user
 * growth compounded continuously over months of 365.25 / 12 days:
 *
 *   users(t) = N · (1 + g)^(t / month)   ⇒   t(M) = month · ln(M / N) / ln(1 + g)   (days until users reach M)
 *
 * The phase runs out on the day its most users M is passed: as-of + ⌊t(M)⌋ whole days. Migrating takes the
 * catalog's steps' summed weeks: starting at the summed maximum before that day leaves time even if every step
 * runs long; the summed minimum gives the latest safe start. Dates are YYYY-MM-DD (UTC calendar days). Pure:
 * the as-of date is a parameter. Exported for `report --growth` and `gate --min-weeks-to-migrate`.
 */
import type { Migration } from './catalog-types.js';
import { InputError } from './input-error.js';
import { DAYS_PER_MONTH } from './workload.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date.
 * @throws InputError when the text is not a real calendar date
 */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) throw new InputError(`"${date}" is not a date as YYYY-MM-DD (e.g. 2027-01-01)`);
  return ms / DAY_MS;
}

/** `date` plus `days` whole days (negative goes back), as YYYY-MM-DD. */
export const addDays = (date: string, days: number): string => new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/**
 * Days until `users` growing at `growthPerMonth` (0.1 = 10 % a month) reach `target`: month · ln(target/users) / ln(1+g).
 * 0 when they are already there; null when they never get there (no growth).
 * @example daysToReach(1000, 2000, 0.1) // 30.4375 × ln 2 / ln 1.1 ≈ 221.36
 */
export function daysToReach(users: number, target: number, growthPerMonth: number): number | null {
  if (target <= users) return 0;
  if (growthPerMonth <= 0) return null;
  return (DAYS_PER_MONTH * Math.log(target / users)) / Math.log1p(growthPerMonth);
}

/** The migration's lead time: the catalog's steps' weeks summed, low and high. */
export interface LeadTime {
  minWeeks: number;
  maxWeeks: number;
}

export function leadTimeOf(migration: Migration | undefined): LeadTime {
  const steps = migration?.steps ?? [];
  return { minWeeks: steps.reduce((s, step) => s + step.weeks.min, 0), maxWeeks: steps.reduce((s, step) => s + step.weeks.max, 0) };
}

export interface MigrationDates {
  /** Days from as-of until users pass the phase's most (unrounded). */
  daysToExhaustion: number;
  /** as-of + ⌊daysToExhaustion⌋. */
  exhaustion: string;
  /** exhaustion − maxWeeks × 7 days: time for every step at its longest. */
  start: string;
  /** exhaustion − minWeeks × 7 days: the last day that leaves time if every step is quick. */
  latestSafeStart: string;
}

/**
 * @param maxUsers the most users the phase serves (its headroom search)
 * @returns null when growth never brings the users to maxUsers
 */
export function migrationDates(asOf: string, users: number, maxUsers: number, growthPerMonth: number, lead: LeadTime): MigrationDates | null {
  const days = daysToReach(users, maxUsers, growthPerMonth);
  if (days === null) return null;
  const exhaustion = addDays(asOf, Math.floor(days));
  return { daysToExhaustion: days, exhaustion, start: addDays(exhaustion, -7 * lead.maxWeeks), latestSafeStart: addDays(exhaustion, -7 * lead.minWeeks) };
}

/** Weeks from as-of until the migration must start (negative when that day has passed): what a gate compares. */
export const weeksToMigrationStart = (asOf: string, dates: MigrationDates): number => daysBetween(asOf, dates.start) / 7;
