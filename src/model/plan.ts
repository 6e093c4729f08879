import { phaseAvailability, type AvailabilityResult } from './availability.js';
import type { Catalog, Component, FormulaScope, Phase, Quantity, Tier } from './catalog-types.js';
import { capacityChecks, connectionOccupancy, latencyCheck, steadyChecks, type Check } from './checks.js';
import { evaluateAmount } from './cost.js';
import { DEFAULT_FAILURE_MODEL } from './failure-model.js';
import { capacityFindings, isFailing } from './findings.js';
import { InputError } from './input-error.js';
import { cacheMemory, cacheWorkingSetGb, memoryRows, visitsWithHitRatio, type CacheMemory, type MemoryRow } from './memory.js';
import { mapList, mapNumbers } from './lists.js';
import { instancesForLoad, sizeStations, type LatencyMemo, type SizingResult, type SizingTargets, type StationSizing } from './sizing.js';
import { buildStations, type Station } from './stations.js';
import type { Thresholds } from './thresholds.js';
import { buildWorkerStations, sizeWorkers, workerInstances, type WorkerQueue, type WorkerSizing } from './workers.js';
import { assumed, assumptionsFor, workloadAt, type WorkloadAt } from './workload.js';

export { thresholdsOf, type Thresholds } from './thresholds.js';
export type { Check } from './checks.js';

/** One station's instances over the day and its state at the peak hour. */
export interface TierPlan {
  id: string;
  component: string;
  roles: readonly Tier[];
  autoscaled: boolean;
  /** Serverless: no shared queue, every request served at once (M/M/∞). */
  delay: boolean;
  /** `hourly`: instances running in each hour of the daily profile; `average` is their mean. */
  instances: { min: number; max: number; peak: number; average: number; hourly: readonly number[] };
  vcpusPerInstance: number;
  /** Servers of one instance's M/M/c queue (whole vCPUs, at least one). */
  serversPerInstance: number;
  /** False when the offered load is past the tier's vCPUs: no steady state, so no utilisation or latency. */
  stable: boolean;
  /** At the peak hour: the offered load over the vCPUs (past 1 when unstable). */
  utilization: number;
  arrivalPerInstancePerS: number;
  /** The per-instance visit rate the latency is computed at (≥ the actual rate, see `stationState`). */
  latencyArrivalPerInstancePerS: number;
  /** True when latency is taken at the autoscaler's scale-out point rather than the actual load. */
  latencyAtScaleOut: boolean;
  visitsPerRequest: number;
  /** The autoscaling rule's cap on requests per instance per minute, when the catalog sets one. */
  requestsPerTargetPerMin?: number;
  /** Service time of one visit on one vCPU, seconds. */
  serviceTimeS: number;
  meanMs: number | null;
  percentileMs: number | null;
  contributionMs: number | null;
  reason: StationSizing['reason'];
  exhausted: boolean;
  /** Database stations: connections in use per instance at the peak (Little's law) over the pool size. */
  connectionOccupancy: number | null;
  /** Worker tiers (off the request path): their queue at the peak hour; null on the request path. */
  worker: WorkerQueue | null;
}

/** What a component runs hour by hour: what pricing multiplies by hours and (later) splits into reserved and on-demand. */
export interface ComponentPlan {
  component: Component;
  /** Instances running in each hour of the daily profile (constant for fixed components). */
  hourly: readonly number[];
  peak: number;
}

/**
 * A phase sized at N users: hour by hour instances, utilisation and latency per station, availability and
 * the checks against SLOs and alert thresholds. No prices: `pricePlan` prices a plan with any book.
 */
export interface Plan {
  phase: Phase;
  users: number;
  hoursPerMonth: number;
  workload: WorkloadAt;
  tiers: TierPlan[];
  components: ComponentPlan[];
  /** Workload variables every formula sees (assumptions, users, request rates); per-component counts are added by `componentScope`. */
  scope: FormulaScope;
  latency: { percentile: number; valueMs: number | null; meanMs: number | null; targetMs: number; pass: boolean };
  availability: AvailabilityResult;
  /** Memory at the peak hour: the cache's working set and hit ratio, and each tier's memory per instance. */
  memory: { cache: CacheMemory | null; tiers: MemoryRow[] };
  checks: Check[];
}

