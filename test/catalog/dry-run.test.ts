import { describe, expect, it } from 'vitest';
import { validateCatalogText, type CatalogValidation } from '../../src/catalog/index.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { defaultSnapshotPath } from '../../src/paths.js';
import { applyEdits, minimalText } from './fixtures.js';

const book = loadSnapshotPriceBook(defaultSnapshotPath);
const PHASE0_LAST_LINE = '          - { price: "digitalocean:s-2vcpu-4gb", quantity: "=instances" }\n';
const PHASE1_LAST_LINE = '          - { price: "ebs:gp3:gb-month", quantity: "=ceil(instances) * 20", unit: gb-month }\n';

/** minimal.yaml with `yaml` (components, 6-space indent) added to the end of phase 0's or phase 1's components. */
function withComponent(phase: 0 | 1, yaml: string): CatalogValidation {
  const at = phase === 0 ? PHASE0_LAST_LINE : PHASE1_LAST_LINE;
  return validateCatalogText(applyEdits(minimalText, [{ find: at, replace: `${at}${yaml}` }]), 'x.yaml', { book });
}
const summary = (v: CatalogValidation) => [...v.errors, ...v.warnings].map((p) => [p.severity, p.path, p.message]);

const component = (id: string, kind: string, serves: string, count: string, extra = '') =>
  [`      - id: ${id}`, `        name: ${id}`, `        kind: ${kind}`, '        provider: test', `        serves: ${serves}`, extra, `        count: ${count}`, '        cost: []', '']
    .filter((line) => line !== '')
    .join('\n') + '\n';

describe('stage 5: the dry run, on both sides of each check', () => {
  it('names a tier on the request path with no instance, at its count, at both ends of the range', () => {
    const v = validateCatalogText(applyEdits(minimalText, [{ find: 'count: 1\n', replace: 'count: 0\n' }]), 'x.yaml', { book });
    expect(summary(v)).toEqual([
      ['error', 'phases[0].components[0].count', 'no instance at 1 user, but it serves app, db, cache: a tier on the request path needs at least 1'],
      ['error', 'phases[0].components[0].count', 'no instance at 100 users, but it serves app, db, cache: a tier on the request path needs at least 1'],
    ]);
  });

  it('lets a component off the request path, or with nothing to size, run no instance', () => {
    expect(withComponent(0, component('cdn', 'cdn', '[edge]', '0')).errors).toEqual([]);
    expect(withComponent(0, component('backups', 'other', '[db]', '0')).errors).toEqual([]);
  });

  it('counts a component as on the path when any of its roles is', () => {
    const v = withComponent(0, component('proxy', 'compute', '[edge, app]', '0', '        instance: { type: s-2vcpu-4gb, vcpus: 2, memory_gb: 4 }'));
    expect(summary(v)[0]).toEqual(['error', 'phases[0].components[1].count', 'no instance at 1 user, but it serves edge, app: a tier on the request path needs at least 1']);
  });

  it('points a count formula that sizing cannot use at that count, past a scaled component', () => {
    const v = withComponent(1, component('logs', 'monitoring', '[]', '"=1/0"'));
    expect(summary(v)).toEqual([
      ['error', 'phases[1].components[1].count', 'the count ("=1/0") evaluates to Infinity at 101 users; it must be a finite number ≥ 0'],
      ['error', 'phases[1].components[1].count', 'the count ("=1/0") evaluates to Infinity at 1,000 users; it must be a finite number ≥ 0'],
    ]);
  });
});
