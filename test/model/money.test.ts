import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMicros, multiplyMoney, roundCents, roundPerUser, sumMoney, toMicros } from '../../src/model/money.js';

/** At most `n` decimals when printed the way JS prints numbers. */
const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

describe('sumMoney', () => {
  it('never shows 0.1 + 0.2 style artefacts', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the trap
    expect(sumMoney([0.1, 0.2])).toBe(0.3);
    expect(sumMoney([63.85])).toBe(63.85);
    // 24 + 35 + 15 + 6 = 80: the seed's Fase 1 table total.
    expect(sumMoney([24, 35, 15, 6])).toBe(80);
    // 120 + 150 + 25 + 20 + 5 + 15 = 335: the seed's Fase 2 table total.
    expect(sumMoney([120, 150, 25, 20, 5, 15])).toBe(335);
    expect(sumMoney([])).toBe(0);
  });

  it('sums priced lines by monthlyUsd, and mixed inputs', () => {
    expect(sumMoney([{ monthlyUsd: 30.368 }, { monthlyUsd: 16.425 }, 0.007])).toBe(46.8);
  });

  it('equals the exact integer-cent sum for any list of cent amounts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 })), (cents) => {
        const exact = cents.reduce((a, b) => a + b, 0) / 100;
        const sum = sumMoney(cents.map((c) => c / 100));
        expect(sum).toBe(exact === 0 ? 0 : exact);
        expect(decimals(sum)).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('refuses non-finite amounts', () => {
    expect(() => sumMoney([1, Number.NaN])).toThrow(RangeError);
    expect(() => sumMoney([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('roundCents and roundPerUser', () => {
  it('round half away from zero on the decimal value, not the binary one', () => {
    expect(roundCents(63.85)).toBe(63.85);
    expect(roundCents(63.849999999999994)).toBe(63.85); // the float artefact the money formatter exists to hide
    expect(roundCents(63.845)).toBe(63.85); // 63.845 × 100 = 6384.499999999999 in binary
    expect(roundCents(1.005)).toBe(1.01); // the classic toFixed trap (1.005.toFixed(2) === '1.00')
    expect(roundCents(2.675)).toBe(2.68);
    expect(roundCents(-1.005)).toBe(-1.01);
    expect(roundCents(0.004)).toBe(0);
    expect(Object.is(roundCents(-0.001), 0)).toBe(true); // no -0 in output
    expect(roundPerUser(0.00415)).toBe(0.0042);
    expect(roundPerUser(335 / 10_000)).toBe(0.0335);
    expect(roundPerUser(80 / 1000)).toBe(0.08);
  });

  it('always give at most 2 (or 4) printed decimals (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        expect(decimals(roundCents(x))).toBeLessThanOrEqual(2);
        expect(decimals(roundPerUser(x))).toBeLessThanOrEqual(4);
        expect(Math.abs(roundCents(x) - x)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });

  it('refuse NaN and Infinity', () => {
    expect(() => roundCents(Number.NaN)).toThrow(RangeError);
    expect(() => roundPerUser(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('micro-dollars', () => {
  it('convert exactly', () => {
    expect(toMicros(0.0416)).toBe(41_600);
    expect(toMicros(0.0000166667)).toBe(17); // below a micro-dollar of precision: rounded
    expect(fromMicros(300_000)).toBe(0.3);
    expect(multiplyMoney(730, 0.0416)).toBe(30.368); // 730 × 0.0416 = 30.368000000000002 in binary
    expect(() => toMicros(1e12)).toThrow(RangeError);
    expect(() => fromMicros(0.5)).toThrow(RangeError);
  });
});
