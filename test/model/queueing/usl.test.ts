import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitUsl, uslPeak, uslThroughput, type UslPoint } from '../../../src/model/queueing/index.js';
import { expectRelative } from './helpers.js';

const levels = [1, 4, 8, 12, 16, 20, 24, 28, 32, 48];
const exactData = (alpha: number, beta: number, gamma: number, ns: number[] = levels): UslPoint[] =>
  ns.map((n) => ({ concurrency: n, throughput: (gamma * n) / (1 + alpha * (n - 1) + beta * n * (n - 1)) }));

describe('uslThroughput and uslPeak', () => {
  it('X(N) = γN/(1 + α(N−1) + βN(N−1)) (Gunther 2007 ch. 4), by hand', () => {
    expectRelative(uslThroughput({ alpha: 0.05, beta: 0.001, gamma: 100 }, 10), 1000 / 1.54, 1e-15);
    expect(uslThroughput({ alpha: 0, beta: 0, gamma: 7 }, 3)).toBe(21); // linear scaling
  });

  it('peaks at N* = √((1−α)/β), by hand', () => {
    const peak = uslPeak({ alpha: 0.05, beta: 0.001, gamma: 100 });
    expectRelative(peak!.concurrency, Math.sqrt(950), 1e-15);
    expectRelative(peak!.throughput, (100 * Math.sqrt(950)) / (1 + 0.05 * (Math.sqrt(950) - 1) + 0.001 * 950 - 0.001 * Math.sqrt(950)), 1e-13);
    expect(uslPeak({ alpha: 0.05, beta: 0, gamma: 100 })).toBeNull();
    expect(uslPeak({ alpha: 1, beta: 0.1, gamma: 100 })).toBeNull();
    expect(uslPeak({ alpha: 0.5, beta: 2, gamma: 100 })!.concurrency).toBe(1); // √0.25 clamped to one
  });
});

