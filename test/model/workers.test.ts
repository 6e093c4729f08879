import { describe, expect, it } from 'vitest';
import type { Component, Phase } from '../../src/model/catalog-types.js';
import type { PriceLookup } from '../../src/model/cost.js';
import { findingsOf } from '../../src/model/findings.js';
import { sizePlan } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { buildWorkerStations, sizeWorkers, workerState } from '../../src/model/workers.js';
import { book, catalog, instanceHours, phase, thresholds } from './fixture-catalog.js';

// The fixture (./fixture-catalog.ts) at 6,000 users: 600 concurrent × 0.1 = 60 req/s at the peak, 30 req/s in
// the 12 quiet hours. Its request path alone gives P95 238.908 ms (test/model/plan.test.ts).

/** An autoscaled pool of 2-vCPU workers fed by a queue: 0.5 events per request, 0.1 s of one vCPU each. */
const pool: Component = {
  id: 'jobs',
  name: 'Queue workers',
  kind: 'compute',
  provider: 'test',
  serves: ['worker'],
  worker: { eventsPerRequest: 0.5, secondsPerEvent: 0.1 },
  instance: { type: 't.test', vcpus: 2, memoryGb: 4 },
  count: { kind: 'autoscaled', min: 1, max: 10, targetUtilization: 0.5 },
  cost: [{ priceKey: 'vm:hour', quantity: instanceHours }],
};

/** A serverless handler: 0.2 events per request, 0.5 s each. */
const lambda: Component = {
  id: 'handler',
  name: 'Event handler',
  kind: 'serverless',
  provider: 'test',
  serves: ['worker'],
  worker: { eventsPerRequest: 0.2, secondsPerEvent: 0.5 },
  count: { kind: 'fixed', count: 1 },
  cost: [],
};

const withWorkers = (...workers: Component[]): Phase => ({ ...phase, components: [...phase.components, ...workers] });
const catalogOf = (p: Phase) => ({ ...catalog, phases: [p] });
const tier = (plan: ReturnType<typeof sizePlan>, id: string) => plan.tiers.find((t) => t.id === id)!;

describe('a worker tier sized by its own queue', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const p = withWorkers(pool, lambda);
    const plan = sizePlan(catalogOf(p), p, 6000, thresholds);
    const jobs = tier(plan, 'jobs');
    return { plan, jobs };
  };

  it('takes the whole instance count each hour from λ·S / c ≤ the utilisation target', () => {
    const { jobs } = subject();
    // Peak: λ = 60 × 0.5 = 30 events/s, λ·S = 3 busy vCPUs; c = 2 × instances must satisfy 3 / c ≤ 0.5 → c ≥ 6 → 3 instances.
    // Quiet hours: λ·S = 1.5 → c ≥ 3 → ⌈1.5⌉ = 2 instances. Mean over the day (12 h each): 2.5.
    expect(jobs.instances.peak).toBe(3);
    expect(jobs.instances.hourly).toEqual([...Array<number>(12).fill(2), ...Array<number>(12).fill(3)]);
    expect(jobs.instances.average).toBeCloseTo(2.5, 12);
    expect(jobs.utilization).toBeCloseTo(0.5, 12);
    expect(jobs.reason).toBe('utilization');
  });

  it('reports the queue delay of one shared M/M/c queue (Erlang C)', () => {
    const { jobs } = subject();
    // M/M/6, λ = 30, μ = 10, a = 3. Erlang B by the recurrence B_k = a·B_{k−1}/(k + a·B_{k−1}): B_6 = 0.0521571;
    // C = B/(1 − ρ(1 − B)) with ρ = 0.5: 0.0991432 (computed by hand in python3, float arithmetic only).
    // W_q = C/(cμ − λ) = 0.0991432/30 = 3.30477 ms; P95 wait = ln(C/0.05)/(cμ − λ) = 22.8181 ms.
    expect(jobs.worker!.servers).toBe(6);
    expect(jobs.worker!.arrivalPerS).toBeCloseTo(30, 12);
    expect(jobs.worker!.concurrency).toBeCloseTo(3, 12);
    expect(jobs.worker!.meanWaitS! * 1000).toBeCloseTo(3.3047735618115053, 9);
    expect(jobs.worker!.percentileWaitS! * 1000).toBeCloseTo(22.818077778880893, 9);
    // Its sojourn, W_q + 1/μ, is the tier's mean; it adds nothing to the request path.
    expect(jobs.meanMs!).toBeCloseTo(103.30477356181152, 9);
    expect(jobs.contributionMs).toBeNull();
  });

  it('reports a serverless worker as a delay station: concurrency = λ·S, no wait', () => {
    const { plan } = subject();
    // λ = 60 × 0.2 = 12 events/s × 0.5 s = 6 concurrent executions (AWS: concurrency = requests/s × duration).
    const handler = tier(plan, 'handler');
    expect(handler.delay).toBe(true);
    expect(handler.worker).toMatchObject({ arrivalPerS: 12, servers: null, meanWaitS: 0, percentileWaitS: 0 });
    expect(handler.worker!.concurrency).toBeCloseTo(6, 12);
  });

  it('leaves the request latency and availability as they were: the queue is beside the path, not on it', () => {
    const { plan } = subject();
    expect(plan.latency.valueMs).toBeCloseTo(238.90800532296012, 6);
    expect(plan.availability.components.map((c) => c.component)).toEqual(['app', 'db']);
  });

  it('checks its CPU against its scaling target', () => {
    const { plan } = subject();
    const check = plan.checks.find((c) => c.subject === 'jobs')!;
    expect(check).toMatchObject({ name: 'jobs CPU (scaling target)', code: 'cpu-over-scaling-target', limit: 50, pass: true });
    expect(check.value).toBeCloseTo(50, 10);
  });

  it('bills the sized count: instance_hours = 2.5 × 730 = 1,825 h × $0.10 = $182.50', () => {
    const { plan } = subject();
    const cost = pricePlan(plan, book as PriceLookup);
    expect(cost.components.find((c) => c.component === 'jobs')!.monthlyUsd).toBeCloseTo(182.5, 9);
  });
});

