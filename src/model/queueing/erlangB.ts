import { requireInteger, requireNonNegative } from './validate.js';

/**
 * Reciprocal of the Erlang B blocking probability, 1/B(c, A), by the forward recurrence
 *
 *   1/B(0) = 1,   1/B(k) = 1 + (k/A) · 1/B(k−1)
 *
 * which is the reciprocal of B(k) = A·B(k−1) / (k + A·B(k−1)) (the recurrence studied by Jagerman, "Some
 * properties of the Erlang loss function", Bell Syst. Tech. J. 53(3), 1974). Every term is positive, so no cancellation can
 * occur and the relative error grows at most linearly in c (≈ c·2⁻⁵² worst case, ~1e-11 at c = 100 000).
 * No factorials and no powers: the value can only overflow to +Infinity, which means B underflowed to 0.
 *
 * Two steps are fused per iteration (1/B(k+1) = (1 + a₂) + a₂a₁·1/B(k−1), aᵢ = (k+i−1)/A) so the dependency
 * chain is one multiply-add per two servers; the result is the same sum of positive terms.
 *
 * Internal: inputs are validated by the public callers.
 */
export function inverseErlangB(traffic: number, servers: number): number {
  if (traffic === 0) return servers === 0 ? 1 : Infinity;
  let r = 1;
  let k = 1;
  for (; k < servers; k += 2) {
    const a1 = k / traffic;
    const a2 = (k + 1) / traffic;
    r = 1 + a2 + a2 * a1 * r;
  }
  if (k === servers) r = 1 + (k / traffic) * r;
  return r;
}

/**
 * Erlang B (Erlang's loss formula): the probability that an arrival finds all `servers` busy and is lost,
 * in an M/M/c/c (or M/G/c/c) loss system offered `traffic` erlangs:
 *
 *   B(c, A) = (Aᶜ / c!) / Σₖ₌₀ᶜ (Aᵏ / k!)
 *
 * (Kleinrock, "Queueing Systems" vol. 1, 1975, eq. 3.46, Erlang's loss formula), computed by the stable
 * recurrence B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) (Jagerman 1974; Harchol-Balter, "Performance
 * Modeling and Design of Computer Systems", 2013, ch. 14).
 * Accurate for c up to 100 000 and beyond; an astronomically small B underflows to 0, never NaN.
 *
 * @param traffic offered load A = λ/μ in erlangs (dimensionless, ≥ 0)
 * @param servers number of servers c (whole number ≥ 1)
 * @returns blocking probability in [0, 1]
 * @throws {RangeError} if traffic is not a finite number ≥ 0 or servers is not a whole number ≥ 1
 * @example
 *   erlangB(10, 10) // ≈ 0.21458 (standard Erlang B table: 10 erlangs on 10 trunks)
 */
export function erlangB(traffic: number, servers: number): number {
  requireNonNegative('traffic (erlangs)', traffic);
  requireInteger('servers', servers, 1);
  return 1 / inverseErlangB(traffic, servers);
}
