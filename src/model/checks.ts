import type { AvailabilityResult } from './availability.js';
import type { Phase, Quantity } from './catalog-types.js';
import type { FindingCodeName } from './finding-codes.js';
import type { MemoryRow } from './memory.js';
import type { SizingResult, StationSizing } from './sizing.js';
import type { Thresholds } from './thresholds.js';
import { assumed } from './workload.js';

/** One row of the checks table: a modelled figure against its limit. */
export interface Check {
  name: string;
  /** `capacity` checks move with the load (latency, CPU, connections) and decide headroom; the others do not. */
  kind: 'capacity' | 'availability' | 'errors';
  /** The finding this check raises when it fails (see FINDING_CODES). */
  code: FindingCodeName;
  /** What is checked: `phase:<id>` for the whole request path, else the station id. */
  subject: string;
  /** The measured or modelled value, in `unit`; null when the model has no finite value (an unstable queue). */
  value: number | null;
  limit: number;
  unit: string;
  /** "<", "≤" or "≥": how `value` must relate to `limit`. */
  relation: '<' | '≤' | '≥';
  pass: boolean;
}

export const phaseSubject = (phase: Phase): string => `phase:${phase.id}`;

/** Mean requests in service or waiting at one database instance, over its connection pool. */
export function connectionOccupancy(sizing: StationSizing): number | null {
  const pool = sizing.station.component.instance?.connections;
  if (!sizing.station.roles.includes('db') || !pool) return null;
  const { state } = sizing;
  if (state.meanS === null) return null;
  // Little's law: L = λ·W per instance; each query in flight holds one pooled connection.
  return (state.latencyArrivalPerInstancePerS * state.meanS) / pool;
}

/** CPU of one station against its cap: the scaling target when autoscaled, else the CPU alert. Delay stations have none. */
function cpuCheck({ station, state }: StationSizing, thresholds: Thresholds): Check {
  const cap = station.autoscaled ? (station.targetUtilization ?? 1) : thresholds.cpuUtilization;
  return {
    name: `${station.id} CPU (${station.autoscaled ? 'scaling target' : 'CPU alert'})`,
    kind: 'capacity',
    code: station.autoscaled ? 'cpu-over-scaling-target' : 'cpu-over-alert',
    subject: station.id,
    // An unstable queue has no utilisation: the offered load is past 100 % of its vCPUs.
    value: state.stable ? state.utilization * 100 : null,
    limit: cap * 100,
    unit: '%',
    relation: '≤',
    pass: state.stable && state.utilization <= cap + 1e-12,
  };
}

/** Memory per instance against the memory alert; none without the alert or without a finite figure. */
function memoryChecks(rows: readonly MemoryRow[], thresholds: Thresholds): Check[] {
  const limit = thresholds.memoryUtilization;
  if (limit === undefined) return [];
  return rows
    .filter((row) => row.fraction !== null)
    .map((row) => ({
      name: `${row.id} memory`,
      kind: 'capacity' as const,
      code: 'memory-over-alert' as const,
      subject: row.id,
      value: row.fraction! * 100,
      limit: limit * 100,
      unit: '%',
      relation: '≤' as const,
      pass: row.fraction! <= limit + 1e-12,
    }));
}

/** What else the peak hour is checked on besides the request path: worker tiers and memory. */
export interface OffPathLoad {
  workers: readonly StationSizing[];
  memory: readonly MemoryRow[];
}

/** The end-to-end latency percentile at the peak hour against the phase's SLO. */
export function latencyCheck(phase: Phase, sizing: SizingResult): Check {
  const { latency } = phase.slo;
  return {
    name: `latency P${latency.percentile}`,
    kind: 'capacity',
    code: 'latency-over-slo',
    subject: phaseSubject(phase),
    value: sizing.percentileS === null ? null : sizing.percentileS * 1000,
    limit: latency.targetMs,
    unit: 'ms',
    relation: '<',
    pass: sizing.latencyPass,
  };
}

/** Latency, CPU and connection checks at the peak hour, then the worker tiers' CPU and memory, in the order the checks table shows them. */
export function capacityChecks(phase: Phase, sizing: SizingResult, thresholds: Thresholds, offPath: OffPathLoad = { workers: [], memory: [] }): Check[] {
  const checks: Check[] = [latencyCheck(phase, sizing)];
  for (const tier of sizing.stations) {
    const { station, state } = tier;
    if (station.delay) continue;
    checks.push(cpuCheck(tier, thresholds));
    const occupancy = connectionOccupancy(tier);
    if (occupancy !== null || (station.roles.includes('db') && station.component.instance?.connections && !state.stable)) {
      checks.push({
        name: `${station.id} connections`,
        kind: 'capacity',
        code: 'connections-over-alert',
        subject: station.id,
        value: occupancy === null ? null : occupancy * 100,
        limit: thresholds.dbConnections * 100,
        unit: '% of pool',
        relation: '≤',
        pass: occupancy !== null && occupancy <= thresholds.dbConnections,
      });
    }
  }
  for (const worker of offPath.workers) if (!worker.station.delay) checks.push(cpuCheck(worker, thresholds));
  checks.push(...memoryChecks(offPath.memory, thresholds));
  return checks;
}

/** Checks that do not move with the load: availability against the SLO, the assumed error rate against its SLO (when the phase sets one). */
export function steadyChecks(phase: Phase, availability: AvailabilityResult, assumptions: Readonly<Record<string, Quantity>>): Check[] {
  const checks: Check[] = [
    {
      name: 'availability',
      kind: 'availability',
      code: 'availability-short',
      // The component that causes most of the expected downtime: what to change when the check fails.
      subject: availability.dominant?.component ?? phaseSubject(phase),
      value: availability.expectedPercent,
      limit: availability.targetPercent,
      unit: '%',
      relation: '≥',
      pass: availability.pass,
    },
  ];
  const errorSlo = phase.slo.errorRate;
  if (errorSlo !== undefined) {
    const errorRate = assumed(assumptions, 'error_rate');
    checks.push({
      name: 'error rate',
      kind: 'errors',
      code: 'error-rate-over-slo',
      subject: phaseSubject(phase),
      value: errorRate * 100,
      limit: errorSlo * 100,
      unit: '%',
      relation: '<',
      pass: errorRate < errorSlo,
    });
  }
  return checks;
}
