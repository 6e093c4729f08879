import type { MetricName } from './metrics.js';

export type Severity = 'fail' | 'warn' | 'info';

/**
 * What a finding is about: `capacity` findings move with the load and decide headroom and phase selection;
 * the others do not.
 */
export type FindingGroup = 'capacity' | 'availability' | 'errors' | 'cost' | 'pricing' | 'workload' | 'uncertainty';

interface FindingCode {
  severity: Severity;
  group: FindingGroup;
  metric: MetricName;
  /** One line: when the finding is raised. */
  description: string;
}

/** Headroom under this share of today's load is a warning (`headroom-low`); the catalog has no threshold for it. */
export const HEADROOM_WARNING_PERCENT = 20;

/** The design peak and the engagement-implied peak may differ by this factor before a finding says so. */
export const PEAK_MISMATCH_FACTOR = 2;

/** Calibrated from measurements, the model's P95 may differ from the observed P95 by this share before a finding says so. */
export const P95_MODEL_MARGIN_PERCENT = 25;

/**
 * The published list of finding codes. A code never changes meaning; a new condition gets a new code.
 * Severity: `fail` breaks a check (status.ok is false), `warn` needs attention, `info` qualifies the figures.
 */
export const FINDING_CODES = {
  'latency-over-slo': {
    severity: 'fail',
    group: 'capacity',
    metric: 'p95-ms',
    description: "the end-to-end latency percentile is not under the phase's SLO target (or is unbounded)",
  },
  'cpu-over-scaling-target': {
    severity: 'fail',
    group: 'capacity',
    metric: 'cpu',
    description: "an autoscaled tier's CPU at the peak hour is over its scaling target",
  },
  'cpu-over-alert': {
    severity: 'fail',
    group: 'capacity',
    metric: 'cpu',
    description: "a fixed tier's CPU at the peak hour is over the catalog's CPU alert threshold",
  },
  'connections-over-alert': {
    severity: 'fail',
    group: 'capacity',
    metric: 'connections',
    description: "a database's connections in use at the peak hour are over the catalog's pool alert threshold",
  },
  'memory-over-alert': {
    severity: 'fail',
    group: 'capacity',
    metric: 'memory',
    description: "a tier's memory in use per instance at the peak hour is over the catalog's memory alert threshold",
  },
  'cache-hit-ratio-reduced': {
    severity: 'warn',
    group: 'capacity',
    metric: 'cache-hit-ratio',
    description: "the cache's working set does not fit its usable memory: its hit ratio falls below the catalog's and the misses go to the database",
  },
  'tier-exhausted': {
    severity: 'fail',
    group: 'capacity',
    metric: 'instances',
    description: 'a tier at its maximum instances cannot keep under its CPU cap, or its queue is unstable: start migrating',
  },
  'availability-short': {
    severity: 'fail',
    group: 'availability',
    metric: 'availability',
    description: "the expected availability of the request path is short of the phase's SLO; the subject is the component that causes most of the expected downtime",
  },
  'error-rate-over-slo': {
    severity: 'fail',
    group: 'errors',
    metric: 'error-rate',
    description: "the assumed error rate is not under the phase's SLO error rate",
  },
  'over-budget': {
    severity: 'fail',
    group: 'cost',
    metric: 'cost',
    description: "the monthly cost, to the cent, is over the top of the phase's budget range",
  },
  'headroom-low': {
    severity: 'warn',
    group: 'capacity',
    metric: 'headroom',
    description: `the phase serves fewer than ${HEADROOM_WARNING_PERCENT} % more users than today before a capacity check fails`,
  },
  'requests-per-target-over': {
    severity: 'warn',
    group: 'capacity',
    metric: 'requests-per-target',
    description: "a tier at its maximum instances takes more requests per instance than its scaling rule's cap",
  },
  'design-peak-under-implied': {
    severity: 'warn',
    group: 'workload',
    metric: 'concurrent-users',
    description: `engagement implies a peak concurrency more than ${PEAK_MISMATCH_FACTOR}× the design peak sizing uses: the phase may be sized for too little`,
  },
  'design-peak-over-implied': {
    severity: 'info',
    group: 'workload',
    metric: 'concurrent-users',
    description: `the design peak sizing uses is more than ${PEAK_MISMATCH_FACTOR}× the peak concurrency engagement implies: sized with room, or the engagement assumptions are low`,
  },
  'availability-unrated': {
    severity: 'info',
    group: 'availability',
    metric: 'availability',
    description: 'a hard dependency on the request path has no SLA figure and is left out of the SLA floor',
  },
  'unverified-prices': {
    severity: 'info',
    group: 'pricing',
    metric: 'unverified-lines',
    description: 'some cost lines are priced from estimates rather than dated, verified prices',
  },
  'cost-over-limit': {
    severity: 'fail',
    group: 'cost',
    metric: 'cost',
    description: "the monthly cost, to the cent, is over the gate's budget (`gate --budget`)",
  },
  'cost-per-user-over-limit': {
    severity: 'fail',
    group: 'cost',
    metric: 'cost-per-user',
    description: "the monthly cost per user, to a hundredth of a cent, is over the gate's ceiling (`gate --max-cost-per-user`)",
  },
  'headroom-under-minimum': {
    severity: 'fail',
    group: 'capacity',
    metric: 'headroom',
    description: "the phase serves fewer more users, to 0.1 %, than the gate's minimum headroom (`gate --min-headroom`), or not even today's",
  },
  'cost-increase-over-limit': {
    severity: 'fail',
    group: 'cost',
    metric: 'cost-increase',
    description: "the monthly cost grew over the baseline's at the same user count, to 0.01 %, by more than the gate allows (`gate --max-increase`), or the baseline has no cost there",
  },
  'migration-start-too-soon': {
    severity: 'fail',
    group: 'capacity',
    metric: 'weeks-to-migration',
    description: "at the gate's growth rate, the migration to the next phase would have to start sooner, to 0.1 week, than the gate's minimum (`gate --min-weeks-to-migrate`), or the phase does not serve even its smallest load",
  },
  'breach-probability-over-limit': {
    severity: 'fail',
    group: 'uncertainty',
    metric: 'breach-probability',
    description: "in the gate's Monte Carlo over the catalog's distributions, an SLO or the budget (the check's subject) is broken more often than the gate allows (`gate --max-breach-probability`)",
  },
  'unquoted-component': {
    severity: 'info',
    group: 'pricing',
    metric: 'cost',
    description: 'a book that charges each component its quoted figure has no quote for this component: it costs $0',
  },
  'p95-model-off': {
    severity: 'warn',
    group: 'workload',
    metric: 'p95-ms',
    description: `calibrated from measurements, the model's P95 at the measured peak differs from the P95 observed at the busiest periods by more than ${P95_MODEL_MARGIN_PERCENT} %: its latency figures do not describe the running system`,
  },
} as const satisfies Readonly<Record<string, FindingCode>>;

export type FindingCodeName = keyof typeof FINDING_CODES;