interface Context {
  catalog: Catalog;
  phase: Phase;
  assumptions: Readonly<Record<string, Quantity>>;
  thresholds: Thresholds;
}

/** The workload's variables in every scope, after the assumptions (a same-named assumption is replaced). */
const WORKLOAD_VARIABLES = [
  'cache_hit_ratio',
  'users',
  'daily_active_users',
  'monthly_active_minutes',
  'concurrent_users',
  'requests_per_s',
  'avg_requests_per_s',
  'monthly_requests',
  'hours_per_month',
] as const;

/** A component's own variables, which `componentScope` sets for each component priced. */
const COMPONENT_VARIABLES = ['instances', 'peak_instances', 'instance_hours', 'nodes', 'node_hours'] as const;

/**
 * Templates for objects with a source's keys, in order, then `extra`'s, each NaN until a value is written: the
 * doubles keep V8 from changing a field's representation later. A scope is a copy of one with the values written
 * in: built key by key, an object of this many keys (~45) turns into a dictionary, a copy of which costs ~8 µs
 * against ~0.1 µs, and adding a key to a copy of a big object costs ~4 µs. The last template is kept: the plans of
 * a sweep, a search or a Monte Carlo share their names.
 */
function shapeCache(extra: readonly string[]): (source: object) => Record<string, number> {
  let names: readonly string[] = [];
  let template: Record<string, number> | undefined;
  return (source) => {
    if (template !== undefined) {
      let i = 0;
      let same = true;
      for (const name in source) if (names[i++] !== name) same = false;
      if (same && i === names.length) return template;
    }
    names = Object.keys(source);
    template = Object.fromEntries([...names, ...extra].map((name) => [name, Number.NaN]));
    return template;
  };
}

const scopeShape = shapeCache(WORKLOAD_VARIABLES);
const pricingShape = shapeCache(COMPONENT_VARIABLES);

/** A copy of the plan's scope with room for each component's own variables: the one `componentScope` refills. */
export const pricingScope = (plan: Pick<Plan, 'scope'>): Record<string, number> => Object.assign({ ...pricingShape(plan.scope) }, plan.scope);

function baseScope(ctx: Context, workload: WorkloadAt): Record<string, number> {
  const scope = { ...scopeShape(ctx.assumptions) };
  for (const name in ctx.assumptions) scope[name] = ctx.assumptions[name]!.value;
  // A phase with no cache cuts no reads: formulas that read the ratio see the one in force.
  scope.cache_hit_ratio = workload.cacheHitRatio;
  scope.users = workload.users;
  scope.daily_active_users = workload.dailyActiveUsers;
  scope.monthly_active_minutes = workload.monthlyActiveMinutes;
  scope.concurrent_users = workload.concurrentUsers;
  scope.requests_per_s = workload.peakRequestsPerS;
  scope.avg_requests_per_s = workload.avgRequestsPerS;
  scope.monthly_requests = workload.monthlyRequests;
  scope.hours_per_month = ctx.catalog.hoursPerMonth;
  return scope;
}

function fixedCountFor(scope: FormulaScope) {
  return (component: Component): number => {
    if (component.count.kind !== 'fixed') return component.count.min;
    const value = evaluateAmount(component.count.count, scope);
    if (!Number.isFinite(value) || value < 0) {
      throw new InputError(`component ${component.id}: its count evaluates to ${value}; a count must be a whole number ≥ 0`);
    }
    return Math.ceil(value - 1e-9);
  };
}

function sizingTargets(ctx: Context): SizingTargets {
  const { latency } = ctx.phase.slo;
  return {
    percentile: latency.percentile,
    targetS: latency.targetMs / 1000,
    overheadS: assumed(ctx.assumptions, 'network_overhead_ms') / 1000,
    fixedUtilizationCap: ctx.thresholds.cpuUtilization,
  };
}

