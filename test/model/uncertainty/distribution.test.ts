import { describe, expect, it } from 'vitest';
import type { Quantity } from '../../../src/model/catalog-types.js';
import { distributionOf, quantileOf, resolveDistribution, supportOf, Z90 } from '../../../src/model/uncertainty-distribution.js';
import { percentileOfSorted } from '../../../src/model/uncertainty-percentile.js';

const q = (value: number, extra: Partial<Quantity> = {}): Quantity => ({ value, source: 'assumption', ...extra });

describe('distributionOf: defaults', () => {
  it('range is the uniform over the quantity\'s range', () => {
    expect(distributionOf(q(0.8, { range: [0.5, 0.95], distribution: { kind: 'range' } }))).toEqual({ kind: 'uniform', min: 0.5, max: 0.95 });
  });
  it('a triangular takes min and max from the range and its mode from value', () => {
    expect(distributionOf(q(0.2, { range: [0.1, 0.5], distribution: { kind: 'triangular' } }))).toEqual({ kind: 'triangular', min: 0.1, mode: 0.2, max: 0.5 });
  });
  it('a lognormal takes P50 from value; σ = ln(P90/P50) / 1.2815515655446004', () => {
    // ln(0.035 / 0.02) = ln 1.75 = 0.5596157879354227 (by hand: log tables); / 1.2815515655446004 = 0.43667…
    const d = distributionOf(q(0.02, { distribution: { kind: 'lognormal', p90: 0.035 } }));
    expect(d).toMatchObject({ kind: 'lognormal', p50: 0.02, p90: 0.035 });
    expect(d!.kind === 'lognormal' && d!.sigma).toBeCloseTo(0.5596157879354227 / 1.2815515655446004, 12);
    expect(Z90).toBe(1.2815515655446004);
  });
  it('says what is missing instead of guessing', () => {
    expect(resolveDistribution(q(1, { distribution: { kind: 'range' } }))).toMatch(/needs the quantity's range/);
    expect(resolveDistribution(q(1, { distribution: { kind: 'triangular', max: 2 } }))).toMatch(/needs min and max/);
    expect(resolveDistribution(q(0, { distribution: { kind: 'lognormal', p90: 1 } }))).toMatch(/P50 above 0/);
    expect(resolveDistribution(q(2, { distribution: { kind: 'lognormal', p90: 1 } }))).toMatch(/at least its P50/);
    expect(() => distributionOf(q(1, { distribution: { kind: 'range' } }))).toThrow(/range/);
    expect(distributionOf(q(1))).toBeUndefined();
  });
});

describe('quantileOf: inverse CDFs by hand', () => {
  it('uniform: min + p (max − min)', () => {
    expect(quantileOf({ kind: 'uniform', min: 2, max: 6 }, 0.25)).toBe(3);
  });
  it('triangular: both branches of the inverse CDF', () => {
    // (0, 0, 1): F(x) = 1 − (1 − x)², so F⁻¹(0.75) = 1 − √0.25 = 0.5.
    expect(quantileOf({ kind: 'triangular', min: 0, mode: 0, max: 1 }, 0.75)).toBeCloseTo(0.5, 12);
    // (1, 2, 4): F(c) = 1/3; p = 0.1 < 1/3 → 1 + √(0.1 · 3 · 1) = 1.5477225575051661.
    expect(quantileOf({ kind: 'triangular', min: 1, mode: 2, max: 4 }, 0.1)).toBeCloseTo(1 + Math.sqrt(0.3), 12);
    // p = 0.9 ≥ 1/3 → 4 − √(0.1 · 3 · 2) = 4 − √0.6.
    expect(quantileOf({ kind: 'triangular', min: 1, mode: 2, max: 4 }, 0.9)).toBeCloseTo(4 - Math.sqrt(0.6), 12);
    expect(quantileOf({ kind: 'triangular', min: 3, mode: 3, max: 3 }, 0.4)).toBe(3);
  });
  it('lognormal by P50 and P90: its own P50 and P90 come back, and P10 · P90 = P50²', () => {
    const d = distributionOf(q(0.15, { distribution: { kind: 'lognormal', p90: 0.5 } }))!;
    expect(quantileOf(d, 0.5)).toBeCloseTo(0.15, 12);
    expect(quantileOf(d, 0.9)).toBeCloseTo(0.5, 9);
    // Symmetric in log space: P10 = P50² / P90 = 0.0225 / 0.5 = 0.045.
    expect(quantileOf(d, 0.1)).toBeCloseTo(0.045, 9);
    expect(supportOf(d)).toEqual([0, Infinity]);
  });
  it('a triangular of no width is its one value', () => {
    expect(quantileOf({ kind: 'triangular', min: 2, mode: 2, max: 2 }, 0.3)).toBe(2);
  });
  it('a lognormal whose P90 is its P50 is the constant P50', () => {
    const d = distributionOf(q(0.15, { distribution: { kind: 'lognormal', p90: 0.15 } }))!;
    expect(d).toMatchObject({ sigma: 0 });
    expect(quantileOf(d, 0.99)).toBe(0.15);
    // Even at p = 0, where Φ⁻¹ is −∞: a draw of exactly 0 is possible.
    expect(quantileOf(d, 0)).toBe(0.15);
    expect(supportOf(d)).toEqual([0.15, 0.15]);
  });
});

describe('percentileOfSorted: Hyndman & Fan type 7', () => {
  it('interpolates between order statistics at h = (n − 1) p', () => {
    // h = 0.3, 1.5, 2.7 → 1.3, 2.5, 3.7 by hand.
    expect(percentileOfSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(percentileOfSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileOfSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(percentileOfSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(percentileOfSorted([1, 2, 3, 4], 1)).toBe(4);
  });
  it('a constant sample gives its value; an unbounded value stays unbounded without NaN', () => {
    expect(percentileOfSorted([5, 5, 5], 0.37)).toBe(5);
    expect(percentileOfSorted([1, 2, Infinity], 0.5)).toBe(2);
    expect(percentileOfSorted([1, Infinity], 0.5)).toBe(Infinity);
    expect(percentileOfSorted([Infinity, Infinity], 0.5)).toBe(Infinity);
  });
  it('refuses an empty sample', () => {
    expect(() => percentileOfSorted([], 0.5)).toThrow('a percentile needs at least one value');
  });
  it('refuses p outside [0, 1]', () => {
    expect(() => percentileOfSorted([1, 2], 1.5)).toThrow('a percentile needs p in [0, 1]; got 1.5');
    expect(() => percentileOfSorted([1, 2], Number.NaN)).toThrow('a percentile needs p in [0, 1]; got NaN');
  });
});
