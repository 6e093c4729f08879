import type { Component, Phase } from './catalog-types.js';

/**
 * Availability of n redundant copies, any one of which suffices (parallel composition):
 *   A = 1 − (1 − a)^n
 * Trivedi, "Probability and Statistics with Reliability, Queuing, and Computer Science Applications",
 * 2nd ed., §3.5 (parallel systems), assuming independent failures.
 * @param a availability of one copy, 0 ≤ a ≤ 1
 * @param n number of copies, n ≥ 1
 * @example parallel(0.99, 2) // 0.9999
 */
export function parallel(a: number, n: number): number {
  // 1 − (1 − a)^n computed as −expm1(n·log1p(−a)) keeps digits when a is close to 1.
  return a >= 1 ? 1 : -Math.expm1(n * Math.log1p(-a));
}

/**
 * Availability of components that must all be up (series composition): A = Π aᵢ (Trivedi §3.5).
 * @example series([0.999, 0.9995]) // 0.9985005
 */
export function series(availabilities: readonly number[]): number {
  return availabilities.reduce((product, a) => product * a, 1);
}

/**
 * Minutes of downtime a target allows in a month: (1 − target/100) · hoursPerMonth · 60.
 * @example errorBudgetMinutes(99.9, 730) // 43.8
 */
export function errorBudgetMinutes(targetPercent: number, hoursPerMonth: number): number {
  return ((100 - targetPercent) / 100) * hoursPerMonth * 60;
}

/** How many copies of a component must all fail before the request path breaks. */
function redundancy(component: Component, countAtFloor: number): number {
  // A database's writer is one endpoint: its readers do not take writes. A Multi-AZ standby is
  // already inside the writer's availability figure in the catalog.
  if (component.database) return 1;
  return Math.max(1, countAtFloor);
}

export interface ComponentAvailability {
  component: string;
  name: string;
  /** Availability of one instance, as a fraction. */
  perInstance: number;
  copies: number;
  /** Availability of the component with its redundancy, as a fraction. */
  combined: number;
  singlePointOfFailure: boolean;
}

export interface AvailabilityResult {
  /** Expected availability of the request path, percent. */
  expectedPercent: number;
  targetPercent: number;
  pass: boolean;
  errorBudgetMinutes: number;
  expectedDowntimeMinutes: number;
  components: ComponentAvailability[];
  /** On-path components with no declared availability: left out of the product, named here. */
  unrated: string[];
}

/**
 * Series/parallel availability of a phase's request path. Each on-path component counts with the
 * instances it always runs (a fixed count, or an autoscaled tier's minimum). Off-path components
 * (monitoring, ML) do not take requests and are left out.
 */
export function phaseAvailability(
  phase: Phase,
  countAtFloor: (component: Component) => number,
  hoursPerMonth: number,
): AvailabilityResult {
  const components: ComponentAvailability[] = [];
  const unrated: string[] = [];
  for (const component of phase.components) {
    // Worker tiers take events from a queue, not requests: a user does not wait on them.
    if (component.serves.every((role) => role === 'worker')) continue;
    if (component.availability === undefined) {
      unrated.push(component.id);
      continue;
    }
    const perInstance = component.availability.value;
    const copies = redundancy(component, countAtFloor(component));
    components.push({
      component: component.id,
      name: component.name,
      perInstance,
      copies,
      combined: parallel(perInstance, copies),
      // A managed service priced by use (a CDN, an API gateway) is redundant inside the provider: its SLA
      // is its availability. One instance we run ourselves, or a database writer without automatic
      // failover, is a single point of failure.
      singlePointOfFailure: copies === 1 && component.instance !== undefined && component.database?.failover !== 'automatic',
    });
  }
  const expected = series(components.map((c) => c.combined));
  const targetPercent = phase.slo.availability;
  const monthMinutes = hoursPerMonth * 60;
  return {
    expectedPercent: expected * 100,
    targetPercent,
    pass: expected * 100 >= targetPercent,
    errorBudgetMinutes: errorBudgetMinutes(targetPercent, hoursPerMonth),
    expectedDowntimeMinutes: (1 - expected) * monthMinutes,
    components,
    unrated,
  };
}
