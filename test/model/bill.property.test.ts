import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { simulate } from '../../src/model/simulate-result.js';
import { thresholdsOf } from '../../src/model/plan.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { seedPriceBook } from '../../src/pricing/seed-book.js';

// Invariants of the bill on the bundled catalog: the floor is what zero users cost, so no load costs less;
// floor + variable and the three classes each account for the whole total.
const { catalog } = loadCatalog();
const thresholds = thresholdsOf(catalog);
const books = [loadSnapshotPriceBook(), seedPriceBook(catalog)];

describe.each(catalog.phases.map((phase) => [phase.id, phase] as const))('the bill of bundled phase %i', (_id, phase) => {
  it('has 0 ≤ floor ≤ total, floor + variable = total, and classes that add up to the total (to rounding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * phase.users.max }), fc.constantFrom(...books), (users, book) => {
        const { cost } = simulate({ catalog, phase, selectedBy: 'option', users, book, compareBook: null, thresholds });
        expect(cost.floorUsd).toBeGreaterThanOrEqual(0);
        expect(cost.variableUsd).toBeGreaterThanOrEqual(0);
        expect(Math.round((cost.floorUsd + cost.variableUsd) * 100)).toBe(Math.round(cost.totalUsd * 100));
        const { fixed, perUser, perRequest } = cost.byClassUsd;
        // Each class is rounded to the cent on its own: the sum is within 1.5 cents of the total.
        expect(Math.abs(fixed + perUser + perRequest - cost.totalUsd)).toBeLessThanOrEqual(0.015);
        // Fixed lines are all of the floor's fixed part: they cost the same at any N.
        expect(fixed).toBeLessThanOrEqual(cost.floorUsd + 0.005);
      }),
      { numRuns: 25 },
    );
  });
});