function contextFor(catalog: Catalog, phase: Phase, thresholds: Thresholds): Context {
  return { catalog, phase, assumptions: assumptionsFor(catalog, phase), thresholds };
}

/** The request path sized at the peak hour, after the cache: what every sizing starts from. */
interface PeakPath {
  scope: Record<string, number>;
  fixedCount: (component: Component) => number;
  stations: Station[];
  sizing: SizingResult;
  cache: CacheMemory | null;
  targets: SizingTargets;
}

/** The peak path, then the worker tiers, memory and the capacity checks on them. */
interface PeakModel extends PeakPath {
  workerStations: Station[];
  workers: WorkerSizing[];
  memory: MemoryRow[];
  checks: Check[];
}

/**
 * Sizes a phase's request path at the peak hour. The cache's working set is set against its memory first: the hit
 * ratio that follows decides the database's reads (and replaces `cache_hit_ratio` in the formulas' scope, so
 * read-priced lines bill the same misses). Hot users are the concurrent users at the peak (see cacheWorkingSetGb).
 */
function peakPath(ctx: Context, workload: WorkloadAt, memo?: LatencyMemo): PeakPath {
  const scope = baseScope(ctx, workload);
  const fixedCount = fixedCountFor(scope);
  const cache = cacheMemory(ctx.phase.components, ctx.assumptions, workload.concurrentUsers, fixedCount);
  const visits = cache ? visitsWithHitRatio(workload.visits, cache.effectiveHitRatio) : workload.visits;
  if (cache) scope.cache_hit_ratio = cache.effectiveHitRatio;
  const targets = sizingTargets(ctx);
  const stations = buildStations(ctx.phase.components, visits, ctx.assumptions, fixedCount);
  const sizing = sizeStations(stations, workload.peakRequestsPerS, targets, memo);
  return { scope, fixedCount, stations, sizing, cache, targets };
}

/** Everything sized at the peak hour: the request path, worker tiers, memory and the capacity checks on them. */
function peakModel(ctx: Context, workload: WorkloadAt, memo?: LatencyMemo): PeakModel {
  const { scope, fixedCount, stations, sizing, cache, targets } = peakPath(ctx, workload, memo);
  const workerStations = buildWorkerStations(ctx.phase.components, scope, fixedCount);
  const workers = sizeWorkers(workerStations, workload.peakRequestsPerS, targets.percentile, ctx.thresholds.cpuUtilization);
  const memory = memoryRows(sizing, ctx.assumptions, cache, cacheWorkingSetGb(ctx.assumptions, workload.concurrentUsers), targets.overheadS);
  const checks = capacityChecks(ctx.phase, sizing, ctx.thresholds, { workers, memory });
  // Field by field: V8 took ~6 µs to add these names to a spread copy of the peak path (whose `fixedCount` is a new
  // closure each time), against ~30 ns for the literal; this runs at every step of a headroom search.
  return { scope, fixedCount, stations, sizing, cache, targets, workerStations, workers, memory, checks };
}

export interface CapacityVerdict {
  /** Every capacity check passes at the peak hour (no `fail` capacity finding). */
  ok: boolean;
  /** Names of the checks that fail, then `<tier> exhausted` for each exhausted tier. */
  failing: string[];
}

function capacityVerdict({ checks, sizing, workers }: PeakModel): CapacityVerdict {
  const sized: StationSizing[] = [...sizing.stations, ...workers];
  const findings = capacityFindings(checks, sized.map(({ station, state, exhausted }) => ({ id: station.id, exhausted, peak: state.instances, max: station.maxInstances })));
  const failing = checks.filter((check) => !check.pass).map((check) => check.name);
  for (const s of sized) if (s.exhausted) failing.push(`${s.station.id} exhausted`);
  return { ok: !findings.some(isFailing), failing };
}

/** The capacity verdict at the peak hour only: what headroom searches and phase selection need. */
export function capacityAt(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds): CapacityVerdict {
  const ctx = contextFor(catalog, phase, thresholds);
  return capacityVerdict(peakModel(ctx, workloadAt(catalog, phase, users)));
}

