import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Component } from '../../src/model/catalog-types.js';
import { sizeForLoad, sizeStations, stationState, type SizingTargets, type StationState } from '../../src/model/sizing.js';
import type { Station } from '../../src/model/stations.js';

// sizeStations jumps over runs of latency steps on one station (latencyRun). The reference below is the rule as
// its doc comment states it, one instance at a time: while the end-to-end percentile is not under the SLO, add
// one instance to the autoscaled station below its maximum that contributes most (the first of equals; an
// unstable one counts as infinite), its latency then taken at the actual rate.
function oneAtATime(stations: readonly Station[], requestsPerS: number, targets: SizingTargets) {
  const counts = stations.map((s) => (s.autoscaled ? sizeForLoad(s, requestsPerS) : { instances: s.minInstances, reason: 'fixed' as const }));
  const states: StationState[] = stations.map((s, i) => {
    const grown = counts[i]!.reason === 'utilization' || counts[i]!.reason === 'requests-per-target';
    return stationState(s, requestsPerS, counts[i]!.instances, targets.percentile, grown);
  });
  const total = (): number | null => {
    let sum = targets.overheadS;
    for (const state of states) {
      if (state.contributionS === null) return null;
      sum += state.contributionS;
    }
    return sum;
  };
  for (let t = total(); t === null || t >= targets.targetS; t = total()) {
    let best = -1;
    let most = -1;
    stations.forEach((s, i) => {
      const c = states[i]!.contributionS ?? Infinity;
      if (s.autoscaled && states[i]!.instances < s.maxInstances && c > most) [best, most] = [i, c];
    });
    if (best < 0) break;
    counts[best] = { instances: states[best]!.instances + 1, reason: 'latency' as never };
    states[best] = stationState(stations[best]!, requestsPerS, counts[best]!.instances, targets.percentile);
  }
  return { states, reasons: counts.map((c) => c.reason) };
}

const station = (id: string, over: Partial<Station>): Station => ({
  id,
  component: { id } as Component,
  roles: ['app'],
  vcpus: 1,
  serversPerInstance: 1,
  visitsPerRequest: 1,
  serviceTimeS: 0.01,
  delay: false,
  minInstances: 2,
  maxInstances: 1000,
  autoscaled: true,
  targetUtilization: 0.7,
  ...over,
});

const targets: SizingTargets = { percentile: 95, targetS: 0.5, overheadS: 0.02, fixedUtilizationCap: 0.8 };

describe('sizeStations: a run of latency steps on one station', () => {
  // Phase 4's api: a half-vCPU pod (one server at half speed), 70 ms a request at the lognormal's P90 demand:
  // at its 70 % CPU target an M/M/1 visit's P95 is ln 20 × 0.07 / 0.3 ≈ 0.70 s, over the 0.5 s SLO, so
  // latency adds tens of instances past the CPU rule.
  const api = station('api', { vcpus: 0.5, serviceTimeS: 0.07, minInstances: 10, maxInstances: 600 });
  const db = station('db', { roles: ['db'], vcpus: 2, serversPerInstance: 2, visitsPerRequest: 1.6, serviceTimeS: 0.004, maxInstances: 16 });
  const cache = station('cache', { roles: ['cache'], vcpus: 2, serversPerInstance: 2, visitsPerRequest: 1.6, serviceTimeS: 0.0001, minInstances: 2, maxInstances: 2, autoscaled: false, targetUtilization: undefined });

  it.each([250, 1000, 2500, 5000, 5003.7])('ends where the one-at-a-time loop ends, with the same states, at %d req/s', (rate) => {
    const stations = [api, db, cache];
    const fast = sizeStations(stations, rate, targets);
    const slow = oneAtATime(stations, rate, targets);
    expect(fast.stations.map((s) => s.state)).toEqual(slow.states);
    expect(fast.stations.map((s) => s.reason)).toEqual(slow.reasons);
    expect(fast.stations[0]!.reason).toBe('latency');
  });

  it('ends there from any hint: a guess at each count only changes where the search starts', () => {
    // plan.ts guesses each hour's counts from a busier hour's; a guess may be below, at or above the end, or past
    // the maximum, and the states must still be the loop's.
    const stations = [api, db, cache];
    for (const rate of [250, 1000, 2500, 5000, 9317]) {
      const slow = oneAtATime(stations, rate, targets);
      // Guesses around where the loop ends, the end itself and the counts just under it included.
      for (let delta = -4; delta <= 4; delta++) {
        const guess = slow.states.map((state) => state.instances + delta);
        expect(sizeStations(stations, rate, targets, undefined, guess).stations.map((s) => s.state)).toEqual(slow.states);
      }
    }
    const hint = fc.array(fc.oneof(fc.integer({ min: 0, max: 700 }), fc.constantFrom(9, 15, 16, 17, 599, 600, 601)), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.constantFrom(250, 1000, 2500, 5000, 5003.7, 9317), hint, (rate, guess) => {
        const fast = sizeStations(stations, rate, targets, undefined, guess);
        const slow = oneAtATime(stations, rate, targets);
        expect(fast.stations.map((s) => s.state)).toEqual(slow.states);
        expect(fast.stations.map((s) => s.reason)).toEqual(slow.reasons);
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('stops at the maximum when the SLO cannot be met, as the loop does', () => {
    const small = station('api', { vcpus: 0.5, serviceTimeS: 0.07, minInstances: 10, maxInstances: 40 });
    const fast = sizeStations([small], 1000, targets);
    expect(fast.stations[0]!.state).toEqual(oneAtATime([small], 1000, targets).states[0]);
    expect(fast.stations[0]!.state.instances).toBe(40);
    expect(fast.latencyPass).toBe(false);
  });

  it('hands over between two stations whose contributions cross, as the loop does', () => {
    // Two equal app tiers in series: the loop alternates between them, so no run is longer than one step.
    const a = station('a', { vcpus: 0.5, serviceTimeS: 0.05, minInstances: 5 });
    const b = station('b', { vcpus: 0.5, serviceTimeS: 0.05, minInstances: 5 });
    const tight = { ...targets, targetS: 0.6 };
    const fast = sizeStations([a, b], 800, tight);
    const slow = oneAtATime([a, b], 800, tight);
    expect(fast.stations.map((s) => s.state)).toEqual(slow.states);
  });
});
