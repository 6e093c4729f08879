import type { Calendar } from './catalog-types.js';

/** Weeks in an average (Julian) year: 365.25 / 7 ≈ 52.18. */
export const WEEKS_PER_YEAR = 365.25 / 7;

/** What a calendar implies for one day, as multiples of the average day (1 = an average day). */
export interface DayFactors {
  /** The busiest kind of day: what the engagement-implied peak is taken on. */
  busiestDay: number;
  quietestDay: number;
}

/**
 * Normalises a calendar so its day factors average 1 over a year, and returns its busiest and quietest day.
 *
 * A day's raw factor is its weekday or weekend factor, times the holiday factor in a school-holiday week.
 * Over a year of W = 365.25 / 7 weeks, H of them holidays, with 5 weekdays and 2 weekend days a week:
 *
 *   mean = (5·weekday + 2·weekend) / 7 × ((W − H) + H·holiday) / W
 *
 * (the week mix is the same in holiday and school weeks, so the two averages multiply). Each factor divided by
 * the mean averages exactly 1, so a calendar moves volume between days and never changes an average month.
 * Without a calendar every day is an average day. The schema keeps the mean above 0 (weekday > 0, H ≤ 52 < W).
 *
 * @example dayFactors({ weekday: 1, weekend: 0.5, … }) // mean 6/7: busiest 7/6, quietest 7/12
 */
export function dayFactors(calendar: Calendar | undefined): DayFactors {
  if (calendar === undefined) return { busiestDay: 1, quietestDay: 1 };
  const weekday = calendar.weekday.value;
  const weekend = calendar.weekend.value;
  const holidayWeeks = calendar.schoolHolidays?.weeksPerYear.value ?? 0;
  const holiday = calendar.schoolHolidays?.factor.value ?? 1;
  const weekMean = (5 * weekday + 2 * weekend) / 7;
  const yearMean = (WEEKS_PER_YEAR - holidayWeeks + holidayWeeks * holiday) / WEEKS_PER_YEAR;
  const mean = weekMean * yearMean;
  // A holiday factor only counts where holiday weeks exist: with none, a school week is every week.
  const weekFactors = holidayWeeks > 0 ? [1, holiday] : [1];
  return {
    busiestDay: (Math.max(weekday, weekend) * Math.max(...weekFactors)) / mean,
    quietestDay: (Math.min(weekday, weekend) * Math.min(...weekFactors)) / mean,
  };
}
