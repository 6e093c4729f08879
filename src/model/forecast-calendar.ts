/**
 * The forecast's time line: month m is the calendar month m months after the start (`YYYY-MM`), and its users
 * are START × (1 + g)^m rounded to whole users (revenue counts people). Between month starts, users grow
 * continuously as in advise (./advise-dates.ts), so a day inside a month maps back to its month by the calendar.
 * Pure: the start month is a parameter.
 */
import { InputError } from './input-error.js';

const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Months since year 0 of a YYYY-MM month.
 * @throws InputError when the text is not YYYY-MM with a month 01–12
 */
export function monthNumber(month: string): number {
  const match = MONTH.exec(month);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw new InputError(`"${month}" is not a month as YYYY-MM (e.g. 2027-01)`);
  return Number(match[1]) * 12 + m - 1;
}

const monthText = (n: number): string => `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

/** The month `offset` months after `start`, as YYYY-MM. @example addMonths('2027-11', 3) // '2028-02' */
export const addMonths = (start: string, offset: number): string => monthText(monthNumber(start) + offset);

/** Which forecast month a YYYY-MM-DD day falls in (negative before the start). */
export const monthIndexOf = (start: string, day: string): number => monthNumber(day.slice(0, 7)) - monthNumber(start);

/** The first day of the start month: the as-of date advise's migration dates count from. */
export const firstDay = (start: string): string => `${addMonths(start, 0)}-01`;

/**
 * Users in month m: START × (1 + g)^m, rounded, at least 1 (a cost per user needs one).
 * @example usersInMonth(500, 0.1, 8) // 1072 (500 × 1.1^8 = 1,071.79)
 */
export const usersInMonth = (startUsers: number, growthPerMonth: number, month: number): number =>
  Math.max(1, Math.round(startUsers * (1 + growthPerMonth) ** month));
