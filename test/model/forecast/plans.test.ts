/** The forecast's memo of sized and priced plans (src/model/forecast-plans.ts), on ../fixture-catalog.ts. */
import { describe, expect, it } from 'vitest';
import { planCache } from '../../../src/model/forecast-plans.js';
import { sizeSample } from '../../../src/model/plan.js';
import { costSummary, pricePlan } from '../../../src/model/price-plan.js';
import { book, catalog, phase, thresholds } from '../fixture-catalog.js';

describe('planCache', () => {
  it("takes a summary from the full plan asked for the same phase and users, and never another user count's", () => {
    const plans = planCache(catalog, thresholds, book);
    const full = plans.full(phase, 6000);
    expect(full.onDemand).toEqual(pricePlan(sizeSample(catalog, phase, 6000, thresholds), book));
    // The same users: the full plan's own bill, not a second sizing.
    expect(plans.summary(phase, 6000).onDemand).toBe(full.onDemand);
    // Other users: priced afresh.
    const other = plans.summary(phase, 2000);
    expect(other.onDemand).toEqual(costSummary(sizeSample(catalog, phase, 2000, thresholds), book));
    expect(other.onDemand.totalUsd).toBeLessThan(full.onDemand.totalUsd);
    expect(plans.summary(phase, 2000)).toBe(other);
  });
});
