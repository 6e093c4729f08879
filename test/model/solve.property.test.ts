/**
 * The round trip `solve` promises, over metrics and phases of the bundled catalog: the solved value, set as
 * `simulate --set NAME=<value>` sets it, gives the `achieved` figure, and that figure meets the target — within
 * 1 % of it when the edge is a crossing rather than a jump. Targets are figures the catalog reaches at some value
 * of the assumption in its range, moved by up to ±10 %, so most are reachable and the rest exercise the other cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/model/catalog-types.js';
import { withOverrides } from '../../src/model/overrides.js';
import { thresholdsOf } from '../../src/model/plan.js';
import { simulate, type SimulateResult } from '../../src/model/simulate-result.js';
import type { SolveMetric } from '../../src/model/solve-metrics.js';
import { solve } from '../../src/model/solve.js';
import { defaultSnapshotPath } from '../../src/paths.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';

const book = loadSnapshotPriceBook(defaultSnapshotPath);
const { catalog } = loadCatalog(undefined, book);
const thresholds = thresholdsOf(catalog);

/** The figure as `simulate` reports it. */
function reported(result: SimulateResult, metric: SolveMetric): number | null {
  switch (metric) {
    case 'cost':
      return result.cost.totalUsd;
    case 'cost-per-user':
      return result.cost.perUserUsd;
    case 'p95-ms':
      return result.latency.valueMs;
    case 'availability':
      return result.availability.expectedPercent;
  }
}

function simulateWith(base: Catalog, phaseId: number, users: number, name: string, value: number): SimulateResult {
  const overridden = withOverrides(base, [{ name, value }]);
  const phase = overridden.phases.find((p) => p.id === phaseId)!;
  return simulate({ catalog: overridden, phase, selectedBy: 'option', users, book, compareBook: null, thresholds });
}

const WORKLOAD = ['requests_per_active_user_per_s', 'demand_app_s', 'cache_hit_ratio', 'transfer_mb_per_active_minute', 'db_queries_per_request'];

/** A case: a phase, users in its range, a metric and what to vary for it (availability: a component's own figure). */
const cases = fc
  .record({ phaseIndex: fc.integer({ min: 0, max: catalog.phases.length - 1 }), at: fc.double({ min: 0, max: 1, noNaN: true }), pick: fc.nat(), metric: fc.constantFrom<SolveMetric>('cost', 'cost-per-user', 'p95-ms', 'availability'), where: fc.double({ min: 0, max: 1, noNaN: true }), shift: fc.double({ min: -0.1, max: 0.1, noNaN: true }) })
  .map(({ phaseIndex, at, pick, metric, where, shift }) => {
    const phase = catalog.phases[phaseIndex]!;
    const users = Math.max(1, Math.round(phase.users.min + at * (phase.users.max - phase.users.min)));
    const rated = phase.components.flatMap((c, i) => (c.availability ? [`phases[${phaseIndex}].components[${i}].availability`] : []));
    const names = metric === 'availability' ? rated : WORKLOAD;
    return { phase, users, metric, name: names[pick % names.length]!, where, shift };
  });

describe('solve round-trips through simulate --set', () => {
  it('achieves what simulate reports at the solved value, and meets the target (within 1 % at a crossing)', () => {
    fc.assert(
      fc.property(cases, ({ phase, users, metric, name, where, shift }) => {
        // A figure the catalog reaches: the metric at a value inside the assumption's range (or near today's value).
        const quantity = name.startsWith('phases[') ? { value: 0.999, range: [0.99, 0.9999] as const } : catalog.workload.assumptions[name]!;
        const [low, high] = quantity.range ?? [quantity.value / 2, quantity.value];
        const reference = reported(simulateWith(catalog, phase.id, users, name, low + where * (high - low)), metric);
        fc.pre(reference !== null && reference > 0);
        const target = { metric, value: Number((reference! * (1 + (metric === 'availability' ? shift / 1000 : shift))).toPrecision(6)) };
        fc.pre(metric !== 'availability' || target.value <= 100);

        const r = solve({ catalog, phase, users, vary: name, target, book, thresholds });
        if (!r.reachable) {
          expect(r.value).toBeNull();
          expect(r.reason).toMatch(/^no value of /);
          return;
        }
        const back = reported(simulateWith(catalog, phase.id, users, name, r.value!), metric);
        expect(back).toBe(r.achieved);
        if (r.comparison === '<=') expect(r.achieved!).toBeLessThanOrEqual(target.value);
        else expect(r.achieved!).toBeGreaterThanOrEqual(target.value);
        if (r.boundary && !r.jump) expect(Math.abs(r.achieved! - target.value)).toBeLessThanOrEqual(0.01 * target.value);
        if (r.jump) expect(r.jumpTo).not.toBeNull();
      }),
      { numRuns: 60, seed: 20260 },
    );
  }, 120_000);
});
