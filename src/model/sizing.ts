import { mapList, mapNumbers } from './lists.js';
import { mmcTimes } from './queueing/index.js';
import type { Station } from './stations.js';

/** The latency of one visit to a station with `instances` instances at `requestsPerS` end-to-end. */
export interface StationState {
  instances: number;
  /** Per-instance CPU utilisation, 0–1 (delay stations: 0, they have no shared CPU). */
  utilization: number;
  /** Visits per second reaching one instance. */
  arrivalPerInstancePerS: number;
  /**
   * The per-instance visit rate the latency is computed at: the actual rate, or for a tier the
   * autoscaler has grown past its minimum, the rate at which it adds the next instance (see `sizeStations`).
   */
  latencyArrivalPerInstancePerS: number;
  stable: boolean;
  /** Mean and percentile of one visit's response time, seconds; null when unstable. */
  meanS: number | null;
  percentileS: number | null;
  /** Contribution to the end-to-end percentile: ⌈visits⌉ × the visit percentile, seconds. */
  contributionS: number | null;
}

/**
 * Per-instance visit rate at which the autoscaler adds an instance: utilisation reaching the CPU
 * target (λ·s/v = target), or requests per target per minute reaching their cap, whichever comes first.
 */
export function scaleOutRate(station: Station): number {
  const byCpu = ((station.targetUtilization ?? 1) * station.serversPerInstance) / station.serviceTimeS;
  const byRequests = station.requestsPerTargetPerMin
    ? (station.requestsPerTargetPerMin / 60) * station.visitsPerRequest
    : Number.POSITIVE_INFINITY;
  return Math.min(byCpu, byRequests);
}

/**
 * One visit's mean and percentile response at a station, by the per-instance rate they were computed at: the
 * same M/M/c queue comes back hour after hour within one sizing (a grown tier's latency is taken at its fixed
 * scale-out rate in every hour it has grown), and its percentile is a root-find. One memo serves one percentile.
 */
export type LatencyMemo = Map<Station, Map<number, { meanS: number; percentileS: number }>>;

function queueLatency(station: Station, latencyRate: number, percentile: number, memo: LatencyMemo | undefined): { meanS: number; percentileS: number } {
  let byRate = memo?.get(station);
  const known = byRate?.get(latencyRate);
  if (known) return known;
  const latency = mmcTimes({ arrivalRate: latencyRate, serviceRate: 1 / station.serviceTimeS, servers: station.serversPerInstance }, percentile);
  if (memo) {
    if (!byRate) memo.set(station, (byRate = new Map()));
    byRate.set(latencyRate, latency);
  }
  return latency;
}

/**
 * One visit's response time at a station. Each instance is an M/M/v queue (v = vCPUs) fed an even
 * share of the arrivals (a Poisson stream split at random stays Poisson: Kleinrock vol. 1 §4.2);
 * delay stations (serverless) are M/M/∞, where the response is the service time itself.
 * With `atScaleOut`, the latency is taken at the rate where the autoscaler adds the next instance
 * (if that is above the actual rate): the busiest the tier gets before it grows.
 */
export function stationState(
  station: Station,
  requestsPerS: number,
  instances: number,
  percentile: number,
  atScaleOut = false,
  memo?: LatencyMemo,
): StationState {
  const visitRate = requestsPerS * station.visitsPerRequest;
  const perInstance = instances > 0 ? visitRate / instances : Number.POSITIVE_INFINITY;
  const s = station.serviceTimeS;
  const weight = Math.max(1, Math.ceil(station.visitsPerRequest - 1e-9));
  if (station.delay || visitRate === 0) {
    // M/M/∞ (or an idle queue): response = one exponential service time, P(T > t) = e^{−t/s}.
    const percentileS = -Math.log1p(-percentile / 100) * s;
    return {
      instances,
      utilization: 0,
      arrivalPerInstancePerS: perInstance === Number.POSITIVE_INFINITY ? 0 : perInstance,
      latencyArrivalPerInstancePerS: perInstance === Number.POSITIVE_INFINITY ? 0 : perInstance,
      stable: true,
      meanS: s,
      percentileS,
      contributionS: weight * percentileS,
    };
  }
  const utilization = (perInstance * s) / station.serversPerInstance;
  if (!(utilization < 1)) {
    return {
      instances,
      utilization,
      arrivalPerInstancePerS: perInstance,
      latencyArrivalPerInstancePerS: perInstance,
      stable: false,
      meanS: null,
      percentileS: null,
      contributionS: null,
    };
  }
  const latencyRate = atScaleOut ? Math.max(perInstance, scaleOutRate(station)) : perInstance;
  const { meanS, percentileS } = queueLatency(station, latencyRate, percentile, memo);
  return {
    instances,
    utilization,
    arrivalPerInstancePerS: perInstance,
    latencyArrivalPerInstancePerS: latencyRate,
    stable: true,
    meanS,
    percentileS,
    contributionS: weight * percentileS,
  };
}

