import { failureEvents, lostSeconds, type FailureDomain, type FailureEvent } from './availability-events.js';
import { placeComponent, type PlacedComponent, type Recovery } from './availability-placement.js';
import type { Component, Phase } from './catalog-types.js';
import { failureInputs, type FailureModel, type InputEnd } from './failure-model.js';
import { filterList, mapNumbers } from './lists.js';

/** 365.25 days: failure rates are per calendar year. */
export const SECONDS_PER_YEAR = 365.25 * 86_400;

/**
 * Availability of components that must all be up (series composition): A = Π aᵢ (Trivedi, "Probability and
 * Statistics with Reliability, Queuing, and Computer Science Applications", 2nd ed., §3.5), assuming
 * independent failures.
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

/**
 * The long-run share of time one kind of failure keeps the path down: rate × loss per event over a year
 * (the steady-state unavailability of an up/down process, MTTR / (MTTF + MTTR) ≈ λ · MTTR when outages are
 * short against the time between them; Trivedi, 2nd ed., availability of repairable systems), capped at 1.
 */
export function eventUnavailability(event: Pick<FailureEvent, 'ratePerYear' | 'impacts'>): number {
  return Math.min(1, (event.ratePerYear * lostSeconds(event.impacts)) / SECONDS_PER_YEAR);
}

/** Independent kinds of failure in series: A = Π (1 − uₖ). */
export function availabilityOf(events: readonly FailureEvent[]): number {
  return series(events.map((event) => 1 - eventUnavailability(event)));
}

export interface ComponentAvailability {
  component: string;
  name: string;
  dependency: 'hard' | 'soft';
  /** The provider's SLA as deployed, a fraction; null when the catalog gives none. */
  sla: number | null;
  copies: number;
  zones: number;
  regions: readonly string[];
  recovery: Recovery;
  /** Expected downtime per month this component causes on its own (hard dependencies); null for soft ones. */
  downtimeMinutes: number | null;
  /** A hard dependency with one copy and nothing to fail over to. */
  singlePointOfFailure: boolean;
}

export interface AvailabilityResult {
  /** The estimate from failure domains, percent, with every input at its value. */
  expectedPercent: number;
  /** Every input at the end of its range that gives the most (low) or the least (high) downtime. */
  expectedLowPercent: number;
  expectedHighPercent: number;
  /** The contractual floor: the product of the SLAs along the hard-dependency path, percent. */
  slaPercent: number;
  targetPercent: number;
  /** expectedPercent ≥ targetPercent. */
  pass: boolean;
  errorBudgetMinutes: number;
  expectedDowntimeMinutes: number;
  /** The hard dependency that causes the most expected downtime on its own, and the failure that drives it. */
  dominant: { component: string; downtimeMinutes: number; domain: FailureDomain } | null;
  components: ComponentAvailability[];
  softDependencies: Array<{ component: string; reason: string }>;
  /** Hard dependencies with no SLA figure: left out of the SLA floor. */
  unrated: string[];
}

export interface AvailabilityContext {
  /** Instances a component always runs (a fixed count, an autoscaling minimum, a database's writer + readers). */
  countAtFloor: (component: Component) => number;
  hoursPerMonth: number;
  model: FailureModel;
  /** Where a component without `placement.regions` runs. */
  defaultRegion: string;
}

/** Each hard dependency's own expected downtime per month, and the failure domain that causes most of it. */
function ownDowntime(events: readonly FailureEvent[], id: string, monthMinutes: number): { minutes: number; domain: FailureDomain } {
  const byDomain = new Map<FailureDomain, number>();
  for (const event of events) {
    const own = event.impacts.filter((impact) => impact.component === id);
    if (own.length === 0) continue;
    byDomain.set(event.domain, (byDomain.get(event.domain) ?? 0) + eventUnavailability({ ratePerYear: event.ratePerYear, impacts: own }));
  }
  let domain: FailureDomain = 'instance';
  let total = 0;
  for (const [d, u] of byDomain) {
    total += u;
    if (u > (byDomain.get(domain) ?? 0)) domain = d;
  }
  return { minutes: total * monthMinutes, domain };
}

