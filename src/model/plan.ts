import { phaseAvailability, type AvailabilityResult } from './availability.js';
import type { Catalog, Component, FormulaScope, Phase, Quantity } from './catalog-types.js';
import { evaluateAmount, phaseCost, type CostResult, type PriceLookup } from './cost.js';
import { instancesForLoad, sizeStations, type SizingResult, type SizingTargets, type StationSizing } from './sizing.js';
import { buildStations, type Station } from './stations.js';
import { assumed, assumptionsFor, workloadAt, type WorkloadAt } from './workload.js';
import { InputError } from './input-error.js';

/** Alert thresholds the plan is checked against (fractions). */
export interface Thresholds {
  /** CPU utilisation alert (the document: 80 % for 5 min). Fixed tiers must stay under it at the peak. */
  cpuUtilization: number;
  /** Database connections alert (the document: 80 % of the pool). */
  dbConnections: number;
}

const ALERT_METRICS = { cpuUtilization: 'cpu_utilization', dbConnections: 'db_connections_of_pool' } as const;

/**
 * The alert thresholds the plan is checked against, from the catalog's `alerts` (fractions).
 * @throws RangeError when the catalog lacks one of them
 */
export function thresholdsOf(catalog: Catalog): Thresholds {
  const read = (metric: string): number => {
    const alert = catalog.alerts.find((a) => a.metric === metric);
    if (!alert) throw new InputError(`the catalog has no alert on "${metric}"; add one under alerts: (the plan is checked against it)`);
    return alert.unit === 'percent' ? alert.threshold / 100 : alert.threshold;
  };
  return { cpuUtilization: read(ALERT_METRICS.cpuUtilization), dbConnections: read(ALERT_METRICS.dbConnections) };
}

/** One station's instances over the day and its state at the peak hour. */
export interface TierPlan {
  id: string;
  component: string;
  roles: readonly string[];
  autoscaled: boolean;
  /** Serverless: no shared queue, every request served at once (M/M/∞). */
  delay: boolean;
  instances: { min: number; max: number; peak: number; average: number };
  vcpusPerInstance: number;
  /** Servers of one instance's M/M/c queue (whole vCPUs, at least one). */
  serversPerInstance: number;
  /** At the peak hour. */
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
}

export interface Check {
  name: string;
  /** `capacity` checks move with the load (latency, CPU, connections) and decide headroom; the others do not. */
  kind: 'capacity' | 'availability' | 'errors';
  /** The measured or modelled value, in `unit`. */
  value: number | null;
  limit: number;
  unit: string;
  /** "<", "≤" or "≥": how `value` must relate to `limit`. */
  relation: '<' | '≤' | '≥';
  pass: boolean;
}

export interface Plan {
  phase: Phase;
  users: number;
  workload: WorkloadAt;
  tiers: TierPlan[];
  latency: { percentile: number; valueMs: number | null; meanMs: number | null; targetMs: number; pass: boolean };
  availability: AvailabilityResult;
  cost: CostResult;
  checks: Check[];
  /** A tier cannot keep up at its maximum, or latency cannot be brought under the SLO. */
  exhausted: boolean;
  /** Every capacity check passes: not exhausted, latency, CPU and connection alerts. */
  capacityOk: boolean;
}

interface Context {
  catalog: Catalog;
  phase: Phase;
  assumptions: Readonly<Record<string, Quantity>>;
  thresholds: Thresholds;
}

