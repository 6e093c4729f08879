/** Rules over each phase's components: unique ids, scaling bounds, what the engine needs to size one. */
import type { Catalog, Component } from '../../model/catalog-types.js';
import type { ProblemList } from '../problems.js';
import { checkRange, duplicates, type Path } from './shared.js';

/**
 * Redundancy the catalog claims must be redundancy the plan runs: copies we run ourselves cannot span more
 * zones × regions than there are copies, and a region named in placement is one the phase lists.
 */
function checkPlacement(component: Component, at: Path, problems: ProblemList, regionIds: readonly string[] | undefined): void {
  const placement = component.placement;
  if (!placement) return;
  const regions = placement.regions ?? [];
  const seen = new Set<string>();
  regions.forEach((region, i) => {
    if (seen.has(region)) problems.error([...at, 'placement', 'regions', i], `region "${region}" is listed twice`);
    seen.add(region);
    if (regionIds && !region.startsWith('edge:') && !regionIds.includes(region)) {
      problems.warning([...at, 'placement', 'regions', i], `region "${region}" is not one of the phase's regions (${regionIds.join(', ')})`);
    }
  });
  const count = component.count;
  const copies = count.kind === 'autoscaled' ? count.min : typeof count.count === 'number' ? count.count : undefined;
  const cloudRegions = Math.max(1, regions.filter((r) => !r.startsWith('edge:')).length);
  if (component.instance && !component.database && copies !== undefined && copies < placement.zones * cloudRegions) {
    problems.error(
      [...at, 'placement', 'zones'],
      `${placement.zones} zone(s) in ${cloudRegions} region(s) need at least ${placement.zones * cloudRegions} instances, but ${copies} always run${copies === 1 ? 's' : ''}; raise the count (or scaling min) or lower the zones`,
    );
  }
}

function checkComponent(component: Component, at: Path, problems: ProblemList, regionIds?: readonly string[]): void {
  const count = component.count;
  if (count.kind === 'autoscaled') {
    if (count.min > count.max) problems.error([...at, 'scaling', 'min'], `scaling min ${count.min} is greater than max ${count.max}`);
    if (count.desired !== undefined && (count.desired < count.min || count.desired > count.max)) {
      problems.error([...at, 'scaling', 'desired'], `scaling desired ${count.desired} must lie between min ${count.min} and max ${count.max}`);
    }
    if (!component.instance) problems.error([...at, 'scaling'], 'an autoscaled component needs instance: { type, vcpus, memory_gb } so the engine can size it');
  }
  const queueing = component.serves.some((role) => role === 'app' || role === 'cache' || role === 'db');
  if (queueing && !component.instance && component.kind !== 'serverless') {
    problems.warning([...at, 'serves'], `serves ${component.serves.join(', ')} but has no instance: { type, vcpus, memory_gb }; the engine cannot size it and leaves it out`);
  }
  if (component.database) {
    const { readers } = component.database;
    if (!component.serves.includes('db')) problems.warning([...at, 'database'], 'database: is set but the component does not serve db');
    const expected = 1 + readers;
    if (count.kind === 'fixed' && typeof count.count === 'number' && count.count !== expected) {
      problems.warning([...at, 'count'], `count ${count.count} but database.readers ${readers}: the engine runs 1 writer + ${readers} readers = ${expected} instances; make count ${expected}`);
    }
  }
  const worker = component.serves.includes('worker');
  if (worker && component.serves.length > 1) {
    problems.error([...at, 'serves'], `a worker tier is off the request path and serves worker alone, not ${component.serves.join(', ')}; make the worker a component of its own`);
  }
  if (worker && !component.worker) {
    problems.error([...at, 'serves'], 'serves worker but has no worker: { events_per_request, seconds_per_event }: the engine cannot size its queue');
  }
  if (!worker && component.worker) problems.error([...at, 'worker'], 'worker: is set but the component does not serve worker; add serves: [worker]');
  if (worker && !component.instance && component.kind !== 'serverless') {
    problems.warning([...at, 'serves'], 'serves worker but has no instance: { type, vcpus, memory_gb } and is not serverless; the engine cannot size it and leaves it out');
  }
  if (component.cache && !component.serves.includes('cache')) problems.warning([...at, 'cache'], 'cache: is set but the component does not serve cache');
  if (component.serves.some((role) => role !== 'worker') && component.availability === undefined && component.dependency?.type !== 'soft') {
    problems.warning([...at], 'on the request path without an availability (its SLA): the SLA floor leaves it out');
  }
  checkPlacement(component, at, problems, regionIds);
  const resources = component.resources;
  if (resources?.limits && (resources.limits.vcpus < resources.requests.vcpus || resources.limits.memoryGb < resources.requests.memoryGb)) {
    problems.error([...at, 'resources', 'limits'], 'resource limits must be at least the requests');
  }
  for (const [key, value] of Object.entries(component.settings ?? {})) {
    if (typeof value === 'object' && 'min' in value) checkRange(value, [...at, 'settings', key], problems, key);
  }
}

export function checkComponents(catalog: Catalog, problems: ProblemList): void {
  catalog.phases.forEach((phase, i) => {
    const base: Path = ['phases', i, 'components'];
    duplicates(phase.components.map((c) => c.id), problems, (j) => [...base, j, 'id'], 'component');
    const regionIds = phase.regions?.map((r) => r.id);
    phase.components.forEach((component, j) => checkComponent(component, [...base, j], problems, regionIds));
  });
}