describe('a fixed worker past its CPU alert', () => {
  // One 1-vCPU worker: λ·S = 60 × 0.5 × 0.03 = 0.9 busy > 0.8 (the CPU alert), yet stable (< 1).
  const single: Component = { ...pool, id: 'single', instance: { type: 't.test', vcpus: 1, memoryGb: 2 }, count: { kind: 'fixed', count: 1 }, worker: { eventsPerRequest: 0.5, secondsPerEvent: 0.03 } };
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const p = withWorkers(single);
    const plan = sizePlan(catalogOf(p), p, 6000, thresholds);
    return { plan };
  };

  it('fails the CPU alert and is exhausted (at its maximum, over its cap)', () => {
    const { plan } = subject();
    const check = plan.checks.find((c) => c.subject === 'single')!;
    expect(check.code).toBe('cpu-over-alert');
    expect(check.value).toBeCloseTo(90, 10);
    expect(check.pass).toBe(false);
    const cost = pricePlan(plan, book as PriceLookup);
    const codes = findingsOf({ plan, cost }).map((f) => `${f.code} ${f.subject}`);
    expect(codes).toEqual(expect.arrayContaining(['cpu-over-alert single', 'tier-exhausted single']));
    // M/M/1 with ρ = 0.9: W_q = ρ/(μ − λ) = 0.9/(33.33 − 30) = 0.27 s.
    expect(tier(plan, 'single').worker!.meanWaitS).toBeCloseTo(0.27, 10);
  });
});

