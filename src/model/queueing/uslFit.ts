import { uslPeak, type UslParams } from './usl.js';
import { at, gram, project, solveFree, type Mat3, type Vec3 } from './leastSquares3.js';
import { describe } from './validate.js';
import { InputError } from '../input-error.js';

/** One measurement: throughput observed at a concurrency level. */
export interface UslPoint {
  /** N > 0: users, threads or nodes. */
  concurrency: number;
  /** X(N) > 0, in any throughput unit (the fitted γ is in the same unit). */
  throughput: number;
}

export interface UslFit extends UslParams {
  /** N* = √((1 − α)/β), clamped to ≥ 1; null when β = 0 or α ≥ 1 (no finite peak). */
  peakConcurrency: number | null;
  /** X(N*); null with peakConcurrency. */
  peakThroughput: number | null;
  /** Σ (X_model − X_observed)², the minimised objective, in squared throughput units. */
  residualSumOfSquares: number;
  /** Levenberg–Marquardt iterations used. */
  iterations: number;
}

/**
 * Starting point from the linearised USL: N/X = a + b·(N − 1) + c·N·(N − 1) with a = 1/γ, b = α/γ,
 * c = β/γ (Gunther, "Guerrilla Capacity Planning", 2007, ch. 5, the quadratic-regression method). Solved by
 * least squares over the sign-feasible active sets {b, c free}, {b = 0}, {c = 0}, {b = c = 0}; the best
 * feasible one wins.
 */
function linearisedStart(points: readonly UslPoint[]): Vec3 {
  const rows = points.map((p): Vec3 => [1, p.concurrency - 1, p.concurrency * (p.concurrency - 1)]);
  const y = points.map((p) => p.concurrency / p.throughput);
  const ata = gram(rows);
  const atb = project(rows, y);
  let best: { sse: number; x: Vec3 } | null = null;
  for (const free of [
    [true, true, true],
    [true, false, true],
    [true, true, false],
    [true, false, false],
  ]) {
    const x = solveFree(ata, atb, free);
    if (x === null || !(x[0] > 0) || x[1] < 0 || x[2] < 0) continue;
    const sse = rows.reduce((s, r, i) => s + (r[0] * x[0] + r[1] * x[1] + r[2] * x[2] - at(y, i)) ** 2, 0);
    if (best === null || sse < best.sse) best = { sse, x };
  }
  if (best === null) {
    const gamma = Math.max(...points.map((p) => p.throughput / p.concurrency));
    return [0, 0, gamma];
  }
  const [a, b, c] = best.x;
  return [b / a, c / a, 1 / a];
}

/** Residuals model − observed, their sum of squares, and the Jacobian rows ∂model/∂(α, β, γ). */
function evaluate(points: readonly UslPoint[], [alpha, beta, gamma]: Vec3): { sse: number; r: number[]; j: Vec3[] } {
  const r: number[] = [];
  const j: Vec3[] = [];
  let sse = 0;
  for (const { concurrency: n, throughput: x } of points) {
    const den = 1 + alpha * (n - 1) + beta * n * (n - 1);
    const model = (gamma * n) / den;
    const res = model - x;
    r.push(res);
    sse += res * res;
    const d = model / den;
    j.push([-d * (n - 1), -d * n * (n - 1), n / den]);
  }
  return { sse, r, j };
}

function checkPoints(points: readonly UslPoint[]): void {
  if (!Array.isArray(points) || points.length < 3) {
    throw new InputError(
      `a USL fit needs at least 3 measurements, got ${Array.isArray(points) ? points.length : describe(points)}`,
    );
  }
  points.forEach((p, i) => {
    for (const key of ['concurrency', 'throughput'] as const) {
      const v = p?.[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
        throw new InputError(`point ${i + 1}: ${key} must be a finite number > 0, got ${describe(v)}`);
      }
    }
  });
  if (new Set(points.map((p) => p.concurrency)).size < 3) {
    throw new InputError('a USL fit needs at least 3 distinct concurrency levels (3 coefficients)');
  }
}

/**
 * Fits the Universal Scalability Law X(N) = γN / (1 + α(N − 1) + βN(N − 1)) to measurements by bounded
 * non-linear least squares, minimising Σ (X(Nᵢ) − Xᵢ)² subject to α ≥ 0, β ≥ 0, γ > 0
 * (Gunther, "Guerrilla Capacity Planning", 2007, ch. 4–5).
 *
 * Method: start from the linearised fit (N/X is quadratic in N), then Levenberg–Marquardt (Marquardt 1963,
 * "An algorithm for least-squares estimation of nonlinear parameters", SIAM J. Appl. Math. 11(2); damping
 * scaled by diag(JᵀJ)) with an active set for the bounds: a coefficient at 0 whose gradient pushes it below
 * 0 is held there, and every trial point is projected onto the bounds. A step is taken only if it lowers the
 * sum of squares; iteration stops when the relative decrease and the step are below 1e-15 or after 500
 * iterations, then Gauss–Newton steps polish the result (the SSE is flat to rounding there, the gradient is
 * not). Exact data are recovered to ~1e-12; noisy optima agree with a 40-digit solve to ~1e-10.
 *
 * @param points at least 3 measurements at ≥ 3 distinct concurrency levels, all values finite and > 0
 * @returns α, β (dimensionless), γ (throughput units per unit of concurrency), the peak, and the fit's SSE
 * @throws {RangeError} if there are fewer than 3 points or 3 distinct concurrencies, or a value is not > 0
 * @example
 *   fitUsl([1, 2, 4, 8, 16].map((n) => ({ concurrency: n, throughput: (100 * n) / (1 + 0.05 * (n - 1)) })))
 *   // ≈ { alpha: 0.05, beta: 0, gamma: 100, peakConcurrency: null, peakThroughput: null, … }
 */
