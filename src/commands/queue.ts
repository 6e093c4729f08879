import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { readUslMeasurements } from '../inputs/measurements.js';
import {
  erlangB,
  erlangC,
  fitUsl,
  mmc,
  mmck,
  mva,
  responseTimePercentiles,
  sizeServers,
  waitPercentiles,
  type MvaStation,
} from '../model/queueing/index.js';
import { emit } from '../output.js';
import {
  queueErlangBRenderers,
  queueErlangCRenderers,
  queueMmckRenderers,
  queueMmcRenderers,
  queueMvaRenderers,
  queueSizeRenderers,
  queueUslRenderers,
} from '../render/queue.js';
import type {
  QueueErlangBResult,
  QueueErlangCResult,
  QueueMmckResult,
  QueueMmcResult,
  QueueMvaResult,
  QueueSizeResult,
  QueueUslResult,
} from '../results/queue.js';
import { QUEUE_SCHEMA_VERSION } from '../results/queue-version.js';
import { numberArg, parseNumberOption } from './args.js';
import type { CommandContext } from './context.js';

// `cuenta-plan queue …`: thin adapters over src/model/queueing. Each subcommand parses flags (exit 2 on a bad
// value, naming the flag), calls one engine function, and emits a versioned result (its schema:
// src/results/queue.ts) through the renderers in src/render/queue.ts. The engine's InputErrors (e.g. an
// unstable queue) reach src/errors.ts and also exit 2.

const positive = (flag: string) => numberArg(flag, { min: 0, exclusiveMin: true });
const whole = (flag: string, min = 1, max?: number) =>
  numberArg(flag, { min, integer: true, ...(max === undefined ? {} : { max }) });

/** --percentile: a number strictly between 0 and 100. */
function percentileArg(raw: string): number {
  const p = parseNumberOption('--percentile', raw, { min: 0, exclusiveMin: true });
  if (p >= 100) throw new UserError(`--percentile must be less than 100 (95 means P95); got ${raw}`);
  return p;
}

/** --max-utilization: a fraction in (0, 1]. */
function maxUtilizationArg(raw: string): number {
  const value = parseNumberOption('--max-utilization', raw, { min: 0, exclusiveMin: true });
  if (value > 1) throw new UserError(`--max-utilization is a fraction: 0.7 means 70 %; got ${raw}`);
  return value;
}

/** Parses NAME:DEMAND[:SERVERS|:delay]; demand in seconds. */
export function parseStation(spec: string): MvaStation {
  const parts = spec.split(':');
  const [name = '', demandText = '', third] = parts;
  if (parts.length < 2 || parts.length > 3 || name.trim() === '') {
    throw new UserError(`--station must be NAME:DEMAND[:SERVERS] or NAME:DEMAND:delay (demand in seconds); got "${spec}"`);
  }
  const demandS = parseNumberOption(`--station ${name} demand`, demandText, { min: 0 });
  if (third === undefined) return { name, demandS };
  if (third.trim().toLowerCase() === 'delay') return { name, demandS, kind: 'delay' };
  if (!/^\s*\d/.test(third)) {
    throw new UserError(`--station ${name}: the third part is a server count or "delay"; got "${third}" in "${spec}"`);
  }
  const servers = parseNumberOption(`--station ${name} servers`, third, { min: 1, integer: true });
  return { name, demandS, servers };
}

// ── results: the engine's answer, stamped with the command and schemaVersion ───────────────────────────

const PERCENTILES_RESPONSE = [50, 90, 95, 99, 99.9] as const;
const PERCENTILES_WAIT = [50, 95, 99] as const;

function runMmc(o: { arrivalRate: number; serviceRate: number; servers: number }): QueueMmcResult {
  const params = { arrivalRate: o.arrivalRate, serviceRate: o.serviceRate, servers: o.servers };
  const m = mmc(params);
  const [p50, p90, p95, p99, p999] = responseTimePercentiles(params, PERCENTILES_RESPONSE) as [number, number, number, number, number];
  const [w50, w95, w99] = waitPercentiles(params, PERCENTILES_WAIT) as [number, number, number];
  return {
    schemaVersion: QUEUE_SCHEMA_VERSION,
    command: 'queue mmc',
    utilization: m.utilization,
    erlangC: m.erlangC,
    erlangB: m.erlangB,
    meanWait: m.meanWait,
    meanQueueLength: m.meanQueueLength,
    meanResponse: m.meanResponse,
    meanInSystem: m.meanInSystem,
    throughput: m.throughput,
    response: { p50, p90, p95, p99, p999 },
    wait: { p50: w50, p95: w95, p99: w99 },
  };
}