/**
 * The availability of a phase's request path, two ways. The SLA floor multiplies the providers' commitments
 * along the hard-dependency path: a contractual check, not an estimate. The expected availability comes from
 * failure domains (docs/model.md § Availability): each component placed in zones and regions, instance
 * failures per component, and zone, region and edge-network outages as common-mode events; redundancy counts
 * only where a copy can take the traffic; failover costs its detection + switch-over time; soft dependencies
 * stay out of both products. Off-path components (monitoring, ML) take no requests and are left out.
 */
export function phaseAvailability(phase: Phase, ctx: AvailabilityContext): AvailabilityResult {
  // Worker tiers take events from a queue, not requests: a user does not wait on them.
  const onPath = filterList(phase.components, (component) => component.serves.some((role) => role !== 'worker'));
  const counts = mapNumbers(onPath, (component) => ctx.countAtFloor(component));
  // The result depends on the phase, the failure model and the counts at the floor, not on the load: a sweep, a
  // headroom search or `solve` sizes the same phase many times over, and each would recompute the same events.
  const key = `${counts.join(',')}|${ctx.hoursPerMonth}|${ctx.defaultRegion}`;
  const byModel = computed.get(phase) ?? new WeakMap<FailureModel, Map<string, AvailabilityResult>>();
  computed.set(phase, byModel);
  const byKey = byModel.get(ctx.model) ?? new Map<string, AvailabilityResult>();
  byModel.set(ctx.model, byKey);
  const known = byKey.get(key);
  if (known) return known;
  const result = availabilityOfPhase(phase, ctx, onPath, counts);
  byKey.set(key, result);
  return result;
}

/** Results already computed, by phase and failure model (both immutable once loaded), then by counts. */
const computed = new WeakMap<Phase, WeakMap<FailureModel, Map<string, AvailabilityResult>>>();

function availabilityOfPhase(phase: Phase, ctx: AvailabilityContext, onPath: readonly Component[], counts: readonly number[]): AvailabilityResult {
  const isSoft = (component: Component) => component.dependency?.type === 'soft';
  const placed = onPath.map((component, i) => placeComponent(component, counts[i]!, ctx.defaultRegion));
  const hard: PlacedComponent[] = placed.filter((p) => !isSoft(p.component));
  const monthMinutes = ctx.hoursPerMonth * 60;

  const expectedAt = (end: InputEnd) => availabilityOf(failureEvents(hard, failureInputs(ctx.model, end)));
  const expected = expectedAt('value');
  const events = failureEvents(hard, failureInputs(ctx.model, 'value'));

  const components = placed.map((p): ComponentAvailability => {
    const soft = isSoft(p.component);
    return {
      component: p.component.id,
      name: p.component.name,
      dependency: soft ? 'soft' : 'hard',
      sla: p.component.availability?.value ?? null,
      copies: p.copies,
      zones: p.zones,
      regions: p.regions,
      recovery: p.recovery,
      downtimeMinutes: soft ? null : ownDowntime(events, p.component.id, monthMinutes).minutes,
      singlePointOfFailure: !soft && p.recovery === 'single',
    };
  });
  let dominant: AvailabilityResult['dominant'] = null;
  for (const p of hard) {
    const own = ownDowntime(events, p.component.id, monthMinutes);
    if (own.minutes > 0 && own.minutes > (dominant?.downtimeMinutes ?? 0)) dominant = { component: p.component.id, downtimeMinutes: own.minutes, domain: own.domain };
  }

  const rated = hard.map((p) => p.component.availability?.value).filter((a) => a !== undefined);
  const targetPercent = phase.slo.availability;
  return {
    expectedPercent: expected * 100,
    expectedLowPercent: expectedAt('more') * 100,
    expectedHighPercent: expectedAt('fewer') * 100,
    slaPercent: series(rated) * 100,
    targetPercent,
    pass: expected * 100 >= targetPercent,
    errorBudgetMinutes: errorBudgetMinutes(targetPercent, ctx.hoursPerMonth),
    expectedDowntimeMinutes: (1 - expected) * monthMinutes,
    dominant,
    components,
    softDependencies: onPath.filter(isSoft).map((c) => ({ component: c.id, reason: c.dependency?.reason ?? '' })),
    unrated: hard.filter((p) => p.component.availability === undefined).map((p) => p.component.id),
  };
}
