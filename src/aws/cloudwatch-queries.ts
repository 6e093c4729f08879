/**
 * What `metrics pull` asks CloudWatch for, by selector (docs/aws-notes.md › CloudWatch): one GetMetricData
 * query per series of the observations file. Pure.
 */
import type { Measure, ObservedTier, SeriesOrigin } from '../model/calibrate-observations.js';

export interface MetricSelectors {
  /** ALB name as CloudWatch's LoadBalancer dimension has it: app/<name>/<id>. */
  loadBalancer?: string;
  asg?: string;
  /** DB instance identifiers: the writer first, then readers. */
  db: readonly string[];
  /** ElastiCache cluster id (a node: its CacheClusterId, e.g. my-redis-001). */
  cache?: string;
}

export interface SeriesQuery {
  id: string;
  measures: Measure;
  tier: ObservedTier;
  origin: SeriesOrigin;
  /** Multiplies each value into the file's unit (TargetResponseTime is in seconds, the file in ms). */
  scale: number;
}

const q = (id: string, measures: Measure, tier: ObservedTier, namespace: string, name: string, dimensions: Record<string, string>, stat: string, scale = 1): SeriesQuery => ({
  id,
  measures,
  tier,
  origin: { namespace, name, dimensions, stat },
  scale,
});

export function seriesQueries(s: MetricSelectors): SeriesQuery[] {
  const queries: SeriesQuery[] = [];
  if (s.loadBalancer) {
    const lb = { LoadBalancer: s.loadBalancer };
    queries.push(q('requests', 'requests', 'lb', 'AWS/ApplicationELB', 'RequestCount', lb, 'Sum'));
    queries.push(q('latencyP95', 'response-time-p95', 'lb', 'AWS/ApplicationELB', 'TargetResponseTime', lb, 'p95', 1000));
  }
  if (s.asg) {
    const group = { AutoScalingGroupName: s.asg };
    queries.push(q('appCpu', 'cpu', 'app', 'AWS/EC2', 'CPUUtilization', group, 'Average'));
    // Published only when the group's metrics collection is enabled (aws autoscaling enable-metrics-collection).
    queries.push(q('appInstances', 'instances', 'app', 'AWS/AutoScaling', 'GroupInServiceInstances', group, 'Average'));
  }
  s.db.forEach((id, i) => {
    const db = { DBInstanceIdentifier: id };
    queries.push(q(`dbCpu${i}`, 'cpu', 'db', 'AWS/RDS', 'CPUUtilization', db, 'Average'));
    queries.push(q(`dbConnections${i}`, 'connections', 'db', 'AWS/RDS', 'DatabaseConnections', db, 'Average'));
  });
  if (s.cache) {
    const cache = { CacheClusterId: s.cache };
    queries.push(q('cacheCpu', 'cpu', 'cache', 'AWS/ElastiCache', 'EngineCPUUtilization', cache, 'Average'));
    queries.push(q('cacheMemory', 'memory', 'cache', 'AWS/ElastiCache', 'DatabaseMemoryUsagePercentage', cache, 'Average'));
  }
  return queries;
}