/** Instances per station in each hour of the daily profile. */
function hourlyCounts(stations: readonly Station[], workload: WorkloadAt, targets: SizingTargets, peak: SizingResult, memo: LatencyMemo): number[][] {
  // Latency never falls as load grows (a grown tier's latency is taken at its scale-out point), so once a rate
  // needs no instance for latency's sake, no quieter rate does: the hours' rates are sized from the busiest down,
  // in full while latency adds instances, then by the autoscaler's rule alone. Each rate is sized once, and the
  // peak hour's is the peak's own.
  // The busier rate sized last tells the latency search where to look first (`sizeStations`' hint): a station's
  // count scaled by the rates, which keeps its per-instance load, and so its latency, where they were; a station at
  // its maximum is guessed to stay there.
  let busier = { rate: workload.peakRequestsPerS, counts: mapNumbers(peak.stations, (s) => s.state.instances) };
  const byRate = new Map<number, number[]>([[busier.rate, busier.counts]]);
  let latencyBound = peak.stations.some((s) => s.reason === 'latency');
  const rates = [...new Set(workload.hours.map((hour) => hour.requestsPerS))].sort((a, b) => b - a);
  for (const rate of rates) {
    if (byRate.has(rate)) continue;
    if (latencyBound) {
      const scale = rate / busier.rate;
      const hint = mapNumbers(busier.counts, (n, i) => (n === stations[i]!.maxInstances ? n : Math.ceil(n * scale)));
      const sized = sizeStations(stations, rate, targets, memo, hint).stations;
      latencyBound = sized.some((s) => s.reason === 'latency');
      busier = { rate, counts: mapNumbers(sized, (s) => s.state.instances) };
      byRate.set(rate, busier.counts);
    } else {
      byRate.set(rate, instancesForLoad(stations, rate));
    }
  }
  const hours = mapList(workload.hours, (hour) => byRate.get(hour.requestsPerS)!);
  return mapList(stations, (_, i) => mapNumbers(hours, (hour) => hour[i]!));
}

function tierPlan(sized: StationSizing | WorkerSizing, hourly: readonly number[]): TierPlan {
  const { station, state } = sized;
  return {
    id: station.id,
    component: station.component.id,
    roles: station.roles,
    autoscaled: station.autoscaled,
    delay: station.delay,
    instances: {
      min: station.minInstances,
      max: station.maxInstances,
      peak: state.instances,
      average: hourly.reduce((a, b) => a + b, 0) / hourly.length,
      hourly,
    },
    vcpusPerInstance: station.vcpus,
    serversPerInstance: station.serversPerInstance,
    stable: state.stable,
    utilization: state.utilization,
    arrivalPerInstancePerS: state.arrivalPerInstancePerS,
    latencyArrivalPerInstancePerS: state.latencyArrivalPerInstancePerS,
    latencyAtScaleOut: state.latencyArrivalPerInstancePerS > state.arrivalPerInstancePerS,
    visitsPerRequest: station.visitsPerRequest,
    requestsPerTargetPerMin: station.requestsPerTargetPerMin,
    serviceTimeS: station.serviceTimeS,
    meanMs: state.meanS === null ? null : state.meanS * 1000,
    percentileMs: state.percentileS === null ? null : state.percentileS * 1000,
    contributionMs: state.contributionS === null ? null : state.contributionS * 1000,
    reason: sized.reason,
    exhausted: sized.exhausted,
    connectionOccupancy: connectionOccupancy(sized),
    worker: 'queue' in sized ? sized.queue : null,
  };
}

/** What every sizing of a phase at N users computes: the workload, the peak's request path, each component's hours. */
interface DayModel {
  ctx: Context;
  workload: WorkloadAt;
  peak: PeakPath;
  /** The peak with its worker queues, memory and capacity checks, when asked for (`sizePlan`). */
  model: PeakModel | undefined;
  /** Instances per request-path station, then per worker station, in each hour. */
  hourly: number[][];
  workerStations: Station[];
  /** Instances at the peak hour per request-path station, then per worker station. */
  peaks: number[];
  components: ComponentPlan[];
  availability: AvailabilityResult;
}

