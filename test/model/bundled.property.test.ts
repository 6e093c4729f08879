import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizePlan, thresholdsOf } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { simulate } from '../../src/model/simulate-result.js';
import { loadCatalog } from '../../src/catalog/index.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { seedPriceBook } from '../../src/pricing/seed-book.js';

// The same invariants as plan.property.test.ts, on the bundled Cuenta Conmigo catalog and offline prices.
const { catalog } = loadCatalog();
const snapshot = loadSnapshotPriceBook();
const seed = seedPriceBook(catalog);
const thresholds = thresholdsOf(catalog);

describe.each(catalog.phases.map((phase) => [phase.id, phase] as const))('bundled phase %i', (_id, phase) => {
  const users = fc.integer({ min: Math.max(1, phase.users.min), max: phase.users.max });

  it('more users never lower the total cost or the P95', () => {
    fc.assert(
      fc.property(users, users, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = sizePlan(catalog, phase, lo, thresholds);
        const high = sizePlan(catalog, phase, hi, thresholds);
        expect(pricePlan(high, snapshot).totalUsd).toBeGreaterThanOrEqual(pricePlan(low, snapshot).totalUsd);
        if (low.latency.valueMs !== null && high.latency.valueMs !== null) {
          expect(high.latency.valueMs).toBeGreaterThanOrEqual(low.latency.valueMs - 1e-9);
        }
        if (high.latency.valueMs !== null) expect(low.latency.valueMs).not.toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('never puts NaN, Infinity or negative money in the simulate result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000_000 }), (n) => {
        const result = simulate({ catalog, phase, selectedBy: 'option', users: n, book: snapshot, compareBook: seed, thresholds });
        const text = JSON.stringify(result, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? 'NOT FINITE' : value));
        expect(text).not.toContain('NOT FINITE');
        const money = [result.cost.totalUsd, result.cost.perUserUsd, ...result.cost.components.flatMap((c) => [c.monthlyUsd, ...c.lines.map((l) => l.monthlyUsd)])];
        for (const usd of money) expect(usd).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 25 },
    );
  });

  it('is ok exactly when no finding fails, and never ok while a check fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000_000 }), (n) => {
        const result = simulate({ catalog, phase, selectedBy: 'option', users: n, book: snapshot, compareBook: seed, thresholds });
        expect(result.status.ok).toBe(!result.findings.some((f) => f.severity === 'fail'));
        if (result.checks.some((c) => !c.pass)) expect(result.status.ok).toBe(false);
        expect(result.status.overBudget).toBe(result.cost.budget.status === 'over');
      }),
      { numRuns: 25 },
    );
  });
});
