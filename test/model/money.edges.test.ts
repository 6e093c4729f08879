import { describe, expect, it } from 'vitest';
import { fromMicros, roundCents, sumMoney, toMicros, usdText } from '../../src/model/money.js';

// Each money check on both sides of its limit; expected values by hand.
describe('money at its limits', () => {
  it('rounds past 1e15 scaled units without snapping to 15 significant digits', () => {
    // 1e13 + 0.005 is stored as 10 000 000 000 000.0059 (the nearest double); ×100 = 1 000 000 000 000 000.6,
    // which rounds to …0.01. At this size 15 significant digits hold no cents, so snapping would give …0.00.
    expect(roundCents(1e13 + 0.005)).toBe(10_000_000_000_000.01);
  });

  it('sums right up to the largest exact count, and refuses a sum past it', () => {
    // 9e9 USD = 9e15 µ$ < 2⁵³ ≈ 9.007e15: exact. Twice that is not.
    expect(sumMoney([9e9])).toBe(9e9);
    expect(() => sumMoney([9e9, 9e9])).toThrow(RangeError);
    expect(() => sumMoney([9e9, 9e9])).toThrow('money sum is too large to count exactly');
  });

  it('never returns −0', () => {
    expect(Object.is(fromMicros(-0), 0)).toBe(true);
    expect(Object.is(toMicros(-1e-9), 0)).toBe(true);
  });

  it('rounds a half micro-dollar away from zero, as roundTo does, on both signs', () => {
    // 2.5 µ$ → 3 µ$ and −2.5 µ$ → −3 µ$ (half away from zero); Math.round alone gives −2 for −2.5.
    expect(toMicros(0.0000025)).toBe(3);
    expect(toMicros(-0.0000025)).toBe(-3);
    // 0.0001245 USD × 10⁶ is 124.49999999999999 in doubles, below the tie that 124.5 µ$ is on paper: snapping to
    // 15 significant digits restores it, so it rounds up to 125 µ$.
    expect(toMicros(0.0001245)).toBe(125);
    expect(toMicros(-0.0001245)).toBe(-125);
  });

  it('says what was wrong with an amount', () => {
    expect(() => roundCents(Number.NaN)).toThrow('money amount must be a finite number; got NaN');
    expect(() => toMicros(Number.POSITIVE_INFINITY)).toThrow('money amount must be a finite number; got Infinity');
    expect(() => toMicros(1e12)).toThrow('money amount 1000000000000 USD is too large to sum exactly');
    expect(() => fromMicros(0.5)).toThrow('micro-dollar amount must be a safe integer; got 0.5');
  });
});

describe('usdText', () => {
  it.each([
    [4179.37, '$4,179.37'],
    [5, '$5.00'],
    [0, '$0.00'],
    [-22.5, '-$22.50'],
    [-0.004, '$0.00'], // rounds to zero: no "-$0.00"
    [-0.005, '-$0.01'],
    [1234567.891, '$1,234,567.89'],
  ])('%d → %s', (usd, text) => {
    expect(usdText(usd)).toBe(text);
  });
});
