/**
 * Reading measured series for calibration: finding a series, pairing two series period by period, and the
 * request rate's shape over the day. Pure; timestamps are ISO 8601 strings in UTC.
 */
import type { Measure, ObservedSeries, ObservedTier, Observations } from './calibrate-observations.js';
import { InputError } from './input-error.js';

export const seriesOf = (obs: Observations, measures: Measure, tier?: ObservedTier): ObservedSeries[] =>
  obs.series.filter((s) => s.measures === measures && (tier === undefined || s.tier === tier));

/**
 * The one series that measures `measures`, or undefined when there is none.
 * @throws InputError when several do (the calibration would have to guess which)
 */
export function onlySeries(obs: Observations, measures: Measure, tier?: ObservedTier): ObservedSeries | undefined {
  const found = seriesOf(obs, measures, tier);
  if (found.length > 1) {
    throw new InputError(`the observations have ${found.length} "${measures}" series (${found.map((s) => s.id).join(', ')}); keep one`);
  }
  return found[0];
}

/** A series as a map from period start (epoch ms) to value. */
export const byPeriod = (series: ObservedSeries): Map<number, number> =>
  new Map(series.timestamps.map((t, i) => [Date.parse(t), series.values[i]!]));

/** Periods present in every one of the maps, ascending. */
export function commonPeriods(maps: ReadonlyArray<ReadonlyMap<number, number>>): number[] {
  const [first, ...rest] = maps;
  if (!first) return [];
  return [...first.keys()].filter((t) => rest.every((m) => m.has(t))).sort((a, b) => a - b);
}

/** Requests per second in each period of the requests series: its sum over the period's seconds. */
export const ratePerS = (requests: ObservedSeries, periodSeconds: number): Map<number, number> =>
  new Map([...byPeriod(requests)].map(([t, count]) => [t, count / periodSeconds]));

/**
 * The 24-hour shape of the request rate: the mean rate in each hour of the day (UTC) over the window, divided
 * by the largest, so the busiest hour is 1 — the catalog's `daily_profile`. Null when a period is longer
 * than an hour or some hour has no data. The model reads only the profile's peak and sum, which a shift
 * of the hours (a time zone) leaves unchanged.
 */
export function hourlyProfile(rates: ReadonlyMap<number, number>, periodSeconds: number): number[] | null {
  if (periodSeconds > 3600) return null;
  const sums = new Array<number>(24).fill(0);
  const counts = new Array<number>(24).fill(0);
  for (const [t, rate] of rates) {
    const hour = new Date(t).getUTCHours();
    sums[hour]! += rate;
    counts[hour]! += 1;
  }
  if (counts.some((c) => c === 0)) return null;
  const means = sums.map((s, h) => s / counts[h]!);
  const peak = Math.max(...means);
  return peak > 0 ? means.map((m) => m / peak) : null;
}