function runSize(o: { arrivalRate: number; serviceTime: number; percentile: number; target: number; maxUtilization?: number }): QueueSizeResult {
  const r = sizeServers({
    arrivalRate: o.arrivalRate,
    serviceTime: o.serviceTime,
    percentile: o.percentile,
    targetS: o.target,
    ...(o.maxUtilization === undefined ? {} : { maxUtilization: o.maxUtilization }),
  });
  return {
    schemaVersion: QUEUE_SCHEMA_VERSION,
    command: 'queue size',
    servers: r.servers,
    serversForLatency: r.serversForLatency,
    serversForUtilization: r.serversForUtilization,
    feasible: r.feasible,
    percentileAtServers: r.percentileAtServers,
  };
}

function runMmck(o: { arrivalRate: number; serviceRate: number; servers: number; capacity: number }): QueueMmckResult {
  const m = mmck(o);
  return {
    schemaVersion: QUEUE_SCHEMA_VERSION,
    command: 'queue mmck',
    blockingProbability: m.blockingProbability,
    throughput: m.throughput,
    utilization: m.utilization,
    meanInSystem: m.meanInSystem,
    meanResponse: m.meanResponse,
  };
}

const runErlangB = (o: { traffic: number; servers: number }): QueueErlangBResult => ({
  schemaVersion: QUEUE_SCHEMA_VERSION,
  command: 'queue erlang-b',
  blockingProbability: erlangB(o.traffic, o.servers),
});

const runErlangC = (o: { traffic: number; servers: number }): QueueErlangCResult => ({
  schemaVersion: QUEUE_SCHEMA_VERSION,
  command: 'queue erlang-c',
  waitProbability: erlangC(o.traffic, o.servers),
});