describe('the worker queue, function by function (values by hand)', () => {
  const stations = () => buildWorkerStations([pool, lambda, phase.components[0]!], { users: 6000 }, () => 1);

  it('builds one station per worker component, a 2-vCPU instance as 2 servers at full speed, serverless as a delay', () => {
    const [jobs, handler] = stations();
    expect(stations()).toHaveLength(2);
    expect(jobs).toMatchObject({ id: 'jobs', roles: ['worker'], vcpus: 2, serversPerInstance: 2, visitsPerRequest: 0.5, serviceTimeS: 0.1, delay: false, minInstances: 1, maxInstances: 10, autoscaled: true, targetUtilization: 0.5 });
    expect(handler).toMatchObject({ id: 'handler', delay: true, serviceTimeS: 0.5, minInstances: 1, maxInstances: 1, autoscaled: false });
  });

  it('a fractional vCPU is one server at that fraction of the speed: 0.1 s of a vCPU takes 0.2 s on half of one', () => {
    const half: Component = { ...pool, instance: { type: 't.half', vcpus: 0.5, memoryGb: 1 } };
    expect(buildWorkerStations([half], {}, () => 1)[0]).toMatchObject({ serversPerInstance: 1, serviceTimeS: 0.2 });
  });

  it('a worker with neither an instance nor serverless, or with no worker queue, is not a worker station', () => {
    const { instance: _instance, ...bare } = pool;
    const { worker: _worker, ...queueless } = pool;
    expect(buildWorkerStations([bare, queueless], {}, () => 1)).toEqual([]);
  });

  it.each([
    ['events_per_request', { eventsPerRequest: -1, secondsPerEvent: 0.1 }, 'component jobs: worker.events_per_request evaluates to -1; it must be a finite number \u2265 0'],
    ['seconds_per_event', { eventsPerRequest: 0.5, secondsPerEvent: 0 }, 'component jobs: worker.seconds_per_event evaluates to 0; it must be a finite number > 0'],
  ])('refuses a %s out of range', (_field, worker, message) => {
    expect(() => buildWorkerStations([{ ...pool, worker }], {}, () => 1)).toThrow(message);
  });

  it('no events per request is allowed: the tier idles', () => {
    expect(buildWorkerStations([{ ...pool, worker: { eventsPerRequest: 0, secondsPerEvent: 0.1 } }], {}, () => 1)[0]!.visitsPerRequest).toBe(0);
  });

  it('a pool is one M/M/c queue: λ = 40 req/s × 0.5 = 20 events/s over 4 instances, 5 each; λS = 2 busy of 8 servers', () => {
    const [jobs] = stations();
    const { state, queue } = workerState(jobs!, 40, 4, 95);
    expect(state).toMatchObject({ instances: 4, arrivalPerInstancePerS: 5, latencyArrivalPerInstancePerS: 5, utilization: 0.25, stable: true });
    expect(queue).toMatchObject({ eventsPerRequest: 0.5, arrivalPerS: 20, serviceTimeS: 0.1, concurrency: 2, servers: 8, percentile: 95 });
  });

  it('a pool at exactly full load is unstable, and so is one with no instance', () => {
    const [jobs] = stations();
    // λS = 160 × 0.5 × 0.1 = 8 = servers.
    expect(workerState(jobs!, 160, 4, 95)).toMatchObject({ state: { utilization: 1, stable: false, meanS: null, percentileS: null }, queue: { meanWaitS: null, percentileWaitS: null } });
    expect(workerState(jobs!, 40, 0, 95)).toMatchObject({ state: { instances: 0, arrivalPerInstancePerS: 0, utilization: Infinity, stable: false } });
  });

  it('a serverless worker never waits: P95 of one exponential service, −ln(0.05) × 0.5 s = 1.4979 s', () => {
    const [, handler] = stations();
    const { state, queue } = workerState(handler!, 40, 1, 95);
    expect(state.meanS).toBe(0.5);
    expect(state.percentileS).toBeCloseTo(1.497866136, 8);
    expect(state).toMatchObject({ utilization: 0, stable: true });
    // Concurrent executions by Little's law: 40 × 0.2 events/s × 0.5 s = 4.
    expect(queue).toMatchObject({ concurrency: 4, servers: null, meanWaitS: 0, percentileWaitS: 0 });
  });

  it('a fixed pool at its cap is not exhausted; just past it, at its maximum, it is', () => {
    const fixed: Component = { ...pool, count: { kind: 'fixed', count: 2 } };
    const [station] = buildWorkerStations([fixed], {}, () => 2);
    // 2 instances × 2 servers; a 0.8 cap holds λS = 3.2, i.e. 64 req/s × 0.5 × 0.1.
    const [atCap] = sizeWorkers([station!], 64, 95, 0.8);
    expect(atCap!.state.utilization).toBeCloseTo(0.8, 12);
    expect(atCap!.exhausted).toBe(false);
    const [past] = sizeWorkers([station!], 66, 95, 0.8);
    expect(past!.exhausted).toBe(true);
    expect(past!.reason).toBe('fixed');
  });

  it('an autoscaled pool is capped by its own target, not the alert; a serverless tier never is', () => {
    const [jobs, handler] = stations();
    // At 10 instances (its maximum) a 0.5 target holds λS = 10: 200 req/s. At 220 req/s it is past it.
    const [pastTarget, busyHandler] = sizeWorkers([jobs!, handler!], 220, 95, 0.99);
    expect(pastTarget!.state.instances).toBe(10);
    expect(pastTarget!.exhausted).toBe(true);
    expect(busyHandler!.exhausted).toBe(false);
  });
});
