import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestCommitment, candidateCommitments, spotUnits, stackCost, stackHours, type LineProfile } from '../../src/model/purchase-optimize.js';
import { spotHourlyUsd } from '../../src/model/purchase-rates.js';

const hours = (...groups: Array<[count: number, units: number]>) => groups.flatMap(([n, u]) => Array<number>(n).fill(u));

describe('the optimiser, derived by hand on a small 24-hour profile', () => {
  // 8 hours at 2 units, 8 at 4, 8 at 6; a 720-hour month, so each profile hour stands for 30 hours.
  // od = $0.10, commitment c = $0.05, spot d = 0.7 with no interruptions → s = 0.10 × 0.3 = $0.03.
  // Spot floor 2, max share 0.5: e_h = min(0.5·u, max(0, u − 2)) = 0 (u = 2), 2 (u = 4), 3 (u = 6).
  const units = hours([8, 2], [8, 4], [8, 6]);
  const profile: LineProfile = { units, spotEligible: spotUnits(units, 0.5, 2), hoursPerMonth: 720 };
  const rates = { onDemandUsd: 0.1, spotUsd: spotHourlyUsd(0.1, 0.7, 0) };

  it('finds the spot-eligible units and the breakpoints', () => {
    expect(profile.spotEligible).toEqual(hours([8, 0], [8, 2], [8, 3]));
    // breakpoints u_h = 2, 4, 6 and u_h − e_h = 2, 2, 3, plus 0.
    expect(candidateCommitments(profile)).toEqual([0, 2, 3, 4, 6]);
  });

  it('commits 2 units for $132.00, against $204 (k = 0), $136.80 (k = 3), $158.40 (k = 4)', () => {
    // cost(k) = k × 0.05 × 720 + 30 × Σ_h (0.10 × onDemand_h + 0.03 × spot_h), each group 8 hours:
    // k = 0: 30 × 8 × [(2 × 0.10) + (2 × 0.10 + 2 × 0.03) + (3 × 0.10 + 3 × 0.03)] = 240 × 0.85 = 204
    // k = 2: 72 + 240 × [0 + 2 × 0.03 + (1 × 0.10 + 3 × 0.03)] = 72 + 240 × 0.25 = 132
    // k = 3: 108 + 240 × [0 + 1 × 0.03 + 3 × 0.03] = 108 + 28.8 = 136.8
    // k = 4: 144 + 240 × [0 + 0 + 2 × 0.03] = 144 + 14.4 = 158.4
    // The third unit costs $36 a month and displaces 240 h of spot ($7.20) and 240 h of on-demand ($24): not worth it.
    expect(stackCost(profile, 0, 0.05, rates)).toBeCloseTo(204, 9);
    expect(stackCost(profile, 3, 0.05, rates)).toBeCloseTo(136.8, 9);
    expect(stackCost(profile, 4, 0.05, rates)).toBeCloseTo(158.4, 9);
    const best = bestCommitment(profile, 0.05, rates);
    expect(best.units).toBe(2);
    expect(best.monthlyUsd).toBeCloseTo(132, 9);
  });

  it('beats every single strategy on that profile', () => {
    // on-demand: (8 × 2 + 8 × 4 + 8 × 6) × 30 × 0.10 = 288; reserved at the daily minimum (2, no spot):
    // 72 + 30 × 0.10 × (8 × 2 + 8 × 4) = 216; spot alone: 204 (k = 0 above).
    const noSpot = { ...profile, spotEligible: hours([24, 0]) };
    expect(stackCost(noSpot, 0, 0.05, rates)).toBeCloseTo(288, 9);
    expect(stackCost(noSpot, 2, 0.05, rates)).toBeCloseTo(216, 9);
    expect(bestCommitment(profile, 0.05, rates).monthlyUsd).toBeLessThan(204);
  });

  it('splits the hours of a commitment into used and idle', () => {
    // k = 4 over u = 2/4/6: used 8 × (2 + 4 + 4) × 30 = 2,400 of 4 × 720 = 2,880 paid.
    const split = stackHours({ ...profile, spotEligible: hours([24, 0]) }, 4);
    expect(split.committedHours).toBe(2880);
    expect(split.usedCommittedHours).toBeCloseTo(2400, 9);
    expect(split.onDemandHours).toBeCloseTo(8 * 2 * 30, 9);
  });
});

describe('the spot rate with the interruption allowance', () => {
  it('runs a share of spot hours on demand: od × ((1 − ir)(1 − d) + ir)', () => {
    // 0.0416 × (0.95 × 0.3 + 0.05) = 0.0416 × 0.335 = 0.013936
    expect(spotHourlyUsd(0.0416, 0.7, 0.05)).toBeCloseTo(0.013936, 12);
    expect(spotHourlyUsd(0.1, 0.7, 1)).toBeCloseTo(0.1, 12);
  });

  it('keeps the floor and the max share on demand: e_h = min(share · u_h, max(0, u_h − floor))', () => {
    expect(spotUnits([2, 4, 6, 10], 0.5, 2)).toEqual([0, 2, 3, 5]);
    expect(spotUnits([1, 3], 0.5, 2)).toEqual([0, 1]);
  });
});

const profileArb = fc
  .record({
    units: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 24, maxLength: 24 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    floor: fc.integer({ min: 0, max: 10 }),
    spot: fc.boolean(),
  })
  .map(({ units, share, floor, spot }): LineProfile => ({ units, spotEligible: spot ? spotUnits(units, share, floor) : units.map(() => 0), hoursPerMonth: 730 }));
const ratesArb = fc.record({
  od: fc.double({ min: 0.001, max: 5, noNaN: true }),
  commitFraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
  spotFraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
});

describe('the optimiser (property)', () => {
  it('is exact: no whole commitment from 0 to ⌈max u⌉ + 2 costs less', () => {
    fc.assert(
      fc.property(profileArb, ratesArb, (profile, { od, commitFraction, spotFraction }) => {
        const rates = { onDemandUsd: od, spotUsd: od * spotFraction };
        const best = bestCommitment(profile, od * commitFraction, rates);
        const top = Math.ceil(Math.max(...profile.units)) + 2;
        for (let k = 0; k <= top; k += 1) expect(best.monthlyUsd).toBeLessThanOrEqual(stackCost(profile, k, od * commitFraction, rates) * (1 + 1e-12) + 1e-9);
      }),
    );
  });

  it('never costs more than on-demand, the daily minimum reserved, or spot alone', () => {
    fc.assert(
      fc.property(profileArb, ratesArb, (profile, { od, commitFraction, spotFraction }) => {
        const rates = { onDemandUsd: od, spotUsd: od * spotFraction };
        const c = od * commitFraction;
        const best = bestCommitment(profile, c, rates).monthlyUsd * (1 - 1e-12) - 1e-9;
        const noSpot = { ...profile, spotEligible: profile.units.map(() => 0) };
        expect(best).toBeLessThanOrEqual(stackCost(noSpot, 0, c, rates));
        expect(best).toBeLessThanOrEqual(stackCost(noSpot, Math.min(...profile.units), c, rates));
        expect(best).toBeLessThanOrEqual(stackCost(profile, 0, c, rates));
      }),
    );
  });
});
