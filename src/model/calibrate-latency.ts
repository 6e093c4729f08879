/**
 * The model against the system: the P95 the calibrated model gives at the measured peak, beside the P95
 * observed in the busiest periods, and a finding when they differ by more than P95_MODEL_MARGIN_PERCENT.
 * Run after `--set`, so it judges the catalog the run uses.
 */
import type { Catalog } from './catalog-types.js';
import type { Calibration } from './calibrate.js';
import type { Observations } from './calibrate-observations.js';
import { byPeriod, onlySeries, ratePerS } from './calibrate-series.js';
import { FINDING_CODES, P95_MODEL_MARGIN_PERCENT } from './finding-codes.js';
import type { Finding } from './findings.js';
import { METRICS } from './metrics.js';
import { sizePlan, type Thresholds } from './plan.js';

/** Periods at or above this share of the busiest period's rate are the "busiest periods" the observed P95 is read in. */
export const PEAK_PERIOD_SHARE = 0.9;

export interface LatencyComparison {
  /** Mean of the observed P95 over the busiest periods, ms. */
  observedP95Ms: number;
  /** Periods it is the mean of. */
  peakPeriods: number;
  /** The model's P95 at the measured peak on the observed phase; null when a tier is unstable there. */
  modelP95Ms: number | null;
  /** (model − observed) / observed × 100; null with no model figure. */
  errorPercent: number | null;
  marginPercent: number;
}

/** Null when the observations have no P95 series, or it shares no busy period with the request count. */
export function compareLatency(catalog: Catalog, calibration: Calibration, obs: Observations, thresholds: Thresholds): LatencyComparison | null {
  const p95 = onlySeries(obs, 'response-time-p95');
  const requests = onlySeries(obs, 'requests');
  if (!p95 || !requests) return null;
  const rates = ratePerS(requests, obs.window.periodSeconds);
  const latency = byPeriod(p95);
  const busy = [...rates].filter(([t, r]) => r >= PEAK_PERIOD_SHARE * calibration.requests.peakPerS && latency.has(t));
  if (busy.length === 0) return null;
  const observedP95Ms = busy.reduce((sum, [t]) => sum + latency.get(t)!, 0) / busy.length;
  const phase = catalog.phases.find((p) => p.id === calibration.phase)!;
  const modelP95Ms = sizePlan(catalog, phase, calibration.users, thresholds).latency.valueMs;
  const errorPercent = modelP95Ms === null ? null : ((modelP95Ms - observedP95Ms) / observedP95Ms) * 100;
  return { observedP95Ms, peakPeriods: busy.length, modelP95Ms, errorPercent, marginPercent: P95_MODEL_MARGIN_PERCENT };
}

/** `p95-model-off` when the model and the system differ by more than the margin (or the model has no figure). */
export function latencyFindings(comparison: LatencyComparison | null, phaseId: number): Finding[] {
  if (!comparison) return [];
  const { errorPercent } = comparison;
  if (errorPercent !== null && Math.abs(errorPercent) <= comparison.marginPercent) return [];
  const { severity, metric } = FINDING_CODES['p95-model-off'];
  return [{ code: 'p95-model-off', severity, subject: `phase:${phaseId}`, metric, value: comparison.modelP95Ms, limit: comparison.observedP95Ms, unit: METRICS[metric].unit }];
}
