import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizePlan, type Plan } from '../../src/model/plan.js';
import { pricePlan, type CostResult } from '../../src/model/price-plan.js';
import { mmc } from '../../src/model/queueing/index.js';
import { book, catalog, phase, thresholds } from './fixture-catalog.js';

const users = fc.integer({ min: phase.users.min, max: phase.users.max });

/** Sizes and prices the fixture phase at N users. */
const evaluate = (n: number): Plan & { cost: CostResult } => {
  const plan = sizePlan(catalog, phase, n, thresholds);
  return { ...plan, cost: pricePlan(plan, book) };
};

describe('plan invariants (fast-check)', () => {
  it('more users never lower the total cost or the P95 within a phase', () => {
    fc.assert(
      fc.property(users, users, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const low = evaluate(lo);
        const high = evaluate(hi);
        expect(high.cost.totalUsd).toBeGreaterThanOrEqual(low.cost.totalUsd);
        if (low.latency.valueMs !== null && high.latency.valueMs !== null) {
          expect(high.latency.valueMs).toBeGreaterThanOrEqual(low.latency.valueMs - 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("holds Little's law per tier against the M/M/c state-probability form", () => {
    fc.assert(
      fc.property(users, (n) => {
        const plan = sizePlan(catalog, phase, n, thresholds);
        for (const tier of plan.tiers) {
          if (tier.meanMs === null || tier.delay) continue;
          // L from the state probabilities (L = A + C·ρ/(1 − ρ), Kleinrock vol. 1 §3.5)
          // must equal λ·W from the tier's mean response time.
          const lambda = tier.latencyArrivalPerInstancePerS;
          const q = mmc({ arrivalRate: lambda, serviceRate: 1 / tier.serviceTimeS, servers: tier.serversPerInstance });
          const fromProbabilities = lambda * tier.serviceTimeS + (q.erlangC * q.utilization) / (1 - q.utilization);
          expect(lambda * (tier.meanMs / 1000)).toBeCloseTo(fromProbabilities, 9);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never produces NaN, Infinity or negative money', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), (n) => {
        const plan = evaluate(n);
        const money = [plan.cost.totalUsd, plan.cost.perUserUsd, ...plan.cost.components.map((c) => c.monthlyUsd)];
        for (const usd of money) {
          expect(Number.isFinite(usd)).toBe(true);
          expect(usd).toBeGreaterThanOrEqual(0);
        }
        const numbers = JSON.stringify(plan, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? 'BAD' : v));
        expect(numbers).not.toContain('BAD');
      }),
      { numRuns: 100 },
    );
  });
});
