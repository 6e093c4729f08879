import { inverseErlangB } from './erlangB.js';
import { num, requireInteger, requirePositive } from './validate.js';
import { InputError } from '../input-error.js';

/** An M/M/c queue: Poisson arrivals, exponential service, c identical servers, FCFS, unlimited waiting room. */
export interface MmcParams {
  /** λ, arrivals per second (> 0). */
  arrivalRate: number;
  /** μ, completions per second per busy server (> 0); the mean service time is 1/μ seconds. */
  serviceRate: number;
  /** c, number of identical servers (whole number ≥ 1). */
  servers: number;
}

/** Steady-state means of an M/M/c queue. Times in seconds, rates per second, counts in requests. */
export interface MmcMetrics {
  /** ρ = λ/(cμ), fraction of time each server is busy. */
  utilization: number;
  /** C(c, λ/μ), probability that an arrival waits. */
  erlangC: number;
  /** B(c, λ/μ), the loss probability the same servers would have with no waiting room (for reference). */
  erlangB: number;
  /** W_q = C/(cμ − λ), mean time waiting before service, seconds. */
  meanWait: number;
  /** L_q = λ·W_q, mean number waiting. */
  meanQueueLength: number;
  /** W = W_q + 1/μ, mean response (sojourn) time, seconds. */
  meanResponse: number;
  /** L = λ·W, mean number in the system (waiting + in service). */
  meanInSystem: number;
  /** Departures per second; equals λ in steady state. */
  throughput: number;
}

/**
 * Validates M/M/c parameters and the stability condition λ < cμ.
 * @throws {RangeError} naming the offending argument, or "unstable: λ=… ≥ cμ=…" when λ ≥ cμ
 */
export function checkMmc(params: MmcParams): void {
  requirePositive('arrival rate', params.arrivalRate);
  requirePositive('service rate', params.serviceRate);
  requireInteger('servers', params.servers, 1);
  const capacity = params.servers * params.serviceRate;
  if (!(params.arrivalRate < capacity) || params.arrivalRate / params.serviceRate >= params.servers) {
    throw new InputError(
      `unstable: λ=${num(params.arrivalRate)} ≥ cμ=${num(capacity)}; add servers or lower the arrival rate`,
    );
  }
}

/**
 * Steady-state means of the M/M/c queue (Kleinrock, "Queueing Systems" vol. 1, 1975, §3.5;
 * Harchol-Balter, "Performance Modeling and Design of Computer Systems", 2013, ch. 14):
 *
 *   A = λ/μ (erlangs),  ρ = A/c,  C = Erlang C(c, A)
 *   W_q = C / (cμ − λ)          L_q = λ·W_q
 *   W   = W_q + 1/μ              L   = λ·W   (Little's law)
 *
 * W_q is computed as C/(cμ − λ), not as W − 1/μ, so it keeps full relative precision when it is tiny.
 * Erlang B and C come from one pass of the stable recurrence (see `erlangB`, `erlangC`).
 *
 * @param params λ (per second), μ (per second per server), c
 * @returns means in seconds and requests; see `MmcMetrics`
 * @throws {RangeError} if a rate is not a finite number > 0, c is not a whole number ≥ 1, or λ ≥ cμ
 * @example
 *   mmc({ arrivalRate: 2, serviceRate: 1, servers: 3 })
 *   // utilization 2/3, erlangC 4/9, meanWait 4/9 s, meanResponse 13/9 s (by hand from eq. 3.40)
 */
export function mmc(params: MmcParams): MmcMetrics {
  checkMmc(params);
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = params;
  const traffic = lambda / mu;
  const rho = traffic / c;
  const inverseB = inverseErlangB(traffic, c);
  const erlangC = 1 / (((c - traffic) / c) * inverseB + rho);
  const meanWait = erlangC / (c * mu - lambda);
  const meanResponse = meanWait + 1 / mu;
  return {
    utilization: rho,
    erlangC,
    erlangB: 1 / inverseB,
    meanWait,
    meanQueueLength: lambda * meanWait,
    meanResponse,
    meanInSystem: lambda * meanResponse,
    throughput: lambda,
  };
}
