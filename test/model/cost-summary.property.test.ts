import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { sizePlan, thresholdsOf } from '../../src/model/plan.js';
import { costSummary, pricePlan } from '../../src/model/price-plan.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { seedPriceBook } from '../../src/pricing/seed-book.js';

// A Monte Carlo sample totals a bill without its lines; the total must be the bill's, to the micro-dollar, or a
// sample's figures would drift from what simulate reports at the same inputs.
const { catalog } = loadCatalog();
const thresholds = thresholdsOf(catalog);
const books = [loadSnapshotPriceBook(), seedPriceBook(catalog)];

describe.each(catalog.phases.map((phase) => [phase.id, phase] as const))('costSummary of bundled phase %i', (_id, phase) => {
  it("equals pricePlan's total, per user, budget and unverified lines, with either book", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * phase.users.max }), fc.constantFrom(...books), (users, book) => {
        const plan = sizePlan(catalog, phase, users, thresholds);
        const full = pricePlan(plan, book);
        expect(costSummary(plan, book)).toEqual({ totalUsd: full.totalUsd, perUserUsd: full.perUserUsd, budget: full.budget, unverifiedLines: full.unverifiedLines });
      }),
      { numRuns: 40 },
    );
  });
});
