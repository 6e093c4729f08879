import { inverseErlangB } from './erlangB.js';
import { checkMmc, type MmcParams } from './mmc.js';
import { describe } from './validate.js';
import { InputError } from '../input-error.js';

/**
 * What the M/M/c FCFS time distributions depend on: μ, θ = cμ − λ and the probability of waiting C.
 * Computing it once lets a root-finder evaluate the survival functions many times cheaply.
 */
export interface MmcTimeDistribution {
  /** μ, service rate per server, per second. */
  serviceRate: number;
  /** θ = cμ − λ, rate of the exponential wait of those who wait, per second. */
  drainRate: number;
  /** C, the Erlang C probability of waiting. */
  waitProbability: number;
  /** c, the servers. */
  servers: number;
}

/**
 * Prepares the time distribution of an M/M/c queue (validates the parameters once).
 * @throws {RangeError} as `mmc` does (bad rates or servers, or λ ≥ cμ)
 * @example
 *   mmcTimeDistribution({ arrivalRate: 2, serviceRate: 1, servers: 3 })
 *   // { serviceRate: 1, drainRate: 1, waitProbability: 4/9 }
 */
export function mmcTimeDistribution(params: MmcParams): MmcTimeDistribution {
  checkMmc(params);
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = params;
  const traffic = lambda / mu;
  const waitProbability = 1 / (((c - traffic) / c) * inverseErlangB(traffic, c) + traffic / c);
  return { serviceRate: mu, drainRate: c * mu - lambda, waitProbability, servers: c };
}

/** (1 − e^{−x})/x for x ≥ 0, with its limit 1 at 0; a short series where expm1 would divide 0 by 0. */
function oneMinusExpOverX(x: number): number {
  if (x < 1e-5) return 1 - (x / 2) * (1 - (x / 3) * (1 - x / 4));
  return -Math.expm1(-x) / x;
}

/**
 * Natural log of the sojourn survival function, ln P(T > t), for t ≥ 0. Working in logs keeps it finite
 * for t where P(T > t) itself underflows, which gives the root-finder a near-linear function.
 */
export function logResponseSurvival(dist: MmcTimeDistribution, t: number): number {
  const { serviceRate: mu, drainRate: theta, waitProbability: c } = dist;
  if (t <= 0) return 0;
  if (t === Infinity) return -Infinity;
  const slow = Math.min(mu, theta);
  const gap = Math.abs(theta - mu);
  // P(T>t) = e^{−μt} + Cμ·t·e^{−min(μ,θ)t}·(1 − e^{−|θ−μ|t})/(|θ−μ|t); factor out e^{−min(μ,θ)t}.
  const inner = Math.exp(-(mu - slow) * t) + c * mu * t * oneMinusExpOverX(gap * t);
  return -slow * t + Math.log(inner);
}

function requireTime(t: unknown): asserts t is number {
  if (typeof t !== 'number' || Number.isNaN(t)) {
    throw new InputError(`time must be a number of seconds, got ${describe(t)}`);
  }
}

/**
 * Survival function of the FCFS response (sojourn) time T = W_q + S of an M/M/c queue:
 *
 *   P(T > t) = e^{−μt} + C·μ·(e^{−μt} − e^{−θt}) / (θ − μ),   θ = cμ − λ ≠ μ
 *   P(T > t) = e^{−μt}·(1 + C·μ·t),                          θ = μ (the removable singularity)
 *
 * (Gross, Shortle, Thompson & Harris, "Fundamentals of Queueing Theory", 4th ed., §2.3, the M/M/c sojourn
 * distribution; derived from W_q = 0 w.p. 1 − C, else Exp(θ), plus an independent Exp(μ) service time.)
 * Both cases are evaluated by one expression, e^{−min(μ,θ)t}·[e^{−(μ−min)t} + Cμt·(1 − e^{−|θ−μ|t})/(|θ−μ|t)],
 * using expm1 and a series for tiny |θ−μ|t, so values with θ within 1 ulp of μ are as accurate as any other.
 *
 * @param params λ (per second), μ (per second per server), c
 * @param t time in seconds
 * @returns P(T > t) in [0, 1]; 1 for t ≤ 0
 * @throws {RangeError} as `mmc`, or if t is not a number
 * @example
 *   responseSurvival({ arrivalRate: 1, serviceRate: 1, servers: 2 }, 1)
 *   // θ = μ = 1, C = 1/3: e^{−1}·(1 + 1/3) ≈ 0.490506
 */
export function responseSurvival(params: MmcParams, t: number): number {
  requireTime(t);
  return Math.exp(logResponseSurvival(mmcTimeDistribution(params), t));
}

/**
 * Survival function of the FCFS waiting time W_q of an M/M/c queue:
 *
 *   P(W_q > t) = C·e^{−(cμ − λ)t},  t ≥ 0
 *
 * (Kleinrock, "Queueing Systems" vol. 1, 1975, §3.5; Gross et al., "Fundamentals of Queueing Theory",
 * 4th ed., §2.3.) Note P(W_q > 0) = C: an arrival that finds a free server does not wait.
 *
 * @param params λ (per second), μ (per second per server), c
 * @param t time in seconds
 * @returns P(W_q > t) in [0, 1]; 1 for t < 0
 * @throws {RangeError} as `mmc`, or if t is not a number
 * @example
 *   waitSurvival({ arrivalRate: 2, serviceRate: 1, servers: 3 }, 1) // (4/9)·e^{−1} ≈ 0.163508
 */
export function waitSurvival(params: MmcParams, t: number): number {
  requireTime(t);
  if (t < 0) return 1;
  const dist = mmcTimeDistribution(params);
  return dist.waitProbability * Math.exp(-dist.drainRate * t);
}
