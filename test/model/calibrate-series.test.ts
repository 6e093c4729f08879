/**
 * Reading measured series (src/model/calibrate-series.ts): the one series of a measure, the periods two series share,
 * and the day's shape of the request rate. Every expected value is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { ObservedSeries, Observations } from '../../src/model/calibrate-observations.js';
import { commonPeriods, hourlyProfile, onlySeries, ratePerS } from '../../src/model/calibrate-series.js';

const origin = { namespace: 'AWS/ApplicationELB', name: 'RequestCount', dimensions: {}, stat: 'Sum' };
const series = (id: string, measures: ObservedSeries['measures'], tier: ObservedSeries['tier'], timestamps: string[] = [], values: number[] = []): ObservedSeries => ({
  id,
  measures,
  tier,
  origin,
  timestamps,
  values,
});
const observations = (...all: ObservedSeries[]): Observations => ({
  version: 1,
  window: { start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z', periodSeconds: 3600 },
  series: all,
});
const hour = (day: number, h: number) => Date.UTC(2026, 10, day, h);

describe('onlySeries', () => {
  it('returns the one series of a measure (on a tier when one is named), none when there is none', () => {
    const cpu = series('app-cpu', 'cpu', 'app');
    const obs = observations(series('lb-requests', 'requests', 'lb'), cpu, series('db-cpu', 'cpu', 'db'));
    expect(onlySeries(obs, 'cpu', 'app')).toBe(cpu);
    expect(onlySeries(obs, 'memory')).toBeUndefined();
  });

  it('refuses to guess between two series of one measure, naming both', () => {
    const obs = observations(series('app-cpu', 'cpu', 'app'), series('db-cpu', 'cpu', 'db'));
    expect(() => onlySeries(obs, 'cpu')).toThrow('the observations have 2 "cpu" series (app-cpu, db-cpu); keep one');
  });
});

describe('commonPeriods and ratePerS', () => {
  it('keeps the periods present in every series, ascending', () => {
    const a = new Map([[30, 1], [10, 1], [20, 1]]);
    const b = new Map([[20, 2], [30, 2], [40, 2]]);
    const c = new Map([[30, 3], [20, 3]]);
    expect(commonPeriods([a, b, c])).toEqual([20, 30]);
    expect(commonPeriods([a])).toEqual([10, 20, 30]);
    expect(commonPeriods([])).toEqual([]);
  });

  it("divides each period's request count by its seconds", () => {
    // 7,200 requests in an hour is 2 per second; 360 is 0.1.
    const requests = series('lb', 'requests', 'lb', ['2026-11-01T00:00:00Z', '2026-11-01T01:00:00Z'], [7200, 360]);
    expect([...ratePerS(requests, 3600)]).toEqual([[hour(1, 0), 2], [hour(1, 1), 0.1]]);
  });
});

describe('hourlyProfile', () => {
  /** A rate for every hour of one day: rate(h) at hour h. */
  const day = (d: number, rate: (h: number) => number): Array<[number, number]> => Array.from({ length: 24 }, (_, h) => [hour(d, h), rate(h)]);

  it("is each hour's mean rate over the busiest hour's", () => {
    // Day 1 runs h + 1 requests/s at hour h, day 2 three times that: the means are 2(h + 1), the busiest (hour 23) 48,
    // so hour h is 2(h + 1)/48 = (h + 1)/24.
    const rates = new Map([...day(1, (h) => h + 1), ...day(2, (h) => 3 * (h + 1))]);
    const profile = hourlyProfile(rates, 3600)!;
    expect(profile).toHaveLength(24);
    profile.forEach((value, h) => expect(value).toBeCloseTo((h + 1) / 24, 15));
  });

  it('averages an hour by its own number of periods', () => {
    // Hour 0 has two periods (4 and 8 requests/s: mean 6), every other hour one period at 2: the busiest is hour 0 at
    // 6, so the profile is 1 there and 2/6 = 1/3 elsewhere. Summing without dividing by the count would give 12.
    const rates = new Map([...day(1, (h) => (h === 0 ? 4 : 2)), [hour(2, 0), 8]]);
    const profile = hourlyProfile(rates, 3600)!;
    expect(profile[0]).toBe(1);
    for (let h = 1; h < 24; h++) expect(profile[h]).toBeCloseTo(1 / 3, 15);
  });

  it('is null for periods longer than an hour, an hour with no data, or no requests at all', () => {
    const rates = new Map(day(1, (h) => h + 1));
    expect(hourlyProfile(rates, 3600)).not.toBeNull();
    expect(hourlyProfile(rates, 3601)).toBeNull();
    expect(hourlyProfile(new Map(day(1, (h) => h + 1).filter(([, r]) => r !== 13)), 3600)).toBeNull();
    expect(hourlyProfile(new Map(day(1, () => 0)), 3600)).toBeNull();
  });
});