function runMva(o: { thinkTime: number; station: MvaStation[]; users: number }): QueueMvaResult {
  if (o.station.length === 0) {
    throw new UserError('queue mva needs at least one --station NAME:DEMAND[:SERVERS], e.g. --station db:0.004');
  }
  const names = o.station.map((station) => station.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new UserError(`--station ${twice} is given twice; each station needs its own name`);
  const r = mva({ users: o.users, thinkTimeS: o.thinkTime, stations: o.station });
  return {
    schemaVersion: QUEUE_SCHEMA_VERSION,
    command: 'queue mva',
    throughput: r.throughput,
    responseTime: r.responseTime,
    stations: r.stations.map((s) => ({
      name: s.name,
      utilization: s.utilization,
      queueLength: s.queueLength,
      residenceTime: s.residenceTime,
    })),
  };
}

function runUsl(file: string): QueueUslResult {
  const points = readUslMeasurements(file);
  try {
    const fit = fitUsl(points);
    return {
      schemaVersion: QUEUE_SCHEMA_VERSION,
      command: 'queue usl',
      alpha: fit.alpha,
      beta: fit.beta,
      gamma: fit.gamma,
      peakConcurrency: fit.peakConcurrency,
      peakThroughput: fit.peakThroughput,
    };
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${file}: ${error.message}`);
    throw error;
  }
}

// ── registration ───────────────────────────────────────────────────────────────────────────────────────

export function registerQueue(program: Command, ctx: CommandContext): void {
  const queue = program
    .command('queue')
    .description('queueing models: M/M/c latency and percentiles, sizing, M/M/c/K, Erlang B/C, closed-network MVA, USL fit')
    .addHelpText(
      'after',
      `
Units: rates per second, times in seconds, percentiles in percent (95 = P95).

Examples:
  $ cuenta-plan queue mmc --arrival-rate 80 --service-rate 10 --servers 10
  $ cuenta-plan queue size --arrival-rate 400 --service-time 0.05 --percentile 95 --target 0.2 --max-utilization 0.7
  $ cuenta-plan queue mmck --arrival-rate 90 --service-rate 1 --servers 100 --capacity 120
  $ cuenta-plan queue erlang-b --traffic 10 --servers 10
  $ cuenta-plan queue mva --users 1000 --think-time 5 --station web:0.02:4 --station db:0.004
  $ cuenta-plan queue usl --fit measurements.csv`,
    );

  queue
    .command('mmc')
    .description('M/M/c queue: utilisation, Erlang C, means and exact FCFS response/wait percentiles')
    .requiredOption('--arrival-rate <λ>', 'arrivals per second (> 0)', positive('--arrival-rate'))
    .requiredOption('--service-rate <μ>', 'completions per second per server (> 0); 1/mean service time', positive('--service-rate'))
    .requiredOption('--servers <c>', 'identical servers sharing one queue (whole number ≥ 1)', whole('--servers'))
    .addHelpText(
      'after',
      `
Needs λ < c·μ (otherwise the queue grows without bound: exit 2). Times are in seconds.
JSON: {schemaVersion, command, utilization, erlangC, erlangB, meanWait, meanQueueLength, meanResponse,
       meanInSystem, throughput, response: {p50, p90, p95, p99, p999}, wait: {p50, p95, p99}}

Examples:
  $ cuenta-plan queue mmc --arrival-rate 80 --service-rate 10 --servers 10     80 req/s, 100 ms each, 10 servers
  $ cuenta-plan queue mmc --arrival-rate 4995 --service-rate 1 --servers 5000 --format json`,
    )
    .action((options: { arrivalRate: number; serviceRate: number; servers: number }, command: Command) => {
      emit(runMmc(options), queueMmcRenderers(options), ctx.globals(command), ctx.io);
    });

  queue
    .command('size')
    .description('fewest M/M/c servers that keep a response-time percentile under a target and utilisation under a cap')
    .requiredOption('--arrival-rate <λ>', 'arrivals per second (> 0)', positive('--arrival-rate'))
    .requiredOption('--service-time <S>', 'mean service time per request, seconds (> 0)', positive('--service-time'))
    .requiredOption('--percentile <p>', 'response-time percentile in percent, 0 < p < 100 (95 = P95)', percentileArg)
    .requiredOption('--target <seconds>', 'the percentile must be strictly below this, seconds (> 0)', positive('--target'))
    .option('--max-utilization <u>', 'highest per-server utilisation, 0 < u ≤ 1 (default: just stable, < 1)', maxUtilizationArg)
    .addHelpText(
      'after',
      `
When even unlimited servers cannot meet the target (the service time alone, −ln(1 − p)·S, is at or above it),
servers is null and feasible is false; that is an answer, so the exit code is still 0.
JSON: {schemaVersion, command, servers, serversForLatency, serversForUtilization, feasible, percentileAtServers}

Examples:
  $ cuenta-plan queue size --arrival-rate 400 --service-time 0.05 --percentile 95 --target 0.2
  $ cuenta-plan queue size --arrival-rate 400 --service-time 0.05 --percentile 99 --target 0.5 --max-utilization 0.7 --format json`,
    )
    .action((options: { arrivalRate: number; serviceTime: number; percentile: number; target: number; maxUtilization?: number }, command: Command) => {
      emit(runSize(options), queueSizeRenderers(options), ctx.globals(command), ctx.io);
    });

  queue
    .command('mmck')
    .description('M/M/c/K queue (finite room, e.g. a connection pool): blocking probability, throughput, utilisation')
    .requiredOption('--arrival-rate <λ>', 'offered arrivals per second (> 0)', positive('--arrival-rate'))
    .requiredOption('--service-rate <μ>', 'completions per second per server (> 0)', positive('--service-rate'))
    .requiredOption('--servers <c>', 'servers (whole number ≥ 1), e.g. pool connections', whole('--servers'))
    .requiredOption('--capacity <K>', 'room for K requests in total, in service + waiting (whole number ≥ c)', whole('--capacity'))
    .addHelpText(
      'after',
      `
Any load is allowed (λ ≥ cμ too): the excess is turned away. Times in seconds.
JSON: {schemaVersion, command, blockingProbability, throughput, utilization, meanInSystem, meanResponse}

Examples:
  $ cuenta-plan queue mmck --arrival-rate 90 --service-rate 1 --servers 100 --capacity 120
  $ cuenta-plan queue mmck --arrival-rate 500 --service-rate 20 --servers 20 --capacity 20 --format json   pure loss`,
    )
    .action((options: { arrivalRate: number; serviceRate: number; servers: number; capacity: number }, command: Command) => {
      emit(runMmck(options), queueMmckRenderers(options), ctx.globals(command), ctx.io);
    });

  queue
    .command('erlang-b')
    .description('Erlang B: probability that an arrival finds all c servers busy and is lost (no waiting room)')
    .requiredOption('--traffic <A>', 'offered load in erlangs, A = λ/μ = arrival rate × mean service time (≥ 0)', numberArg('--traffic', { min: 0 }))
    .requiredOption('--servers <c>', 'servers (whole number ≥ 1)', whole('--servers'))
    .addHelpText(
      'after',
      `
JSON: {schemaVersion, command, blockingProbability}

Examples:
  $ cuenta-plan queue erlang-b --traffic 10 --servers 10        0.214582 (the Erlang B table)
  $ cuenta-plan queue erlang-b --traffic 99990 --servers 100000 --format json`,
    )
    .action((options: { traffic: number; servers: number }, command: Command) => {
      emit(runErlangB(options), queueErlangBRenderers(options), ctx.globals(command), ctx.io);
    });

  queue
    .command('erlang-c')
    .description('Erlang C: probability that an arrival to an M/M/c queue has to wait')
    .requiredOption('--traffic <A>', 'offered load in erlangs, A = λ/μ (≥ 0 and < c)', numberArg('--traffic', { min: 0 }))
    .requiredOption('--servers <c>', 'servers (whole number ≥ 1)', whole('--servers'))
    .addHelpText(
      'after',
      `
Needs A < c (otherwise every arrival waits forever: exit 2).
JSON: {schemaVersion, command, waitProbability}

Examples:
  $ cuenta-plan queue erlang-c --traffic 2 --servers 3          0.444444 (= 4/9)
  $ cuenta-plan queue erlang-c --traffic 4995 --servers 5000 --format json`,
    )
    .action((options: { traffic: number; servers: number }, command: Command) => {
      emit(runErlangC(options), queueErlangCRenderers(options), ctx.globals(command), ctx.io);
    });

  queue
    .command('mva')
    .description('closed network by exact MVA: N users with think time Z; queueing, multi-server and delay stations')
    .requiredOption('--users <N>', 'users in the closed loop (whole number 1–1,000,000)', whole('--users', 1, 1_000_000))
    .option('--think-time <Z>', 'mean think time between a response and the next request, seconds (≥ 0)', numberArg('--think-time', { min: 0 }), 0)
    .option(
      '--station <spec>',
      'a station, repeatable: NAME:DEMAND (one server), NAME:DEMAND:SERVERS, or NAME:DEMAND:delay (no queueing);\n' +
        'DEMAND = total service seconds per interaction there (visits × service time)',
      (spec: string, previous: MvaStation[]) => [...previous, parseStation(spec)],
      [] as MvaStation[],
    )
    .addHelpText(
      'after',
      `
Exact for product-form networks (exponential FCFS or processor sharing), including multi-server stations
at any N: the marginal probabilities are computed by a stable recursion, not by 1 − Σ. Response time is
N/X − Z. Utilisation is per server (X·D/m); a delay station has none.
JSON: {schemaVersion, command, throughput, responseTime, stations: [{name, utilization, queueLength, residenceTime}]}

Examples:
  $ cuenta-plan queue mva --users 1000 --think-time 5 --station web:0.02:4 --station db:0.004 --station lb:0.001
  $ cuenta-plan queue mva --users 200 --think-time 2 --station app:0.05:8 --station cdn:0.03:delay --format json`,
    )
    .action((options: { users: number; thinkTime: number; station: MvaStation[] }, command: Command) => {
      emit(runMva(options), queueMvaRenderers(options), ctx.globals(command), ctx.io);
    });

  queue
    .command('usl')
    .description('fit the Universal Scalability Law X(N) = γN / (1 + α(N−1) + βN(N−1)) to measurements')
    .requiredOption('--fit <file.csv>', 'CSV of concurrency,throughput rows (header optional; # comments allowed)')
    .addHelpText(
      'after',
      `
At least 3 rows at 3 different concurrencies, every value > 0. Bounded least squares (α, β ≥ 0);
the peak is at N* = √((1 − α)/β), none when β = 0. γ is in the throughput's own unit.
A malformed file exits 2 naming the file and line.
JSON: {schemaVersion, command, alpha, beta, gamma, peakConcurrency, peakThroughput}

Example measurements.csv:
  concurrency,throughput
  1,980
  8,6290
  16,9540
  32,12760

Examples:
  $ cuenta-plan queue usl --fit measurements.csv
  $ cuenta-plan queue usl --fit measurements.csv --format json`,
    )
    .action((options: { fit: string }, command: Command) => {
      emit(runUsl(options.fit), queueUslRenderers({ file: options.fit }), ctx.globals(command), ctx.io);
    });
}
