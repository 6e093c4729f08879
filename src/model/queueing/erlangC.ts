import { inverseErlangB } from './erlangB.js';
import { num, requireInteger, requireNonNegative } from './validate.js';
import { InputError } from '../input-error.js';

/**
 * Erlang C from the reciprocal of Erlang B, without forming B itself:
 *
 *   C = B / (1 − ρ(1 − B)) = 1 / ((1 − ρ)/B + ρ),   ρ = A/c
 *
 * with 1 − ρ taken as (c − A)/c so it keeps its precision at ρ = 0.9999. When 1/B overflows (B underflowed)
 * the result is exactly 0, never NaN. Internal: assumes 0 ≤ A < c.
 */
export function erlangCFromTraffic(traffic: number, servers: number): number {
  const rho = traffic / servers;
  const oneMinusRho = (servers - traffic) / servers;
  return 1 / (oneMinusRho * inverseErlangB(traffic, servers) + rho);
}

/**
 * Erlang C: the probability that an arrival to an M/M/c queue must wait (all c servers busy),
 *
 *   C(c, A) = B(c, A) / (1 − ρ·(1 − B(c, A))),   ρ = A/c < 1
 *
 * (Kleinrock, "Queueing Systems" vol. 1, 1975, eq. 3.40, Erlang's C formula, rewritten in terms of B as in
 * Harchol-Balter, "Performance Modeling and Design of Computer Systems", 2013, ch. 14), where B is
 * Erlang B computed by its stable recurrence (see `erlangB`). No factorials or powers; valid for c up to
 * 100 000 and ρ up to 0.9999. A C too small for a double underflows to 0.
 *
 * @param traffic offered load A = λ/μ in erlangs (dimensionless, 0 ≤ A < c)
 * @param servers number of servers c (whole number ≥ 1)
 * @returns probability of waiting in [0, 1]
 * @throws {RangeError} if traffic is not a finite number ≥ 0, servers is not a whole number ≥ 1, or the
 *   queue is unstable (A ≥ c)
 * @example
 *   erlangC(2, 3) // = 4/9 ≈ 0.444444 (M/M/3 at ρ = 2/3, by hand from eq. 3.40)
 */
export function erlangC(traffic: number, servers: number): number {
  requireNonNegative('traffic (erlangs)', traffic);
  requireInteger('servers', servers, 1);
  if (traffic >= servers) {
    throw new InputError(
      `unstable: traffic A=${num(traffic)} ≥ servers c=${servers}; Erlang C needs A < c (add servers or lower the load)`,
    );
  }
  return erlangCFromTraffic(traffic, servers);
}
