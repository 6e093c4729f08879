import { addStation, delayThroughput } from './flowEquivalent.js';
import { describe, requireInteger, requireNonNegative } from './validate.js';
import { InputError } from '../input-error.js';

/** One station of a closed network. */
export interface MvaStation {
  /** A label, echoed in the result. */
  name: string;
  /** D, total service demand per interaction at this station (visits × service time), seconds (≥ 0). */
  demandS: number;
  /** m, identical servers sharing one queue (whole number ≥ 1; default 1). Ignored for delay stations. */
  servers?: number;
  /** 'queue' (default): requests wait for one of m servers. 'delay': infinite servers, no waiting. */
  kind?: 'queue' | 'delay';
}

/** A closed, single-class, product-form network: N users who think for Z seconds between interactions. */
export interface MvaInput {
  /** N, number of users (whole number ≥ 1). */
  users: number;
  /** Z, mean think time between a response and the next request, seconds (≥ 0). */
  thinkTimeS: number;
  stations: readonly MvaStation[];
}

export interface MvaStationResult {
  name: string;
  kind: 'queue' | 'delay';
  /** m for a queueing station; null for a delay station. */
  servers: number | null;
  /** X·D/m, fraction of time each server is busy; null for a delay station (it has no servers to saturate). */
  utilization: number | null;
  /** Mean number of users at the station (waiting + in service). */
  queueLength: number;
  /** Mean time per interaction spent at the station (all visits), seconds. */
  residenceTime: number;
}

export interface MvaResult {
  users: number;
  /** X(N), interactions completed per second. */
  throughput: number;
  /** R(N) = N/X − Z, mean response time per interaction, seconds (= Σ residence times). */
  responseTime: number;
  stations: MvaStationResult[];
}

function checkInput(input: MvaInput): void {
  requireInteger('users', input.users, 1);
  requireNonNegative('think time (seconds)', input.thinkTimeS);
  if (!Array.isArray(input.stations) || input.stations.length === 0) {
    throw new InputError(`stations must be a non-empty list, got ${describe(input.stations)}`);
  }
  let total = input.thinkTimeS;
  input.stations.forEach((s, i) => {
    const where = `station ${i + 1} (${describe(s?.name)})`;
    requireNonNegative(`${where} demand (seconds)`, s?.demandS);
    if (s.kind !== undefined && s.kind !== 'queue' && s.kind !== 'delay') {
      throw new InputError(`${where} kind must be "queue" or "delay", got ${describe(s.kind)}`);
    }
    if (s.servers !== undefined) requireInteger(`${where} servers`, s.servers, 1);
    total += s.demandS;
  });
  if (!(total > 0)) {
    throw new InputError('think time plus total demand must be > 0 seconds (otherwise throughput is infinite)');
  }
}

