import type { MmcParams } from './mmc.js';
import { logResponseSurvival, mmcTimeDistribution, type MmcTimeDistribution } from './mmcSurvival.js';
import { brentFrom } from './rootFind.js';
import { requirePercentile } from './validate.js';

/** Tail probability q = 1 − p/100, computed as (100 − p)/100 to keep digits at P99.9. */
function tailOf(percentile: number): number {
  return (100 - percentile) / 100;
}

/** Wait quantile for tail probability q: 0 when C ≤ q, else ln(C/q)/θ (inverse of C·e^{−θt} = q). */
function waitQuantile(dist: MmcTimeDistribution, q: number): number {
  const c = dist.waitProbability;
  return c <= q ? 0 : Math.log(c / q) / dist.drainRate;
}

/**
 * Response-time quantile for tail probability q, from a prepared distribution (internal; no validation).
 *
 * The bracket is closed-form. Lower: T ≥ S and T ≥ W_q, so t ≥ max(−ln q/μ, t_wait(q)). Upper: by the union
 * bound P(W_q + S > a + b) ≤ P(W_q > a) + P(S > b); taking each tail q/2 gives t ≤ t_wait(q/2) + ln(2/q)/μ.
 * Brent's method then solves ln P(T > t) = ln q on it (monotone, so the root is unique).
 */
export function responseQuantile(dist: MmcTimeDistribution, q: number): number {
  // One server: T = W_q + S is exponential with rate μ − λ (C = ρ makes the survival e^{−(μ−λ)t}; Kleinrock
  // vol. 1, §3.2), so its quantile is closed-form: −ln q/(μ − λ), θ being μ − λ when c = 1.
  if (dist.servers === 1) return -Math.log(q) / dist.drainRate;
  const mu = dist.serviceRate;
  const lo = Math.max(-Math.log(q) / mu, waitQuantile(dist, q));
  const hi = waitQuantile(dist, q / 2) + (Math.LN2 - Math.log(q)) / mu;
  const target = Math.log(q);
  const g = (t: number): number => logResponseSurvival(dist, t) - target;
  // Rounding can put the root a hair outside the analytic bracket; the nearer end is then the answer.
  const gLo = g(lo);
  if (gLo <= 0) return lo;
  const gHi = g(hi);
  if (gHi >= 0) return hi;
  return brentFrom(g, lo, gLo, hi, gHi);
}

/**
 * Percentile of the FCFS response (sojourn) time of an M/M/c queue: the t with P(T > t) = 1 − p/100,
 * found by Brent's method on the closed-form survival function (see `responseSurvival`; Gross, Shortle,
 * Thompson & Harris, "Fundamentals of Queueing Theory", 4th ed., §2.3). Exact up to the root tolerance
 * (relative 1e-15), including at the removable singularity cμ − λ = μ.
 *
 * @param params λ (per second), μ (per second per server), c
 * @param percentile p in (0, 100), e.g. 99 for P99, 99.9 for P99.9
 * @returns the p-th percentile of the response time, in seconds
 * @throws {RangeError} as `mmc`, or if the percentile is not strictly between 0 and 100
 * @example
 *   responseTimePercentile({ arrivalRate: 1, serviceRate: 2, servers: 1 }, 95)
 *   // M/M/1: T ~ Exp(μ − λ) = Exp(1), so −ln(0.05) ≈ 2.995732 s
 */
export function responseTimePercentile(params: MmcParams, percentile: number): number {
  requirePercentile('percentile', percentile);
  return responseQuantile(mmcTimeDistribution(params), tailOf(percentile));
}

/**
 * The means and one percentile of the wait and the response time together, Erlang C computed once. The means
 * are C/(cμ − λ) and C/(cμ − λ) + 1/μ from the same expressions `mmc` evaluates, so they are `mmc(params)`'s
 * `meanWait` and `meanResponse` to the bit, and the percentiles those of `waitPercentile` and
 * `responseTimePercentile`.
 * @throws {RangeError} as `responseTimePercentile`
 * @example
 *   mmcTimes({ arrivalRate: 2, serviceRate: 1, servers: 3 }, 95)
 *   // meanWaitS 4/9 s, meanS 13/9 s (as mmc), waitPercentileS ≈ 2.184802 s, percentileS as responseTimePercentile
 */
export function mmcTimes(params: MmcParams, percentile: number): { meanWaitS: number; meanS: number; waitPercentileS: number; percentileS: number } {
  requirePercentile('percentile', percentile);
  const dist = mmcTimeDistribution(params);
  const meanWaitS = dist.waitProbability / dist.drainRate;
  const q = tailOf(percentile);
  return { meanWaitS, meanS: meanWaitS + 1 / dist.serviceRate, waitPercentileS: waitQuantile(dist, q), percentileS: responseQuantile(dist, q) };
}

/**
 * Several response-time percentiles at once (Erlang C is computed once).
 * @throws {RangeError} as `responseTimePercentile`
 * @example
 *   responseTimePercentiles({ arrivalRate: 8, serviceRate: 1, servers: 10 }, [50, 95, 99])
 */
export function responseTimePercentiles(params: MmcParams, percentiles: readonly number[]): number[] {
  for (const p of percentiles) requirePercentile('percentile', p);
  const dist = mmcTimeDistribution(params);
  return percentiles.map((p) => responseQuantile(dist, tailOf(p)));
}

/**
 * Percentile of the FCFS waiting time (time before service starts) of an M/M/c queue, inverting
 * P(W_q > t) = C·e^{−(cμ − λ)t} in closed form:
 *
 *   t_p = 0                              if C ≤ 1 − p/100   (most arrivals do not wait)
 *   t_p = ln(C / (1 − p/100)) / (cμ − λ)  otherwise
 *
 * (Kleinrock, "Queueing Systems" vol. 1, 1975, §3.5; Gross et al., 4th ed., §2.3.)
 *
 * @param params λ (per second), μ (per second per server), c
 * @param percentile p in (0, 100)
 * @returns the p-th percentile of the wait, in seconds (≥ 0)
 * @throws {RangeError} as `mmc`, or if the percentile is not strictly between 0 and 100
 * @example
 *   waitPercentile({ arrivalRate: 2, serviceRate: 1, servers: 3 }, 95) // ln((4/9)/0.05)/1 ≈ 2.184802 s
 */
export function waitPercentile(params: MmcParams, percentile: number): number {
  requirePercentile('percentile', percentile);
  return waitQuantile(mmcTimeDistribution(params), tailOf(percentile));
}

/**
 * Several waiting-time percentiles at once (Erlang C is computed once).
 * @throws {RangeError} as `waitPercentile`
 * @example
 *   waitPercentiles({ arrivalRate: 2, serviceRate: 1, servers: 3 }, [50, 95]) // [0, ≈ 2.184802] seconds
 */
export function waitPercentiles(params: MmcParams, percentiles: readonly number[]): number[] {
  for (const p of percentiles) requirePercentile('percentile', p);
  const dist = mmcTimeDistribution(params);
  return percentiles.map((p) => waitQuantile(dist, tailOf(p)));
}
