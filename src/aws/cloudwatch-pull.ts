/**
 * `metrics pull` and `--metrics cloudwatch`: one GetMetricData pagination for every selected series over the
 * window, assembled into an observations file (src/model/calibrate-observations.ts). The SDK loads here, on
 * first use, with its Node-version notice silenced (docs/aws-notes.md).
 */
import { ExternalError, UserError } from '../errors.js';
import type { Observations } from '../model/calibrate-observations.js';
import { describeFailure, silenceSdkNodeWarning } from '../pricing/live-fetch.js';
import { seriesQueries, type MetricSelectors } from './cloudwatch-queries.js';

/** Hourly periods: CloudWatch keeps them 455 days, and the calibration reads a 24-hour profile from them. */
export const PERIOD_SECONDS = 3600;
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface PullRequest {
  selectors: MetricSelectors;
  windowMs: number;
  /** The window ends at the last whole hour before this. */
  now: Date;
  region?: string;
  users?: number;
  phase?: number;
  timeoutMs?: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * @throws UserError when no selector is given, or the window is shorter than a period (exit 2)
 * @throws ExternalError naming the failure when CloudWatch cannot be read (exit 3)
 */
export async function pullObservations(request: PullRequest): Promise<Observations> {
  const queries = seriesQueries(request.selectors);
  if (queries.length === 0) throw new UserError('name what to measure: --load-balancer, --asg, --db or --cache (at least --load-balancer, for the request count)');
  if (request.windowMs < PERIOD_SECONDS * 1000) throw new UserError(`--window must be at least an hour (the period of the series); got ${request.windowMs / 60_000} min`);
  const end = Math.floor(request.now.getTime() / (PERIOD_SECONDS * 1000)) * PERIOD_SECONDS * 1000;
  const start = end - Math.floor(request.windowMs / (PERIOD_SECONDS * 1000)) * PERIOD_SECONDS * 1000;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  silenceSdkNodeWarning();
  const { getMetricData } = await import('./cloudwatch-client.js');
  let fetched;
  try {
    fetched = await getMetricData({ queries, start: new Date(start), end: new Date(end), periodSeconds: PERIOD_SECONDS, region: request.region, timeoutMs });
  } catch (error) {
    if (error instanceof Error && /region is missing/i.test(error.message)) {
      throw new UserError('no AWS region: pass --region or set AWS_REGION (CloudWatch metrics live in the region of the resources)');
    }
    throw new ExternalError(`cannot read CloudWatch metrics: ${describeFailure(error, timeoutMs)}`);
  }
  return {
    version: 1,
    window: { start: iso(start), end: iso(end), periodSeconds: PERIOD_SECONDS },
    ...(request.users !== undefined ? { users: request.users } : {}),
    ...(request.phase !== undefined ? { phase: request.phase } : {}),
    ...(request.region ? { region: request.region } : {}),
    note: `CloudWatch GetMetricData, hourly, ${iso(start)} – ${iso(end)}`,
    series: queries.map((query) => {
      const points = fetched.find((f) => f.id === query.id)!;
      // Pages may split a series; keep each period once, in time order, and drop points outside the window.
      const byTime = new Map<number, number>();
      points.timestamps.forEach((t, i) => {
        const value = points.values[i]!;
        if (t >= start && t < end && Number.isFinite(value)) byTime.set(t, value * query.scale);
      });
      const times = [...byTime.keys()].sort((a, b) => a - b);
      return { id: query.id, measures: query.measures, tier: query.tier, origin: query.origin, timestamps: times.map(iso), values: times.map((t) => byTime.get(t)!) };
    }),
  };
}
