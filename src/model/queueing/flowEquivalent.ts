/**
 * Throughput of a closed network as stations are added one at a time (flow-equivalent aggregation), in a
 * ratio form that only ever adds, multiplies and divides positive numbers — the numerically stable core of
 * the exact MVA in `mva.ts`.
 *
 * Let S be a network of stations with normalising constants G_S(n) and throughput X_S(n) = G_S(n−1)/G_S(n)
 * (Buzen 1973, "Computational algorithms for closed queueing networks with exponential servers", CACM 16(9)).
 * Adding a station k with demand D and m servers (service-rate multiplier α(j) = min(j, m), so its
 * product-form factor is F(j) = Dʲ / Πᵢ₌₁ʲ α(i)) gives G_{S+k}(n) = Σⱼ F(j)·G_S(n−j). In the network S+k
 * the marginal probability of j jobs at k is p(j|n) = F(j)·G_S(n−j)/G_{S+k}(n), hence, for j ≥ 1,
 *
 *   p(j|n) = (D/α(j)) · X_S(n) · p(j−1|n−1) / r(n),     r(n) = G_{S+k}(n)·G_S(n−1) / (G_{S+k}(n−1)·G_S(n))
 *   p(0|n) = p(0|n−1) / r(n)
 *   X_{S+k}(n) = X_S(n) / r(n)
 *
 * and r(n) is fixed by Σⱼ p(j|n) = 1, i.e. it is the sum of the positive numerators. Only p(0…m−1|n), the
 * tail mass P(≥ m) and the tail mean Σ_{j≥m} j·p(j|n) need be kept, because F(j)/F(j−1) = D/m for j ≥ m:
 *
 *   u_j = (D/j)·X_S(n)·p(j−1|n−1)  (1 ≤ j < m),   u_0 = p(0|n−1)
 *   u_T = (D/m)·X_S(n)·(p(m−1|n−1) + P(≥m|n−1))
 *   u_M = (D/m)·X_S(n)·(m·p(m−1|n−1) + Σ_{j≥m} j·p(j|n−1) + P(≥m|n−1))
 *   r(n) = u_0 + Σ u_j + u_T
 *
 * This is the load-dependent MVA recursion of Reiser & Lavenberg (1980, "Mean-value analysis of closed
 * multichain queuing networks", JACM 27(2)) with one change: p(0|n) comes from normalising positive terms
 * (equivalently p(0|n) = G_S(n)/G_{S+k}(n), a ratio against the complement network S) instead of
 * 1 − Σ_{j≥1} p(j|n), the subtraction that makes the textbook recursion lose all its digits (and return
 * negative probabilities) once the station saturates. On that instability and on stable flow-equivalent
 * aggregation see G. Casale, "A note on stable flow-equivalent aggregation in closed networks", Queueing
 * Systems 60 (2008), 193–202; the derivation above is self-contained. For m = 1 the recursion reduces to
 * r(n) = p(0|n−1) + D·X_S(n) and to the ordinary MVA Q(n) = D·X(n)·(1 + Q(n−1)).
 * Cost O(N·m); memory O(N + m).
 */

/** Result of adding a station to a network. */
export interface AddedStation {
  /** X(n) of the enlarged network for n = 0…N (index n; X(0) = 0), jobs per second. */
  throughput: Float64Array;
  /** Mean number of jobs at the added station with N in the network. */
  queueLength: number;
}

/**
 * Adds a station to a network whose throughput is `base` (X_S(n) for n = 0…N, or null for the empty
 * network). Demand in seconds, throughput in jobs per second.
 * Internal and unchecked: demand > 0, servers ≥ 1 and N ≥ 1 whole numbers are assumed (`mva` validates).
 * @example
 *   // one user, think 1 s, then a 1 s single server: X(1) = 1/(1 + 1) = 0.5 per second
 *   addStation(delayThroughput(1, 1), 1, 1, 1).throughput[1] // 0.5
 */
export function addStation(base: Float64Array | null, demand: number, servers: number, users: number): AddedStation {
  const out = new Float64Array(users + 1);
  const m = Math.min(servers, users);
  if (base === null) {
    // Alone in the network: all n jobs are at this station.
    for (let n = 1; n <= users; n++) out[n] = Math.min(n, m) / demand;
    return { throughput: out, queueLength: users };
  }
  const p = new Float64Array(m); // p(j|n) for j < m
  p[0] = 1;
  let tail = 0; // P(≥ m | n)
  let tailMean = 0; // Σ_{j≥m} j·p(j|n)
  for (let n = 1; n <= users; n++) {
    const x = base[n] as number;
    const dx = demand * x;
    const last = p[m - 1] as number;
    const uT = (dx / m) * (last + tail);
    const uM = (dx / m) * (m * last + tailMean + tail);
    let r = uT + (p[0] as number);
    for (let j = m - 1; j >= 1; j--) {
      const u = (dx / j) * (p[j - 1] as number);
      p[j] = u;
      r += u;
    }
    for (let j = 0; j < m; j++) p[j] = (p[j] as number) / r;
    tail = uT / r;
    tailMean = uM / r;
    out[n] = x / r;
  }
  let queueLength = tailMean;
  for (let j = 1; j < m; j++) queueLength += j * (p[j] as number);
  return { throughput: out, queueLength };
}

/**
 * Throughput X(n) = n/Z, n = 0…N, of a pure delay (infinite-server) stage with total demand Z seconds.
 * @example
 *   delayThroughput(2, 3) // Float64Array [0, 0.5, 1, 1.5]
 */
export function delayThroughput(delay: number, users: number): Float64Array {
  const out = new Float64Array(users + 1);
  for (let n = 1; n <= users; n++) out[n] = n / delay;
  return out;
}
