/**
 * The load a plan puts on each alert threshold (src/model/advise-alerts.ts), on a plan written by hand: only the
 * fields the alerts read, so every expected figure is the arithmetic in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { AlertThreshold, Catalog } from '../../src/model/catalog-types.js';
import { alertLoads } from '../../src/model/advise-alerts.js';
import type { Plan } from '../../src/model/plan.js';
import { catalog as fixture, phase } from './fixture-catalog.js';

const tier = (id: string, fields: { utilization: number; stable?: boolean; delay?: boolean; roles?: string[]; connectionOccupancy?: number | null }) => ({
  id,
  stable: true,
  delay: false,
  roles: ['app'],
  connectionOccupancy: null,
  ...fields,
});
const plan = (tiers: ReturnType<typeof tier>[], memory: Array<{ id: string; fraction: number | null }> = []): Plan =>
  ({ phase, tiers, memory: { cache: null, tiers: memory }, latency: { valueMs: 300 } }) as unknown as Plan;
const alert = (metric: string, threshold: number, unit: AlertThreshold['unit']): AlertThreshold => ({ id: metric, metric, threshold, unit, source: 'seed' });
const loads = (alerts: AlertThreshold[], p: Plan) => alertLoads({ ...fixture, alerts } as Catalog, p);

describe('alertLoads', () => {
  const tiers = [
    tier('app', { utilization: 0.5 }),
    tier('db', { utilization: 0.6, roles: ['db'], connectionOccupancy: 0.4 }),
    // A serverless tier has no shared CPU: left out of the CPU alert even at 99 %.
    tier('fn', { utilization: 0.99, delay: true }),
  ];

  it('puts the busiest tier against a fraction alert, in percent: 60 % of 80 % is 75 % used', () => {
    expect(loads([alert('cpu_utilization', 0.8, 'fraction')], plan(tiers))).toEqual([
      { id: 'cpu_utilization', metric: 'cpu_utilization', threshold: 80, unit: '%', value: 60, subject: 'db', usedPercent: 75 },
    ]);
  });

  it('reads memory as a fraction against a percent alert, connections of the database tiers, the P95, the error rate', () => {
    const [memory, connections, latency, errors] = loads(
      [alert('memory_utilization', 85, 'percent'), alert('db_connections_of_pool', 0.8, 'fraction'), alert('response_time_ms', 2000, 'ms'), alert('error_rate', 0.01, 'fraction')],
      plan(tiers, [{ id: 'cache', fraction: 0.5 }, { id: 'db', fraction: 0.17 }]),
    );
    // 50 % of 85 %; 40 % of 80 %; 300 ms of 2,000; the fixture's error rate 0.05 % of 1 %.
    expect(memory).toMatchObject({ threshold: 85, unit: '%', value: 50, subject: 'cache' });
    expect(memory!.usedPercent).toBeCloseTo((50 / 85) * 100, 12);
    expect(connections).toMatchObject({ threshold: 80, value: 40, subject: 'db', usedPercent: 50 });
    expect(latency).toMatchObject({ threshold: 2000, unit: 'ms', value: 300, subject: 'phase:1', usedPercent: 15 });
    expect(errors).toMatchObject({ threshold: 1, unit: '%', subject: 'phase:1' });
    expect(errors!.value).toBeCloseTo(0.05, 12);
    expect(errors!.usedPercent).toBeCloseTo(5, 12);
  });

  it('has no figure for an unstable tier (named), for a metric the model does not compute, or a use of a 0 threshold', () => {
    const unstable = plan([tier('app', { utilization: 1.2, stable: false }), tier('db', { utilization: 0.6 })]);
    expect(loads([alert('cpu_utilization', 0.8, 'fraction')], unstable)[0]).toMatchObject({ value: null, subject: 'app', usedPercent: null });
    expect(loads([alert('disk_queue_depth', 10, 'count')], plan(tiers))[0]).toMatchObject({ threshold: 10, unit: 'count', value: null, subject: null, usedPercent: null });
    expect(loads([alert('response_time_ms', 0, 'ms')], plan(tiers))[0]).toMatchObject({ value: 300, usedPercent: null });
  });
});
