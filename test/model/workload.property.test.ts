import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFactors } from '../../src/model/calendar.js';
import type { Quantity } from '../../src/model/catalog-types.js';
import { engagement } from '../../src/model/workload.js';

const q = (value: number): Quantity => ({ value, source: 'assumption' });
const ENGAGEMENT = ['dau_per_mau', 'active_minutes_per_day', 'requests_per_active_user_per_s'] as const;

const assumptions = fc.record({
  dau_per_mau: fc.double({ min: 0.001, max: 1, noNaN: true }),
  active_minutes_per_day: fc.double({ min: 0.1, max: 1440, noNaN: true }),
  requests_per_active_user_per_s: fc.double({ min: 0.001, max: 10, noNaN: true }),
});
const monthly = (values: Record<(typeof ENGAGEMENT)[number], number>, users: number) =>
  engagement(Object.fromEntries(Object.entries(values).map(([name, v]) => [name, q(v)])), users).monthlyRequests;

describe('monthlyRequests is linear in each engagement assumption', () => {
  it.each(ENGAGEMENT)('%s: f(a + b) = f(a) + f(b) with the others held', (name) => {
    fc.assert(
      fc.property(assumptions, fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.integer({ min: 1, max: 10_000_000 }), (values, a, b, users) => {
        // Scale a and b into the assumption's domain so their sum stays in it (a fraction stays ≤ 1).
        const scale = name === 'dau_per_mau' ? 0.5 : name === 'active_minutes_per_day' ? 700 : 5;
        const at = (v: number) => monthly({ ...values, [name]: v * scale }, users);
        const relative = Math.abs(at(a + b) - at(a) - at(b)) / at(a + b);
        expect(relative).toBeLessThan(1e-12);
      }),
    );
  });

  it('and zero at zero users; no NaN or Infinity anywhere in the domain', () => {
    fc.assert(
      fc.property(assumptions, fc.integer({ min: 0, max: 100_000_000 }), (values, users) => {
        const v = engagement(Object.fromEntries(Object.entries(values).map(([name, x]) => [name, q(x)])), users);
        for (const figure of Object.values(v)) expect(Number.isFinite(figure)).toBe(true);
        if (users === 0) expect(v.monthlyRequests).toBe(0);
      }),
    );
  });
});

describe('a calendar averages 1 over the year', () => {
  it('its busiest day is at least an average day and its quietest at most one', () => {
    const factor = fc.double({ min: 0, max: 5, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5, noNaN: true }), factor, fc.integer({ min: 0, max: 52 }), factor, (weekday, weekend, weeks, holiday) => {
        const { busiestDay, quietestDay } = dayFactors({ weekday: q(weekday), weekend: q(weekend), schoolHolidays: { weeksPerYear: q(weeks), factor: q(holiday) } });
        expect(busiestDay).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(quietestDay).toBeLessThanOrEqual(1 + 1e-12);
        expect(quietestDay).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
