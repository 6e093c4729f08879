import type { Catalog, Quantity } from './catalog-types.js';

/** The inputs of the availability estimate: how often each failure domain fails, and how long recovery takes. */
export type FailureModel = NonNullable<Catalog['availabilityModel']>;

const assumed = (value: number, range: [number, number], note: string): Quantity => ({ value, source: 'assumption', range, note });
const detectAndSwitch = (detection: Quantity, switchOver: Quantity) => ({ detectionS: detection, switchS: switchOver });

/**
 * The inputs a catalog without an `availability_model:` section gets: the bundled catalog's, with the same
 * sources (docs/model.md § Availability derives and discusses each).
 */
export const DEFAULT_FAILURE_MODEL: FailureModel = {
  zoneOutagesPerYear: assumed(0.2, [0.05, 1], 'AWS post-event summaries (aws.amazon.com/premiumsupport/technology/pes/, 2011–2025): a zone loses power or cooling every few years'),
  zoneOutageHours: assumed(3, [1, 10], 'AWS post-event summaries: us-east-1 2012-06-29 ~2 h to power, Sydney 2016-06-04 ~10 h for some instances'),
  regionOutagesPerYear: assumed(0.3, [0.1, 1], 'us-east-1 events breaking a regional service: 2017-02 S3, 2020-11 Kinesis, 2021-12 network, 2023-06 Lambda, 2025-10 DynamoDB DNS'),
  regionOutageHours: assumed(4, [2, 15], 'the same events lasted ~3 h (2023-06) to ~15 h (2025-10)'),
  edgeOutagesPerYear: assumed(0.5, [0.1, 2], 'global CDN incidents: Cloudflare 2019-07, 2020-07, 2022-06, 2025-11, 2025-12; Fastly 2021-06; Akamai 2021-07'),
  edgeOutageHours: assumed(1.5, [0.5, 4], 'those incidents lasted 25 min (Cloudflare 2025-12) to ~3 h (Cloudflare 2025-11)'),
  instanceFailuresPerYear: assumed(2, [0.5, 6], 'host failures, retirements and crashes of one VM: no public rate; EC2 scheduled events and instance retirement notices make a few a year plausible'),
  instanceRecoveryMinutes: assumed(10, [5, 30], 'Aurora with no replica creates a new instance, typically in under 10 min (Aurora User Guide, Fault tolerance); an ASG replaces an instance in minutes'),
  manualRecoveryMinutes: assumed(60, [20, 240], 'a person answers an alarm and restarts, rebuilds or promotes by hand'),
  failover: {
    loadBalancer: detectAndSwitch(
      assumed(60, [10, 90], 'ALB target health checks: 30 s interval × 2 unhealthy checks by default (ELB User Guide, Health checks for target groups)'),
      assumed(0, [0, 10], 'the balancer stops routing to a target as soon as it is marked unhealthy'),
    ),
    database: detectAndSwitch(
      assumed(10, [5, 30], 'RDS/Aurora detect a failed writer within seconds'),
      assumed(20, [10, 90], 'Aurora failover typically under 30 s; RDS Multi-AZ DB instance 60–120 s (RDS User Guide, Failing over a Multi-AZ DB instance)'),
    ),
    cache: detectAndSwitch(
      assumed(15, [5, 30], 'ElastiCache Multi-AZ detects a failed primary'),
      assumed(30, [10, 60], 'ElastiCache promotes a replica and moves the primary endpoint (ElastiCache User Guide, Minimizing downtime with Multi-AZ)'),
    ),
    region: detectAndSwitch(
      assumed(90, [30, 90], 'Route 53 health checks: 30 s interval × 3 failures by default (10 s × 3 with fast checks)'),
      assumed(120, [60, 600], 'DNS TTL of 60 s, then the Aurora Global Database secondary is promoted (about a minute)'),
    ),
    cdn: detectAndSwitch(
      assumed(90, [30, 300], 'DNS steering between CDN providers on failed health checks'),
      assumed(60, [30, 300], 'the steering record’s TTL'),
    ),
  },
};

/** The model's inputs as plain numbers, in seconds and events per year. */
export interface FailureInputs {
  zoneRatePerYear: number;
  zoneOutageS: number;
  regionRatePerYear: number;
  regionOutageS: number;
  edgeRatePerYear: number;
  edgeOutageS: number;
  instanceRatePerYear: number;
  instanceRecoveryS: number;
  manualRecoveryS: number;
  /** Detection + switch-over, seconds, per failover mechanism. */
  failoverS: { loadBalancer: number; database: number; cache: number; region: number; cdn: number };
}

/**
 * Which end of each input: `value`, or every input at the end of its range that gives `fewer` or `more` downtime.
 * Downtime grows with every input (rates and durations), so these two ends bound the estimate.
 */
export type InputEnd = 'value' | 'fewer' | 'more';

function at(q: Quantity, end: InputEnd): number {
  if (end === 'value' || !q.range) return q.value;
  return end === 'fewer' ? Math.min(q.range[0], q.value) : Math.max(q.range[1], q.value);
}

export function failureInputs(model: FailureModel, end: InputEnd): FailureInputs {
  const failover = (f: FailureModel['failover']['database']) => at(f.detectionS, end) + at(f.switchS, end);
  return {
    zoneRatePerYear: at(model.zoneOutagesPerYear, end),
    zoneOutageS: at(model.zoneOutageHours, end) * 3600,
    regionRatePerYear: at(model.regionOutagesPerYear, end),
    regionOutageS: at(model.regionOutageHours, end) * 3600,
    edgeRatePerYear: at(model.edgeOutagesPerYear, end),
    edgeOutageS: at(model.edgeOutageHours, end) * 3600,
    instanceRatePerYear: at(model.instanceFailuresPerYear, end),
    instanceRecoveryS: at(model.instanceRecoveryMinutes, end) * 60,
    manualRecoveryS: at(model.manualRecoveryMinutes, end) * 60,
    failoverS: {
      loadBalancer: failover(model.failover.loadBalancer),
      database: failover(model.failover.database),
      cache: failover(model.failover.cache),
      region: failover(model.failover.region),
      cdn: failover(model.failover.cdn),
    },
  };
}
