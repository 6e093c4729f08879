import { InputError } from '../input-error.js';
/**
 * Brent's method for a root of a continuous function on a bracket [lo, hi] with f(lo) and f(hi) of opposite
 * signs (Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 4, procedure `zero`; also
 * Press et al., "Numerical Recipes", 3rd ed., §9.3). It combines bisection, the secant step and inverse
 * quadratic interpolation, and never leaves the bracket, so it converges whenever bisection would — at
 * worst about 2× bisection's step count, usually superlinearly.
 *
 * Used on monotone survival functions, where the root is unique.
 *
 * @param f continuous function; `f(lo)` and `f(hi)` must differ in sign (or one be 0)
 * @param lo left end of the bracket
 * @param hi right end of the bracket
 * @param relTol relative tolerance on the root (default 1e-15; an absolute floor of 1e-300 applies)
 * @returns x in [lo, hi] with |x − root| ≤ relTol·|x| (or an exact zero of f)
 * @throws {RangeError} if the bracket does not change sign, or an end is not finite
 * @example
 *   brentRoot((x) => x * x - 2, 0, 2) // ≈ 1.4142135623730951
 */
export function brentRoot(f: (x: number) => number, lo: number, hi: number, relTol = 1e-15): number {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new InputError(`root bracket must be finite, got [${lo}, ${hi}]`);
  }
  const fa = f(lo);
  const fb = f(hi);
  if (fa === 0) return lo;
  if (fb === 0) return hi;
  return brentFrom(f, lo, fa, hi, fb, relTol);
}

/**
 * `brentRoot` from a bracket whose ends are already evaluated, `fa = f(a)` and `fb = f(b)`, neither 0: for a
 * caller that has evaluated them to test them (f is costly; each evaluation saved is one in every ~6).
 * @throws {RangeError} if the bracket does not change sign
 */
export function brentFrom(f: (x: number) => number, a: number, fa: number, b: number, fb: number, relTol = 1e-15): number {
  if (fa > 0 === fb > 0 || Number.isNaN(fa) || Number.isNaN(fb)) {
    throw new InputError(`root bracket [${a}, ${b}] does not change sign (f = ${fa}, ${fb})`);
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration++) {
    if (fb > 0 === fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * Math.max(relTol * Math.abs(b), 1e-300);
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two distinct points, inverse quadratic otherwise.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}
