import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { formatProblem, ProblemList } from '../../src/catalog/problems.js';
import { checkComponents } from '../../src/catalog/rules/components.js';
import type { Catalog, Component } from '../../src/model/catalog-types.js';

// The component rules (src/catalog/rules/components.ts) on both sides of each limit, on the bundled catalog with one
// component changed. Phase 3 (index 3) lists the regions us-east-1 and eu-west-1; its api (index 6) scales from 5 to
// 60 in two zones of us-east-1; its db (index 7) runs 2 instances, 1 writer + 1 reader.
const { catalog } = loadCatalog();

function componentsOf(changed: Catalog): string[] {
  const problems = new ProblemList('phases.yaml');
  checkComponents(changed, problems);
  return [...problems.errors, ...problems.warnings].map(formatProblem);
}

/** The bundled catalog with component `j` of phase `i` changed. */
const withComponent = (i: number, j: number, change: (component: Component) => Component): Catalog => ({
  ...catalog,
  phases: catalog.phases.map((phase, p) => (p === i ? { ...phase, components: phase.components.map((c, k) => (k === j ? change(c) : c)) } : phase)),
});
const api = (change: (component: Component) => Component) => withComponent(3, 6, change);
const scaled = (over: object) => api((c) => ({ ...c, count: { ...c.count, ...over } as Component['count'] }));
const at = 'phases.yaml  phases[3].components[6]';