function dayModel(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds, full: boolean): DayModel {
  const ctx = contextFor(catalog, phase, thresholds);
  const workload = workloadAt(catalog, phase, users);
  const memo: LatencyMemo = new Map();
  const model = full ? peakModel(ctx, workload, memo) : undefined;
  const peak = model ?? peakPath(ctx, workload, memo);
  const { scope, fixedCount, stations } = peak;
  const workerStations = model?.workerStations ?? buildWorkerStations(phase.components, scope, fixedCount);
  // A worker tier is sized by its own arrival rate in every hour; latency never asks it for more.
  const hourly = [
    ...hourlyCounts(stations, workload, peak.targets, peak.sizing, memo),
    ...mapList(workerStations, (station) => mapNumbers(workload.hours, (hour) => workerInstances(station, hour.requestsPerS).instances)),
  ];
  const peaks = [...mapNumbers(peak.sizing.stations, (s) => s.state.instances), ...mapNumbers(workerStations, (station) => workerInstances(station, workload.peakRequestsPerS).instances)];
  const owners = mapList([...stations, ...workerStations], (station) => station.component.id);

  // An autoscaled component runs what its (first) station runs; any other runs its count all day.
  const components = mapList(phase.components, (component): ComponentPlan => {
    const own = owners.indexOf(component.id);
    if (own >= 0 && component.count.kind === 'autoscaled') return { component, hourly: hourly[own]!, peak: peaks[own]! };
    const count = component.database ? 1 + component.database.readers : fixedCount(component);
    return { component, hourly: mapNumbers(workload.hours, () => count), peak: count };
  });

  const availability = phaseAvailability(phase, {
    countAtFloor: (component) => (component.count.kind === 'autoscaled' ? component.count.min : fixedCount(component)),
    hoursPerMonth: catalog.hoursPerMonth,
    model: catalog.availabilityModel ?? DEFAULT_FAILURE_MODEL,
    defaultRegion: phase.regions?.find((r) => r.role === 'primary')?.id ?? catalog.region ?? 'primary',
  });
  return { ctx, workload, peak, model, hourly, workerStations, peaks, components, availability };
}

function latencyOf(phase: Phase, sizing: SizingResult): Plan['latency'] {
  return {
    percentile: phase.slo.latency.percentile,
    valueMs: sizing.percentileS === null ? null : sizing.percentileS * 1000,
    meanMs: sizing.meanS === null ? null : sizing.meanS * 1000,
    targetMs: phase.slo.latency.targetMs,
    pass: sizing.latencyPass,
  };
}

/**
 * Sizes one phase at N users: the workload hour by hour, instances per station in each hour, latency and
 * utilisation at the peak hour, availability, and the checks against SLOs and alert thresholds.
 */
export function sizePlan(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds): Plan {
  const day = dayModel(catalog, phase, users, thresholds, true);
  const peak = day.model!;
  const stations = peak.sizing.stations.length;
  const tiers = [
    ...peak.sizing.stations.map((sized, i) => tierPlan(sized, day.hourly[i]!)),
    ...peak.workers.map((sized, i) => tierPlan(sized, day.hourly[stations + i]!)),
  ];
  return {
    phase,
    users,
    hoursPerMonth: catalog.hoursPerMonth,
    workload: day.workload,
    tiers,
    components: day.components,
    scope: peak.scope,
    latency: latencyOf(phase, peak.sizing),
    availability: day.availability,
    memory: { cache: peak.cache, tiers: peak.memory },
    checks: [...peak.checks, ...steadyChecks(phase, day.availability, day.ctx.assumptions)],
  };
}

/** What pricing reads of a plan (`pricePlan`, `costSummary`): the phase, users, hours, each component's instances and the formulas' variables. */
export type BillablePlan = Pick<Plan, 'phase' | 'users' | 'hoursPerMonth' | 'components' | 'scope'>;

/** What a purchase strategy reads besides: which component serves which roles, since spot is for app and worker tiers. */
export type PurchasablePlan = BillablePlan & { tiers: ReadonlyArray<Pick<TierPlan, 'component' | 'roles'>> };

