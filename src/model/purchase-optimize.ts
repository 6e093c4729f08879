/**
 * How one committable line's units are bought hour by hour, and the commitment that costs least.
 *
 * A line runs u_h units in hour h of the daily profile (each profile hour stands for hoursPerMonth / 24 hours of the
 * month). k committed units are paid every hour at the commitment's effective rate c, used or not; of the rest,
 * the top of the stack goes to spot where the line may use it (e_h units at most, never below k), and the remainder
 * runs on demand:
 *
 *   committed_h = min(k, u_h)   spot_h = min(e_h, max(0, u_h − k))   onDemand_h = max(0, u_h − k) − spot_h
 *   cost(k) = k·c·H + (H / 24) · Σ_h (od · onDemand_h + s · spot_h)
 *
 * cost(k) is convex and piecewise linear: in each hour the slope in k steps from −od (below u_h − e_h) to −s (up to
 * u_h) to 0, and od ≥ s ≥ 0, so the slopes only rise. Its minimum over the integers is therefore at ⌊b⌋ or ⌈b⌉ of a
 * breakpoint b (some u_h or u_h − e_h), at 0, or at ⌈max u_h⌉ — checking those is exact.
 */

export interface LineProfile {
  /** u_h: units running in each hour of the daily profile (instances, or nodes for pods packed on nodes). */
  units: readonly number[];
  /** e_h: units of each hour that may run on spot (0 where the line may not). */
  spotEligible: readonly number[];
  /** Hours in the month; each profile hour stands for hoursPerMonth / 24 of them. */
  hoursPerMonth: number;
}

export interface LineRates {
  onDemandUsd: number;
  /** Spot's price per unit-hour with the interruption allowance; ignored where no unit may run on spot. */
  spotUsd: number;
}

/** Unit-hours a month of each part of the stack. `committedHours` is what is paid for: k × H, used or not. */
export interface StackHours {
  committedHours: number;
  /** Committed unit-hours that run something (≤ committedHours); the rest is idle. */
  usedCommittedHours: number;
  onDemandHours: number;
  spotHours: number;
}

const EPS = 1e-9;

/**
 * The eligible spot units of each hour: at most `maxShare` of the hour's units, and never the on-demand floor:
 * e_h = min(maxShare · u_h, max(0, u_h − floor)).
 * @example spotUnits([2, 4, 6], 0.5, 2) // [0, 2, 3]
 */
export function spotUnits(units: readonly number[], maxShare: number, floor: number): number[] {
  return units.map((u) => Math.min(maxShare * u, Math.max(0, u - floor)));
}

/** How k committed units split the month's unit-hours (see the file's comment). */
export function stackHours(profile: LineProfile, k: number): StackHours {
  const { units, spotEligible } = profile;
  const perHour = profile.hoursPerMonth / units.length;
  let used = 0;
  let onDemand = 0;
  let spot = 0;
  // Indexed: a forecast under `optimized` runs this for every candidate of every rate of every line, each month.
  for (let h = 0; h < units.length; h++) {
    const u = units[h]!;
    const above = Math.max(0, u - k);
    const s = Math.min(spotEligible[h] ?? 0, above);
    used += Math.min(k, u);
    spot += s;
    onDemand += above - s;
  }
  return { committedHours: k * profile.hoursPerMonth, usedCommittedHours: used * perHour, onDemandHours: onDemand * perHour, spotHours: spot * perHour };
}

/** cost(k) in USD a month, unrounded. */
export function stackCost(profile: LineProfile, k: number, committedUsd: number, rates: LineRates): number {
  const hours = stackHours(profile, k);
  return hours.committedHours * committedUsd + hours.onDemandHours * rates.onDemandUsd + hours.spotHours * rates.spotUsd;
}

/** The integer commitments where cost(k) can be least: 0, ⌊b⌋ and ⌈b⌉ of every breakpoint, and ⌈max u_h⌉. */
export function candidateCommitments(profile: LineProfile): number[] {
  const candidates = new Set<number>([0]);
  const add = (b: number) => {
    if (b <= 0) return;
    candidates.add(Math.floor(b + EPS));
    candidates.add(Math.ceil(b - EPS));
  };
  profile.units.forEach((u, h) => {
    add(u);
    add(u - (profile.spotEligible[h] ?? 0));
  });
  return [...candidates].sort((a, b) => a - b);
}

/**
 * The whole number of units to commit at `committedUsd` per unit-hour that makes the line cheapest, and that cost;
 * the fewest units on a tie (a commitment that saves nothing is not worth its lock-in). The candidates are taken in
 * rising order and the scan stops at the first that costs clearly more than the best so far: cost(k) is convex, so
 * every later one costs more still. `candidates` (`candidateCommitments(profile)`) depend on the profile alone: a
 * line priced at several rates works them out once.
 * @example bestCommitment({ units: [2, 2, 4, 4], spotEligible: [0, 0, 0, 0], hoursPerMonth: 730 }, 0.03, { onDemandUsd: 0.05, spotUsd: 0.05 })
 *   // { units: 2, monthlyUsd: 102.2 }: 2 × 730 × 0.03 + 2 units × 365 h × 0.05
 */
export function bestCommitment(
  profile: LineProfile,
  committedUsd: number,
  rates: LineRates,
  candidates: readonly number[] = candidateCommitments(profile),
): { units: number; monthlyUsd: number } {
  let best = { units: 0, monthlyUsd: stackCost(profile, 0, committedUsd, rates) };
  for (const k of candidates) {
    const cost = stackCost(profile, k, committedUsd, rates);
    const tolerance = EPS * Math.max(1, best.monthlyUsd);
    if (cost < best.monthlyUsd - tolerance) best = { units: k, monthlyUsd: cost };
    else if (cost > best.monthlyUsd + tolerance) break;
  }
  return best;
}
