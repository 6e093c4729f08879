import type { Component, Quantity, Tier } from './catalog-types.js';
import type { SizingResult } from './sizing.js';
import type { Visits } from './workload.js';

/**
 * Memory, the second capacity axis. Three parts, each checked only when the catalog gives its assumptions
 * (see MEMORY_ASSUMPTIONS in ./variables.ts): the cache's working set against the cache nodes' usable memory,
 * app memory per instance at the peak, and database connections × per-connection memory. MB are binary
 * (1 GB = 1024 MB), as instance memory is quoted in GiB.
 */

const MB_PER_GB = 1024;

const valueOf = (assumptions: Readonly<Record<string, Quantity>>, name: string): number | undefined => assumptions[name]?.value;

/**
 * The data the cache must hold for every lookup to hit: shared content plus the hot users' own data.
 *   W = cache_shared_gb + cache_hot_mb_per_user × hot users / 1024
 * Hot users are the concurrent users at the daily peak: entries expire after a TTL of minutes (the bundled
 * plan: 5–30 min), so a user's entries are held while the user is active and soon after; the per-user MB covers
 * the entries of users who left within the last TTL. Null when the catalog does not give both assumptions.
 */
export function cacheWorkingSetGb(assumptions: Readonly<Record<string, Quantity>>, hotUsers: number): number | null {
  const shared = valueOf(assumptions, 'cache_shared_gb');
  const perUser = valueOf(assumptions, 'cache_hot_mb_per_user');
  if (shared === undefined || perUser === undefined) return null;
  return shared + (perUser * hotUsers) / MB_PER_GB;
}

/** A component that is a cache and nothing else (not phase 0's VPS, whose in-process cache shares its memory). */
export const isDedicatedCache = (component: Component): boolean =>
  component.instance !== undefined && component.serves.length === 1 && component.serves[0] === 'cache';

/** Memory of one cache node that data may use: its memory less the reserve (ElastiCache's reserved-memory-percent). */
export const cacheNodeUsableGb = (component: Component): number =>
  (component.instance?.memoryGb ?? 0) * (1 - (component.cache?.reservedMemoryPercent.value ?? 0) / 100);

/**
 * Distinct data the cache components hold: Σ usable node memory × nodes ÷ copies of each item
 * (a primary and a replica hold the same data: two nodes, one node's worth).
 */
export function cacheCapacityGb(components: readonly Component[], nodes: (component: Component) => number): number {
  return components.reduce((sum, c) => sum + (cacheNodeUsableGb(c) * nodes(c)) / (c.cache?.copies ?? 1), 0);
}

/**
 * The hit ratio when the working set W does not fit the cache's capacity K:
 *   h = h₀ × min(1, K / W)
 * For requests drawn independently from a uniform popularity (the independent reference model), any
 * replacement policy that does not look at the future, LRU included, holds K of W equally likely items, so a
 * lookup finds its item with probability K/W (Fagin, "Asymptotic miss ratios over independent references",
 * J. Comput. Syst. Sci. 14, 1977; the uniform case of Che, Tung & Wang, IEEE JSAC 20(7), 2002). h₀ (the catalog's
 * ratio, what TTLs and invalidation allow when everything fits) scales it. Real popularity is skewed (Zipf-like),
 * where LRU keeps the popular items and does better: the figure errs on the side of more database reads.
 */
export function effectiveHitRatio(catalogHitRatio: number, capacityGb: number, workingSetGb: number): number {
  if (workingSetGb <= capacityGb) return catalogHitRatio;
  return catalogHitRatio * (capacityGb / workingSetGb);
}

/** The cache's working set against its capacity, and the hit ratio that follows. */
export interface CacheMemory {
  /** The dedicated cache components the capacity is summed over. */
  components: string[];
  hotUsers: number;
  workingSetGb: number;
  capacityGb: number;
  catalogHitRatio: number;
  effectiveHitRatio: number;
}

/**
 * The memory model of a phase's dedicated caches at the peak; null without one, or without the assumptions.
 * @param nodes the nodes a cache component runs (its fixed count; an autoscaled cache's minimum)
 */