/**
 * What a Monte Carlo sample or a forecast's month reads of a plan: enough to price it (`costSummary`, or `pricePlan`
 * and a purchase strategy) and judge it against its SLOs.
 */
export type SampledPlan = PurchasablePlan & Pick<Plan, 'workload' | 'latency' | 'availability'> & {
  /** The SLO checks alone: latency, availability, error rate (the capacity checks of CPU, connections and memory are left out). */
  checks: Check[];
  /** Instances at the peak hour summed over the tiers, request path and workers: Σ `sizePlan`'s tiers' `instances.peak`. */
  instancesAtPeak: number;
};

/**
 * `sizePlan` without what a sample does not read — the worker tiers' queues, memory, the tiers' rows and the
 * capacity checks other than latency — so figures and SLO checks are `sizePlan`'s own (a property test holds them
 * equal) at less cost, and with less code for the JIT to compile before a Monte Carlo runs at speed.
 */
export function sizeSample(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds): SampledPlan {
  const day = dayModel(catalog, phase, users, thresholds, false);
  return {
    phase,
    users,
    hoursPerMonth: catalog.hoursPerMonth,
    workload: day.workload,
    components: day.components,
    scope: day.peak.scope,
    latency: latencyOf(phase, day.peak.sizing),
    availability: day.availability,
    checks: [latencyCheck(phase, day.peak.sizing), ...steadyChecks(phase, day.availability, day.ctx.assumptions)],
    instancesAtPeak: day.peaks.reduce((sum, n) => sum + n, 0),
    tiers: [...day.peak.stations, ...day.workerStations].map((station) => ({ component: station.component.id, roles: station.roles })),
  };
}

/**
 * The variables one component's formulas see: the plan's workload scope plus its instances.
 * instance_hours = Σ_h count_h × hoursPerMonth / 24, computed as the daily mean × hoursPerMonth.
 * Pods packed on worker nodes (`nodes.podsPerNode`) are billed by whole nodes in every hour:
 * node_hours = Σ_h ⌈count_h / podsPerNode⌉ × hoursPerMonth / 24 (one pod per node without packing).
 */
export function componentScope(plan: Pick<Plan, 'scope' | 'hoursPerMonth'>, usage: ComponentPlan, reuse?: Record<string, number>): FormulaScope {
  const perNode = usage.component.nodes?.podsPerNode ?? 1;
  let instanceSum = 0;
  let nodeSum = 0;
  // Indexed: this runs for every component of every plan priced, and `for…of` allocated an iterator step per hour.
  for (let h = 0; h < usage.hourly.length; h++) {
    const count = usage.hourly[h]!;
    instanceSum += count;
    // The 1e-9 keeps 6.000000001 pods (a float from a formula count) on 2 nodes of 3, not 3.
    nodeSum += Math.ceil(count / perNode - 1e-9);
  }
  const average = instanceSum / usage.hourly.length;
  const nodes = nodeSum / usage.hourly.length;
  // The workload's variables are inherited from the plan's scope rather than copied: a catalog has dozens of
  // assumptions, and this runs per component per book (copying them was most of pricePlan's time). `reuse`, a copy
  // of the same plan's scope (pricePlan makes one per plan), is refilled instead.
  const scope = reuse ?? (Object.create(plan.scope) as Record<string, number>);
  scope.instances = average;
  scope.peak_instances = usage.peak;
  scope.instance_hours = average * plan.hoursPerMonth;
  scope.nodes = nodes;
  scope.node_hours = nodes * plan.hoursPerMonth;
  return scope;
}

/**
 * The variables each component's formulas see at N users, after sizing: what the catalog validator
 * evaluates every formula against, so a formula that goes negative or infinite is caught at its line.
 */
export function formulaScopes(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds): (component: Component) => FormulaScope {
  const plan = sizePlan(catalog, phase, users, thresholds);
  return (component) => {
    const usage = plan.components.find((c) => c.component.id === component.id);
    if (!usage) throw new InputError(`component ${component.id} is not in phase ${phase.id}`);
    return componentScope(plan, usage);
  };
}
