import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { formatProblem, ProblemList } from '../../src/catalog/problems.js';
import { checkSections } from '../../src/catalog/rules/sections.js';
import type { Catalog } from '../../src/model/catalog-types.js';

// The rules over the catalog's other sections (src/catalog/rules/sections.ts) on both sides of each limit, on the
// bundled catalog with one field changed. Revenue schedules and plans have their own test (revenue-rules.test.ts).
const { catalog } = loadCatalog();

function sectionsOf(changed: Catalog): string[] {
  const problems = new ProblemList('phases.yaml');
  checkSections(changed, problems);
  return [...problems.errors, ...problems.warnings].map(formatProblem);
}

/** A list's first item with `id` replaced by the second's, to make a duplicate at index 1. */
const twice = <T extends { id: string }>(list: readonly T[]): T[] => [list[0]!, { ...list[1]!, id: list[0]!.id }, ...list.slice(2)];

describe('section rules', () => {
  it('report nothing on the bundled catalog', () => {
    expect(sectionsOf(catalog)).toEqual([]);
  });

  it('take an alert threshold from 0 up, a fraction up to 1, and say what a fraction is', () => {
    const alert = (threshold: number, unit: Catalog['alerts'][number]['unit'] = 'fraction'): Catalog => ({ ...catalog, alerts: catalog.alerts.map((a, i) => (i === 1 ? { ...a, threshold, unit } : a)) });
    expect(sectionsOf(alert(1))).toEqual([]);
    expect(sectionsOf(alert(0))).toEqual([]);
    expect(sectionsOf(alert(1.01))).toEqual(['phases.yaml  alerts[1].threshold  threshold 1.01 does not fit unit "fraction" (80 % is 0.8)']);
    expect(sectionsOf(alert(-1, 'ms'))).toEqual(['phases.yaml  alerts[1].threshold  threshold -1 does not fit unit "ms"']);
    expect(sectionsOf(alert(5000, 'ms'))).toEqual([]);
  });

  it('want an alert on each metric the engine checks every plan against', () => {
    const without = { ...catalog, alerts: catalog.alerts.filter((a) => a.metric !== 'db_connections_of_pool') };
    expect(sectionsOf(without)).toEqual([
      'phases.yaml  alerts  no alert on db_connections_of_pool: the engine checks every plan against it; add { id, metric: db_connections_of_pool, threshold: 0.8, unit: fraction, source, note }',
    ]);
  });

  it('want ids unique in every section', () => {
    const c = catalog;
    expect(sectionsOf({ ...c, alerts: twice(c.alerts) })).toContain('phases.yaml  alerts[1].id  alert id "cpu" is used twice (first at index 0); ids must be unique');
    expect(sectionsOf({ ...c, kpis: { ...c.kpis!, technical: twice(c.kpis!.technical) } })).toEqual(['phases.yaml  kpis.technical[1].id  KPI id "latency-p95" is used twice (first at index 0); ids must be unique']);
    expect(sectionsOf({ ...c, kpis: { ...c.kpis!, business: twice(c.kpis!.business) } })).toEqual(['phases.yaml  kpis.business[1].id  KPI id "user-growth" is used twice (first at index 0); ids must be unique']);
    expect(sectionsOf({ ...c, migration: { ...c.migration!, steps: twice(c.migration!.steps) } })).toEqual([
      'phases.yaml  migration.steps[1].id  migration step id "prep" is used twice (first at index 0); ids must be unique',
    ]);
    expect(sectionsOf({ ...c, backups: { ...c.backups!, schedules: twice(c.backups!.schedules) } })).toEqual([
      'phases.yaml  backups.schedules[1].id  backup schedule id "daily" is used twice (first at index 0); ids must be unique',
    ]);
    expect(sectionsOf({ ...c, claims: twice(c.claims!) })).toEqual(['phases.yaml  claims[1].id  claim id "break-even-premium-users" is used twice (first at index 0); ids must be unique']);
    expect(sectionsOf({ ...c, risks: twice(c.risks!) })).toEqual(['phases.yaml  risks[1].id  risk id "database-bottleneck" is used twice (first at index 0); ids must be unique']);
    expect(sectionsOf({ ...c, discounts: { ...c.discounts!, levers: twice(c.discounts!.levers) } })).toEqual(['phases.yaml  discounts.levers[1].id  lever id "auto-scaling" is used twice (first at index 0); ids must be unique']);
  });

  it('want every phase a KPI, a backup schedule or a claim names to be in the catalog', () => {
    const c = catalog;
    const missing = (what: string) => `phases.yaml  ${what}  phase 9 is not in the catalog; its phases are 0, 1, 2, 3, 4`;
    expect(sectionsOf({ ...c, kpis: { ...c.kpis!, business: c.kpis!.business.map((k, i) => (i === 2 ? { ...k, phase: 9 } : k)) } })).toEqual([missing('kpis.business[2].phase')]);
    expect(sectionsOf({ ...c, kpis: { ...c.kpis!, technical: c.kpis!.technical.map((k, i) => (i === 0 ? { ...k, phase: 9 } : k)) } })).toEqual([missing('kpis.technical[0].phase')]);
    expect(sectionsOf({ ...c, backups: { ...c.backups!, schedules: c.backups!.schedules.map((s, i) => (i === 0 ? { ...s, fromPhase: 9 } : s)) } })).toEqual([missing('backups.schedules[0].from_phase')]);
    expect(sectionsOf({ ...c, claims: c.claims!.map((x, i) => (i === 1 ? { ...x, phase: 9 } : x)) })).toEqual([missing('claims[1].phase')]);
    expect(sectionsOf({ ...c, claims: c.claims!.map((x, i) => (i === 1 ? { ...x, phase: 4 } : x)) })).toEqual([]);
  });

  it("want a migration step's weeks in order", () => {
    const steps = catalog.migration!.steps.map((s, i) => (i === 1 ? { ...s, weeks: { ...s.weeks, min: 4 } } : s));
    expect(sectionsOf({ ...catalog, migration: { ...catalog.migration!, steps } })).toEqual(['phases.yaml  migration.steps[1].weeks.min  weeks: min 4 is greater than max 3; swap them']);
  });

  it('keep the freemium shares within 1, and refuse plans beside the freemium form', () => {
    const revenue = catalog.revenue!;
    const shares = (free: number) => ({ ...catalog, revenue: { ...revenue, freeShare: { ...revenue.freeShare!, value: free } } });
    expect(sectionsOf(shares(0.95))).toEqual([]);
    expect(sectionsOf(shares(0.96))).toEqual(['phases.yaml  revenue.enterprise.user_share  free_share 0.96 + enterprise user_share 0.05 exceed 1; premium would be negative']);
    const both = { ...catalog, revenue: { ...revenue, plans: [{ id: 'pro', userShare: { value: 0.1, source: 'assumption', note: 'n' }, usdPerMonth: { value: 5, source: 'assumption', note: 'n' } }] } } as Catalog;
    expect(sectionsOf(both)).toEqual([
      'phases.yaml  revenue.free_share  give either plans or the free_share/premium/enterprise form, not both: move free_share into a plan',
      'phases.yaml  revenue.premium  give either plans or the free_share/premium/enterprise form, not both: move premium into a plan',
      'phases.yaml  revenue.enterprise  give either plans or the free_share/premium/enterprise form, not both: move enterprise into a plan',
    ]);
  });
});