/**
 * Exact Mean Value Analysis of a closed single-class product-form network with think time Z, single-server
 * and multi-server queueing stations (FCFS exponential or processor sharing) and delay stations
 * (Reiser & Lavenberg, "Mean-value analysis of closed multichain queuing networks", JACM 27(2), 1980;
 * Menascé, Almeida & Dowdy, "Performance by Design", 2004, on multi-server (load-dependent) devices):
 *
 *   single server:  R_k(n) = D_k·(1 + Q_k(n−1))
 *   delay:          R_k(n) = D_k
 *   m servers:      R_k(n) = (D_k/m)·(1 + Q_k(n−1) + Σ_{j=0}^{m−2} (m−1−j)·p_k(j|n−1))
 *   X(n) = n / (Z + Σ_k R_k(n)),   Q_k(n) = X(n)·R_k(n),   U_k = X·D_k/m
 *
 * The marginal probabilities p_k(j|n) of multi-server stations are where the textbook algorithm fails: it
 * computes p_k(0|n) = 1 − Σ_{j≥1} p_k(j|n), which cancels catastrophically once the station saturates (tools
 * report negative throughput at N ≈ 200–500). Here throughputs come from the stable ratio recursion in
 * `flowEquivalent.ts` (positive terms only), and each multi-server station's queue length from adding it
 * last to its complement network — no subtraction anywhere, exact up to rounding, stable at N ≥ 5 000.
 * Single-server stations use the MVA recursion above with that throughput; a multi-server station with
 * m ≥ N never queues and is exactly a delay. Cost O(N·(K + L·Σm)) for K stations, L of them multi-server.
 *
 * @param input N users, Z seconds, stations with demands in seconds
 * @returns throughput (per second), response time (seconds), per-station utilisation, queue length, residence
 * @throws {RangeError} if N is not a whole number ≥ 1, Z or a demand is not a finite number ≥ 0, servers is
 *   not a whole number ≥ 1, there are no stations, or Z plus all demands is 0
 * @example
 *   mva({ users: 3, thinkTimeS: 0, stations: [{ name: 'cpu', demandS: 1 }, { name: 'disk', demandS: 1 }] })
 *   // two balanced single servers: X(3) = 3/4 per s, R = 4 s, each queue 1.5 (by hand, Lazowska et al. ch. 6)
 */
export function mva(input: MvaInput): MvaResult {
  checkInput(input);
  const n = input.users;
  // Delay stations and think time merge into one infinite-server stage; so do m ≥ N stations.
  type Queueing = { index: number; demand: number; servers: number };
  const queueing: Queueing[] = [];
  let delay = input.thinkTimeS;
  input.stations.forEach((s, index) => {
    const servers = s.servers ?? 1;
    if (s.kind === 'delay' || servers >= n) delay += s.demandS;
    else if (s.demandS > 0) queueing.push({ index, demand: s.demandS, servers });
  });
  // Aggregate from the largest demand down, so D·X_S(n) stays ≤ n·(largest/smallest demand). Demands below
  // 1e-250 of the largest change nothing at double precision and would make that ratio overflow, so they
  // are left out of the aggregation (such a station never queues: R = D, Q = X·D; a delay stage is dropped).
  queueing.sort((a, b) => b.demand - a.demand);
  const largest = Math.max(queueing[0]?.demand ?? 0, delay);
  while (queueing.length > 0 && (queueing[queueing.length - 1] as Queueing).demand < largest * 1e-250) queueing.pop();
  const start = delay > 0 && delay >= largest * 1e-250 ? delayThroughput(delay, n) : null;
  const build = (skip: number): Float64Array | null => {
    let x = start;
    for (const q of queueing) if (q.index !== skip) x = addStation(x, q.demand, q.servers, n).throughput;
    return x;
  };
  const full = build(-1) as Float64Array; // at least one station or delay > 0, so not null
  const throughput = full[n] as number;

  const queueLength = new Map<number, number>();
  for (const q of queueing) {
    if (q.servers === 1) {
      let qn = 0;
      for (let k = 1; k <= n; k++) qn = q.demand * (full[k] as number) * (1 + qn);
      queueLength.set(q.index, qn);
    } else {
      queueLength.set(q.index, addStation(build(q.index), q.demand, q.servers, n).queueLength);
    }
  }

  let responseTime = 0;
  const stations = input.stations.map((s, index): MvaStationResult => {
    const isDelay = s.kind === 'delay';
    const servers = isDelay ? null : (s.servers ?? 1);
    const residenceTime = queueLength.has(index)
      ? (queueLength.get(index) as number) / throughput
      : s.demandS; // delays, m ≥ N, and zero-demand stations never wait
    responseTime += residenceTime;
    return {
      name: s.name,
      kind: isDelay ? 'delay' : 'queue',
      servers,
      utilization: servers === null ? null : (throughput * s.demandS) / servers,
      queueLength: queueLength.get(index) ?? throughput * s.demandS,
      residenceTime,
    };
  });
  return { users: n, throughput, responseTime, stations };
}
