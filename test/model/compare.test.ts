/**
 * compare lines up phases at one user count: each value is the phase's own figure (sized, priced and searched by
 * the functions the other tests check), rounded as the row says; deltas are against the first phase; the best is
 * the one strictly better than every other, none on a tie.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { compare, type CompareInput } from '../../src/model/compare.js';
import { headroom } from '../../src/model/headroom.js';
import { roundCents } from '../../src/model/money.js';
import { sizePlan, thresholdsOf } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { bookReservations } from '../../src/pricing/book-reservations.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';

const book = loadSnapshotPriceBook();
const { catalog } = loadCatalog(undefined, book);
const thresholds = thresholdsOf(catalog);
const phase = (id: number) => catalog.phases.find((p) => p.id === id)!;
const input = (ids: number[], users: number, over: Partial<CompareInput> = {}): CompareInput => ({ catalog, phases: ids.map(phase), users, usersDefaulted: false, book, thresholds, ...over });
const metric = (r: ReturnType<typeof compare>, name: string) => r.metrics.find((m) => m.metric === name)!;

describe('compare 2 3', () => {
  it("takes each phase's own cost, capacity and instances; deltas against the first; the best strictly better", () => {
    const r = compare(input([2, 3], 10_000));
    const costs = [2, 3].map((id) => roundCents(pricePlan(sizePlan(catalog, phase(id), 10_000, thresholds), book).totalUsd));
    expect(metric(r, 'cost').values).toEqual(costs);
    expect(metric(r, 'cost').deltas).toEqual([0, roundCents(costs[1]! - costs[0]!)]);
    expect(metric(r, 'cost').best).toBe(costs[0]! < costs[1]! ? 2 : 3);
    const most = [2, 3].map((id) => headroom(catalog, phase(id), 10_000, thresholds).maxUsers);
    expect(metric(r, 'max-users')).toMatchObject({ values: most, best: most[0]! > most[1]! ? 2 : 3, better: 'higher' });
    const instances = [2, 3].map((id) => sizePlan(catalog, phase(id), 10_000, thresholds).tiers.reduce((sum, t) => sum + t.instances.peak, 0));
    expect(metric(r, 'instances')).toMatchObject({ values: instances, best: null, better: null });
  });

  it('names the latency row by its percentile and lists the revenue rows the catalog adds', () => {
    const r = compare(input([2, 3], 10_000));
    expect(r.metrics.map((m) => [m.metric, m.name, m.unit])).toEqual([
      ['cost', 'monthly cost', 'USD'],
      ['cost-per-user', 'cost per user', 'USD'],
      ['p95-ms', 'latency P95', 'ms'],
      ['availability', 'availability', '%'],
      ['availability-sla', 'availability SLA floor', '%'],
      ['availability-target', 'availability target', '%'],
      ['max-users', 'capacity (max users)', 'users'],
      ['instances', 'instances at peak', 'instances'],
      ['mrr', 'MRR', 'USD'],
      ['margin', 'gross margin', 'USD'],
      ['contribution-margin', 'contribution margin', 'USD'],
    ]);
    // The same users earn the same revenue in every phase: MRR ranks nothing.
    expect(metric(r, 'mrr')).toMatchObject({ best: null, deltas: [0, 0] });
    expect(compare({ ...input([2, 3], 10_000), catalog: { ...catalog, revenue: undefined } }).metrics.map((m) => m.metric)).not.toContain('mrr');
  });

  it("marks which phases' ranges hold the users, at both sides of the boundary", () => {
    expect(compare(input([2, 3], 10_000)).phases.map((p) => p.inRange)).toEqual([true, false]);
    expect(compare(input([2, 3], 10_001)).phases.map((p) => p.inRange)).toEqual([false, true]);
    expect(compare(input([2, 3], 1_001)).phases.map((p) => p.inRange)).toEqual([true, false]);
    expect(compare(input([2, 3], 1_000)).phases.map((p) => p.inRange)).toEqual([false, false]);
  });

  it('names no best on a tie', () => {
    const r = compare(input([2, 2], 5_000));
    for (const m of r.metrics) {
      expect(m.best, m.metric).toBeNull();
      expect(m.deltas.every((d) => d === 0 || d === null), m.metric).toBe(true);
    }
  });

  it('gives a phase with no finite latency no value or delta, and ranks the others', () => {
    // Phase 0 is past its capacity at 10,000 users: its latency has no finite value.
    const r = compare(input([0, 2, 3], 10_000));
    const latency = metric(r, 'p95-ms');
    expect(latency.values[0]).toBeNull();
    expect(latency.deltas).toEqual([null, null, null]);
    expect(latency.best).toBe(latency.values[1]! < latency.values[2]! ? 2 : 3);
    expect(r.phases[0]).toMatchObject({ id: 0, exhausted: true, ok: false });
    const second = metric(compare(input([2, 0, 3], 10_000)), 'p95-ms');
    expect(second.deltas[0]).toBe(0);
    expect(second.deltas[1]).toBeNull();
    expect(second.deltas[2]).toBeCloseTo(second.values[2]! - second.values[0]!, 6);
  });

  it('carries a purchase result per phase only when a strategy is asked for', () => {
    expect(compare(input([2, 3], 10_000)).phases.every((p) => !('purchase' in p))).toBe(true);
    const purchase = { strategy: 'reserved-1y' as const, discounts: catalog.discounts!, reservations: bookReservations(book) };
    expect(compare(input([2, 3], 10_000, { purchase })).phases.every((p) => p.purchase?.strategy === 'reserved-1y')).toBe(true);
  });
});
