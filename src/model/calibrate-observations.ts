/**
 * Observations as the engine sees them: measured time series of one running system over a window (what
 * `cuenta-plan metrics pull` writes, or a file of the same shape). The file's schema and reader live in
 * src/inputs/observations*.ts; calibration (./calibrate.ts) turns these into model inputs.
 */

/** What a series measures, each in one fixed unit (the file's schema says so; `metrics pull` converts). */
export const MEASURES = {
  requests: 'requests served in each period (a sum, Count)',
  'response-time-p95': 'the 95th percentile of the server-side response time in each period, ms',
  cpu: 'CPU utilisation averaged over the instances in each period, percent',
  instances: 'instances in service, averaged over each period',
  connections: 'database connections open, averaged over each period',
  memory: 'memory in use, averaged over each period, percent',
} as const;
export type Measure = keyof typeof MEASURES;

/** The tiers a series can describe: the load balancer (requests, latency), the app, the database, the cache. */
export const OBSERVED_TIERS = ['lb', 'app', 'db', 'cache'] as const;
export type ObservedTier = (typeof OBSERVED_TIERS)[number];

/** Where a series came from: a CloudWatch metric, or a note for other collectors (an agent, access logs). */
export interface SeriesOrigin {
  namespace: string;
  name: string;
  dimensions: Readonly<Record<string, string>>;
  stat: string;
}

export interface ObservedSeries {
  id: string;
  measures: Measure;
  tier: ObservedTier;
  /** The component of the observed phase it describes (`db` for each database instance); defaults to the tier's. */
  component?: string;
  origin: SeriesOrigin;
  /** Start of each period, ISO 8601 UTC, ascending; the same length as `values`. */
  timestamps: readonly string[];
  values: readonly number[];
}

export interface Observations {
  version: 1;
  window: { start: string; end: string; periodSeconds: number };
  /** Monthly active users in the window (from the product's analytics: CloudWatch does not count users). */
  users?: number;
  /** The catalog phase the measured system runs; else the phase whose range holds `users`. */
  phase?: number;
  region?: string;
  /** Where the data came from, in words (shown with the calibrated values). */
  note?: string;
  series: readonly ObservedSeries[];
}
