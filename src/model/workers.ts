import type { Component, FormulaScope } from './catalog-types.js';
import { evaluateAmount } from './cost.js';
import { InputError } from './input-error.js';
import { mapList } from './lists.js';
import { mmcTimes } from './queueing/index.js';
import { sizeForLoad, type SizingReason, type StationSizing, type StationState } from './sizing.js';
import type { Station } from './stations.js';

/**
 * Background workers: pools fed by a queue (SQS, EventBridge → Lambda) with the events API requests emit.
 * They are off the request path — a user does not wait for them — so they are sized by their own arrival
 * rate and utilisation target, and their queue delay is reported beside the request latency, never added to it.
 */

/** A worker tier's queue at one load. */
export interface WorkerQueue {
  /** Events one API request puts on the queue (mean). */
  eventsPerRequest: number;
  /** λ = requests/s × events per request: events per second reaching the tier. */
  arrivalPerS: number;
  /** Seconds one event holds one server: the vCPU demand ÷ the server's speed (serverless: its duration). */
  serviceTimeS: number;
  /** λ·S, the servers busy on average: a serverless tier's concurrent executions (M/M/∞), a pool's offered load. */
  concurrency: number;
  /** Servers of the one shared queue, instances × servers per instance; null for serverless (one environment per event). */
  servers: number | null;
  /** Mean time an event waits before a server takes it, seconds (serverless: 0); null when the queue is unstable. */
  meanWaitS: number | null;
  /** The wait at `percentile` (Erlang C tail), seconds; null when unstable. */
  percentileWaitS: number | null;
  percentile: number;
}

/** A worker station sized at one load, with its queue. */
export interface WorkerSizing extends StationSizing {
  queue: WorkerQueue;
}

const isWorker = (component: Component): boolean => component.serves.includes('worker') && component.worker !== undefined;

function evaluated(component: Component, field: string, amount: Parameters<typeof evaluateAmount>[0], scope: FormulaScope, positive: boolean): number {
  const value = evaluateAmount(amount, scope);
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new InputError(`component ${component.id}: worker.${field} evaluates to ${value}; it must be a finite number ${positive ? '> 0' : '≥ 0'}`);
  }
  return value;
}

/**
 * One station per worker component (serves [worker] with a `worker:` queue). Events per request and seconds
 * per event may be formulas over the workload scope. As on the request path, an instance with v vCPUs is
 * c = max(1, ⌊v⌋) servers at v/c of a vCPU each; serverless workers are delay stations.
 * @throws InputError when events per request or seconds per event do not evaluate to a usable number
 */
export function buildWorkerStations(components: readonly Component[], scope: FormulaScope, fixedCount: (component: Component) => number): Station[] {
  const stations: Station[] = [];
  for (const component of components) {
    if (!isWorker(component)) continue;
    const delay = component.kind === 'serverless';
    if (!component.instance && !delay) continue;
    const spec = component.worker!;
    const eventsPerRequest = evaluated(component, 'events_per_request', spec.eventsPerRequest, scope, false);
    const secondsPerEvent = evaluated(component, 'seconds_per_event', spec.secondsPerEvent, scope, true);
    const vcpus = component.instance?.vcpus ?? 1;
    const serversPerInstance = Math.max(1, Math.floor(vcpus));
    const speed = delay ? 1 : vcpus / serversPerInstance;
    const scaling = component.count.kind === 'autoscaled' && !delay ? component.count : undefined;
    const fixed = scaling ? 0 : fixedCount(component);
    stations.push({
      id: component.id,
      component,
      roles: ['worker'],
      vcpus,
      serversPerInstance,
      visitsPerRequest: eventsPerRequest,
      serviceTimeS: secondsPerEvent / speed,
      delay,
      minInstances: scaling ? scaling.min : fixed,
      maxInstances: scaling ? scaling.max : fixed,
      autoscaled: scaling !== undefined,
      targetUtilization: scaling?.targetUtilization,
    });
  }
  return stations;
}

