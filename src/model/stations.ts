import type { Component, Quantity, Tier } from './catalog-types.js';
import { filterList, mapList } from './lists.js';
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
    const roles = filterList(component.serves, (role) => QUEUEING_ROLES.includes(role));
    const delay = component.kind === 'serverless';
    if (roles.length === 0 || (!component.instance && !delay)) continue;
    // An instance with v vCPUs is c = max(1, ⌊v⌋) servers, each running at v/c of a vCPU: a pod with a
    // 500m CPU request is one server at half speed, so a 20 ms demand takes it 40 ms.
    const vcpus = component.instance?.vcpus ?? 1;
    const serversPerInstance = Math.max(1, Math.floor(vcpus));
    const speed = vcpus / serversPerInstance;
    const fixed = component.count.kind === 'fixed' ? fixedCount(component) : 0;
    // Every station is built by one literal, field by field: object spreads here cost more than the queueing.
    const make = (id: string, visitsPerRequest: number, serviceTimeS: number, poolSize?: number): Station => {
      const scaling = poolSize === undefined && component.count.kind === 'autoscaled' ? component.count : undefined;
      const size = poolSize ?? fixed;
      return {
        id,
        component,
        roles,
        vcpus,
        serversPerInstance,
        visitsPerRequest,
        serviceTimeS,
        delay,
        minInstances: scaling ? scaling.min : size,
        maxInstances: scaling ? scaling.max : size,
        autoscaled: scaling !== undefined,
        targetUtilization: scaling?.targetUtilization,
        requestsPerTargetPerMin: scaling?.requestsPerTargetPerMin,
      };
    };
    const readers = component.database?.readers ?? 0;
    if (roles.length === 1 && roles[0] === 'db' && readers > 0) {
      stations.push(make(`${component.id}.writer`, visits.dbWrites, assumed(assumptions, 'demand_db_write_s') / speed, 1));
      stations.push(make(`${component.id}.readers`, visits.dbReads, assumed(assumptions, 'demand_db_read_s') / speed, readers));
      continue;
    }
    const demands = mapList(roles, (role) => roleDemand(role, visits, assumptions));
    const single = demands.length === 1 ? demands[0] : undefined;
    const demandS = single ? single.demandS : demands.reduce((sum, d) => sum + d.visits * d.demandS, 0);
    stations.push(make(component.id, single ? single.visits : 1, demandS / speed));
  }
  return filterList(stations, (station) => station.visitsPerRequest > 0 && station.serviceTimeS > 0);
}
