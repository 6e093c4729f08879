import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { queueMvaRenderers, queueSizeRenderers, queueUslRenderers } from '../../src/render/queue.js';
import type { QueueMvaResult } from '../../src/results/queue.js';
import { runBinary, STACK_LINE } from './run.js';

// End-to-end: spawns the built binary (`npm run build` first; `npm test` does it). Expected numbers come from
// test/model/queueing/reference.py (mpmath, 40–60 digits), scaled where the units differ, never from the CLI.

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/usl/${name}`, import.meta.url));

function json(args: string[]): Record<string, unknown> {
  const result = runBinary(['queue', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function expectRel(actual: unknown, expected: number, tol = 1e-9): void {
  expect(typeof actual).toBe('number');
  const error = expected === 0 ? Math.abs(actual as number) : Math.abs((actual as number) - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

function fails(args: string[], message: RegExp): void {
  const result = runBinary(['queue', ...args]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('cuenta-plan queue mmc', () => {
  it('prints exactly the documented fields; M/M/10 at ρ = 0.8 (reference case λ=8, μ=1 with times ÷ 10)', () => {
    const r = json(['mmc', '--arrival-rate', '80', '--service-rate', '10', '--servers', '10']);
    expect(Object.keys(r)).toEqual([
      'schemaVersion', 'command', 'utilization', 'erlangC', 'erlangB', 'meanWait', 'meanQueueLength', 'meanResponse', 'meanInSystem', 'throughput', 'response', 'wait',
    ]);
    expect(Object.keys(r.response as object)).toEqual(['p50', 'p90', 'p95', 'p99', 'p999']);
    expect(Object.keys(r.wait as object)).toEqual(['p50', 'p95', 'p99']);
    expectRel(r.utilization, 0.8, 1e-15);
    expectRel(r.erlangC, 0.40918015079644353);
    // B from the reference C by inverting C = B/(1 − ρ(1 − B)): B = C(1 − ρ)/(1 − ρC)
    expectRel(r.erlangB, (0.40918015079644353 * 0.2) / (1 - 0.8 * 0.40918015079644353));
    expectRel(r.meanWait, 0.020459007539822177);
    expectRel(r.meanQueueLength, 80 * 0.020459007539822177);
    expectRel(r.meanResponse, 0.12045900753982218);
    expectRel(r.meanInSystem, 80 * 0.12045900753982218);
    expect(r.throughput).toBe(80);
    const response = r.response as Record<string, number>;
    [0.091214461060697773, 0.26243200376070799, 0.33282746785601232, 0.49461113276114532, 0.72505572429853055].forEach(
      (expected, i) => expectRel(Object.values(response)[i], expected),
    );
    const wait = r.wait as Record<string, number>;
    expect(wait.p50).toBe(0);
    expectRel(wait.p95, 0.10510662600663684);
    expectRel(wait.p99, 0.18557852162834185);
  });

  it('c = 5,000 at ρ = 0.999', () => {
    const r = json(['mmc', '--arrival-rate', '4995', '--service-rate', '1', '--servers', '5000']);
    expectRel(r.erlangC, 0.91447564602541549);
    expectRel((r.response as Record<string, number>).p99, 4.8110608875292796);
    expectRel((r.wait as Record<string, number>).p95, 0.58126556622601695);
  });

  it('renders a table for people by default', () => {
    const result = runBinary(['queue', 'mmc', '--arrival-rate', '80', '--service-rate', '10', '--servers', '10'], { env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/M\/M\/10: λ = 80\/s, μ = 10\/s per server/);
    expect(result.stdout).toMatch(/mean response\s+│\s+120\.459 ms/);
    expect(result.stdout).toMatch(/response P95 \/ P99 \/ P99\.9 .*332\.827 ms \/ 494\.611 ms \/ 725\.056 ms/);
  });

  it.each([
    [['--arrival-rate', '10', '--service-rate', '2', '--servers', '4'], /unstable: λ=10 ≥ cμ=8; add servers or lower the arrival rate/],
    [['--arrival-rate', '-1', '--service-rate', '2', '--servers', '4'], /--arrival-rate must be greater than 0; got -1/],
    [['--arrival-rate', '5', '--service-rate', 'fast', '--servers', '4'], /--service-rate must be a number; got "fast"/],
    [['--arrival-rate', '5', '--service-rate', '2', '--servers', '2.5'], /--servers must be a whole number; got 2.5/],
    [['--service-rate', '2', '--servers', '4'], /required option '--arrival-rate <λ>' not specified/],
  ])('exits 2 for %j', (args, message) => fails(['mmc', ...args], message));
});

describe('cuenta-plan queue size', () => {
  it('sizes for a P95 target (reference: 7 servers, P95 0.16335642521105507 s)', () => {
    const r = json(['size', '--arrival-rate', '100', '--service-time', '0.05', '--percentile', '95', '--target', '0.2']);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'command', 'servers', 'serversForLatency', 'serversForUtilization', 'feasible', 'percentileAtServers']);
    expect(r).toMatchObject({ servers: 7, serversForLatency: 7, serversForUtilization: 6, feasible: true });
    expectRel(r.percentileAtServers, 0.16335642521105507);
  });

  it('lets the utilisation cap bind (reference: 9 servers at 60%)', () => {
    const r = json(['size', '--arrival-rate', '100', '--service-time', '0.05', '--percentile', '95', '--target', '0.5', '--max-utilization', '0.6']);
    expect(r).toMatchObject({ servers: 9, serversForLatency: 6, serversForUtilization: 9, feasible: true });
    expectRel(r.percentileAtServers, 0.15111061234639736);
  });

  it('answers infeasible with servers null and exit 0 (−ln(0.05)·0.05 s ≈ 0.1498 s ≥ 0.1 s)', () => {
    expect(json(['size', '--arrival-rate', '100', '--service-time', '0.05', '--percentile', '95', '--target', '0.1'])).toEqual({
      schemaVersion: 1,
      command: 'queue size',
      servers: null,
      serversForLatency: null,
      serversForUtilization: 6,
      feasible: false,
      percentileAtServers: null,
    });
  });

  it.each([
    [['--arrival-rate', '100', '--service-time', '0.05', '--percentile', '100', '--target', '1'], /--percentile must be less than 100/],
    [['--arrival-rate', '100', '--service-time', '0.05', '--percentile', '95', '--target', '1', '--max-utilization', '1.5'], /--max-utilization is a fraction: 0.7 means 70 %; got 1.5/],
    [['--arrival-rate', '100', '--service-time', '0', '--percentile', '95', '--target', '1'], /--service-time must be greater than 0; got 0/],
  ])('exits 2 for %j', (args, message) => fails(['size', ...args], message));
});

describe('cuenta-plan queue mmck, erlang-b, erlang-c', () => {
  it('mmck: a pool of 100 with 20 waiters (reference: blocking 0.0027016192296318373)', () => {
    const r = json(['mmck', '--arrival-rate', '90', '--service-rate', '1', '--servers', '100', '--capacity', '120']);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'command', 'blockingProbability', 'throughput', 'utilization', 'meanInSystem', 'meanResponse']);
    expectRel(r.blockingProbability, 0.0027016192296318373);
    expectRel(r.throughput, 89.756854269333135);
    expectRel(r.utilization, 0.89756854269333135);
    expectRel(r.meanInSystem, 91.027354742056916);
    expectRel(r.meanResponse, 1.0141549131045903);
  });

  it('mmck rejects K < c', () => fails(['mmck', '--arrival-rate', '1', '--service-rate', '1', '--servers', '4', '--capacity', '2'], /capacity K must be ≥ servers c/));

  it('erlang-b: 10 erlangs on 10 servers (reference 0.21458234310734734; tables: 0.2146)', () => {
    const r = json(['erlang-b', '--traffic', '10', '--servers', '10']);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'command', 'blockingProbability']);
    expectRel(r.blockingProbability, 0.21458234310734734);
  });

  it('erlang-c: A = 2, c = 3 is 4/9; A = 99,990 at c = 100,000 matches the reference', () => {
    const r = json(['erlang-c', '--traffic', '2', '--servers', '3']);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'command', 'waitProbability']);
    expectRel(r.waitProbability, 4 / 9, 1e-15);
    expectRel(json(['erlang-c', '--traffic', '99990', '--servers', '100000']).waitProbability, 0.96096542829972441);
  });

  it('erlang-c exits 2 when A ≥ c', () => fails(['erlang-c', '--traffic', '10', '--servers', '10'], /unstable: traffic A=10 ≥ servers c=10/));
});

describe('cuenta-plan queue mva', () => {
  it('N = 1,000 with a 4-server station matches the mpmath convolution', () => {
    const r = json(['mva', '--users', '1000', '--think-time', '5', '--station', 'web:0.02:4', '--station', 'db:0.004', '--station', 'lb:0.001']);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'command', 'throughput', 'responseTime', 'stations']);
    expectRel(r.throughput, 194.32315947512294);
    expectRel(r.responseTime, 0.14606700869341832);
    const stations = r.stations as Record<string, unknown>[];
    expect(stations.map((s) => Object.keys(s))).toEqual(Array(3).fill(['name', 'utilization', 'queueLength', 'residenceTime']));
    expect(stations.map((s) => s.name)).toEqual(['web', 'db', 'lb']);
    expectRel(stations[0]!.utilization, 0.97161579737561472);
    expectRel(stations[0]!.queueLength, 24.689912293060305);
    expectRel(stations[1]!.queueLength, 3.4531469222346363);
    expectRel(stations[2]!.residenceTime, 0.2411434090903555 / 194.32315947512294);
  });

  it('accepts delay stations (NAME:DEMAND:delay) and reports no utilisation for them', () => {
    const r = json(['mva', '--users', '4', '--think-time', '1', '--station', 'cdn:0.5:delay', '--station', 'db:0.25']);
    const [cdn] = r.stations as Record<string, unknown>[];
    expect(cdn!.utilization).toBeNull();
    expect(cdn!.residenceTime).toBe(0.5);
  });

  it.each([
    [['--users', '10'], /needs at least one --station/],
    [['--users', '10', '--station', 'web'], /--station must be NAME:DEMAND\[:SERVERS\] or NAME:DEMAND:delay/],
    [['--users', '10', '--station', 'web:abc'], /--station web demand must be a number; got "abc"/],
    [['--users', '10', '--station', 'web:0.1:0'], /--station web servers must be at least 1; got 0/],
    [['--users', '0', '--station', 'web:0.1'], /--users must be at least 1; got 0/],
    [['--station', 'web:0.1'], /required option '--users <N>' not specified/],
  ])('exits 2 for %j', (args, message) => fails(['mva', ...args], message));
});

describe('cuenta-plan queue usl', () => {
  it('fits a CSV with a header (reference: 40-digit variable projection in reference.py)', () => {
    const r = json(['usl', '--fit', fixture('ripple.csv')]);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'command', 'alpha', 'beta', 'gamma', 'peakConcurrency', 'peakThroughput']);
    expectRel(r.alpha, 0.041559138958767002);
    expectRel(r.beta, 0.00030683373135974542);
    expectRel(r.gamma, 1016.5650856434836);
    expectRel(r.peakConcurrency, 55.889613921659638);
    expectRel(r.peakThroughput, 13455.537463486077);
  });

  it('fits a CSV without a header; β = 0 means no peak (null)', () => {
    const r = json(['usl', '--fit', fixture('no-header.csv')]);
    expectRel(r.alpha, 0.05);
    expect(r.beta).toBe(0);
    expectRel(r.gamma, 100);
    expect(r.peakConcurrency).toBeNull();
    expect(r.peakThroughput).toBeNull();
  });

  it.each([
    ['bad-number.csv', /bad-number\.csv:3: throughput must be a number > 0; got "19O"/],
    ['bad-columns.csv', /bad-columns\.csv:3: expected 2 columns \(concurrency,throughput\); got 3/],
    ['bad-header.csv', /bad-header\.csv:1: the header must be "concurrency,throughput"; got "users,rps"/],
    ['negative.csv', /negative\.csv:3: throughput must be a number > 0; got "-190"/],
    ['too-few.csv', /too-few\.csv: a USL fit needs at least 3 measurements, got 2/],
    ['missing.csv', /cannot read --fit .*missing\.csv: no such file/],
  ])('exits 2 for %s, naming the file and line', (file, message) => fails(['usl', '--fit', fixture(file)], message));
});

describe('cuenta-plan queue --help', () => {
  it.each(['mmc', 'size', 'mmck', 'erlang-b', 'erlang-c', 'mva', 'usl'])('%s --help has units and an example', (sub) => {
    const result = runBinary(['queue', sub, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples?:\n\s+\$ cuenta-plan queue /);
    expect(result.stdout).toMatch(/second|erlang|throughput/);
    expect(result.stdout).toMatch(/JSON: \{/);
  });
});

describe('queue renderers (pure: result and options in, text out)', () => {
  const plain = { color: false };

  it('size: an infeasible answer says so in words, in the table and in markdown', () => {
    const renderers = queueSizeRenderers({ arrivalRate: 100, serviceTime: 0.05, percentile: 95, target: 0.1, maxUtilization: 0.7 });
    const result = {
      schemaVersion: 1,
      command: 'queue size',
      servers: null,
      serversForLatency: null,
      serversForUtilization: 8,
      feasible: false,
      percentileAtServers: null,
    } as const;
    const table = renderers.table(result, plain);
    expect(table).toMatch(/^Sizing M\/M\/c: λ = 100\/s, S = 50 ms, P95 < 100 ms, utilisation ≤ 70%\n/);
    expect(table).toMatch(/servers\s+│\s+infeasible/);
    expect(table).toMatch(/fewest for P95 < 100 ms\s+│\s+none \(see below\)/);
    expect(table).toMatch(/feasible\s+│\s+no: the service time alone exceeds the target/);
    expect(renderers.md(result, plain)).toContain('| P95 response at that size | — |');
  });

  it('mva: a delay station shows "delay" for its utilisation; the title carries N, Z, X and R', () => {
    const renderers = queueMvaRenderers({ users: 4, thinkTime: 1 });
    const result: QueueMvaResult = {
      schemaVersion: 1,
      command: 'queue mva',
      throughput: 2,
      responseTime: 1,
      stations: [{ name: 'cdn', utilization: null, queueLength: 1, residenceTime: 0.5 }],
    };
    const md = renderers.md(result, plain);
    expect(md).toMatch(/^\*\*Closed network, 4 users, think time 1 s: throughput 2\/s, response time 1 s\*\*/);
    expect(md).toContain('| cdn | delay | 1 | 500 ms |');
  });

  it('usl: no peak when β = 0', () => {
    const result = { schemaVersion: 1, command: 'queue usl', alpha: 0.05, beta: 0, gamma: 100, peakConcurrency: null, peakThroughput: null } as const;
    const md = queueUslRenderers({ file: 'm.csv' }).md(result, plain);
    expect(md).toMatch(/^\*\*USL fit of m\.csv\*\*/);
    expect(md).toContain('| peak concurrency √((1−α)/β) | none (β = 0: no peak) |');
    expect(md).toContain('| peak throughput | — |');
  });
});