describe('component rules', () => {
  it('report nothing on the bundled catalog', () => {
    expect(componentsOf(catalog)).toEqual([]);
  });

  it('want component ids unique within a phase', () => {
    expect(componentsOf(withComponent(3, 7, (c) => ({ ...c, id: 'api' })))).toContain('phases.yaml  phases[3].components[7].id  component id "api" is used twice (first at index 6); ids must be unique');
  });

  it("want a placement's regions listed once and among the phase's, edge locations aside", () => {
    const placed = (regions: string[]) => api((c) => ({ ...c, placement: { ...c.placement!, regions } }));
    expect(componentsOf(placed(['us-east-1', 'edge:cloudfront']))).toEqual([]);
    expect(componentsOf(placed(['us-east-1', 'us-east-1']))).toEqual([`${at}.placement.regions[1]  region "us-east-1" is listed twice`]);
    expect(componentsOf(placed(['us-east-1', 'ap-south-1']))).toEqual([`${at}.placement.regions[1]  warning: region "ap-south-1" is not one of the phase's regions (us-east-1, eu-west-1)`]);
    // Phase 2 lists no regions: any region goes.
    expect(componentsOf(withComponent(2, 3, (c) => ({ ...c, placement: { ...c.placement!, regions: ['ap-south-1'] } })))).toEqual([]);
  });

  it('want as many copies always running as zones × cloud regions, for instances that are not databases', () => {
    expect(componentsOf(scaled({ min: 2 }))).toEqual([]);
    expect(componentsOf(scaled({ min: 1, desired: 1 }))).toEqual([
      `${at}.placement.zones  2 zone(s) in 1 region(s) need at least 2 instances, but 1 always runs; raise the count (or scaling min) or lower the zones`,
    ]);
    const twoRegions = api((c) => ({ ...c, placement: { zones: 3, regions: ['us-east-1', 'eu-west-1', 'edge:cloudfront'] } }));
    expect(componentsOf(twoRegions)).toEqual([
      `${at}.placement.zones  3 zone(s) in 2 region(s) need at least 6 instances, but 5 always run; raise the count (or scaling min) or lower the zones`,
    ]);
    const fixedFive = withComponent(3, 10, (c) => ({ ...c, placement: { zones: 5, regions: ['us-east-1'] } }));
    expect(componentsOf(fixedFive)).toEqual([]);
    const fixedSix = withComponent(3, 10, (c) => ({ ...c, placement: { zones: 6, regions: ['us-east-1'] } }));
    expect(componentsOf(fixedSix)).toEqual([
      'phases.yaml  phases[3].components[10].placement.zones  6 zone(s) in 1 region(s) need at least 6 instances, but 5 always run; raise the count (or scaling min) or lower the zones',
    ]);
  });

  it('want scaling bounds in order, desired between them (inclusive), and an instance to size', () => {
    expect(componentsOf(scaled({ desired: 5 }))).toEqual([]);
    expect(componentsOf(scaled({ desired: 60 }))).toEqual([]);
    expect(componentsOf(scaled({ desired: 4 }))).toEqual([`${at}.scaling.desired  scaling desired 4 must lie between min 5 and max 60`]);
    expect(componentsOf(scaled({ desired: 61 }))).toEqual([`${at}.scaling.desired  scaling desired 61 must lie between min 5 and max 60`]);
    expect(componentsOf(scaled({ min: 61 }))).toContain(`${at}.scaling.min  scaling min 61 is greater than max 60`);
    const noInstance = componentsOf(api((c) => ({ ...c, instance: undefined })));
    expect(noInstance).toContain(`${at}.scaling  an autoscaled component needs instance: { type, vcpus, memory_gb } so the engine can size it`);
    expect(noInstance).toContain(`${at}.serves  warning: serves app but has no instance: { type, vcpus, memory_gb }; the engine cannot size it and leaves it out`);
  });

  it('warn at each request-path role without an instance (app, cache, db), and name them all', () => {
    const bare = (serves: Component['serves']) => componentsOf(withComponent(3, 6, (c) => ({ ...c, serves, count: { kind: 'fixed', count: 1 }, instance: undefined })));
    for (const role of ['app', 'cache', 'db'] as const) {
      expect(bare([role])).toContain(`${at}.serves  warning: serves ${role} but has no instance: { type, vcpus, memory_gb }; the engine cannot size it and leaves it out`);
    }
    expect(bare(['cache', 'db'])).toContain(`${at}.serves  warning: serves cache, db but has no instance: { type, vcpus, memory_gb }; the engine cannot size it and leaves it out`);
    expect(bare(['edge'])).toEqual([]);
  });

  it('leave a serverless component without an instance alone', () => {
    expect(componentsOf(withComponent(3, 11, (c) => ({ ...c, serves: ['db'], instance: undefined, kind: 'serverless', dependency: { type: 'soft', reason: 'r' } })))).toEqual([]);
  });

  it("want a database's count to be its writer and readers, and database: only on a db", () => {
    expect(componentsOf(withComponent(3, 7, (c) => ({ ...c, count: { kind: 'fixed', count: 3 } })))).toEqual([
      'phases.yaml  phases[3].components[7].count  warning: count 3 but database.readers 1: the engine runs 1 writer + 1 readers = 2 instances; make count 2',
    ]);
    expect(componentsOf(withComponent(3, 7, (c) => ({ ...c, serves: ['app'] })))).toContain('phases.yaml  phases[3].components[7].database  warning: database: is set but the component does not serve db');
  });

  it('want a worker alone on its component, with its queue, and sized by an instance unless serverless', () => {
    const batch = (change: (c: Component) => Component) => withComponent(4, 9, change);
    const w = 'phases.yaml  phases[4].components[9]';
    expect(componentsOf(batch((c) => ({ ...c, serves: ['worker', 'app'] })))).toContain(
      `${w}.serves  a worker tier is off the request path and serves worker alone, not worker, app; make the worker a component of its own`,
    );
    expect(componentsOf(batch((c) => ({ ...c, worker: undefined })))).toEqual([`${w}.serves  serves worker but has no worker: { events_per_request, seconds_per_event }: the engine cannot size its queue`]);
    expect(componentsOf(withComponent(3, 6, (c) => ({ ...c, worker: catalog.phases[4]!.components[9]!.worker })))).toEqual([
      `${at}.worker  worker: is set but the component does not serve worker; add serves: [worker]`,
    ]);
    expect(componentsOf(batch((c) => ({ ...c, count: { kind: 'fixed', count: 2 }, instance: undefined })))).toEqual([
      `${w}.serves  warning: serves worker but has no instance: { type, vcpus, memory_gb } and is not serverless; the engine cannot size it and leaves it out`,
    ]);
  });

  it('want cache: only on a cache, and an availability on the request path unless the dependency is soft', () => {
    const cache = catalog.phases[3]!.components[8]!.cache;
    expect(componentsOf(api((c) => ({ ...c, cache })))).toEqual([`${at}.cache  warning: cache: is set but the component does not serve cache`]);
    expect(componentsOf(api((c) => ({ ...c, availability: undefined })))).toEqual([`${at}  warning: on the request path without an availability (its SLA): the SLA floor leaves it out`]);
    expect(componentsOf(api((c) => ({ ...c, availability: undefined, dependency: { type: 'soft', reason: 'r' } })))).toEqual([]);
  });

  it('want resource limits at least the requests, and setting ranges in order', () => {
    const standby = (resources: Component['resources']) => withComponent(3, 10, (c) => ({ ...c, resources }));
    expect(componentsOf(standby({ requests: { vcpus: 1, memoryGb: 2 }, limits: { vcpus: 1, memoryGb: 2 } }))).toEqual([]);
    const low = 'phases.yaml  phases[3].components[10].resources.limits  resource limits must be at least the requests';
    expect(componentsOf(standby({ requests: { vcpus: 1, memoryGb: 2 }, limits: { vcpus: 0.5, memoryGb: 2 } }))).toEqual([low]);
    expect(componentsOf(standby({ requests: { vcpus: 1, memoryGb: 2 }, limits: { vcpus: 1, memoryGb: 1 } }))).toEqual([low]);
    const settings = api((c) => ({ ...c, settings: { ...c.settings, pool: { min: 10, max: 5 } } as Component['settings'] }));
    expect(componentsOf(settings)).toEqual([`${at}.settings.pool.min  pool: min 10 is greater than max 5; swap them`]);
  });
});
