import { requireNonNegative, requirePositive } from './validate.js';

/** Coefficients of the Universal Scalability Law. */
export interface UslParams {
  /** α ≥ 0, contention (serial fraction). */
  alpha: number;
  /** β ≥ 0, coherency (crosstalk) penalty. */
  beta: number;
  /** γ > 0, throughput at concurrency 1 (requests per second per unit of concurrency). */
  gamma: number;
}

function check(params: UslParams): void {
  requireNonNegative('alpha (contention)', params.alpha);
  requireNonNegative('beta (coherency)', params.beta);
  requirePositive('gamma (throughput at concurrency 1)', params.gamma);
}

/**
 * Universal Scalability Law (Gunther, "Guerrilla Capacity Planning", 2007, ch. 4; Gunther,
 * "A General Theory of Computational Scalability Based on Rational Functions", arXiv:0808.1431, 2008):
 *
 *   X(N) = γ·N / (1 + α·(N − 1) + β·N·(N − 1))
 *
 * @param params α, β (dimensionless, ≥ 0), γ (throughput units, > 0)
 * @param concurrency N (users, threads, nodes; > 0)
 * @returns throughput at N, in the units of γ
 * @throws {RangeError} if a coefficient is out of range or N is not a finite number > 0
 * @example
 *   uslThroughput({ alpha: 0.05, beta: 0.001, gamma: 100 }, 10) // 1000 / (1 + 0.45 + 0.09) ≈ 649.35
 */
export function uslThroughput(params: UslParams, concurrency: number): number {
  check(params);
  requirePositive('concurrency', concurrency);
  const n = concurrency;
  return (params.gamma * n) / (1 + params.alpha * (n - 1) + params.beta * n * (n - 1));
}

/**
 * Concurrency at which USL throughput peaks, from dX/dN = 0: N* = √((1 − α)/β) (Gunther 2007, ch. 4)
 * and the throughput there. Null when β = 0 (throughput rises forever, towards γ/α if α > 0) or α ≥ 1
 * (it never rises); clamped to N ≥ 1 because a concurrency below one is not a configuration one can run.
 *
 * @param params α, β, γ
 * @returns { concurrency, throughput } at the peak, or null when there is no finite peak
 * @throws {RangeError} if a coefficient is out of range
 * @example
 *   uslPeak({ alpha: 0.05, beta: 0.001, gamma: 100 }) // N* = √950 ≈ 30.82, X ≈ 903.80
 */
export function uslPeak(params: UslParams): { concurrency: number; throughput: number } | null {
  check(params);
  if (params.beta === 0 || params.alpha >= 1) return null;
  const concurrency = Math.max(1, Math.sqrt((1 - params.alpha) / params.beta));
  return { concurrency, throughput: uslThroughput(params, concurrency) };
}
