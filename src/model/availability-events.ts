import { isEdge, type PlacedComponent } from './availability-placement.js';
import type { FailureInputs } from './failure-model.js';

/** What one failure does to one component: `share` of the requests through it fail for `durationS` seconds. */
export interface Impact {
  component: string;
  share: number;
  durationS: number;
}

export type FailureDomain = 'instance' | 'zone' | 'region' | 'edge';

/** A kind of failure that strikes at `ratePerYear`, with what each component suffers when it does. */
export interface FailureEvent {
  domain: FailureDomain;
  /** The component (instance), `region/zone n` (zone), the region or the edge network. */
  where: string;
  ratePerYear: number;
  impacts: Impact[];
}

/**
 * Seconds of lost service from one failure that strikes several components at once: all impacts start
 * together, and a request fails if any component on its path fails it, so at time t the failed share is
 * 1 − Πᵢ (1 − sᵢ · [t < dᵢ]) and the loss is its integral. With one impact this is s · d; with several
 * full ones it is the longest d (a zone outage is one outage, not one per component in the zone).
 * @example lostSeconds([{ share: 1, durationS: 30 }, { share: 0.5, durationS: 60 }]) // 30 + 0.5 · 30 = 45
 */
export function lostSeconds(impacts: readonly Pick<Impact, 'share' | 'durationS'>[]): number {
  const sorted = [...impacts].filter((i) => i.durationS > 0 && i.share > 0).sort((a, b) => a.durationS - b.durationS);
  // survive[j] = Π over impacts j..end (those still running once the shorter ones have ended) of (1 − share).
  const survive: number[] = Array.from({ length: sorted.length + 1 }, () => 1);
  for (let j = sorted.length - 1; j >= 0; j--) survive[j] = survive[j + 1]! * (1 - Math.min(1, sorted[j]!.share));
  let lost = 0;
  let previous = 0;
  sorted.forEach((impact, j) => {
    lost += (impact.durationS - previous) * (1 - survive[j]!);
    previous = impact.durationS;
  });
  return lost;
}

/** Instance failures of one component, independent of every other component's. */
function instanceEvent(p: PlacedComponent, inputs: FailureInputs): FailureEvent | undefined {
  const id = p.component.id;
  const rate = inputs.instanceRatePerYear;
  switch (p.recovery) {
    case 'managed':
      // The provider's own instances: their failures are inside its zone and region figures.
      return undefined;
    case 'pool':
      // Each of n copies fails at the rate; its 1/n of the requests fail until the health checks eject it.
      return { domain: 'instance', where: id, ratePerYear: p.copies * rate, impacts: [{ component: id, share: 1 / p.copies, durationS: inputs.failoverS.loadBalancer }] };
    case 'standby':
      // Only the active copy's failure interrupts service: a lost replica is replaced in the background.
      return { domain: 'instance', where: id, ratePerYear: rate, impacts: [{ component: id, share: 1, durationS: inputs.failoverS[p.failover ?? 'database'] }] };
    case 'single':
      return { domain: 'instance', where: id, ratePerYear: rate, impacts: [{ component: id, share: 1, durationS: p.automatic ? inputs.instanceRecoveryS : inputs.manualRecoveryS }] };
  }
}

/**
 * What losing zone `zone` (1-based) of its active region does to a component. A failover or a replacement
 * never takes longer than the outage it works around: the zone may come back first.
 */
function zoneImpact(p: PlacedComponent, zone: number, inputs: FailureInputs): Impact | undefined {
  const id = p.component.id;
  const outageS = inputs.zoneOutageS;
  if (zone > p.zones) return undefined;
  // Every copy in the one zone: down until the zone comes back.
  if (p.zones === 1) return { component: id, share: 1, durationS: outageS };
  switch (p.recovery) {
    case 'managed':
    case 'pool':
      // The copies in the other zones take the traffic. The seconds until health checks eject the lost zone
      // (λ·t/zones, under 10⁻⁶ of the time) are left out, so that a zone more never lowers the estimate.
      return undefined;
    case 'standby':
      return zone === 1 ? { component: id, share: 1, durationS: Math.min(outageS, inputs.failoverS[p.failover ?? 'database']) } : undefined;
    case 'single':
      // A managed writer whose storage spans the zones (Aurora) is recreated in a surviving zone.
      return zone === 1 ? { component: id, share: 1, durationS: Math.min(outageS, p.automatic ? inputs.instanceRecoveryS : inputs.manualRecoveryS) } : undefined;
  }
}

/** What losing region (or edge network) `where` does to a component: nothing unless it is the active one. */
function regionImpact(p: PlacedComponent, where: string, inputs: FailureInputs): Impact | undefined {
  if (p.regions[0] !== where) return undefined;
  const edge = isEdge(where);
  const outageS = edge ? inputs.edgeOutageS : inputs.regionOutageS;
  const switchS = edge ? inputs.failoverS.cdn : inputs.failoverS.region;
  return { component: p.component.id, share: 1, durationS: p.regions.length > 1 ? Math.min(outageS, switchS) : outageS };
}

/**
 * Every kind of failure that touches the hard-dependency path: each component's instance failures, then the
 * outage of each zone, region and edge network a component is active in. Zone, region and edge outages are
 * common-mode: one event carries the impacts on every component placed there.
 */
export function failureEvents(path: readonly PlacedComponent[], inputs: FailureInputs): FailureEvent[] {
  const events: FailureEvent[] = [];
  for (const p of path) {
    const event = instanceEvent(p, inputs);
    if (event) events.push(event);
  }
  const active = [...new Set(path.map((p) => p.regions[0]!))];
  for (const region of active.filter((r) => !isEdge(r))) {
    const here = path.filter((p) => p.regions[0] === region);
    const zones = Math.max(...here.map((p) => p.zones));
    for (let zone = 1; zone <= zones; zone++) {
      const impacts = here.map((p) => zoneImpact(p, zone, inputs)).filter((i) => i !== undefined);
      if (impacts.length > 0) events.push({ domain: 'zone', where: `${region}/zone ${zone}`, ratePerYear: inputs.zoneRatePerYear, impacts });
    }
  }
  for (const where of active) {
    const impacts = path.map((p) => regionImpact(p, where, inputs)).filter((i) => i !== undefined);
    events.push({ domain: isEdge(where) ? 'edge' : 'region', where, ratePerYear: isEdge(where) ? inputs.edgeRatePerYear : inputs.regionRatePerYear, impacts });
  }
  return events;
}
