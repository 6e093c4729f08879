/**
 * Renderers of the `queue` results for people. A queue result holds only the model's outputs, so each
 * renderer is built from the inputs its title quotes (λ, μ, c, …) and is then a pure `(result, options)`.
 */
import type { Renderers, RenderOptions } from '../output.js';
import type {
  QueueErlangBResult,
  QueueErlangCResult,
  QueueMmckResult,
  QueueMmcResult,
  QueueMvaResult,
  QueueSizeResult,
  QueueUslResult,
} from '../results/queue.js';
import { markdownTable, terminalTable, type Align } from './table.js';

/** Six significant digits, no float artefacts; exponent form outside 1e-4…1e9. */
export function sig(x: number, digits = 6): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs < 1e-4 || abs >= 1e9) return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  const text = String(Number(x.toPrecision(digits)));
  const [int = '', frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Seconds as ms below one second, else seconds. */
export const seconds = (s: number | null): string =>
  s === null ? '—' : s !== 0 && Math.abs(s) < 1 ? `${sig(s * 1000)} ms` : `${sig(s)} s`;
const percent = (fraction: number | null): string => (fraction === null ? '—' : `${sig(fraction * 100, 4)}%`);
const perSecond = (x: number): string => `${sig(x)}/s`;

type Rows = [string, string][];

/** Renderers for a titled list of label/value rows (the shape of every queue result but mva). */
function keyValue<R>(title: string, rows: (r: R) => Rows): Renderers<R> {
  return {
    table: (r: R, options: RenderOptions) => `${title}\n${terminalTable(['metric', 'value'], rows(r), options, ['left', 'right'])}\n`,
    md: (r: R) => `**${title}**\n\n${markdownTable(['metric', 'value'], rows(r), ['left', 'right'])}\n`,
  };
}

export function queueMmcRenderers(input: { arrivalRate: number; serviceRate: number; servers: number }): Renderers<QueueMmcResult> {
  const title = `M/M/${input.servers}: λ = ${sig(input.arrivalRate)}/s, μ = ${sig(input.serviceRate)}/s per server`;
  return keyValue(title, (r) => [
    ['utilisation per server', percent(r.utilization)],
    ['P(wait) — Erlang C', sig(r.erlangC)],
    ['P(loss) if no queue — Erlang B', sig(r.erlangB)],
    ['mean wait', seconds(r.meanWait)],
    ['mean queue length', sig(r.meanQueueLength)],
    ['mean response', seconds(r.meanResponse)],
    ['mean in system', sig(r.meanInSystem)],
    ['throughput', perSecond(r.throughput)],
    ['response P50 / P90', `${seconds(r.response.p50)} / ${seconds(r.response.p90)}`],
    ['response P95 / P99 / P99.9', `${seconds(r.response.p95)} / ${seconds(r.response.p99)} / ${seconds(r.response.p999)}`],
    ['wait P50 / P95 / P99', `${seconds(r.wait.p50)} / ${seconds(r.wait.p95)} / ${seconds(r.wait.p99)}`],
  ]);
}

export function queueSizeRenderers(input: {
  arrivalRate: number;
  serviceTime: number;
  percentile: number;
  target: number;
  maxUtilization?: number | undefined;
}): Renderers<QueueSizeResult> {
  const { percentile, target } = input;
  const title =
    `Sizing M/M/c: λ = ${sig(input.arrivalRate)}/s, S = ${seconds(input.serviceTime)}, P${percentile} < ${seconds(target)}` +
    (input.maxUtilization === undefined ? '' : `, utilisation ≤ ${percent(input.maxUtilization)}`);
  return keyValue(title, (r) => [
    ['servers', r.servers === null ? 'infeasible' : String(r.servers)],
    [`fewest for P${percentile} < ${seconds(target)}`, r.serversForLatency === null ? 'none (see below)' : String(r.serversForLatency)],
    ['fewest for the utilisation cap', String(r.serversForUtilization)],
    [`P${percentile} response at that size`, seconds(r.percentileAtServers)],
    ['feasible', r.feasible ? 'yes' : 'no: the service time alone exceeds the target'],
  ]);
}

export function queueMmckRenderers(input: { arrivalRate: number; serviceRate: number; servers: number; capacity: number }): Renderers<QueueMmckResult> {
  const title = `M/M/${input.servers}/${input.capacity}: λ = ${sig(input.arrivalRate)}/s, μ = ${sig(input.serviceRate)}/s per server`;
  return keyValue(title, (r) => [
    ['P(blocked) — arrival finds K in the system', sig(r.blockingProbability)],
    ['throughput (accepted)', perSecond(r.throughput)],
    ['utilisation per server', percent(r.utilization)],
    ['mean in system', sig(r.meanInSystem)],
    ['mean response (accepted)', seconds(r.meanResponse)],
  ]);
}

export const queueErlangBRenderers = (input: { traffic: number; servers: number }): Renderers<QueueErlangBResult> =>
  keyValue(`Erlang B: A = ${sig(input.traffic)} erlangs, c = ${input.servers}`, (r) => [['P(blocked)', sig(r.blockingProbability)]]);

export const queueErlangCRenderers = (input: { traffic: number; servers: number }): Renderers<QueueErlangCResult> =>
  keyValue(`Erlang C: A = ${sig(input.traffic)} erlangs, c = ${input.servers}`, (r) => [['P(wait)', sig(r.waitProbability)]]);

export function queueMvaRenderers(input: { users: number; thinkTime: number }): Renderers<QueueMvaResult> {
  const head = ['station', 'utilisation', 'queue length', 'residence'];
  const align: Align[] = ['left', 'right', 'right', 'right'];
  const rows = (r: QueueMvaResult) =>
    r.stations.map((s) => [s.name, s.utilization === null ? 'delay' : percent(s.utilization), sig(s.queueLength), seconds(s.residenceTime)]);
  const title = (r: QueueMvaResult) =>
    `Closed network, ${sig(input.users)} users, think time ${seconds(input.thinkTime)}: ` +
    `throughput ${perSecond(r.throughput)}, response time ${seconds(r.responseTime)}`;
  return {
    table: (r, options) => `${title(r)}\n${terminalTable(head, rows(r), options, align)}\n`,
    md: (r) => `**${title(r)}**\n\n${markdownTable(head, rows(r), align)}\n`,
  };
}

export const queueUslRenderers = (input: { file: string }): Renderers<QueueUslResult> =>
  keyValue(`USL fit of ${input.file}`, (r) => [
    ['α contention', sig(r.alpha)],
    ['β coherency', sig(r.beta)],
    ['γ throughput at concurrency 1', sig(r.gamma)],
    ['peak concurrency √((1−α)/β)', r.peakConcurrency === null ? 'none (β = 0: no peak)' : sig(r.peakConcurrency)],
    ['peak throughput', r.peakThroughput === null ? '—' : sig(r.peakThroughput)],
  ]);
