/** The connection check of a database tier on the bundled phase 2 (Aurora: a writer and two readers, 450 connections each). */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { sizePlan, thresholdsOf } from '../../src/model/plan.js';

const { catalog } = loadCatalog();
const thresholds = thresholdsOf(catalog);
const phase2 = catalog.phases.find((p) => p.id === 2)!;
const connections = (users: number) => sizePlan(catalog, phase2, users, thresholds).checks.find((c) => c.name === 'db.writer connections');

describe('db connections', () => {
  it('is checked against the alert while the database keeps up', () => {
    const check = connections(5_500)!;
    expect(check).toMatchObject({ code: 'connections-over-alert', subject: 'db.writer', unit: '% of pool', limit: thresholds.dbConnections * 100, relation: '≤', pass: true });
    expect(check.value).toBeGreaterThan(0);
  });

  it('fails with no value once the database cannot keep up: an unstable queue holds every connection', () => {
    // A million users on one fixed Aurora writer: the offered load is past its vCPUs.
    const plan = sizePlan(catalog, phase2, 1_000_000, thresholds);
    expect(plan.tiers.find((t) => t.id === 'db.writer')!.stable).toBe(false);
    expect(connections(1_000_000)).toMatchObject({ value: null, pass: false });
  });
});
