/** Migration dates: continuous compounding over months of 365.25/12 days, whole days, weeks of lead time. Expected values by hand. */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysToReach, leadTimeOf, migrationDates, weeksToMigrationStart } from '../../src/model/advise-dates.js';

describe('daysToReach', () => {
  it('doubling at 10 %/month takes 30.4375 × ln 2 / ln 1.1 = 221.36 days', () => {
    expect(daysToReach(1000, 2000, 0.1)).toBeCloseTo((30.4375 * 0.6931471805599453) / 0.09531017980432493, 9);
  });
  it('one month of growth reaches users × (1 + g) in exactly 30.4375 days', () => {
    expect(daysToReach(1000, 1100, 0.1)).toBeCloseTo(30.4375, 9);
  });
  it('is 0 at or past the target, and null when there is no growth', () => {
    expect(daysToReach(2000, 2000, 0.1)).toBe(0);
    expect(daysToReach(3000, 2000, 0.1)).toBe(0);
    expect(daysToReach(1000, 2000, 0)).toBeNull();
    expect(daysToReach(1000, 2000, -0.05)).toBeNull();
  });
});

describe('calendar days', () => {
  it('adds across a leap day and back', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
  it('refuses what is not a real YYYY-MM-DD date', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(/not a date as YYYY-MM-DD/);
    expect(() => addDays('1/1/2027', 1)).toThrow(/not a date/);
  });
});

describe('migrationDates', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => ({ lead: leadTimeOf({ steps: [{ weeks: { min: 1, max: 2 } }, { weeks: { min: 2, max: 3 } }, { weeks: { min: 1, max: 1 } }, { weeks: { min: 1, max: 2 } }] } as never) });

  it('sums the steps: 5 to 8 weeks', () => {
    const { lead } = subject();
    expect(lead).toEqual({ minWeeks: 5, maxWeeks: 8 });
  });

  it('1,000 users, a limit of 2,000, 10 %/month from 2027-01-01: 221.36 days → 2027-08-10; −56 → 2027-06-15; −35 → 2027-07-06', () => {
    const { lead } = subject();
    // 2027-01-01 + 221: Jan 31, Feb 28, Mar 31, Apr 30, May 31, Jun 30, Jul 31 = 212 days to 2027-08-01, + 9 = 2027-08-10.
    const dates = migrationDates('2027-01-01', 1000, 2000, 0.1, lead)!;
    expect(dates.exhaustion).toBe('2027-08-10');
    expect(dates.start).toBe('2027-06-15');
    expect(dates.latestSafeStart).toBe('2027-07-06');
    // 2027-01-01 to 2027-06-15 is 165 days.
    expect(weeksToMigrationStart('2027-01-01', dates)).toBeCloseTo(165 / 7, 12);
  });

  it('a phase already past its limit runs out on the as-of day', () => {
    const { lead } = subject();
    expect(migrationDates('2027-01-01', 3000, 2000, 0.1, lead)!.exhaustion).toBe('2027-01-01');
  });

  it('no growth, no dates', () => {
    const { lead } = subject();
    expect(migrationDates('2027-01-01', 1000, 2000, 0, lead)).toBeNull();
  });
});
