import type { Component } from './catalog-types.js';

/**
 * How a component rides out the loss of one copy:
 * - `managed`: a service priced by use (CDN, API gateway, load balancer); the provider spreads it over its zones.
 * - `pool`: identical copies behind a balancer; a lost copy's share of requests fails until health checks eject it.
 * - `standby`: one active copy (a database writer, a cache primary) and a replica promoted automatically.
 * - `single`: one copy; the path is down until it is replaced (automatically or by a person).
 */
export type Recovery = 'managed' | 'pool' | 'standby' | 'single';

/** The prefix of a placement that is a CDN provider's global network rather than a cloud region. */
export const EDGE_PREFIX = 'edge:';

export interface PlacedComponent {
  component: Component;
  /** Copies it always runs: a fixed count, an autoscaling minimum, or a database's writer + readers. */
  copies: number;
  /** Zones its copies span in each region (copies fill zones 1, 2, … of a region; a writer sits in zone 1). */
  zones: number;
  /** Where a full copy runs, the active one first. */
  regions: readonly string[];
  recovery: Recovery;
  /** `standby`: whose detection + switch-over applies. */
  failover: 'database' | 'cache' | null;
  /** `single`: replaced by automation (an autoscaling group, a managed database) rather than by a person. */
  automatic: boolean;
}

function recoveryOf(component: Component, copies: number, declared: Recovery | undefined): Pick<PlacedComponent, 'recovery' | 'failover' | 'automatic'> {
  const { database } = component;
  if (declared !== undefined) {
    const failover = declared === 'standby' ? (database ? 'database' : 'cache') : null;
    // Only a lone instance we run ourselves with no autoscaling waits for a person.
    const automatic = declared !== 'single' || database !== undefined || component.instance === undefined || component.count.kind === 'autoscaled';
    return { recovery: declared, failover, automatic };
  }
  if (database) {
    // A writer without a replica to promote is recreated by the provider (Aurora, RDS): automatic, but slow.
    if (database.failover === 'automatic' && database.readers > 0) return { recovery: 'standby', failover: 'database', automatic: true };
    return { recovery: 'single', failover: null, automatic: true };
  }
  if (component.instance === undefined) return { recovery: 'managed', failover: null, automatic: true };
  if (component.kind === 'cache' && copies >= 2) return { recovery: 'standby', failover: 'cache', automatic: true };
  if (copies >= 2) return { recovery: 'pool', failover: null, automatic: true };
  return { recovery: 'single', failover: null, automatic: component.count.kind === 'autoscaled' };
}

/**
 * A component's failure domains as the catalog places it; without `placement`, one zone of `defaultRegion`.
 * @param copies the instances it always runs (see PlacedComponent.copies)
 */
export function placeComponent(component: Component, copies: number, defaultRegion: string): PlacedComponent {
  const placement = component.placement;
  return {
    component,
    copies,
    zones: placement?.zones ?? 1,
    regions: placement?.regions ?? [defaultRegion],
    ...recoveryOf(component, copies, placement?.recovery),
  };
}

export const isEdge = (region: string): boolean => region.startsWith(EDGE_PREFIX);
