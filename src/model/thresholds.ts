import type { Catalog } from './catalog-types.js';
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
 * @throws InputError when the catalog lacks one of them
 */
export function thresholdsOf(catalog: Catalog): Thresholds {
  const read = (metric: string): number => {
    const alert = catalog.alerts.find((a) => a.metric === metric);
    if (!alert) throw new InputError(`the catalog has no alert on "${metric}"; add one under alerts: (the plan is checked against it)`);
    return alert.unit === 'percent' ? alert.threshold / 100 : alert.threshold;
  };
  return { cpuUtilization: read(ALERT_METRICS.cpuUtilization), dbConnections: read(ALERT_METRICS.dbConnections) };
}
