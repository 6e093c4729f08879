import { describe, expect, it } from 'vitest';
import { formatProblem, validateCatalogText } from '../../src/catalog/index.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { defaultSnapshotPath } from '../../src/paths.js';
import { variantText } from './fixtures.js';

const book = loadSnapshotPriceBook(defaultSnapshotPath);
/** minimal.yaml's phase 1 app (autoscaled, min 1) with its availability line replaced. */
const withApp = (lines: string) =>
  validateCatalogText(variantText('        availability: { value: 0.995, source: assumption, note: EC2 instance SLA }', lines), 'x.yaml', { book });
const messages = (v: ReturnType<typeof withApp>) => [...v.errors, ...v.warnings].map(formatProblem).join('\n');

describe('placement, dependency and availability_model in the catalog', () => {
  it('reads placement and a soft dependency into the engine’s catalog', () => {
    const v = withApp(
      [
        '        availability: { value: 0.9999, source: aws, note: EC2 Region-Level SLA }',
        '        placement: { zones: 1, regions: [us-east-1], recovery: pool }',
        '        dependency: { type: soft, reason: "a test" }',
      ].join('\n'),
    );
    expect(v.errors).toEqual([]);
    const app = v.catalog!.phases[1]!.components[0]!;
    expect(app.placement).toEqual({ zones: 1, regions: ['us-east-1'], recovery: 'pool' });
    expect(app.dependency).toEqual({ type: 'soft', reason: 'a test' });
  });

  it('refuses more zones than the instances that always run: one copy cannot span two zones', () => {
    const one = withApp('        placement: { zones: 2 }');
    expect(messages(one)).toMatch(/2 zone\(s\) in 1 region\(s\) need at least 2 instances, but 1 always runs/);
    expect(one.errors[0]!.path).toBe('phases[1].components[0].placement.zones');
    const enough = validateCatalogText(variantText('scaling: { min: 1, max: 4, desired: 1', 'scaling: { min: 2, max: 4, desired: 2').replace(
      '        availability: { value: 0.995, source: assumption, note: EC2 instance SLA }',
      '        placement: { zones: 2 }',
    ), 'x.yaml', { book });
    expect(enough.errors).toEqual([]);
  });

  it('refuses a region listed twice and an unknown placement key', () => {
    expect(messages(withApp('        placement: { regions: [a, a] }'))).toMatch(/region "a" is listed twice/);
    expect(withApp('        placement: { zone: 2 }').errors).not.toEqual([]);
    expect(withApp('        dependency: { type: optional, reason: x }').errors).not.toEqual([]);
  });

  it('takes an availability_model section with sourced inputs', () => {
    const q = '{ value: 1, source: assumption, note: test, range: [0.5, 2] }';
    const pair = `{ detection_s: ${q}, switch_s: ${q} }`;
    const section = [
      'availability_model:',
      ...[
        'zone_outages_per_year',
        'zone_outage_hours',
        'region_outages_per_year',
        'region_outage_hours',
        'edge_outages_per_year',
        'edge_outage_hours',
        'instance_failures_per_year',
        'instance_recovery_minutes',
        'manual_recovery_minutes',
      ].map((name) => `  ${name}: ${q}`),
      `  failover: { load_balancer: ${pair}, database: ${pair}, cache: ${pair}, region: ${pair}, cdn: ${pair} }`,
      'alerts:',
    ].join('\n');
    const v = validateCatalogText(variantText('alerts:', section), 'x.yaml', { book });
    expect(v.errors).toEqual([]);
    expect(v.catalog!.availabilityModel!.failover.region.switchS).toMatchObject({ value: 1, range: [0.5, 2] });
    const negative = validateCatalogText(variantText('alerts:', section.replace('zone_outage_hours: { value: 1', 'zone_outage_hours: { value: -1')), 'x.yaml', { book });
    expect(negative.errors.map(formatProblem).join('\n')).toMatch(/availability_model\.zone_outage_hours/);
  });
});