/** Why a station has the instance count it has. */
export type SizingReason = 'fixed' | 'minimum' | 'utilization' | 'requests-per-target' | 'latency' | 'maximum';

export interface StationSizing {
  station: Station;
  state: StationState;
  reason: SizingReason;
  /** Unstable, or at its maximum and still over its utilisation cap (fixed stations: the CPU alert threshold). */
  exhausted: boolean;
}

export interface SizingResult {
  stations: StationSizing[];
  /** End-to-end latency percentile in seconds (overhead + Σ contributions); null when a station is unstable. */
  percentileS: number | null;
  /** End-to-end mean in seconds: overhead + Σ visits × mean visit response; null when unstable. */
  meanS: number | null;
  latencyPass: boolean;
}

export interface SizingTargets {
  /** Percentile of the latency SLO (95 = P95). */
  percentile: number;
  targetS: number;
  /** Fixed latency outside the modelled stations, seconds. */
  overheadS: number;
  /** CPU cap for fixed stations (the alert threshold), fraction. */
  fixedUtilizationCap: number;
}

/** Fewest instances in [min, max] that keep utilisation ≤ the target and requests per target under the cap. */
export function sizeForLoad(station: Station, requestsPerS: number): { instances: number; reason: SizingReason } {
  const visitRate = requestsPerS * station.visitsPerRequest;
  const cap = station.targetUtilization ?? 1;
  const byCpu = Math.ceil((visitRate * station.serviceTimeS) / (station.serversPerInstance * cap) - 1e-9);
  const byRequests = station.requestsPerTargetPerMin
    ? Math.ceil((requestsPerS * 60) / station.requestsPerTargetPerMin - 1e-9)
    : 0;
  const wanted = Math.max(byCpu, byRequests);
  if (wanted <= station.minInstances) return { instances: station.minInstances, reason: 'minimum' };
  if (wanted > station.maxInstances) return { instances: station.maxInstances, reason: 'maximum' };
  return { instances: wanted, reason: byCpu >= byRequests ? 'utilization' : 'requests-per-target' };
}

/** Instances per station by the autoscaler's rule alone (fixed stations keep their count). */
export function instancesForLoad(stations: readonly Station[], requestsPerS: number): number[] {
  return mapNumbers(stations, (station) => (station.autoscaled ? sizeForLoad(station, requestsPerS).instances : station.minInstances));
}

/**
 * Where the one-instance-at-a-time loop of `sizeStations` stops adding to station `best`: the first count n past
 * its current one at which the end-to-end percentile passes, the station reaches its maximum, or another station
 * contributes more (the loop's own choice: the first largest contribution wins). Each of the three turns from
 * "go on" to "stop" once and stays there as n grows — the station's contribution falls as its per-instance rate
 * λ/n falls, and the total is a sum taken in a fixed order — so a galloping then binary search lands on the n the
 * loop would reach, with the same state, in O(log n) latency evaluations instead of one per instance (a tier
 * hundreds of instances wide under a tight SLO took hundreds).
 * `hint`, a guess at n (./plan.ts sizes a day's hours from the busiest down and scales the count a busier hour
 * reached), is tried first: where the run stops at or just below it, the search takes two or three evaluations
 * from there. Any start finds the same n, since each condition turns once.
 */
