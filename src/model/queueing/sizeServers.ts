import { erlangCFromTraffic } from './erlangC.js';
import { responseQuantile } from './mmcPercentile.js';
import { requireFraction, requirePercentile, requirePositive } from './validate.js';
import { InputError } from '../input-error.js';

/** What to size: an M/M/c pool of servers for a response-time percentile target and a utilisation cap. */
export interface SizeServersInput {
  /** λ, arrivals per second (> 0). */
  arrivalRate: number;
  /** S = 1/μ, mean service time per request on one server, seconds (> 0). */
  serviceTime: number;
  /** The response-time percentile to bound, in (0, 100): 95 means P95. */
  percentile: number;
  /** The bound: the percentile must be strictly below this many seconds (> 0). */
  targetS: number;
  /** Highest acceptable per-server utilisation λS/c, in (0, 1]. Omitted: only stability (ρ < 1). */
  maxUtilization?: number;
}

export interface SizeServersResult {
  /** Fewest servers meeting both the latency target and the utilisation cap; null when infeasible. */
  servers: number | null;
  /** Fewest servers whose response-time percentile is strictly below the target; null when infeasible. */
  serversForLatency: number | null;
  /** Fewest servers with utilisation ≤ the cap (and < 1). */
  serversForUtilization: number;
  /** False when no number of servers can meet the target (the service time alone is too slow). */
  feasible: boolean;
  /** The response-time percentile at `servers`, seconds; null when infeasible. */
  percentileAtServers: number | null;
}

/** Offered loads beyond this would take seconds per evaluation (Erlang's recurrence is O(c)). */
const MAX_TRAFFIC = 10_000_000;

/** Response-time quantile of M/M/c with traffic A = λS, c servers, tail q (times in units of S, then scaled). */
function percentileAt(traffic: number, servers: number, serviceTime: number, q: number): number {
  const waitProbability = erlangCFromTraffic(traffic, servers);
  const dist = { serviceRate: 1, drainRate: servers - traffic, waitProbability, servers };
  return responseQuantile(dist, q) * serviceTime;
}

/**
 * Fewest M/M/c servers whose response-time percentile is strictly below a target and whose utilisation is
 * at most a cap. The binding constraint is whichever needs more servers.
 *
 *   serversForUtilization = min { c : λS/c ≤ cap (to 1e-12 relative) and λS/c < 1 }
 *   serversForLatency     = min { c : t_p(T; c) < target }       (t_p from `responseTimePercentile`)
 *   servers               = max(serversForLatency, serversForUtilization)
 *
 * The response time T = W_q + S is stochastically decreasing in c, so t_p is monotone and the search is
 * exponential (from the least stable c, steps 1, 2, 4, …) then binary — O(log c) percentile evaluations of
 * O(c) each, never a linear scan. As c → ∞, W_q → 0 and t_p → −ln(1 − p)·S from above (the percentile of one
 * exponential service time), so the target is infeasible exactly when −ln(1 − p)·S ≥ target
 * (Harchol-Balter, "Performance Modeling and Design of Computer Systems", 2013, ch. 14, on sizing server farms;
 * the sojourn distribution is Gross et al., "Fundamentals of Queueing Theory", 4th ed., §2.3). If Erlang C has
 * underflowed to 0 and the target is still not met, the target is within rounding of that limit and is also
 * reported infeasible.
 *
 * @param input λ (per second), S (seconds), percentile (0–100), target (seconds), optional cap (0–1]
 * @returns the server counts; `servers` null and `feasible` false when the target cannot be met
 * @throws {RangeError} if an input is not a finite positive number, the percentile is outside (0, 100), or
 *   the cap is outside (0, 1]
 * @example
 *   sizeServers({ arrivalRate: 100, serviceTime: 0.05, percentile: 95, targetS: 0.2 })
 *   // A = 5 erlangs; −ln(0.05)·0.05 ≈ 0.1498 s < 0.2 s, so feasible
 */
export function sizeServers(input: SizeServersInput): SizeServersResult {
  requirePositive('arrival rate', input.arrivalRate);
  requirePositive('service time (seconds)', input.serviceTime);
  requirePercentile('percentile', input.percentile);
  requirePositive('target (seconds)', input.targetS);
  if (input.maxUtilization !== undefined) requireFraction('max utilization', input.maxUtilization);
  const { serviceTime: s, targetS: target } = input;
  const traffic = input.arrivalRate * s;
  const cap = input.maxUtilization ?? 1;
  const q = (100 - input.percentile) / 100;

  if (traffic > MAX_TRAFFIC) {
    throw new InputError(
      `arrival rate × service time must be ≤ ${MAX_TRAFFIC} erlangs to size (each step is O(servers)), got ${traffic}`,
    );
  }
  const leastStable = Math.floor(traffic) + 1;
  // λS/c ≤ cap up to 1e-12 relative, so decimal inputs such as 70 × 0.01 ≤ 0.7 hold as written.
  const withinCap = (c: number): boolean => traffic / c <= cap * (1 + 1e-12);
  let forUtilization = Math.max(leastStable, Math.ceil(traffic / cap));
  while (forUtilization > leastStable && withinCap(forUtilization - 1)) forUtilization--;
  while (!withinCap(forUtilization)) forUtilization++;

  const floor = -Math.log(q) * s;
  const infeasible: SizeServersResult = {
    servers: null,
    serversForLatency: null,
    serversForUtilization: forUtilization,
    feasible: false,
    percentileAtServers: null,
  };
  if (floor >= target) return infeasible;

  // Exponential search for a c that meets the target, then bisect (lo fails, hi meets).
  const meets = (c: number): boolean => percentileAt(traffic, c, s, q) < target;
  let lo = leastStable - 1; // 0 or an unstable count: fails by definition
  let hi = leastStable;
  for (let step = 1; !meets(hi); step *= 2) {
    if (erlangCFromTraffic(traffic, hi) === 0) return infeasible;
    lo = hi;
    hi = leastStable + step;
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (mid > traffic && meets(mid)) hi = mid;
    else lo = mid;
  }
  const servers = Math.max(hi, forUtilization);
  return {
    servers,
    serversForLatency: hi,
    serversForUtilization: forUtilization,
    feasible: true,
    percentileAtServers: percentileAt(traffic, servers, s, q),
  };
}
