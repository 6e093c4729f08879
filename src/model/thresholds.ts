import type { Catalog } from './catalog-types.js';
import { InputError } from './input-error.js';

/** Alert thresholds the plan is checked against (fractions). */
export interface Thresholds {
  /** CPU utilisation alert (the document: 80 % for 5 min). Fixed tiers must stay under it at the peak. */
  cpuUtilization: number;
  /** Database connections alert (the document: 80 % of the pool). */
  dbConnections: number;
  /** Memory alert (the document: 85 % for 10 min); without one in the catalog, memory is reported but not checked. */
  memoryUtilization?: number;
}

const ALERT_METRICS = { cpuUtilization: 'cpu_utilization', dbConnections: 'db_connections_of_pool', memoryUtilization: 'memory_utilization' } as const;

/**
 * The alert thresholds the plan is checked against, from the catalog's `alerts` (fractions).
 * CPU and connection alerts are required; the memory alert is optional.
 * @throws InputError when the catalog lacks a required one
 */
export function thresholdsOf(catalog: Catalog): Thresholds {
  const find = (metric: string): number | undefined => {
    const alert = catalog.alerts.find((a) => a.metric === metric);
    if (!alert) return undefined;
    return alert.unit === 'percent' ? alert.threshold / 100 : alert.threshold;
  };
  const read = (metric: string): number => {
    const value = find(metric);
    if (value === undefined) throw new InputError(`the catalog has no alert on "${metric}"; add one under alerts: (the plan is checked against it)`);
    return value;
  };
  const memory = find(ALERT_METRICS.memoryUtilization);
  return {
    cpuUtilization: read(ALERT_METRICS.cpuUtilization),
    dbConnections: read(ALERT_METRICS.dbConnections),
    ...(memory !== undefined ? { memoryUtilization: memory } : {}),
  };
}