function latencyRun(
  stations: readonly Station[],
  states: StationState[],
  best: number,
  requestsPerS: number,
  targets: SizingTargets,
  total: () => { percentileS: number | null },
  memo: LatencyMemo | undefined,
  hint: number | undefined,
): StationState {
  const station = stations[best]!;
  const contribution = (state: StationState): number => state.contributionS ?? Number.POSITIVE_INFINITY;
  let before = -1;
  let after = -1;
  for (let i = 0; i < stations.length; i++) {
    const other = stations[i]!;
    const state = states[i]!;
    if (i === best || !other.autoscaled || state.instances >= other.maxInstances) continue;
    if (i < best) before = Math.max(before, contribution(state));
    else after = Math.max(after, contribution(state));
  }
  const current = states[best]!;
  const tried = new Map<number, StationState>();
  const stateAt = (n: number): StationState => {
    let state = tried.get(n);
    if (!state) {
      state = stationState(station, requestsPerS, n, targets.percentile, false, memo);
      tried.set(n, state);
    }
    return state;
  };
  // Would the loop add another instance to this station once it runs n?
  const goesOn = (n: number): boolean => {
    if (n >= station.maxInstances) return false;
    const state = stateAt(n);
    const own = contribution(state);
    if (!(own > before && own >= after)) return false;
    states[best] = state;
    const { percentileS } = total();
    states[best] = current;
    return percentileS === null || percentileS >= targets.targetS;
  };
  // goesOn(lo) holds (lo = the current count stands for it: the loop chose this station), goesOn(hi) does not.
  let lo = current.instances;
  let hi = -1;
  if (hint !== undefined && hint > lo + 1) {
    if (goesOn(hint)) lo = hint;
    else {
      // Down from the hint, by steps that double, to a count where the loop still goes on.
      hi = hint;
      for (let step = 1; hi - step > lo; step *= 2) {
        if (goesOn(hi - step)) {
          lo = hi - step;
          break;
        }
        hi -= step;
      }
    }
  }
  if (hi < 0) {
    let step = 1;
    hi = Math.min(lo + step, station.maxInstances);
    while (goesOn(hi)) {
      lo = hi;
      step *= 2;
      hi = Math.min(lo + step, station.maxInstances);
    }
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (goesOn(mid)) lo = mid;
    else hi = mid;
  }
  return stateAt(hi);
}

/**
 * Sizes every station for a request rate: first each autoscaled station by its utilisation target
 * (what the autoscaler does), then, while the end-to-end percentile is not strictly under the SLO,
 * one more instance for the autoscaled station that contributes most, until all are at their maximum
 * (`latencyRun` finds where a run of such steps on one station ends without taking them one by one;
 * `hint`, a guess at each station's count, only tells it where to look first).
 *
 * End-to-end percentile = overhead + Σ ⌈visits⌉ × (visit percentile). For the right-skewed,
 * exponential-tailed delays of M/M/c queues, the sum of upper percentiles (p ≥ 90) is at least the
 * percentile of the sum, so the estimate errs on the safe side (test/model/plan.test.ts checks this
 * against a seeded Monte Carlo of independent sojourn times).
 */
export function sizeStations(stations: readonly Station[], requestsPerS: number, targets: SizingTargets, memo?: LatencyMemo, hint?: readonly number[]): SizingResult {
  const counts = mapList(stations, (station) =>
    station.autoscaled ? sizeForLoad(station, requestsPerS) : { instances: station.minInstances, reason: 'fixed' as SizingReason },
  );
  // A tier the autoscaler has grown runs anywhere up to its scale-out point between two scale-outs:
  // its latency is taken there, so the reported latency never falls as users grow.
  const states = mapList(stations, (station, i) => {
    const { instances, reason } = counts[i]!;
    const grown = reason === 'utilization' || reason === 'requests-per-target';
    return stationState(station, requestsPerS, instances, targets.percentile, grown, memo);
  });

  const total = () => {
    let percentileS = targets.overheadS;
    let meanS = targets.overheadS;
    // Indexed loops here and below: `entries()` allocates a pair per step, and this runs at every step of a search.
    for (let i = 0; i < states.length; i++) {
      const state = states[i]!;
      if (state.contributionS === null || state.meanS === null) return { percentileS: null, meanS: null };
      percentileS += state.contributionS;
      meanS += state.meanS * stations[i]!.visitsPerRequest;
    }
    return { percentileS, meanS };
  };

  let latency = total();
  while (latency.percentileS === null || latency.percentileS >= targets.targetS) {
    let best = -1;
    let bestContribution = -1;
    for (let i = 0; i < stations.length; i++) {
      const station = stations[i]!;
      const state = states[i]!;
      if (!station.autoscaled || state.instances >= station.maxInstances) continue;
      const contribution = state.contributionS ?? Number.POSITIVE_INFINITY;
      if (contribution > bestContribution) {
        best = i;
        bestContribution = contribution;
      }
    }
    if (best < 0) break;
    const reached = latencyRun(stations, states, best, requestsPerS, targets, total, memo, hint?.[best]);
    counts[best] = { instances: reached.instances, reason: 'latency' };
    states[best] = reached;
    latency = total();
  }

  const latencyPass = latency.percentileS !== null && latency.percentileS < targets.targetS;
  return {
    stations: mapList(stations, (station, i) => {
      const state = states[i]!;
      const cap = station.autoscaled ? (station.targetUtilization ?? 1) : targets.fixedUtilizationCap;
      const overCap = !station.delay && state.utilization > cap + 1e-12;
      const atMax = state.instances >= station.maxInstances;
      return {
        station,
        state,
        reason: counts[i]!.reason,
        exhausted: !state.stable || (atMax && overCap),
      };
    }),
    percentileS: latency.percentileS,
    meanS: latency.meanS,
    latencyPass,
  };
}

