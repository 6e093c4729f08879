/**
 * Independent references for the MVA tests, written without any of the engine's code or its method.
 *
 * 1. `ctmcSolve`: the network as a continuous-time Markov chain (a cyclic network — think → station 1 →
 *    … → think — where each station's service time is its demand, so each visit ratio is 1), solved for its
 *    stationary distribution by Gaussian elimination on the global-balance equations πQ = 0, Σπ = 1. No
 *    product form, no MVA: only for small N (states = C(N + K − 1, K − 1)).
 * 2. `logConvolution`: Buzen's convolution of normalising constants with load-dependent factors
 *    F_k(j) = D_kʲ / Πᵢ₌₁ʲ min(i, m_k), carried in log space (log-sum-exp) so nothing overflows at N = 1000;
 *    X = G(N−1)/G(N) and each station's marginal p_k(j|N) = F_k(j)·G_{−k}(N−j)/G(N) (Buzen 1973; Bruell &
 *    Balbo, "Computational Algorithms for Closed Queueing Networks", 1980). O(N²) per station.
 */
export interface RefStation {
  demand: number;
  servers: number; // Infinity for a delay station
}

export interface RefResult {
  throughput: number;
  queueLengths: number[];
}

/** Stationary solution of the cyclic CTMC; `stations[0]` may be the think stage (servers = Infinity). */
export function ctmcSolve(stations: RefStation[], users: number): RefResult {
  const k = stations.length;
  const states: number[][] = [];
  const build = (prefix: number[], left: number): void => {
    if (prefix.length === k - 1) {
      states.push([...prefix, left]);
      return;
    }
    for (let n = 0; n <= left; n++) build([...prefix, n], left - n);
  };
  build([], users);
  const index = new Map(states.map((s, i) => [s.join(','), i]));
  const size = states.length;
  const rate = (i: number, n: number): number => Math.min(n, stations[i]!.servers) / stations[i]!.demand;
  // Build Qᵀ (so we solve Qᵀπ = 0), replacing the last equation by Σπ = 1.
  const a = Array.from({ length: size }, () => new Float64Array(size + 1));
  states.forEach((s, from) => {
    for (let i = 0; i < k; i++) {
      if (s[i] === 0) continue;
      const r = rate(i, s[i]!);
      const next = [...s];
      next[i]! -= 1;
      next[(i + 1) % k]! += 1;
      const to = index.get(next.join(','))!;
      a[to]![from]! += r;
      a[from]![from]! -= r;
    }
  });
  for (let j = 0; j <= size; j++) a[size - 1]![j] = 1;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const row = a[col]!;
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / row[col]!;
      if (f === 0) continue;
      for (let j = col; j <= size; j++) a[r]![j]! -= f * row[j]!;
    }
  }
  const pi = states.map((_, i) => a[i]![size]! / a[i]![i]!);
  let throughput = 0;
  const queueLengths = new Array<number>(k).fill(0);
  states.forEach((s, i) => {
    throughput += pi[i]! * rate(0, s[0]!);
    for (let j = 0; j < k; j++) queueLengths[j]! += pi[i]! * s[j]!;
  });
  return { throughput, queueLengths };
}

function logFactors(station: RefStation, users: number): Float64Array {
  const out = new Float64Array(users + 1);
  for (let j = 1; j <= users; j++) out[j] = out[j - 1]! + Math.log(station.demand) - Math.log(Math.min(j, station.servers));
  return out;
}

function logSumExp(values: number[]): number {
  const max = Math.max(...values);
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (const v of values) s += Math.exp(v - max);
  return max + Math.log(s);
}

function convolve(a: Float64Array, b: Float64Array, users: number): Float64Array {
  const out = new Float64Array(users + 1);
  for (let n = 0; n <= users; n++) {
    const terms: number[] = [];
    for (let j = 0; j <= n; j++) terms.push(a[j]! + b[n - j]!);
    out[n] = logSumExp(terms);
  }
  return out;
}

/** Throughput and queue lengths by log-space convolution; every station (incl. think) in `stations`. */
export function logConvolution(stations: RefStation[], users: number): RefResult {
  const factors = stations.map((s) => logFactors(s, users));
  const without = (skip: number): Float64Array => {
    let g: Float64Array | null = null;
    factors.forEach((f, i) => {
      if (i !== skip) g = g === null ? f : convolve(g, f, users);
    });
    return g!;
  };
  const all = without(-1);
  const throughput = Math.exp(all[users - 1]! - all[users]!);
  const queueLengths = stations.map((_, i) => {
    const rest = without(i);
    let q = 0;
    for (let j = 1; j <= users; j++) q += j * Math.exp(factors[i]![j]! + rest[users - j]! - all[users]!);
    return q;
  });
  return { throughput, queueLengths };
}
