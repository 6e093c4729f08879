/**
 * Migration windows of a forecast. The document's user ranges price each month, so a migration is due where
 * the month's phase changes (the cutover: the first month in the next phase). The phase being left runs out on
 * the day users pass its range's most (advise's dates, ./advise-dates.ts `migrationDates`, counted from the
 * start month's first day): migrating starts the catalog's lead time before that day — at the steps' longest
 * (high) and shortest (low). From the month the high start falls in until the month before the cutover both
 * phases run and are paid for: those are the months of double running the forecast charges; the low lead time's
 * count is shown beside it.
 */
import { leadTimeOf, migrationDates, type LeadTime } from './advise-dates.js';
import type { Catalog, Phase } from './catalog-types.js';
import { firstDay, monthIndexOf } from './forecast-calendar.js';

export interface MigrationWindow {
  from: number;
  to: number;
  /** The first month priced in the next phase. */
  cutoverMonth: number;
  /** The day users pass the range's most of the phase left (YYYY-MM-DD). */
  exhaustion: string;
  leadTime: LeadTime;
  /** exhaustion − the longest lead time (YYYY-MM-DD): the start the forecast charges. */
  start: string;
  /** exhaustion − the shortest lead time (YYYY-MM-DD). */
  latestSafeStart: string;
  /** Months both phases run: from the month `start` (high) or `latestSafeStart` (low) falls in to the cutover, clipped to month 0. */
  doubleRunningMonths: { high: number; low: number };
  /** The first month charged for both phases (the high lead time's start, clipped to month 0). */
  firstDoubleMonth: number;
  /** The start falls before month 0: the forecast begins inside the window, and the migration is already late. */
  startsBeforeForecast: boolean;
}

/**
 * @param phases the phase priced in each month (month 0 first)
 * @param growthPerMonth > 0 — without growth no phase changes upward
 */
export function migrationWindows(catalog: Catalog, start: string, startUsers: number, growthPerMonth: number, phases: readonly Phase[]): MigrationWindow[] {
  const lead = leadTimeOf(catalog.migration);
  const asOf = firstDay(start);
  const windows: MigrationWindow[] = [];
  for (let m = 1; m < phases.length; m += 1) {
    const before = phases[m - 1]!;
    const after = phases[m]!;
    if (after === before || growthPerMonth <= 0) continue;
    const dates = migrationDates(asOf, startUsers, before.users.max, growthPerMonth, lead)!;
    const high = monthIndexOf(start, dates.start);
    const low = monthIndexOf(start, dates.latestSafeStart);
    const firstDoubleMonth = Math.max(0, Math.min(high, m));
    windows.push({
      from: before.id,
      to: after.id,
      cutoverMonth: m,
      exhaustion: dates.exhaustion,
      leadTime: lead,
      start: dates.start,
      latestSafeStart: dates.latestSafeStart,
      doubleRunningMonths: { high: m - firstDoubleMonth, low: m - Math.max(0, Math.min(low, m)) },
      firstDoubleMonth,
      startsBeforeForecast: high < 0,
    });
  }
  return windows;
}
