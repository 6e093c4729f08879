/**
 * The one list of metric names: findings, compare rows, gate checks and `solve` targets all name
 * what they measure with these, so `--max p95-ms=500` and a finding about `p95-ms` mean the same figure.
 */
export const METRICS = {
  cost: { unit: 'USD', description: 'total monthly cost of the phase under the price book' },
  'cost-per-user': { unit: 'USD', description: 'monthly cost divided by the users in the month' },
  'p95-ms': { unit: 'ms', description: "end-to-end latency at the phase's SLO percentile (P95 in every bundled phase)" },
  availability: { unit: '%', description: 'expected availability of the request path, from failure domains (zones, regions, instances, failover)' },
  'availability-sla': { unit: '%', description: "the SLA floor: the product of the providers' SLAs along the hard-dependency path" },
  'availability-target': { unit: '%', description: "the phase's availability SLO" },
  'error-rate': { unit: '%', description: 'share of requests that fail for reasons other than capacity' },
  cpu: { unit: '%', description: "a tier's CPU utilisation at the peak hour" },
  connections: { unit: '% of pool', description: "a database's connections in use at the peak hour, over its pool" },
  memory: { unit: '%', description: "a tier's memory in use per instance at the peak hour, over its memory (a cache node: its usable memory)" },
  'cache-hit-ratio': { unit: '%', description: 'share of cache lookups that hit, after the working set is set against the cache’s memory' },
  instances: { unit: 'instances', description: "a tier's instances at the peak hour" },
  'requests-per-target': { unit: 'requests/min', description: 'requests one instance takes per minute at the peak hour' },
  headroom: { unit: '%', description: 'how many more users the phase serves within its capacity checks, over today’s' },
  'concurrent-users': { unit: 'users', description: 'concurrent users at the daily peak: the design peak sizing uses, against the peak engagement implies' },
  'max-users': { unit: 'users', description: 'the most users the phase serves within its capacity checks' },
  'cost-increase': { unit: '%', description: "growth of the monthly cost over a baseline's at the same user count" },
  'weeks-to-migration': { unit: 'weeks', description: 'weeks from the as-of date until the migration must start (the phase runs out at the growth rate, less the migration steps at their longest); negative when that day has passed' },
  'breach-probability': { unit: 'probability', description: 'the share of Monte Carlo samples, 0 to 1, that break an SLO or the budget' },
  'unverified-lines': { unit: 'lines', description: 'cost lines priced from estimates rather than dated, verified prices' },
  mrr: { unit: 'USD', description: "monthly recurring revenue from the catalog's paid plans at the user count" },
  margin: { unit: 'USD', description: 'gross margin: monthly revenue minus payment fees and the infrastructure cost' },
  'contribution-margin': { unit: 'USD', description: 'gross margin minus opex (costs besides infrastructure)' },
} as const satisfies Readonly<Record<string, { unit: string; description: string }>>;

export type MetricName = keyof typeof METRICS;