export function cacheMemory(
  components: readonly Component[],
  assumptions: Readonly<Record<string, Quantity>>,
  hotUsers: number,
  nodes: (component: Component) => number,
): CacheMemory | null {
  const caches = components.filter(isDedicatedCache);
  const workingSetGb = cacheWorkingSetGb(assumptions, hotUsers);
  const catalogHitRatio = valueOf(assumptions, 'cache_hit_ratio');
  if (caches.length === 0 || workingSetGb === null || catalogHitRatio === undefined) return null;
  const capacityGb = cacheCapacityGb(caches, nodes);
  return {
    components: caches.map((c) => c.id),
    hotUsers,
    workingSetGb,
    capacityGb,
    catalogHitRatio,
    effectiveHitRatio: effectiveHitRatio(catalogHitRatio, capacityGb, workingSetGb),
  };
}

/** Per-request visits with the cache's effective hit ratio: the reads it no longer answers go to the database. */
export function visitsWithHitRatio(visits: Visits, hitRatio: number): Visits {
  return { ...visits, dbReads: visits.cache * (1 - hitRatio) };
}

/** One tier's memory at the peak hour, per instance. */
export interface MemoryRow {
  /** The station id, as in the tiers. */
  id: string;
  component: string;
  /** GB in use on one instance, by role; null where the model has no finite value (an unstable queue). */
  parts: Array<{ role: Tier; usedGb: number | null }>;
  usedGb: number | null;
  /** Memory of one instance (a dedicated cache node: its usable memory, after the reserve), GB. */
  capacityGb: number;
  /** usedGb / capacityGb; past 1 a cache evicts, another tier swaps or is killed. */
  fraction: number | null;
}

const sumOrNull = (values: ReadonlyArray<number | null>): number | null =>
  values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + (b as number), 0);

/**
 * Memory per instance of every sized station, where the catalog gives the assumptions its roles need:
 * - app: app_memory_baseline_mb + app_memory_mb_per_request × requests in flight, where requests in flight =
 *   the arrival rate per instance × the time a request spends in the modelled tiers (Little's law, L = λW: the
 *   app holds a request while it waits on the cache and the database), taken at the scale-out point as latency is;
 * - db: connections in use × db_memory_mb_per_connection, connections in use = λ × W at the instance (each query
 *   in flight holds one connection: the same figure as the connection check);
 * - cache: a dedicated cache node holds its share of the working set (W × its usable memory ÷ the capacity); a
 *   cache inside a multi-role instance (phase 0's node-cache) holds the whole working set in that instance.
 */
export function memoryRows(sizing: SizingResult, assumptions: Readonly<Record<string, Quantity>>, cache: CacheMemory | null, workingSetGb: number | null, overheadS: number): MemoryRow[] {
  const baselineMb = valueOf(assumptions, 'app_memory_baseline_mb');
  const perRequestMb = valueOf(assumptions, 'app_memory_mb_per_request');
  const perConnectionMb = valueOf(assumptions, 'db_memory_mb_per_connection');
  const rows: MemoryRow[] = [];
  for (const { station, state } of sizing.stations) {
    const instance = station.component.instance;
    if (!instance) continue;
    const dedicated = isDedicatedCache(station.component);
    const parts: MemoryRow['parts'] = [];
    const rate = state.latencyArrivalPerInstancePerS;
    if (station.roles.includes('app') && baselineMb !== undefined && perRequestMb !== undefined) {
      const inFlight = sizing.meanS === null ? null : (rate / station.visitsPerRequest) * (sizing.meanS - overheadS);
      parts.push({ role: 'app', usedGb: inFlight === null ? null : (baselineMb + perRequestMb * inFlight) / MB_PER_GB });
    }
    if (station.roles.includes('cache')) {
      if (dedicated && cache) {
        const share = cache.capacityGb > 0 ? cacheNodeUsableGb(station.component) / cache.capacityGb : 1;
        parts.push({ role: 'cache', usedGb: cache.workingSetGb * share });
      }
      else if (!dedicated && workingSetGb !== null) parts.push({ role: 'cache', usedGb: workingSetGb });
    }
    if (station.roles.includes('db') && perConnectionMb !== undefined) {
      const connections = state.meanS === null ? null : rate * state.meanS;
      parts.push({ role: 'db', usedGb: connections === null ? null : (connections * perConnectionMb) / MB_PER_GB });
    }
    if (parts.length === 0) continue;
    const usedGb = sumOrNull(parts.map((p) => p.usedGb));
    const capacityGb = dedicated ? cacheNodeUsableGb(station.component) : instance.memoryGb;
    rows.push({ id: station.id, component: station.component.id, parts, usedGb, capacityGb, fraction: usedGb === null ? null : usedGb / capacityGb });
  }
  return rows;
}
