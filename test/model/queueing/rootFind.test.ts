import { describe, expect, it } from 'vitest';
import { brentRoot } from '../../../src/model/queueing/index.js';
import { expectRelative } from './helpers.js';

/** f wrapped to count its evaluations. */
function counted(f: (x: number) => number): { f: (x: number) => number; calls: () => number } {
  let calls = 0;
  return {
    f: (x) => {
      calls++;
      return f(x);
    },
    calls: () => calls,
  };
}

// Reference roots: test/model/queueing/reference_edges.py (mpmath.findroot at 60 digits); √2 is Math.SQRT2.
describe('brentRoot', () => {
  it.each([
    ['x² − 2 on [0, 2]', (x: number) => x * x - 2, 0, 2, Math.SQRT2],
    ['the same bracket given backwards', (x: number) => x * x - 2, 2, 0, Math.SQRT2],
    ['cos x − x on [0, 1] (the Dottie number)', (x: number) => Math.cos(x) - x, 0, 1, 0.73908513321516064],
    ["x³ − 2x − 5 on [2, 3] (Wallis's cubic)", (x: number) => x ** 3 - 2 * x - 5, 2, 3, 2.0945514815423266],
    ['1 − x on [0, 10⁶] (decreasing, far from the root)', (x: number) => 1 - x, 0, 1e6, 1],
    ['ln x + 20 on [1e-12, 1] (a root 2e-9, far below the bracket)', (x: number) => Math.log(x) + 20, 1e-12, 1, Math.exp(-20)],
  ])('%s: to the documented 1e-15 relative, plus rounding in f', (_name, f, lo, hi, root) => {
    expectRelative(brentRoot(f, lo, hi), root, 2e-15);
  });

  // Brent (1973, ch. 4) converges superlinearly on smooth functions with a simple root, where bisection gains
  // one bit per step: from a bracket of width 2 to 1e-15 relative takes bisection ≈ log₂(2 / 1.4e-15) ≈ 50
  // evaluations. A method that fell back to bisection, or interpolated wrongly, needs far more than 15.
  it.each([
    ['x² − 2', (x: number) => x * x - 2, 0, 2],
    ['cos x − x', (x: number) => Math.cos(x) - x, 0, 1],
    ["Wallis's cubic", (x: number) => x ** 3 - 2 * x - 5, 2, 3],
    ['eˣ − 10', (x: number) => Math.exp(x) - 10, 0, 10],
  ])('%s converges superlinearly: ≤ 15 evaluations where bisection needs ≈ 50', (_name, f, lo, hi) => {
    const g = counted(f);
    brentRoot(g.f, lo, hi);
    expect(g.calls()).toBeLessThanOrEqual(15);
  });

  it('still brackets a jump: a sign change at 1/3 with no root is found to the tolerance, within 2× bisection', () => {
    const g = counted((x) => (x < 1 / 3 ? -1 : 1));
    const x = brentRoot(g.f, 0, 1);
    expect(Math.abs(x - 1 / 3)).toBeLessThanOrEqual(1e-15);
    expect(g.calls()).toBeLessThanOrEqual(2 * 52 + 2); // 2 × log₂(1/1e-15) ≈ 100, plus the two ends
  });

  it('honours a looser tolerance with fewer evaluations', () => {
    const loose = counted((x) => x * x - 2);
    const tight = counted((x) => x * x - 2);
    const x = brentRoot(loose.f, 0, 2, 1e-6);
    brentRoot(tight.f, 0, 2);
    expect(Math.abs(x - Math.SQRT2) / Math.SQRT2).toBeLessThanOrEqual(1e-6);
    expect(loose.calls()).toBeLessThan(tight.calls());
  });

  it('returns an end that is already a root, exactly and without iterating', () => {
    const atLo = counted((x) => x);
    expect(brentRoot(atLo.f, 0, 1)).toBe(0);
    expect(atLo.calls()).toBe(2);
    // f(0) = −0 here: still a root, although −0 > 0 and −1 > 0 agree in sign
    expect(brentRoot((x) => -x, 0, 1)).toBe(0);
    const atHi = counted((x) => x - 1);
    expect(brentRoot(atHi.f, 0, 1)).toBe(1);
    expect(atHi.calls()).toBe(2);
  });

  it.each([
    [(x: number) => x * x + 1, -1, 1, 'root bracket [-1, 1] does not change sign (f = 2, 2)'],
    [(x: number) => x - 5, 0, 1, 'root bracket [0, 1] does not change sign (f = -5, -4)'],
    [(x: number) => (x > 0.5 ? Number.NaN : -1), 0, 1, 'does not change sign (f = -1, NaN)'],
    [(x: number) => (x < 0.5 ? Number.NaN : 1), 0, 1, 'does not change sign (f = NaN, 1)'],
    [(x: number) => x, Number.NEGATIVE_INFINITY, 1, 'root bracket must be finite, got [-Infinity, 1]'],
    [(x: number) => x, -1, Number.NaN, 'root bracket must be finite, got [-1, NaN]'],
  ])('rejects a bracket that cannot hold a root (%#)', (f, lo, hi, message) => {
    expect(() => brentRoot(f, lo, hi)).toThrow(RangeError);
    expect(() => brentRoot(f, lo, hi)).toThrow(message);
  });
});