describe('fitUsl', () => {
  it.each([
    [0.03, 0.0005, 955.16],
    [0, 0.0005, 10],
    [0.2, 0.00001, 3.5],
    [0.001, 0.02, 120000],
  ])('recovers exact data generated with α=%s β=%s γ=%s to 1e-9', (alpha, beta, gamma) => {
    const fit = fitUsl(exactData(alpha, beta, gamma));
    expectRelative(fit.alpha, alpha, 1e-9);
    expectRelative(fit.beta, beta, 1e-9);
    expectRelative(fit.gamma, gamma, 1e-9);
    expectRelative(fit.peakConcurrency!, Math.sqrt((1 - alpha) / beta), 1e-9);
  });

  it('reports β = 0 and no peak for data with no coherency penalty (Amdahl)', () => {
    const fit = fitUsl(exactData(0.05, 0, 100, [1, 2, 4, 8, 16]));
    expect(fit.beta).toBe(0);
    expect(fit.peakConcurrency).toBeNull();
    expect(fit.peakThroughput).toBeNull();
    expectRelative(fit.alpha, 0.05, 1e-9);
    expectRelative(fit.gamma, 100, 1e-9);
  });

  // Expected values: test/model/queueing/reference.py `usl` — (1) a 40-digit variable-projection solve in mpmath
  // (γ eliminated in closed form, findroot on the gradient of the SSE in α, β), and (2) for comparison
  // scipy.optimize.least_squares (trust-region reflective, bounds α, β ≥ 0), which stops ~1e-7 short of it.
  it('matches the 40-digit optimum on noisy data (±3% ripple on USL(0.03, 0.0005, 955.16))', () => {
    const data = [979.2721827754733, 3589.4520535961447, 6292.6905848280085, 8208.364190566292, 9540.318000251254,
      10531.145173981344, 11369.184062318527, 12127.04187805227, 12763.834642422757, 13316.311979007187];
    const fit = fitUsl(levels.map((n, i) => ({ concurrency: n, throughput: data[i]! })));
    expectRelative(fit.alpha, 0.041559138958767002, 1e-9);
    expectRelative(fit.beta, 0.00030683373135974542, 1e-9);
    expectRelative(fit.gamma, 1016.5650856434836, 1e-9);
    expectRelative(fit.peakConcurrency!, 55.889613921659638, 1e-9);
    expectRelative(fit.peakThroughput!, 13455.537463486077, 1e-9);
    expectRelative(fit.residualSumOfSquares, 96760.13936755827, 1e-12);
    // scipy (status 2, ftol) lands within 1e-6 of the same point
    expectRelative(fit.alpha, 0.041559141869329845, 1e-6);
    expectRelative(fit.beta, 0.0003068336956386715, 1e-6);
    expectRelative(fit.gamma, 1016.5651057096538, 1e-6);
  });

  it('holds α at its bound when the unconstrained optimum is negative (KKT: ∂SSE/∂α > 0 at α = 0)', () => {
    const data = [100.0, 414.9377593360996, 823.0452674897119, 1149.4252873563219, 1355.9322033898306,
      1449.2753623188407, 1459.85401459854, 1419.8782961460447, 1353.6379018612522, 1049.8687664041995];
    const fit = fitUsl(levels.map((n, i) => ({ concurrency: n, throughput: data[i]! })));
    expect(fit.alpha).toBe(0); // scipy: 4.3e-20
    expectRelative(fit.beta, 0.0018418380856858426, 1e-9);
    expectRelative(fit.gamma, 119.92117661845275, 1e-9);
    expectRelative(fit.peakConcurrency!, 23.300984739786773, 1e-9);
    expectRelative(fit.residualSumOfSquares, 13511.961128445168, 1e-12);
  });

  it.each([
    [[{ concurrency: 1, throughput: 1 }, { concurrency: 2, throughput: 2 }], 'a USL fit needs at least 3 measurements, got 2'],
    [[{ concurrency: 1, throughput: 1 }, { concurrency: 2, throughput: 2 }, { concurrency: 2, throughput: 2.1 }], 'at least 3 distinct concurrency levels'],
    [[{ concurrency: 1, throughput: 1 }, { concurrency: 2, throughput: 0 }, { concurrency: 3, throughput: 2 }], 'point 2: throughput must be a finite number > 0, got 0'],
    [[{ concurrency: -1, throughput: 1 }, { concurrency: 2, throughput: 2 }, { concurrency: 3, throughput: 2 }], 'point 1: concurrency must be a finite number > 0, got -1'],
    [[{ concurrency: 1, throughput: 1 }, { concurrency: 2, throughput: Number.NaN }, { concurrency: 3, throughput: 2 }], 'point 2: throughput must be a finite number > 0, got NaN'],
    [[{ concurrency: 1, throughput: 1 }, { concurrency: 2, throughput: 2 }, { concurrency: 3, throughput: Number.POSITIVE_INFINITY }], 'point 3: throughput must be a finite number > 0, got Infinity'],
    [[{ concurrency: 1, throughput: 1 }, null as unknown as UslPoint, { concurrency: 3, throughput: 2 }], 'point 2: concurrency must be a finite number > 0, got undefined'],
  ])('rejects bad data (%#)', (points, message) => {
    expect(() => fitUsl(points)).toThrow(RangeError);
    expect(() => fitUsl(points)).toThrow(message);
  });

  it('accepts exactly 3 distinct concurrency levels, the fewest that fix 3 coefficients', () => {
    const fit = fitUsl(exactData(0.05, 0.001, 20, [1, 4, 16]));
    expectRelative(fit.alpha, 0.05, 1e-9);
    expectRelative(fit.beta, 0.001, 1e-9);
    expectRelative(fit.gamma, 20, 1e-9);
  });

  it('property: bounds hold, the fit is no worse than the generating curve, nothing is NaN', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 10, maxLength: 10 }),
        (alpha, beta, gamma, noise) => {
          const points = exactData(alpha, beta, gamma).map((p, i) => ({ ...p, throughput: p.throughput * (1 + noise[i]!) }));
          const fit = fitUsl(points);
          expect(fit.alpha).toBeGreaterThanOrEqual(0);
          expect(fit.beta).toBeGreaterThanOrEqual(0);
          expect(fit.gamma).toBeGreaterThan(0);
          const sse = points.reduce((s, p) => s + (uslThroughput({ alpha, beta, gamma }, p.concurrency) - p.throughput) ** 2, 0);
          // A coefficient indistinguishable from 0 is snapped to 0 if the SSE grows by ≤ 1e-24·ΣX² (see fitUsl).
          const slack = 1e-20 * points.reduce((s, p) => s + p.throughput ** 2, 0);
          expect(fit.residualSumOfSquares).toBeLessThanOrEqual(sse * (1 + 1e-9) + slack);
          for (const v of [fit.alpha, fit.beta, fit.gamma, fit.residualSumOfSquares]) expect(Number.isFinite(v)).toBe(true);
        },
      ),
    );
  });
});
