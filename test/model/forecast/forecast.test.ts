/**
 * The forecast on the bundled catalog (phase ranges 0–100, 101–1,000, 1,001–10,000, 10,001–100,000,
 * 100,001–1,000,000; migration steps 1–2 + 2–3 + 1 + 1–2 weeks = 5–8 weeks) and offline prices. Expected
 * phases and dates are derived by hand in each test.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/index.js';
import { daysBetween } from '../../../src/model/advise-dates.js';
import { forecast, type ForecastInput } from '../../../src/model/forecast.js';
import { roundCents } from '../../../src/model/money.js';
import { sizePlan, thresholdsOf } from '../../../src/model/plan.js';
import { pricePlan } from '../../../src/model/price-plan.js';
import { bookReservations } from '../../../src/pricing/book-reservations.js';
import { loadSnapshotPriceBook } from '../../../src/pricing/index.js';

const book = loadSnapshotPriceBook();
const catalog = loadCatalog(undefined, book).catalog;
const input = (over: Partial<ForecastInput> = {}): ForecastInput => ({
  catalog,
  revenue: catalog.revenue!,
  thresholds: thresholdsOf(catalog),
  book,
  startUsers: 500,
  growthPerMonth: 0.1,
  months: 48,
  start: '2027-01',
  opexUsd: 60_000,
  ...over,
});

describe('forecast --users 500 --growth 10% --months 48', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => ({ r: forecast(input()) });

  it('enters phase 2 at month 8 and phase 3 at month 32', () => {
    const { r } = subject();
    // 500·1.1^7 = 974.36 < 1,001 ≤ 500·1.1^8 = 1,071.79; 500·1.1^31 = 9,597.3 < 10,001 ≤ 500·1.1^32 = 10,557.0;
    // 500·1.1^48 = 48,508.6 stays below phase 4's 100,001.
    expect(r.months).toHaveLength(49);
    expect(r.months.slice(0, 8).every((m) => m.phase === 1)).toBe(true);
    expect(r.months[7]).toMatchObject({ users: 974, phase: 1 });
    expect(r.months[8]).toMatchObject({ users: 1072, phase: 2, date: '2027-09' });
    expect(r.months[31]).toMatchObject({ users: 9597, phase: 2 });
    expect(r.months[32]).toMatchObject({ users: 10557, phase: 3, date: '2029-09' });
    expect(r.months[48]).toMatchObject({ users: 48509, phase: 3, date: '2031-01', extrapolated: false });
    expect(r.extrapolatedFrom).toBeNull();
  });

  it('starts each migration at least the longest lead time before the exhaustion it prepares for', () => {
    const { r } = subject();
    expect(r.migrations.map((w) => [w.from, w.to, w.cutoverMonth])).toEqual([
      [1, 2, 8],
      [2, 3, 32],
    ]);
    for (const w of r.migrations) {
      expect(w.leadTime).toEqual({ minWeeks: 5, maxWeeks: 8 });
      expect(daysBetween(w.start, w.exhaustion)).toBeGreaterThanOrEqual(8 * 7);
      expect(daysBetween(w.latestSafeStart, w.exhaustion)).toBeGreaterThanOrEqual(5 * 7);
      // The phase runs out before the first month priced in the next one begins.
      expect(w.exhaustion < `${r.months[w.cutoverMonth]!.date}-01`).toBe(true);
    }
    // Users reach 1,000 after 30.4375 × ln(1000/500) / ln 1.1 = 221.36 days: 2027-01-01 + 221 days = 2027-08-10;
    // − 56 days = 2027-06-15 (month 5), − 35 days = 2027-07-06 (month 6); the cutover is month 8.
    expect(r.migrations[0]).toMatchObject({ exhaustion: '2027-08-10', start: '2027-06-15', latestSafeStart: '2027-07-06', doubleRunningMonths: { high: 3, low: 2 }, startsBeforeForecast: false });
  });

  it('pays for both phases during the window: months 5–7 carry phase 2 on top of phase 1', () => {
    const { r } = subject();
    expect(r.months.slice(0, 5).every((m) => m.migrationUsd === 0)).toBe(true);
    for (const m of r.months.slice(5, 8)) {
      expect(m.migrationUsd).toBeGreaterThan(0);
      expect(m.costUsd).toBeCloseTo(m.phaseCostUsd + m.migrationUsd + m.strandedUsd, 2);
    }
    expect(r.months[8]!.migrationUsd).toBe(0);
    // The incoming phase is priced on demand at the month's users, as simulate --phase 2 would price it.
    const phase2 = catalog.phases.find((p) => p.id === 2)!;
    for (const m of r.months.slice(5, 8)) expect(m.migrationUsd).toBe(roundCents(pricePlan(sizePlan(catalog, phase2, m.users, thresholdsOf(catalog)), book).totalUsd));
    expect(r.migrations[0]!.migrationUsd).toBeCloseTo(r.months.slice(5, 8).reduce((s, m) => s + m.migrationUsd, 0), 2);
  });

  it('follows advise at month 0: phase 0 serves 500 users (it serves up to 645) and is the cheapest that does', () => {
    const { r } = subject();
    expect(r.months[0]).toMatchObject({ phase: 1, capacityPhase: 0, capacityOk: true });
  });
});

describe('cash', () => {
  it('on demand, the cash flow is the contribution margin and the cumulative cash their running sum', () => {
    const r = forecast(input({ months: 2 }));
    const fees = catalog.revenue!.fees;
    for (const m of r.months) {
      expect(m.cashFlowUsd).toBe(m.marginUsd);
      expect(m.upfrontUsd).toBe(0);
      // margin = MRR − fees − infrastructure − opex, fees ≥ the percentage of MRR
      expect(m.marginUsd).toBeLessThanOrEqual(m.mrrUsd * (1 - fees.paymentPercent.value) - m.costUsd - 60_000 + 0.01);
    }
    const [a, b, c] = r.months.map((m) => m.marginUsd);
    expect(r.months.map((m) => m.cumulativeCashUsd)).toEqual([a, +(a! + b!).toFixed(2), +(a! + b! + c!).toFixed(2)]);
    expect(r.paybackMonth).toBeNull();
    expect(r.lowestCash.month).toBe(2);
  });

  it('with all-upfront reservations, the cash pays the fee in the month bought and the margin spreads it', () => {
    const purchase = { strategy: 'reserved-1y' as const, upfront: 'all' as const, discounts: catalog.discounts!, reservations: bookReservations(book) };
    const r = forecast(input({ months: 2, purchase }));
    const [m0, m1] = r.months;
    expect(m0!.upfrontUsd).toBeGreaterThan(0);
    expect(m1!.upfrontUsd).toBe(0); // 500 → 550 → 605 users: phase 1's committed baseline is the same
    // All upfront: the hourly part is 0, so the month's cost holds only the amortised fee: upfront × 730 / 8760 = upfront / 12.
    const amortised = m0!.upfrontUsd / 12;
    expect(m0!.cashFlowUsd).toBeCloseTo(m0!.marginUsd + amortised - m0!.upfrontUsd, 1);
    expect(m1!.cashFlowUsd).toBeCloseTo(m1!.marginUsd + amortised, 1);
    expect(r.months[2]!.cumulativeCashUsd).toBeCloseTo(r.months.reduce((s, m) => s + m.cashFlowUsd, 0), 2);
    expect(r.purchase).toEqual({ strategy: 'reserved-1y', upfront: 'all', reservations: 'stranded' });
  });

  it('charges phase 1 reservations as stranded after the cutover until their 3-year term ends', () => {
    const purchase = { strategy: 'reserved-3y' as const, discounts: catalog.discounts!, reservations: bookReservations(book) };
    const r = forecast(input({ purchase }));
    expect(r.months.slice(0, 8).every((m) => m.strandedUsd === 0)).toBe(true);
    // Phase 1's lots, bought in month 0 for 36 months, are idle from month 8 (phase 2) to month 35 and gone
    // from month 36; phase 2's are idle from month 32 (phase 3) on. So month 36 holds phase 2's alone.
    const phase1 = r.months[8]!.strandedUsd;
    expect(phase1).toBeGreaterThan(0);
    expect(r.months.slice(8, 32).every((m) => m.strandedUsd === phase1)).toBe(true);
    const phase2 = r.months[36]!.strandedUsd;
    expect(phase2).toBeGreaterThan(0);
    expect(r.months[35]!.strandedUsd).toBeCloseTo(phase1 + phase2, 2);
    // Stranded reservations are paid on top of the phase's own bill.
    for (const m of [r.months[8]!, r.months[35]!]) expect(m.costUsd).toBeCloseTo(m.phaseCostUsd + m.migrationUsd + m.strandedUsd, 2);
  });

  it('breaks even in the first month whose margin is not negative, and pays back when the cumulative cash turns', () => {
    // $5,000 of other costs a month: the margin turns during the forecast, and the cash some months later.
    const r = forecast(input({ opexUsd: 5000 }));
    const even = r.breakEvenMonth!;
    const payback = r.paybackMonth!;
    expect(even).toBeGreaterThan(0);
    expect(r.months.slice(0, even).every((m) => m.marginUsd < 0)).toBe(true);
    expect(r.months[even]!.marginUsd).toBeGreaterThanOrEqual(0);
    expect(payback).toBeGreaterThanOrEqual(even);
    expect(r.months.slice(0, payback).every((m) => m.cumulativeCashUsd < 0)).toBe(true);
    expect(r.months[payback]!.cumulativeCashUsd).toBeGreaterThanOrEqual(0);
    // On demand the cash flow is the margin, so the cash is lowest in the last month before the margin turns
    // (in this forecast no migration window pushes a margin back below 0).
    expect(r.months.slice(even).every((m) => m.marginUsd >= 0)).toBe(true);
    expect(r.lowestCash).toEqual({ month: even - 1, cumulativeCashUsd: r.months[even - 1]!.cumulativeCashUsd });
  });

  it('divides each month’s whole bill by its users for the cost per user', () => {
    for (const m of forecast(input({ months: 12 })).months) expect(m.costPerUserUsd).toBeCloseTo(m.costUsd / m.users, 4);
  });
});

describe('extrapolation and limits', () => {
  it('extrapolates the last phase past the catalog top and says from which month', () => {
    // 500,000 × 1.1^7 = 974,357.6 ≤ 1,000,000 < 500,000 × 1.1^8 = 1,071,794.4
    const r = forecast(input({ startUsers: 500_000, months: 10 }));
    expect(r.extrapolatedFrom).toBe(8);
    expect(r.months[7]).toMatchObject({ phase: 4, extrapolated: false });
    expect(r.months[8]).toMatchObject({ phase: 4, extrapolated: true });
    expect(r.catalogTopUsers).toBe(1_000_000);
  });

  it('refuses a forecast whose users pass 1e9, naming the month', () => {
    // 500 × 2^m > 1e9 from m = 21 (500 × 2^21 = 1.05e9)
    expect(() => forecast(input({ growthPerMonth: 1, months: 30 }))).toThrow(
      'forecast: at 100 % a month the users pass 1,000,000,000 in month 21; give at most 20 months (--months) or a slower --growth',
    );
    expect(() => forecast(input({ startUsers: 2e9, months: 1 }))).toThrow('forecast: 2,000,000,000 users to start with is past the 1,000,000,000 the model sizes');
    // 1,000,000,000 itself is sized.
    expect(forecast(input({ startUsers: 1e9, growthPerMonth: 0, months: 1 })).months.map((m) => m.users)).toEqual([1e9, 1e9]);
  });

  it('without growth there is no migration and every month is the same', () => {
    const r = forecast(input({ growthPerMonth: 0, months: 3 }));
    expect(r.migrations).toEqual([]);
    expect(new Set(r.months.map((m) => m.costUsd)).size).toBe(1);
  });
});
