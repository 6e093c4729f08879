/**
 * The load a plan puts on each of the catalog's alert thresholds (Alertas críticas): the worst tier's figure
 * at the peak hour against the alert, and how much of it is used. An alert on something the model does not
 * compute has a null value.
 */
import type { AlertThreshold, Catalog } from './catalog-types.js';
import type { Plan } from './plan.js';
import { assumed, assumptionsFor } from './workload.js';

export interface AlertLoad {
  id: string;
  metric: string;
  /** In `unit`: percent for fraction and percent alerts, else the alert's own unit. */
  threshold: number;
  unit: string;
  /** The modelled figure in `unit`; null when the model does not compute it or a queue is unstable. */
  value: number | null;
  /** Where the figure comes from: a station id or `phase:<id>`; null with no value. */
  subject: string | null;
  /** value / threshold × 100; null with no value. */
  usedPercent: number | null;
}

type Worst = { value: number | null; subject: string | null };

/** The largest value, or null for all when one is null (an unstable queue has no finite figure). */
function worst(rows: ReadonlyArray<{ id: string; value: number | null }>): Worst {
  let best: Worst = { value: null, subject: null };
  for (const row of rows) {
    if (row.value === null) return { value: null, subject: row.id };
    if (best.value === null || row.value > best.value) best = { value: row.value, subject: row.id };
  }
  return best;
}

function figure(metric: string, plan: Plan, catalog: Catalog): Worst {
  const phase = `phase:${plan.phase.id}`;
  switch (metric) {
    case 'cpu_utilization':
      return worst(plan.tiers.filter((t) => !t.delay).map((t) => ({ id: t.id, value: t.stable ? t.utilization : null })));
    case 'memory_utilization':
      return worst(plan.memory.tiers.map((r) => ({ id: r.id, value: r.fraction })));
    case 'db_connections_of_pool':
      return worst(plan.tiers.filter((t) => t.roles.includes('db') && t.connectionOccupancy !== null).map((t) => ({ id: t.id, value: t.connectionOccupancy })));
    case 'response_time_ms':
      return { value: plan.latency.valueMs, subject: phase };
    case 'error_rate':
      return { value: assumed(assumptionsFor(catalog, plan.phase), 'error_rate'), subject: phase };
    default:
      return { value: null, subject: null };
  }
}

/** Fractions are shown as percent, as the alerts are written (CPU > 80 %). */
function inUnit(alert: AlertThreshold, value: number | null): { threshold: number; value: number | null; unit: string } {
  if (alert.unit === 'fraction') return { threshold: alert.threshold * 100, value: value === null ? null : value * 100, unit: '%' };
  if (alert.unit === 'percent') return { threshold: alert.threshold, value: value === null ? null : value * 100, unit: '%' };
  return { threshold: alert.threshold, value, unit: alert.unit };
}

export function alertLoads(catalog: Catalog, plan: Plan): AlertLoad[] {
  return catalog.alerts.map((alert) => {
    const found = figure(alert.metric, plan, catalog);
    const shown = inUnit(alert, found.value);
    return {
      id: alert.id,
      metric: alert.metric,
      ...shown,
      subject: found.subject,
      usedPercent: shown.value === null || shown.threshold === 0 ? null : (shown.value / shown.threshold) * 100,
    };
  });
}
