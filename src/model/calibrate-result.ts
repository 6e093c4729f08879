/**
 * The `calibration` section of a result (simulate, advise; report re-renders it): what the observations set,
 * rounded for printing. The calibrated catalog itself carries the unrounded values.
 */
import type { Calibration } from './calibrate.js';
import type { LatencyComparison } from './calibrate-latency.js';
import { roundTo } from './money.js';

export interface CalibrationResult {
  source: string;
  window: { start: string; end: string; periodSeconds: number; days: number };
  users: number;
  usersFrom: 'observations' | 'run';
  phase: number;
  requests: { total: number; averagePerS: number; peakPerS: number; peakAt: string; periods: number };
  designPeak: { concurrentUsers: number; perUser: number };
  dailyProfile: number[] | null;
  /** Each quantity set from the measurements (`source: measured` in the run's assumptions). */
  assumptions: Array<{ name: string; value: number; previous: number }>;
  tiers: Array<{
    tier: string;
    component: string;
    method: 'regression' | 'utilisation-law';
    utilizationPercent: number;
    busyVcpus: number;
    backgroundVcpus: number;
    requestsPerS: number;
    demandS: number;
    periods: number;
  }>;
  skipped: Array<{ what: string; reason: string }>;
  latency: { observedP95Ms: number; peakPeriods: number; modelP95Ms: number | null; errorPercent: number | null; marginPercent: number } | null;
}

const sig = (x: number): number => Number(x.toPrecision(6));
const r = (x: number | null, d: number): number | null => (x === null ? null : roundTo(x, d));

export function calibrationResult(calibration: Calibration, latency: LatencyComparison | null): CalibrationResult {
  const { requests, designPeak } = calibration;
  return {
    source: calibration.source,
    window: { ...calibration.window, days: roundTo(calibration.window.days, 4) },
    users: calibration.users,
    usersFrom: calibration.usersFrom,
    phase: calibration.phase,
    requests: { ...requests, averagePerS: roundTo(requests.averagePerS, 4), peakPerS: roundTo(requests.peakPerS, 4) },
    designPeak: { concurrentUsers: roundTo(designPeak.concurrentUsers, 1), perUser: sig(designPeak.perUser) },
    dailyProfile: calibration.dailyProfile && calibration.dailyProfile.map((p) => roundTo(p, 4)),
    assumptions: calibration.assumptions.map((a) => ({ name: a.name, value: sig(a.value), previous: a.previous })),
    tiers: calibration.tiers.map((t) => ({
      tier: t.tier,
      component: t.component,
      method: t.method,
      utilizationPercent: roundTo(t.utilizationPercent, 2),
      busyVcpus: roundTo(t.busyVcpus, 4),
      backgroundVcpus: roundTo(t.backgroundVcpus, 4),
      requestsPerS: roundTo(t.requestsPerS, 4),
      demandS: sig(t.demandS),
      periods: t.periods,
    })),
    skipped: calibration.skipped.map((s) => ({ ...s })),
    latency: latency && {
      observedP95Ms: roundTo(latency.observedP95Ms, 1),
      peakPeriods: latency.peakPeriods,
      modelP95Ms: r(latency.modelP95Ms, 1),
      errorPercent: r(latency.errorPercent, 1),
      marginPercent: latency.marginPercent,
    },
  };
}