function baseScope(ctx: Context, workload: WorkloadAt): Record<string, number> {
  const scope: Record<string, number> = {};
  for (const [name, quantity] of Object.entries(ctx.assumptions)) scope[name] = quantity.value;
  Object.assign(scope, {
    users: workload.users,
    concurrent_users: workload.concurrentUsers,
    requests_per_s: workload.peakRequestsPerS,
    avg_requests_per_s: workload.avgRequestsPerS,
    monthly_requests: workload.monthlyRequests,
    hours_per_month: ctx.catalog.hoursPerMonth,
  });
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

/** Mean requests in service or waiting at one database instance, over its connection pool. */
function connectionOccupancy(sizing: StationSizing): number | null {
  const pool = sizing.station.component.instance?.connections;
  if (!sizing.station.roles.includes('db') || !pool) return null;
  const { state } = sizing;
  if (state.meanS === null) return null;
  // Little's law: L = λ·W per instance; each query in flight holds one pooled connection.
  return (state.latencyArrivalPerInstancePerS * state.meanS) / pool;
}

function capacityChecks(ctx: Context, sizing: SizingResult): Check[] {
  const { latency } = ctx.phase.slo;
  const checks: Check[] = [
    {
      name: `latency P${latency.percentile}`,
      kind: 'capacity',
      value: sizing.percentileS === null ? null : sizing.percentileS * 1000,
      limit: latency.targetMs,
      unit: 'ms',
      relation: '<',
      pass: sizing.latencyPass,
    },
  ];
  for (const tier of sizing.stations) {
    if (tier.station.delay) continue;
    const cap = tier.station.autoscaled ? (tier.station.targetUtilization ?? 1) : ctx.thresholds.cpuUtilization;
    const what = tier.station.autoscaled ? 'scaling target' : 'CPU alert';
    checks.push({
      name: `${tier.station.id} CPU (${what})`,
      kind: 'capacity',
      value: tier.state.utilization * 100,
      limit: cap * 100,
      unit: '%',
      relation: '≤',
      pass: tier.state.stable && tier.state.utilization <= cap + 1e-12,
    });
    const occupancy = connectionOccupancy(tier);
    if (occupancy !== null || (tier.station.roles.includes('db') && tier.station.component.instance?.connections && !tier.state.stable)) {
      checks.push({
        name: `${tier.station.id} connections`,
        kind: 'capacity',
        value: occupancy === null ? null : occupancy * 100,
        limit: ctx.thresholds.dbConnections * 100,
        unit: '% of pool',
        relation: '≤',
        pass: occupancy !== null && occupancy <= ctx.thresholds.dbConnections,
      });
    }
  }
  return checks;
}

function contextFor(catalog: Catalog, phase: Phase, thresholds: Thresholds): Context {
  return { catalog, phase, assumptions: assumptionsFor(catalog, phase), thresholds };
}

function stationsAt(ctx: Context, workload: WorkloadAt): Station[] {
  return buildStations(ctx.phase.components, workload.visits, ctx.assumptions, fixedCountFor(baseScope(ctx, workload)));
}

function verdict(ctx: Context, sizing: SizingResult) {
  const checks = capacityChecks(ctx, sizing);
  const exhausted = sizing.stations.some((s) => s.exhausted) || !sizing.latencyPass;
  const failing = checks.filter((check) => !check.pass).map((check) => check.name);
  for (const s of sizing.stations) if (s.exhausted) failing.push(`${s.station.id} exhausted`);
  return { checks, exhausted, ok: failing.length === 0, failing };
}

export interface CapacityVerdict {
  /** Every capacity check passes at the peak hour. */
  ok: boolean;
  /** Names of the checks that fail. */
  failing: string[];
}

/** The capacity verdict at the peak hour only: what headroom searches and phase selection need. */
export function capacityAt(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds): CapacityVerdict {
  const ctx = contextFor(catalog, phase, thresholds);
  const workload = workloadAt(catalog, phase, users);
  const { ok, failing } = verdict(ctx, sizeStations(stationsAt(ctx, workload), workload.peakRequestsPerS, sizingTargets(ctx)));
  return { ok, failing };
}

/** Sizes a phase at N users hour by hour and binds the variables its formulas see. */
function sizePlan(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds) {
  const ctx = contextFor(catalog, phase, thresholds);
  const workload = workloadAt(catalog, phase, users);
  const stations = stationsAt(ctx, workload);
  const targets = sizingTargets(ctx);

  const peak = sizeStations(stations, workload.peakRequestsPerS, targets);
  // Instances hour by hour. When the peak needed no instance for latency's sake, no quieter hour
  // does either (latency never falls as load grows), so the autoscaler's rule alone sizes each hour;
  // otherwise every hour is sized in full. Identical load factors are sized once.
  const latencyBound = peak.stations.some((s) => s.reason === 'latency');
  const byRate = new Map<number, number[]>();
  const hourly = workload.hours.map((hour) => {
    let counts = byRate.get(hour.requestsPerS);
    if (!counts) {
      counts = latencyBound
        ? sizeStations(stations, hour.requestsPerS, targets).stations.map((s) => s.state.instances)
        : instancesForLoad(stations, hour.requestsPerS);
      byRate.set(hour.requestsPerS, counts);
    }
    return counts;
  });

  const tiers: TierPlan[] = peak.stations.map((sized, i) => {
    const counts = hourly.map((hour) => hour[i]!);
    const { station, state } = sized;
    const occupancy = connectionOccupancy(sized);
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
        average: counts.reduce((a, b) => a + b, 0) / counts.length,
      },
      vcpusPerInstance: station.vcpus,
      serversPerInstance: station.serversPerInstance,
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
      connectionOccupancy: occupancy,
    };
  });

  // Instance counts per component, for cost formulas and availability.
  const scope = baseScope(ctx, workload);
  const fixedCount = fixedCountFor(scope);
  const instancesOf = (component: Component) => {
    const own = tiers.filter((tier) => tier.component === component.id);
    if (own.length > 0 && component.count.kind === 'autoscaled') {
      return { average: own[0]!.instances.average, peak: own[0]!.instances.peak };
    }
    const count = component.database ? 1 + component.database.readers : fixedCount(component);
    return { average: count, peak: count };
  };
  const scopeFor = (component: Component): FormulaScope => {
    const { average, peak: peakInstances } = instancesOf(component);
    return { ...scope, instances: average, peak_instances: peakInstances, instance_hours: average * catalog.hoursPerMonth };
  };
  return { ctx, workload, peak, tiers, fixedCount, scopeFor };
}

