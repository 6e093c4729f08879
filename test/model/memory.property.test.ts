import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { sizePlan, thresholdsOf, type Plan } from '../../src/model/plan.js';

// Memory in use grows with users on every bundled phase: the cache's working set (hot users grow), and the
// memory a tier uses across all its instances (more requests in flight, more connections, more instances).
// Within each phase's range: past it, a latency-driven instance can take a tier's per-instance load below the
// scale-out point at which a smaller load's memory was taken (the same envelope as the latency's).
const { catalog } = loadCatalog();
const thresholds = thresholdsOf(catalog);

/** GB in use across a tier's instances at the peak: per-instance use × the instances running. */
function totalGb(plan: Plan): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of plan.memory.tiers) {
    const instances = plan.tiers.find((t) => t.id === row.id)!.instances.peak;
    if (row.usedGb !== null) totals.set(row.id, row.usedGb * instances);
  }
  return totals;
}

describe.each(catalog.phases.map((phase) => [phase.id, phase] as const))('bundled phase %i', (_id, phase) => {
  const users = fc.integer({ min: Math.max(1, phase.users.min), max: phase.users.max });

  it('more users never lower the memory in use, nor raise the cache hit ratio', () => {
    fc.assert(
      fc.property(users, users, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = sizePlan(catalog, phase, lo, thresholds);
        const high = sizePlan(catalog, phase, hi, thresholds);
        if (low.memory.cache && high.memory.cache) {
          expect(high.memory.cache.workingSetGb).toBeGreaterThanOrEqual(low.memory.cache.workingSetGb);
          expect(high.memory.cache.effectiveHitRatio).toBeLessThanOrEqual(low.memory.cache.effectiveHitRatio);
        }
        const before = totalGb(low);
        for (const [id, gb] of totalGb(high)) expect(gb, id).toBeGreaterThanOrEqual((before.get(id) ?? 0) - 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});
