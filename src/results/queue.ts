/**
 * The JSON results of the `cuenta-plan queue` subcommands (src/commands/queue.ts builds them from
 * src/model/queueing). Rates are per second, times in seconds, probabilities and utilisations 0–1.
 */
import * as z from 'zod';
import { fraction, lazy, nullableNum, num, resultHeader, text } from './common.js';
import { QUEUE_SCHEMA_VERSION } from './queue-version.js';

const seconds = (what: string) => z.number().min(0).describe(`${what}, seconds`);

export const queueMmcResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('queue mmc', QUEUE_SCHEMA_VERSION),
      utilization: fraction('Per-server utilisation ρ = λ/(cμ)'),
      erlangC: fraction('Probability that an arrival waits (Erlang C)'),
      erlangB: fraction('Probability that an arrival would be lost with no waiting room (Erlang B)'),
      meanWait: seconds('Mean time in the queue'),
      meanQueueLength: num('Mean number waiting').min(0),
      meanResponse: seconds('Mean response (sojourn) time: wait + service'),
      meanInSystem: num('Mean number in the system').min(0),
      throughput: num('Completions per second (= λ)').min(0),
      response: z
        .strictObject({
          p50: seconds('Median response time'),
          p90: seconds('90th percentile of response time'),
          p95: seconds('95th percentile of response time'),
          p99: seconds('99th percentile of response time'),
          p999: seconds('99.9th percentile of response time'),
        })
        .describe('Exact FCFS response-time percentiles'),
      wait: z
        .strictObject({
          p50: seconds('Median wait (0 when most arrivals do not wait)'),
          p95: seconds('95th percentile of wait'),
          p99: seconds('99th percentile of wait'),
        })
        .describe('Exact FCFS waiting-time percentiles'),
    })
    .describe('The result of `cuenta-plan queue mmc --format json`'),
);

export const queueSizeResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('queue size', QUEUE_SCHEMA_VERSION),
      servers: z.int().min(1).nullable().describe('Fewest servers meeting the latency target and the utilisation cap; null when infeasible'),
      serversForLatency: z.int().min(1).nullable().describe('Fewest servers for the latency target; null when no count meets it'),
      serversForUtilization: z.int().min(1).describe('Fewest servers under the utilisation cap'),
      feasible: z.boolean().describe('False when the service time alone is at or above the target'),
      percentileAtServers: nullableNum('The response-time percentile at `servers`, seconds; null when infeasible'),
    })
    .describe('The result of `cuenta-plan queue size --format json`'),
);

export const queueMmckResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('queue mmck', QUEUE_SCHEMA_VERSION),
      blockingProbability: fraction('Probability that an arrival finds K in the system and is turned away'),
      throughput: num('Accepted arrivals per second').min(0),
      utilization: fraction('Per-server utilisation'),
      meanInSystem: num('Mean number in the system').min(0),
      meanResponse: seconds('Mean response time of accepted requests'),
    })
    .describe('The result of `cuenta-plan queue mmck --format json`'),
);

export const queueErlangBResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('queue erlang-b', QUEUE_SCHEMA_VERSION),
      blockingProbability: fraction('Probability that an arrival finds every server busy and is lost'),
    })
    .describe('The result of `cuenta-plan queue erlang-b --format json`'),
);

export const queueErlangCResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('queue erlang-c', QUEUE_SCHEMA_VERSION),
      waitProbability: fraction('Probability that an arrival to the M/M/c queue waits'),
    })
    .describe('The result of `cuenta-plan queue erlang-c --format json`'),
);

export const queueMvaResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('queue mva', QUEUE_SCHEMA_VERSION),
      throughput: num('Interactions per second of the closed network').min(0),
      responseTime: seconds('Response time N/X − Z'),
      stations: z
        .array(
          z.strictObject({
            name: text('Station name, as given to --station'),
            utilization: z.number().min(0).max(1).nullable().describe('Per-server utilisation X·D/m; null for a delay station'),
            queueLength: num('Mean number at the station').min(0),
            residenceTime: seconds('Time spent at the station per interaction'),
          }),
        )
        .describe('One entry per --station, in the order given'),
    })
    .describe('The result of `cuenta-plan queue mva --format json`'),
);

export const queueUslResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('queue usl', QUEUE_SCHEMA_VERSION),
      alpha: num('α, contention').min(0),
      beta: num('β, coherency').min(0),
      gamma: num("γ, throughput at concurrency 1, in the measurements' unit").min(0),
      peakConcurrency: nullableNum('N* = √((1 − α)/β); null when β = 0 (no peak)'),
      peakThroughput: nullableNum('Throughput at N*; null when there is no peak'),
    })
    .describe('The result of `cuenta-plan queue usl --format json`'),
);

export type QueueMmcResult = z.infer<ReturnType<typeof queueMmcResultSchema>>;
export type QueueSizeResult = z.infer<ReturnType<typeof queueSizeResultSchema>>;
export type QueueMmckResult = z.infer<ReturnType<typeof queueMmckResultSchema>>;
export type QueueErlangBResult = z.infer<ReturnType<typeof queueErlangBResultSchema>>;
export type QueueErlangCResult = z.infer<ReturnType<typeof queueErlangCResultSchema>>;
export type QueueMvaResult = z.infer<ReturnType<typeof queueMvaResultSchema>>;
export type QueueUslResult = z.infer<ReturnType<typeof queueUslResultSchema>>;