/**
 * The variables each component's formulas see at N users, after sizing: what the catalog validator
 * evaluates every formula against, so a formula that goes negative or infinite is caught at its line.
 */
export function formulaScopes(catalog: Catalog, phase: Phase, users: number, thresholds: Thresholds): (component: Component) => FormulaScope {
  return sizePlan(catalog, phase, users, thresholds).scopeFor;
}

/**
 * Evaluates one phase at one user count: workload hour by hour, instances per tier, latency,
 * availability, cost priced by `book`, and the checks against SLOs and alert thresholds.
 */
export function evaluatePlan(catalog: Catalog, phase: Phase, users: number, book: PriceLookup, thresholds: Thresholds): Plan {
  const { ctx, workload, peak, tiers, fixedCount, scopeFor } = sizePlan(catalog, phase, users, thresholds);
  const capacity = verdict(ctx, peak);
  const checks = [...capacity.checks];
  const availability = phaseAvailability(
    phase,
    (component) => (component.count.kind === 'autoscaled' ? component.count.min : fixedCount(component)),
    catalog.hoursPerMonth,
  );
  checks.push({
    name: 'availability',
    kind: 'availability',
    value: availability.expectedPercent,
    limit: availability.targetPercent,
    unit: '%',
    relation: '≥',
    pass: availability.pass,
  });
  const errorSlo = phase.slo.errorRate;
  if (errorSlo !== undefined) {
    const errorRate = assumed(ctx.assumptions, 'error_rate');
    checks.push({ name: 'error rate', kind: 'errors', value: errorRate * 100, limit: errorSlo * 100, unit: '%', relation: '<', pass: errorRate < errorSlo });
  }

  const cost = phaseCost(phase, users, book, scopeFor);
  return {
    phase,
    users,
    workload,
    tiers,
    latency: {
      percentile: phase.slo.latency.percentile,
      valueMs: peak.percentileS === null ? null : peak.percentileS * 1000,
      meanMs: peak.meanS === null ? null : peak.meanS * 1000,
      targetMs: phase.slo.latency.targetMs,
      pass: peak.latencyPass,
    },
    availability,
    cost,
    checks,
    exhausted: capacity.exhausted,
    capacityOk: capacity.ok,
  };
}
