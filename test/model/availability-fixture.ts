import type { Component, Phase, Quantity } from '../../src/model/catalog-types.js';
import type { FailureModel } from '../../src/model/failure-model.js';

/** Small architectures for the availability tests: every number is chosen so the hand arithmetic stays short. */
export const q = (value: number, range?: [number, number]): Quantity => ({ value, source: 'assumption', note: 'test', ...(range ? { range } : {}) });

/** A request-path component: `instance` makes it one we run; `count` its copies (autoscaled when `autoscaled`). */
export function component(id: string, fields: Partial<Component> & { copies?: number; self?: boolean; autoscaled?: boolean } = {}): Component {
  const { copies = 1, self = true, autoscaled = false, ...rest } = fields;
  return {
    id,
    name: id,
    kind: 'compute',
    provider: 'test',
    serves: ['app'],
    ...(self ? { instance: { type: 't.test', vcpus: 2, memoryGb: 4 } } : {}),
    count: autoscaled ? { kind: 'autoscaled', min: copies, max: copies + 10, targetUtilization: 0.7 } : { kind: 'fixed', count: copies },
    cost: [],
    ...rest,
  };
}

export function phaseOf(components: Component[], availability = 99.9): Phase {
  return {
    id: 1,
    name: 'availability test',
    summary: '',
    users: { min: 0, max: 1000 },
    concurrentUsers: { min: 10, max: 100, source: 'assumption' },
    slo: { latency: { percentile: 95, targetMs: 500 }, availability },
    budgetUsd: { min: 0, max: 100 },
    components,
    assumptions: {},
  };
}

/** A failure model with every input given, none of them ranged unless the test says so. */
export function model(overrides: Partial<Record<Exclude<keyof FailureModel, 'failover'>, Quantity>> & { failover?: Partial<FailureModel['failover']> } = {}): FailureModel {
  const { failover, ...rest } = overrides;
  const pair = (detection: number, switchOver: number) => ({ detectionS: q(detection), switchS: q(switchOver) });
  return {
    zoneOutagesPerYear: q(0),
    zoneOutageHours: q(0),
    regionOutagesPerYear: q(0),
    regionOutageHours: q(0),
    edgeOutagesPerYear: q(0),
    edgeOutageHours: q(0),
    instanceFailuresPerYear: q(0),
    instanceRecoveryMinutes: q(0),
    manualRecoveryMinutes: q(0),
    ...rest,
    failover: { loadBalancer: pair(0, 0), database: pair(0, 0), cache: pair(0, 0), region: pair(0, 0), cdn: pair(0, 0), ...failover },
  };
}

/** Copies a component always runs, as sizePlan counts them for availability. */
export const countAtFloor = (c: Component): number => (c.count.kind === 'autoscaled' ? c.count.min : typeof c.count.count === 'number' ? c.count.count : 1);
