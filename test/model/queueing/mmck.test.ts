import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB, mmck } from '../../../src/model/queueing/index.js';
import { expectRelative } from './helpers.js';

// Expected values: test/model/queueing/reference.py `mmck` — the birth–death stationary distribution
// p_n ∝ Aⁿ/n! (n ≤ c), Aᶜ/c!·ρ^{n−c} (c < n ≤ K) summed term by term with mpmath at 60 digits
// (Gross et al., "Fundamentals of Queueing Theory", 4th ed., §2.5).
const cases = [
  { note: 'M/M/1/2 by hand (1/3 each)', lambda: 1, mu: 1, c: 1, k: 2,
    blocking: 0.33333333333333333, x: 0.66666666666666667, u: 0.66666666666666667, l: 1.0, w: 1.5 },
  { note: 'pool of 100 with 20 waiters', lambda: 90, mu: 1, c: 100, k: 120,
    blocking: 0.0027016192296318373, x: 89.756854269333135, u: 0.89756854269333135, l: 91.027354742056916,
    w: 1.0141549131045903 },
  { note: 'K = c = 10 000 (Erlang B)', lambda: 9990, mu: 1, c: 10000, k: 10000,
    blocking: 0.0073171868872689385, x: 9916.9013029961833, u: 0.99169013029961833, l: 9916.9013029961833, w: 1.0 },
  { note: 'overloaded, c = 10 000, K = 10 500', lambda: 12000, mu: 1, c: 10000, k: 10500,
    blocking: 0.16666666666666667, x: 10000.0, u: 1.0, l: 10495.0, w: 1.0495 },
  { note: 'overloaded, K = 10 000 ≫ c = 4 (ρ^{K−c} would overflow)', lambda: 5, mu: 1, c: 4, k: 10000,
    blocking: 0.2, x: 4.0, u: 1.0, l: 9996.0, w: 2499.0 },
  { note: 'M/M/1/10', lambda: 0.8, mu: 1, c: 1, k: 10,
    blocking: 0.023492857579905615, x: 0.78120571393607555, u: 0.78120571393607555, l: 2.9663142664841538,
    w: 3.7970975039832864 },
  { note: 'ρ = 1.25, c = 16, K = 64', lambda: 40, mu: 2, c: 16, k: 64,
    blocking: 0.20000140561247145, x: 31.999943775501142, u: 0.99999824298441068, l: 60.000370326102009,
    w: 1.8750148671210395 },
  { note: 'ρ = 1 exactly, c = 9000, K = 10 000', lambda: 9000, mu: 1, c: 9000, k: 10000,
    blocking: 0.00089320199600021428, x: 8991.9611820359981, u: 0.99910679800399979, l: 9439.0087810341053,
    w: 1.0497163621981834 },
];

describe('mmck', () => {
  it.each(cases)('$note: blocking, throughput, utilisation, L, W to 1e-9', (k) => {
    const m = mmck({ arrivalRate: k.lambda, serviceRate: k.mu, servers: k.c, capacity: k.k });
    expectRelative(m.blockingProbability, k.blocking);
    expectRelative(m.throughput, k.x);
    expectRelative(m.utilization, k.u);
    expectRelative(m.meanInSystem, k.l);
    expectRelative(m.meanResponse, k.w);
  });

  it('M/M/1/K matches the closed form P_K = (1 − ρ)ρᴷ/(1 − ρᴷ⁺¹) (Gross et al. §2.5)', () => {
    for (const [rho, k] of [
      [0.5, 5],
      [0.9, 30],
      [1.5, 12],
    ] as const) {
      const expected = ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
      expectRelative(mmck({ arrivalRate: rho, serviceRate: 1, servers: 1, capacity: k }).blockingProbability, expected, 1e-12);
    }
  });

  it('with K = c it is the Erlang loss system: blocking = Erlang B', () => {
    expectRelative(mmck({ arrivalRate: 10, serviceRate: 1, servers: 10, capacity: 10 }).blockingProbability, erlangB(10, 10), 1e-13);
  });

  it('keeps a tiny blocking probability to full relative precision', () => {
    // M/M/1/K with ρ = 0.5, K = 1000: (1 − ρ)ρᴷ/(1 − ρᴷ⁺¹) = 2⁻¹⁰⁰¹ exactly (to double precision)
    expectRelative(mmck({ arrivalRate: 0.5, serviceRate: 1, servers: 1, capacity: 1000 }).blockingProbability, 2 ** -1001, 1e-12);
  });

  it('handles a vanishing arrival rate without 0/0', () => {
    const m = mmck({ arrivalRate: 1e-30, serviceRate: 2, servers: 3, capacity: 20 });
    expectRelative(m.meanResponse, 0.5, 1e-12);
    expectRelative(m.throughput, 1e-30, 1e-12);
  });

  it.each([
    [{ capacity: 1 }, 'capacity K must be ≥ servers c (K counts those in service), got K=1 < c=2'],
    [{ capacity: 2.5 }, 'capacity must be a whole number ≥ 1, got 2.5'],
    [{ arrivalRate: -3 }, 'arrival rate must be a finite number > 0, got -3'],
    [{ servers: 0 }, 'servers must be a whole number ≥ 1, got 0'],
  ])('rejects %o', (override, message) => {
    expect(() => mmck({ arrivalRate: 1, serviceRate: 1, servers: 2, capacity: 4, ...override })).toThrow(message);
  });

  it('property: blocking falls as K grows; probabilities and Little’s law hold; no NaN', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        (c, rho, extra, more) => {
          const base = { arrivalRate: rho * c, serviceRate: 1, servers: c };
          const a = mmck({ ...base, capacity: c + extra });
          const b = mmck({ ...base, capacity: c + extra + more });
          expect(b.blockingProbability).toBeLessThanOrEqual(a.blockingProbability);
          expect(a.blockingProbability).toBeGreaterThanOrEqual(0);
          expect(a.utilization).toBeLessThanOrEqual(1 + 1e-12);
          expectRelative(a.meanInSystem, a.throughput * a.meanResponse, 1e-12);
          for (const v of Object.values(a)) expect(Number.isFinite(v)).toBe(true);
        },
      ),
    );
  });
});