export function fitUsl(points: readonly UslPoint[]): UslFit {
  checkPoints(points);
  let best = levenbergMarquardt(points, linearisedStart(points), [false, false]);
  // A coefficient the data cannot tell from 0 (exact data with β = 0 leave β ≈ 1e-18) is reported as 0, so
  // the peak is null rather than at N ≈ 10⁸: refit with it pinned and keep that if the SSE is no worse.
  const scale = points.reduce((s, p) => s + p.throughput * p.throughput, 0);
  for (const pinned of [1, 0] as const) {
    if (best.theta[pinned] === 0) continue;
    const start: Vec3 = [...best.theta];
    start[pinned] = 0;
    const pins: [boolean, boolean] = [best.theta[0] === 0, best.theta[1] === 0];
    pins[pinned] = true;
    const alt = levenbergMarquardt(points, start, pins);
    if (alt.sse <= best.sse * (1 + 1e-12) + 1e-24 * scale) best = { ...alt, iterations: best.iterations + alt.iterations };
  }
  const [alpha, beta, gamma] = best.theta.map((v) => Math.max(0, v)) as Vec3; // and −0 → 0
  const fitted = { alpha, beta, gamma };
  const peak = uslPeak(fitted);
  return {
    ...fitted,
    peakConcurrency: peak?.concurrency ?? null,
    peakThroughput: peak?.throughput ?? null,
    residualSumOfSquares: best.sse,
    iterations: best.iterations,
  };
}

/**
 * Projected Levenberg–Marquardt from `start`; `pinned[i]` holds α (i = 0) or β (i = 1) at 0 throughout.
 */
function levenbergMarquardt(
  points: readonly UslPoint[],
  start: Vec3,
  pinned: readonly [boolean, boolean],
): { theta: Vec3; sse: number; iterations: number } {
  let theta = start;
  let current = evaluate(points, theta);
  let lambda = 1e-3;
  let iterations = 0;
  for (; iterations < 500; iterations++) {
    const jtj = gram(current.j);
    const grad = project(current.j, current.r);
    // Bounded coordinates (α, β at 0) pushed outward by the gradient stay fixed this iteration.
    const free = [
      !pinned[0] && (theta[0] > 0 || grad[0] < 0),
      !pinned[1] && (theta[1] > 0 || grad[1] < 0),
      true,
    ];
    let improved = false;
    while (lambda < 1e20) {
      const damped = jtj.map((row, a) => row.map((v, b) => (a === b ? v * (1 + lambda) : v))) as Mat3;
      const step = solveFree(damped, [-grad[0], -grad[1], -grad[2]], free);
      if (step === null) {
        lambda *= 10;
        continue;
      }
      const trial: Vec3 = [
        Math.max(0, theta[0] + step[0]),
        Math.max(0, theta[1] + step[1]),
        Math.max(theta[2] * 1e-3, theta[2] + step[2]),
      ];
      const next = evaluate(points, trial);
      if (next.sse < current.sse) {
        const decrease = (current.sse - next.sse) / Math.max(current.sse, Number.MIN_VALUE);
        const moved = [0, 1, 2].some(
          (i) => Math.abs(at(trial, i) - at(theta, i)) > 1e-15 * Math.max(Math.abs(at(theta, i)), 1e-300),
        );
        theta = trial;
        current = next;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = decrease > 1e-15 && moved;
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  // Near the minimum the SSE is flat to rounding (a decrease of 1e-15 is below its evaluation noise), so
  // acceptance by SSE stops ~1e-8 short in the parameters. Finish with Gauss–Newton steps, which are driven
  // by the gradient Jᵀr (accurate to rounding), accepting any step that keeps the SSE within its noise.
  for (let polish = 0; polish < 20; polish++, iterations++) {
    const grad = project(current.j, current.r);
    const free = [
      !pinned[0] && (theta[0] > 0 || grad[0] < 0),
      !pinned[1] && (theta[1] > 0 || grad[1] < 0),
      true,
    ];
    const step = solveFree(gram(current.j), [-grad[0], -grad[1], -grad[2]], free);
    if (step === null) break;
    const trial: Vec3 = [Math.max(0, theta[0] + step[0]), Math.max(0, theta[1] + step[1]), theta[2] + step[2]];
    if (!(trial[2] > 0)) break;
    const next = evaluate(points, trial);
    if (!(next.sse <= current.sse * (1 + 1e-12))) break;
    const settled = [0, 1, 2].every((i) => Math.abs(at(trial, i) - at(theta, i)) <= 1e-14 * Math.abs(at(theta, i)));
    theta = trial;
    current = next;
    if (settled) break;
  }
  return { theta, sse: current.sse, iterations };
}