/**
 * A worker tier's queue with `instances` instances at `requestsPerS` API requests per second.
 * - A pool pulls from one shared queue, so it is one M/M/c queue with c = instances × servers per instance
 *   (not c separate queues as behind a load balancer): W_q = C(c, λS)/(cμ − λ) and
 *   P(W_q > t) = C·e^{−(cμ−λ)t} (Kleinrock vol. 1 §3.5; Gross et al., 4th ed., §2.3).
 * - A serverless worker is M/M/∞: every event gets its own execution environment at once, no wait, and
 *   the concurrent executions are λ·S (Little's law; AWS Lambda developer guide, "Understanding Lambda
 *   function scaling": concurrency = requests per second × duration).
 */
export function workerState(station: Station, requestsPerS: number, instances: number, percentile: number): { state: StationState; queue: WorkerQueue } {
  const s = station.serviceTimeS;
  const lambda = requestsPerS * station.visitsPerRequest;
  const concurrency = lambda * s;
  const perInstance = instances > 0 ? lambda / instances : 0;
  const servers = station.delay ? null : instances * station.serversPerInstance;
  const idle = station.delay || lambda === 0;
  // Each object is one literal: V8 takes microseconds to add names to a spread copy, and this runs for every worker
  // tier at every step of a headroom search.
  const queueWith = (meanWaitS: number | null, percentileWaitS: number | null): WorkerQueue => ({
    eventsPerRequest: station.visitsPerRequest,
    arrivalPerS: lambda,
    serviceTimeS: s,
    concurrency,
    servers,
    meanWaitS,
    percentileWaitS,
    percentile,
  });
  const stateWith = (utilization: number, stable: boolean, meanS: number | null, percentileS: number | null): StationState => ({
    instances,
    arrivalPerInstancePerS: perInstance,
    latencyArrivalPerInstancePerS: perInstance,
    contributionS: null,
    utilization,
    stable,
    meanS,
    percentileS,
  });
  if (idle) {
    // No wait: the sojourn is one exponential service time, P(T > t) = e^{−t/S}.
    return { state: stateWith(0, true, s, -Math.log1p(-percentile / 100) * s), queue: queueWith(0, 0) };
  }
  const utilization = servers! > 0 ? concurrency / servers! : Number.POSITIVE_INFINITY;
  if (!(utilization < 1)) return { state: stateWith(utilization, false, null, null), queue: queueWith(null, null) };
  // One Erlang C for the means and both percentiles (a pool can be hundreds of servers wide).
  const times = mmcTimes({ arrivalRate: lambda, serviceRate: 1 / s, servers: servers! }, percentile);
  return { state: stateWith(utilization, true, times.meanS, times.percentileS), queue: queueWith(times.meanWaitS, times.waitPercentileS) };
}

/** Instances of an autoscaled worker pool at a load: the fewest within min/max with λ·S/c ≤ its CPU target. */
export function workerInstances(station: Station, requestsPerS: number): { instances: number; reason: SizingReason } {
  return station.autoscaled ? sizeForLoad(station, requestsPerS) : { instances: station.minInstances, reason: 'fixed' };
}

/**
 * Sizes each worker tier at a load. A tier at its maximum still over its cap (the scaling target; a fixed
 * tier's cap is the CPU alert), or unstable, is exhausted, as on the request path.
 */
export function sizeWorkers(stations: readonly Station[], requestsPerS: number, percentile: number, fixedUtilizationCap: number): WorkerSizing[] {
  return mapList(stations, (station) => {
    const { instances, reason } = workerInstances(station, requestsPerS);
    const { state, queue } = workerState(station, requestsPerS, instances, percentile);
    const cap = station.autoscaled ? (station.targetUtilization ?? 1) : fixedUtilizationCap;
    const overCap = !station.delay && state.utilization > cap + 1e-12;
    return { station, state, queue, reason, exhausted: !state.stable || (instances >= station.maxInstances && overCap) };
  });
}
