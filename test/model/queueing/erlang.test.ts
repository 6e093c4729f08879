import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB, erlangC } from '../../../src/model/queueing/index.js';
import { expectRelative } from './helpers.js';

// Expected values: test/model/queueing/reference.py `erlang` — the direct sums
// B = (A^c/c!) / Σ_{k≤c} A^k/k! and C = (A^c/c!·c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c!·c/(c−A))
// (Kleinrock vol. 1 eqs. 3.46 and 3.40) evaluated with mpmath at 60 significant digits.
const reference: { a: number; c: number; b: number; waitC: number | null }[] = [
  { a: 10, c: 10, b: 0.21458234310734734, waitC: null },
  { a: 2, c: 3, b: 0.21052631578947368, waitC: 0.44444444444444444 },
  { a: 50, c: 60, b: 0.021668473057806245, waitC: 0.11730205613220741 },
  { a: 4995, c: 5000, b: 0.010579454280433405, waitC: 0.91447564602541549 }, // ρ = 0.999
  { a: 9990, c: 10000, b: 0.0073171868872689385, waitC: 0.88054171137398972 }, // ρ = 0.999
  { a: 9999, c: 10000, b: 0.0078736775061153612, waitC: 0.98755625243448581 }, // ρ = 0.9999
  { a: 99990, c: 100000, b: 0.0024557858872472416, waitC: 0.96096542829972441 }, // ρ = 0.9999, c = 100 000
  { a: 9000, c: 10000, b: 2.0916197944192896e-26, waitC: 2.0916197944192896e-25 },
  { a: 0.5, c: 1, b: 0.33333333333333333, waitC: 0.5 },
];

describe('erlangB', () => {
  it.each(reference)('B(c=$c, A=$a) matches the 60-digit direct sum to 1e-9', ({ a, c, b }) => {
    expectRelative(erlangB(a, c), b, 1e-9);
  });

  it('matches the published Erlang B table to its 4 digits (10 erlangs on 10 trunks: 0.2146)', () => {
    // Standard Erlang B (blocked-calls-cleared) traffic tables, 4 significant digits.
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    // 5 erlangs on 10 trunks: 0.0184; 20 erlangs on 30 trunks: 0.0085 (same tables)
    expect(erlangB(5, 10)).toBeCloseTo(0.0184, 4);
    expect(erlangB(20, 30)).toBeCloseTo(0.0085, 4);
  });

  it('is exact by hand for one server: B(1, A) = A/(1 + A)', () => {
    expectRelative(erlangB(3, 1), 0.75, 1e-15);
  });

  it('underflows to 0 rather than NaN when B is below the double range (A=1000, c=5000: B ≈ 1.2e-1760)', () => {
    expect(erlangB(1000, 5000)).toBe(0);
    expect(erlangB(1e-300, 100_000)).toBe(0);
  });

  it('is 0 for no traffic', () => {
    expect(erlangB(0, 3)).toBe(0);
  });

  it.each([
    [-1, 3, /traffic \(erlangs\) must be a finite number ≥ 0, got -1/],
    [Number.NaN, 3, /traffic .* got NaN/],
    [Number.POSITIVE_INFINITY, 3, /traffic .* got Infinity/],
    [1, 0, /servers must be a whole number ≥ 1, got 0/],
    [1, 2.5, /servers must be a whole number ≥ 1, got 2.5/],
  ])('rejects A=%s c=%s', (a, c, message) => {
    expect(() => erlangB(a, c)).toThrow(RangeError);
    expect(() => erlangB(a, c)).toThrow(message);
  });

  it('property: a probability, never NaN, falling as servers are added', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2000, noNaN: true }), fc.integer({ min: 1, max: 3000 }), (a, c) => {
        const b = erlangB(a, c);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(erlangB(a, c + 1)).toBeLessThanOrEqual(b);
      }),
    );
  });
});

describe('erlangC', () => {
  it.each(reference.filter((r) => r.waitC !== null))(
    'C(c=$c, A=$a) matches the 60-digit direct sum to 1e-9',
    ({ a, c, waitC }) => {
      expectRelative(erlangC(a, c), waitC as number, 1e-9);
    },
  );

  it('is 4/9 for A = 2, c = 3 (by hand from Kleinrock eq. 3.40)', () => {
    expectRelative(erlangC(2, 3), 4 / 9, 1e-15);
  });

  it('equals ρ for one server (M/M/1: P(wait) = ρ)', () => {
    expectRelative(erlangC(0.7, 1), 0.7, 1e-15);
  });

  it('underflows to 0, never NaN, far below saturation at c = 5000', () => {
    expect(erlangC(1000, 5000)).toBe(0);
  });

  it('throws a RangeError naming the instability when A ≥ c', () => {
    expect(() => erlangC(10, 10)).toThrow(RangeError);
    expect(() => erlangC(10, 10)).toThrow('unstable: traffic A=10 ≥ servers c=10');
  });

  it('property: C ≥ B, both in [0, 1], no NaN, up to c = 100 000 and ρ = 0.9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (c, rho) => {
        const a = rho * c;
        const waitC = erlangC(a, c);
        expect(Number.isNaN(waitC)).toBe(false);
        expect(waitC).toBeGreaterThanOrEqual(erlangB(a, c));
        expect(waitC).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});
