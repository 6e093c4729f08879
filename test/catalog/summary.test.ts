/** `catalog show`'s result, built from the catalog by pure functions; expected values are read off the YAML. */
import { describe, expect, it } from 'vitest';
import { loadCatalog, validateCatalogText } from '../../src/catalog/index.js';
import { showCatalog, summarisePhase } from '../../src/catalog/summary.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { defaultSnapshotPath } from '../../src/paths.js';
import { variantText } from './fixtures.js';

const { catalog } = loadCatalog();
const book = loadSnapshotPriceBook(defaultSnapshotPath);

describe('catalog show', () => {
  it('shows one phase when asked, and names every phase of the catalog', () => {
    const one = showCatalog(catalog, 'data/phases.yaml', [], 2);
    expect(one.phases.map((p) => p.id)).toEqual([2]);
    expect(one.catalog).toEqual({ name: 'Cuenta Conmigo', file: 'data/phases.yaml', phaseIds: [0, 1, 2, 3, 4], quoted: true });
    const warning = { severity: 'warning' as const, file: 'data/phases.yaml', line: 3, column: 1, path: 'name', message: 'a warning' };
    const all = showCatalog(catalog, 'data/phases.yaml', [warning]);
    expect(all.phases.map((p) => p.id)).toEqual([0, 1, 2, 3, 4]);
    expect(all.warnings).toEqual([warning]);
  });

  it('phase 2 (data/phases.yaml): the quoted table, $335 over its 10,000 users, and each component as written', () => {
    const p = summarisePhase(catalog.phases[2]!);
    // Quoted rows: CloudFront 20 + API Gateway 5 + EC2 120 + Aurora 150 + ElastiCache 25 + CloudWatch 15 = 335.
    expect([p.quotedTotalUsd, p.quotedComponentsUsd, p.quotedCostPerUserUsd, p.quotedComponentCount]).toEqual([335, 335, 0.0335, 6]);
    const app = p.components.find((c) => c.id === 'app')!;
    expect(app).toMatchObject({ instance: 't3.medium (2 vCPU, 4 GB)', count: '2–10 (desired 3, CPU 70 %, 1000 req/target/min)', inCostTable: true });
    expect(app.priceKeys).toEqual(['ec2:t3.medium', 'ebs:gp3:gb-month']);
    const alb = p.components.find((c) => c.id === 'alb')!;
    expect(alb).toMatchObject({ instance: null, count: '1', quoted: null, inCostTable: false });
    expect(p.components.find((c) => c.id === 'db')!.count).toBe('3');
  });

  it('writes a scaled count with only what it sets, and a formula count as its formula', () => {
    const minimal = validateCatalogText(variantText('scaling: { min: 1, max: 4, desired: 1, target_cpu: 0.7 }', 'scaling: { min: 1, max: 4, target_cpu: 0.655 }'), 'x.yaml', { book }).catalog!;
    expect(summarisePhase(minimal.phases[1]!).components[0]!.count).toBe('1–4 (CPU 65.5 %)');
    const formula = validateCatalogText(variantText('count: 1\n', 'count: "=ceil(users / 50)"\n'), 'x.yaml', { book }).catalog!;
    expect(summarisePhase(formula.phases[0]!).components[0]!.count).toBe('=ceil(users / 50)');
  });

  it('has no quote where the catalog quotes none: null totals, nothing in the cost table', () => {
    const minimal = validateCatalogText(variantText('name: Minimal', 'name: Minimal'), 'x.yaml', { book }).catalog!;
    const p = summarisePhase(minimal.phases[0]!);
    expect([p.quotedTotalUsd, p.quotedComponentsUsd, p.quotedCostPerUserUsd, p.quotedComponentCount]).toEqual([null, 0, null, 0]);
    expect(p.components[0]).toMatchObject({ quoted: null, inCostTable: false });
    expect(showCatalog(minimal, 'x.yaml', []).catalog.quoted).toBe(false);
  });
});
