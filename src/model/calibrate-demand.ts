/**
 * Service demand from measurements by the utilisation law, U = X·S (Denning & Buzen, "The Operational
 * Analysis of Queueing Network Models", Computing Surveys 10(3), 1978; Lazowska et al., "Quantitative System
 * Performance", 1984, § 3.2): over any interval, a resource's busy fraction is its throughput times the service
 * demand of one completion. Summed over the periods both were measured in:
 *
 *   S = Σ_t busy_t / Σ_t X_t,    busy_t = Σ_instances U_t/100 × vCPUs   (vCPU-seconds per second)
 *
 * so S is vCPU-seconds per request. Background work (the OS, vacuum, replication) is busy time too: with no
 * load-free baseline to subtract, the figure is an upper bound of the demand one request brings.
 */
import type { ObservedSeries } from './calibrate-observations.js';
import { byPeriod, commonPeriods } from './calibrate-series.js';

export interface DemandMeasurement {
  /** vCPU-seconds per request. */
  demandS: number;
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
 * @example 10 req/s against one 1-vCPU instance at 20 % CPU: S = 0.2 vCPU / 10 req/s = 0.02 vCPU-s per request
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
  let busy = 0;
  let requests = 0;
  let utilization = 0;
  for (const t of periods) {
    const percents = cpuMaps.map((m) => m.get(t)!);
    const instancesNow = count ? count.get(t)! : 1;
    busy += percents.reduce((sum, u) => sum + (u / 100) * vcpus * instancesNow, 0);
    utilization += percents.reduce((sum, u) => sum + u, 0) / percents.length;
    requests += rates.get(t)!;
  }
  if (periods.length === 0 || requests <= 0) return null;
  return {
    demandS: busy / requests,
    busyVcpus: busy / periods.length,
    requestsPerS: requests / periods.length,
    utilizationPercent: utilization / periods.length,
    periods: periods.length,
  };
}
