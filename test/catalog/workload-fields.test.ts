/**
 * The catalog fields engagement adds: dau_per_mau and active_minutes_per_day (each on both sides of its limit),
 * workload.calendar, and a phase's own daily_profile.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, validateCatalogText, type CatalogValidation } from '../../src/catalog/index.js';
import { variantText } from './fixtures.js';

const variant = (find: string, replace: string) => validateCatalogText(variantText(find, replace), 'x.yaml');
const errors = (v: CatalogValidation) => v.errors.map((e) => `${e.path}: ${e.message}`);
const dau = 'dau_per_mau: { value: 0.3,';
const minutes = 'active_minutes_per_day: { value: 15,';
const profileLine = '  daily_profile: [0.25, 0.2, 0.2, 0.2, 0.25, 0.35, 0.5, 0.7, 0.85, 0.95, 1.0, 1.0,\n';

describe('engagement assumptions', () => {
  it('dau_per_mau is a fraction: 1 is valid, 1.01 is not', () => {
    expect(variant(dau, 'dau_per_mau: { value: 1,').errors).toEqual([]);
    expect(errors(variant(dau, 'dau_per_mau: { value: 1.01,'))).toEqual(['workload.dau_per_mau.value: must be a fraction from 0 to 1 (70 % is 0.7); got 1.01']);
  });

  it('active_minutes_per_day is above 0 and at most the 1,440 minutes of a day', () => {
    expect(variant(minutes, 'active_minutes_per_day: { value: 1440,').errors).toEqual([]);
    expect(errors(variant(minutes, 'active_minutes_per_day: { value: 1441,'))).toEqual(['workload.active_minutes_per_day.value: must be at most 1440 (the minutes in a day); got 1441']);
    expect(errors(variant(minutes, 'active_minutes_per_day: { value: 0,'))).toEqual(['workload.active_minutes_per_day.value: must be greater than 0; got 0']);
  });

  it('both are required, named with their meaning', () => {
    const v = variant('  dau_per_mau: { value: 0.3, source: assumption, note: three in ten monthly users on an average day }\n', '');
    expect(errors(v)).toEqual([expect.stringMatching(/^workload: the required assumption "dau_per_mau" \(share of the month's active users active on an average day/)]);
  });

  it('active_minutes_per_day is read in minutes per user-day: a unit of minutes alone is refused', () => {
    expect(variant(minutes, 'active_minutes_per_day: { unit: minutes per user-day, value: 15,').errors).toEqual([]);
    expect(errors(variant(minutes, 'active_minutes_per_day: { unit: minutes, value: 15,'))).toEqual([
      expect.stringMatching(/^workload\.active_minutes_per_day\.unit: the engine reads "active_minutes_per_day" in minutes per user-day, not minutes/),
    ]);
  });
});

describe('workload.calendar', () => {
  const calendar = (holidays: string) =>
    variant(
      profileLine,
      `  calendar:\n    weekday: { value: 1, source: assumption, note: a school day }\n    weekend: { value: 0.6, source: assumption, note: home practice }\n${holidays}${profileLine}`,
    );

  it('takes weekday, weekend and school holidays, each a sourced number', () => {
    const v = calendar('    school_holidays: { weeks_per_year: { value: 16, source: assumption, note: Spain }, factor: { value: 0.5, source: assumption, note: half } }\n');
    expect(v.errors.map(formatProblem)).toEqual([]);
    expect(v.catalog!.workload.calendar).toMatchObject({ weekday: { value: 1 }, weekend: { value: 0.6 }, schoolHolidays: { weeksPerYear: { value: 16 }, factor: { value: 0.5 } } });
  });

  it('52 holiday weeks is valid; 53 is more weeks than a year has', () => {
    const weeks = (n: number) => calendar(`    school_holidays: { weeks_per_year: ${n}, factor: 0.5 }\n`);
    expect(weeks(52).errors).toEqual([]);
    expect(errors(weeks(53))).toEqual(['workload.calendar.school_holidays.weeks_per_year: must be at most 52 (the weeks in a year); got 53']);
  });
});

describe("a phase's own daily_profile", () => {
  const own = (values: string) => variant('    budget_usd: { min: 30, max: 120 }\n', `    budget_usd: { min: 30, max: 120 }\n    daily_profile: [${values}]\n`);
  const hours = (peak: number) => [...Array<number>(23).fill(0.5), peak].join(', ');

  it('is the same shape as the workload’s and must peak at exactly 1, at its own path', () => {
    const v = own(hours(1));
    expect(v.errors).toEqual([]);
    expect(v.catalog!.phases[1]!.dailyProfile).toHaveLength(24);
    expect(v.catalog!.phases[0]!.dailyProfile).toBeUndefined();
    expect(errors(own(hours(0.9)))).toEqual(["phases[1].daily_profile: the daily profile's largest value is 0.9; it must be exactly 1 (the peak hour) — divide every value by 0.9"]);
  });
});
