import type { Component, Quantity, Tier } from './catalog.js';
import { assumed, type Visits } from './workload.js';

/**
 * A station is one pool of identical instances that requests queue at: an app tier, a cache,
 * a database writer, the database readers. Each instance is modelled as an M/M/v queue (v = its vCPUs)
 * receiving an even share of the station's arrivals.
 */
export interface Station {
  /** `component` or `component.writer` / `component.readers`. */
  id: string;
  component: Component;
  roles: readonly Tier[];
  /** vCPUs of one instance (0.5 for a pod with a 500m request). */
  vcpus: number;
  /** Servers of one instance's M/M/c queue: its whole vCPUs (at least one). */
  serversPerInstance: number;
  /** Visits per end-to-end request (mean). */
  visitsPerRequest: number;
  /** Service time of one visit on one server, seconds (the CPU demand ÷ the server's share of a vCPU). */
  serviceTimeS: number;
  /** Serverless stations have no queue: every request gets its own execution environment (M/M/∞). */
  delay: boolean;
  /** Instance bounds: equal for fixed stations. */
  minInstances: number;
  maxInstances: number;
  autoscaled: boolean;
  /** Scale-out CPU threshold (fraction); fixed stations use the CPU alert threshold instead. */
  targetUtilization?: number;
  requestsPerTargetPerMin?: number;
}

const QUEUEING_ROLES: readonly Tier[] = ['app', 'cache', 'db'];

/** Per-visit demand of each role, seconds of one vCPU, and its visits per request. */
function roleDemand(role: Tier, visits: Visits, assumptions: Readonly<Record<string, Quantity>>) {
  switch (role) {
    case 'app':
      return { visits: 1, demandS: assumed(assumptions, 'demand_app_s') };
    case 'cache':
      return { visits: visits.cache, demandS: assumed(assumptions, 'demand_cache_s') };
    default: {
      const reads = visits.dbReads;
      const writes = visits.dbWrites;
      const total = reads + writes;
      const demand =
        total > 0
          ? (reads * assumed(assumptions, 'demand_db_read_s') + writes * assumed(assumptions, 'demand_db_write_s')) / total
          : 0;
      return { visits: total, demandS: demand };
    }
  }
}

/**
 * Turns a phase's on-path components into stations.
 * - A component serving one role gets that role's visits and per-visit demand.
 * - A component serving several roles (phase 0's single VPS) takes their summed demand as one visit.
 * - A database with readers splits into a writer (writes) and a readers pool (reads that miss the cache).
 * `fixedCount` evaluates a component's fixed count (it may be a formula over the workload).
 */
export function buildStations(
  components: readonly Component[],
  visits: Visits,
  assumptions: Readonly<Record<string, Quantity>>,
  fixedCount: (component: Component) => number,
): Station[] {
  const stations: Station[] = [];
  for (const component of components) {
    const roles = component.serves.filter((role) => QUEUEING_ROLES.includes(role));
    const delay = component.kind === 'serverless';
    if (roles.length === 0 || (!component.instance && !delay)) continue;
    // An instance with v vCPUs is c = max(1, ⌊v⌋) servers, each running at v/c of a vCPU: a pod with a
    // 500m CPU request is one server at half speed, so a 20 ms demand takes it 40 ms.
    const vcpus = component.instance?.vcpus ?? 1;
    const serversPerInstance = Math.max(1, Math.floor(vcpus));
    const speed = vcpus / serversPerInstance;
    const bounds =
      component.count.kind === 'autoscaled'
        ? {
            minInstances: component.count.min,
            maxInstances: component.count.max,
            autoscaled: true,
            targetUtilization: component.count.targetUtilization,
            requestsPerTargetPerMin: component.count.requestsPerTargetPerMin,
          }
        : { minInstances: fixedCount(component), maxInstances: fixedCount(component), autoscaled: false };
    const base = { component, vcpus, serversPerInstance, delay, ...bounds };
    const readers = component.database?.readers ?? 0;
    if (roles.length === 1 && roles[0] === 'db' && readers > 0) {
      stations.push({
        ...base,
        id: `${component.id}.writer`,
        roles,
        visitsPerRequest: visits.dbWrites,
        serviceTimeS: assumed(assumptions, 'demand_db_write_s') / speed,
        minInstances: 1,
        maxInstances: 1,
        autoscaled: false,
      });
      stations.push({
        ...base,
        id: `${component.id}.readers`,
        roles,
        visitsPerRequest: visits.dbReads,
        serviceTimeS: assumed(assumptions, 'demand_db_read_s') / speed,
        minInstances: readers,
        maxInstances: readers,
        autoscaled: false,
      });
      continue;
    }
    const demands = roles.map((role) => roleDemand(role, visits, assumptions));
    const single = demands.length === 1 ? demands[0] : undefined;
    stations.push({
      ...base,
      id: component.id,
      roles,
      visitsPerRequest: single ? single.visits : 1,
      serviceTimeS: (single ? single.demandS : demands.reduce((sum, d) => sum + d.visits * d.demandS, 0)) / speed,
    });
  }
  return stations.filter((station) => station.visitsPerRequest > 0 && station.serviceTimeS > 0);
}
