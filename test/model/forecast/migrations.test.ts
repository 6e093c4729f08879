/**
 * Migration windows (src/model/forecast-migrations.ts) on two phases of ../fixture-catalog.ts, the first
 * serving up to 1,000 users, and one migration step of 1–2 weeks. Users grow 10 % a month from 2027-01-01;
 * they reach 1,000 after t = 30.4375 × ln(1,000 / N) / ln 1.1 days (src/model/advise-dates.ts), and the window
 * starts 14 days (2 weeks, high) or 7 days (low) before the day ⌊t⌋.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, Phase } from '../../../src/model/catalog-types.js';
import { migrationWindows } from '../../../src/model/forecast-migrations.js';
import { catalog as fixture, phase } from '../fixture-catalog.js';

const small: Phase = { ...phase, id: 1, users: { min: 1, max: 1000 } };
const large: Phase = { ...phase, id: 2, users: { min: 1001, max: 11000 } };
const catalog: Catalog = {
  ...fixture,
  phases: [small, large],
  migration: { steps: [{ id: 'move', name: 'move', weeks: { min: 1, max: 2, source: 'assumption' }, tasks: [] }], rollback: {} },
};

describe('migrationWindows', () => {
  it('starts in month 0 when the high start falls in the start month: not before the forecast', () => {
    // N = 940: t = 30.4375 × ln(1000/940) / ln 1.1 = 30.4375 × 0.0618754 / 0.0953102 = 19.76 days → 2027-01-20;
    // high start 2027-01-06, low 2027-01-13: both in month 0.
    // Month 2 stays in phase 2: one window only.
    expect(migrationWindows(catalog, '2027-01', 940, 0.1, [small, large, large])).toEqual([{
      from: 1,
      to: 2,
      cutoverMonth: 1,
      exhaustion: '2027-01-20',
      leadTime: { minWeeks: 1, maxWeeks: 2 },
      start: '2027-01-06',
      latestSafeStart: '2027-01-13',
      doubleRunningMonths: { high: 1, low: 1 },
      firstDoubleMonth: 0,
      startsBeforeForecast: false,
    }]);
  });

  it('says the migration is already late when the high start falls before month 0', () => {
    // N = 990: t = 30.4375 × 0.0100503 / 0.0953102 = 3.21 days → 2027-01-04; high start 2026-12-21 (month −1),
    // low 2026-12-28: the double running is clipped to month 0.
    const [w] = migrationWindows(catalog, '2027-01', 990, 0.1, [small, large]);
    expect(w).toMatchObject({ exhaustion: '2027-01-04', start: '2026-12-21', latestSafeStart: '2026-12-28', firstDoubleMonth: 0, startsBeforeForecast: true });
    expect(w!.doubleRunningMonths).toEqual({ high: 1, low: 1 });
  });

  it('opens no window without growth, even where the phase changes (shrinking users, a flat forecast)', () => {
    expect(migrationWindows(catalog, '2027-01', 2000, -0.1, [large, small])).toEqual([]);
    expect(migrationWindows(catalog, '2027-01', 940, 0, [small, large])).toEqual([]);
  });
});
