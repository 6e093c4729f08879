/**
 * groupedDecimal against an independent implementation of the same rules: ICU, through
 * Intl.NumberFormat('en-US'), which the CLI no longer loads at start-up (src/model/decimal-text.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedDecimal } from '../../src/model/decimal-text.js';

const icu = (value: number, min: number, max: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max }).format(value);

const digits = fc.integer({ min: 0, max: 12 }).chain((min) => fc.tuple(fc.constant(min), fc.integer({ min, max: 20 })));

describe('groupedDecimal', () => {
  it('prints what Intl.NumberFormat("en-US") prints, for any double and digit range', () => {
    fc.assert(
      fc.property(fc.double(), digits, (value, [min, max]) => {
        expect(groupedDecimal(value, min, max)).toBe(icu(value, min, max));
      }),
      { numRuns: 20_000 },
    );
  });

  it('prints what Intl prints for amounts as the CLI shows them (cents, per-user, whole numbers)', () => {
    const amount = fc.integer({ min: -1e9, max: 1e9 }).map((micros) => micros / 1000);
    fc.assert(
      fc.property(amount, fc.constantFrom<[number, number]>([2, 2], [4, 4], [0, 0], [2, 4], [0, 3], [1, 1]), (value, [min, max]) => {
        expect(groupedDecimal(value, min, max)).toBe(icu(value, min, max));
      }),
      { numRuns: 20_000 },
    );
  });

  // Ties and edges, each checked by hand as well as against ICU: ICU rounds the shortest decimal that
  // reads back as the double, half away from zero; Number#toFixed would round the binary value.
  it.each([
    [1.005, 2, 2, '1.01'], // 1.005 is 1.00499999999999989… in binary; (1.005).toFixed(2) is "1.00"
    [63.845, 2, 2, '63.85'],
    [-2.5, 0, 0, '-3'],
    [0.125, 2, 2, '0.13'],
    [999.995, 2, 2, '1,000.00'], // the carry reaches a new group
    [-0.001, 2, 2, '-0.00'],
    [-0, 0, 0, '-0'],
    [1234.5678, 0, 3, '1,234.568'],
    [1234.5, 2, 4, '1,234.50'],
    [1e21, 0, 0, '1,000,000,000,000,000,000,000'],
    [1.5e-7, 0, 8, '0.00000015'],
    [Number.NaN, 2, 2, 'NaN'],
    [-Infinity, 2, 2, '-∞'],
  ])('%s with %i–%i decimals → %s', (value, min, max, text) => {
    expect(groupedDecimal(value, min, max)).toBe(text);
    expect(icu(value, min, max)).toBe(text);
  });

  it('rejects digit counts Intl rejects', () => {
    expect(() => groupedDecimal(1, 3, 2)).toThrow('fraction digits must be whole numbers with 0 ≤ min ≤ max ≤ 100; got 3, 2');
    expect(() => groupedDecimal(1, -1)).toThrow(RangeError);
    expect(() => groupedDecimal(1, 1.5)).toThrow(RangeError);
    expect(() => groupedDecimal(1, 0, 101)).toThrow(RangeError);
    expect(() => icu(1, 3, 2)).toThrow(RangeError);
  });
});
