import { describe, expect, it } from 'vitest';
import { addMonths, monthIndexOf, monthNumber, usersInMonth } from '../../../src/model/forecast-calendar.js';

describe('forecast calendar', () => {
  it('counts calendar months across years', () => {
    expect(addMonths('2027-11', 3)).toBe('2028-02');
    expect(addMonths('2027-01', 120)).toBe('2037-01');
    expect(monthIndexOf('2027-01', '2027-06-15')).toBe(5);
    expect(monthIndexOf('2027-01', '2026-12-31')).toBe(-1);
  });

  it('refuses what is not YYYY-MM', () => {
    for (const bad of ['2027-13', '2027-00', '2027-1', '27-01', '2027-01-01']) expect(() => monthNumber(bad)).toThrow(/not a month as YYYY-MM/);
  });

  it('rounds START × (1 + g)^m to whole users, at least 1', () => {
    expect(usersInMonth(500, 0.1, 8)).toBe(1072); // 1,071.79
    expect(usersInMonth(500, 0.1, 7)).toBe(974); // 974.36
    expect(usersInMonth(1, -0.9, 5)).toBe(1); // 0.00001 → at least 1
  });
});
