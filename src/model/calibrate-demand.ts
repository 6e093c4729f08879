/**
 * Service demand from measurements by the utilisation law, U = X·S (Denning & Buzen, "The Operational
 * Analysis of Queueing Network Models", Computing Surveys 10(3), 1978, § 3; Lazowska et al., "Quantitative
 * System Performance", 1984, § 3.2): a resource's busy share is its throughput times the demand of one request.
 * A real server is also busy without requests (the OS, agents, vacuum, replication), so over the periods t:
 *
 *   busy_t = B + S · X_t,    busy_t = Σ_instances U_t/100 × vCPUs   (vCPUs busy),  X_t requests/s
 *
 * and S is the least-squares slope of busy on X, B its intercept (the regression estimate of Zhang, Cherkasova
 * & Smirni, "A Regression-Based Analytic Model for Dynamic Resource Provisioning of Multi-Tier Applications",
 * ICAC 2007). When the load does not vary enough for a slope (or the fit says B < 0 or S ≤ 0), the plain law
 * S = Σ busy / Σ X is used: with the background counted as demand, an upper bound.
 */
import type { ObservedSeries } from './calibrate-observations.js';
import { byPeriod, commonPeriods } from './calibrate-series.js';

export interface DemandMeasurement {
  /** vCPU-seconds per request. */
  demandS: number;
  /** vCPUs busy with no request (the intercept); 0 with the plain law. */
  backgroundVcpus: number;
  method: 'regression' | 'utilisation-law';
  /** Mean vCPUs busy over the periods used. */
  busyVcpus: number;
  /** Mean requests per second over the same periods. */
  requestsPerS: number;
  /** Mean CPU utilisation over the periods used, percent (over the instances measured). */
  utilizationPercent: number;
  periods: number;
}

/**
 * @param rates requests per second by period start (ms)
 * @param cpu one series per instance, or one group average when `instances` counts the group
 * @param vcpus of one instance
 * @param instances instances in service per period, for a group-average `cpu`
 * @returns null when no period has every series, or no request was measured in them
 * @example one 1-vCPU instance at 5 % CPU idle and 25 % at 10 req/s: S = (0.25 − 0.05) / 10 = 0.02 vCPU-s per request
 */
export function serviceDemand(
  rates: ReadonlyMap<number, number>,
  cpu: readonly ObservedSeries[],
  vcpus: number,
  instances?: ObservedSeries,
): DemandMeasurement | null {
  const cpuMaps = cpu.map(byPeriod);
  const count = instances && byPeriod(instances);
  const periods = commonPeriods([rates, ...cpuMaps, ...(count ? [count] : [])]);
  if (periods.length === 0) return null;
  const x = periods.map((t) => rates.get(t)!);
  const busy = periods.map((t) => cpuMaps.reduce((sum, m) => sum + (m.get(t)! / 100) * vcpus * (count ? count.get(t)! : 1), 0));
  const utilization = periods.reduce((sum, t) => sum + cpuMaps.reduce((s, m) => s + m.get(t)!, 0) / cpuMaps.length, 0) / periods.length;
  const n = periods.length;
  const meanX = x.reduce((a, b) => a + b, 0) / n;
  const meanBusy = busy.reduce((a, b) => a + b, 0) / n;
  if (meanX <= 0) return null;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - meanX) ** 2;
    sxy += (x[i]! - meanX) * (busy[i]! - meanBusy);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = meanBusy - slope * meanX;
  const fits = n >= 3 && slope > 0 && intercept >= 0;
  return {
    demandS: fits ? slope : meanBusy / meanX,
    backgroundVcpus: fits ? intercept : 0,
    method: fits ? 'regression' : 'utilisation-law',
    busyVcpus: meanBusy,
    requestsPerS: meanX,
    utilizationPercent: utilization,
    periods: n,
  };
}
