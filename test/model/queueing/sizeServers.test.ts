import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { responseTimePercentile, sizeServers } from '../../../src/model/queueing/index.js';
import { expectRelative } from './helpers.js';

// Expected values: test/model/queueing/reference.py `sizing` — a linear scan over c from ⌊λS⌋ + 1 with each
// response-time percentile found by bisection on the closed-form sojourn survival function in mpmath.
describe('sizeServers', () => {
  it.each([
    { lambda: 100, s: 0.05, p: 95, target: 0.2, cap: undefined, latency: 7, util: 6, servers: 7, at: 0.16335642521105507 },
    { lambda: 4990, s: 1, p: 99, target: 5, cap: undefined, latency: 4993, util: 4991, servers: 4993, at: 4.9931317863325417 },
    { lambda: 100, s: 0.05, p: 95, target: 0.5, cap: 0.6, latency: 6, util: 9, servers: 9, at: 0.15111061234639736 },
    { lambda: 50000, s: 0.1, p: 99, target: 0.5, cap: undefined, latency: 5003, util: 5001, servers: 5003, at: 0.49931490293550951 },
    { lambda: 0.5, s: 2, p: 50, target: 10, cap: undefined, latency: 2, util: 2, servers: 2, at: 1.9488232103798582 },
  ])('λ=$lambda S=$s P$p < $target s, cap $cap → $servers servers', (k) => {
    const r = sizeServers({ arrivalRate: k.lambda, serviceTime: k.s, percentile: k.p, targetS: k.target, maxUtilization: k.cap });
    expect(r).toMatchObject({ serversForLatency: k.latency, serversForUtilization: k.util, servers: k.servers, feasible: true });
    expectRelative(r.percentileAtServers as number, k.at);
  });

  it('reads a decimal cap as written: 70 req/s × 10 ms = 0.7 ≤ 0.7 fits on one server (by hand)', () => {
    const r = sizeServers({ arrivalRate: 70, serviceTime: 0.01, percentile: 95, targetS: 1, maxUtilization: 0.7 });
    expect(r.serversForUtilization).toBe(1);
    expect(r.servers).toBe(1);
  });

  it('is infeasible when the service time alone misses the target: −ln(0.05)·0.05 s ≈ 0.1498 s ≥ 0.1 s', () => {
    expect(sizeServers({ arrivalRate: 100, serviceTime: 0.05, percentile: 95, targetS: 0.1, maxUtilization: 0.5 })).toEqual({
      servers: null,
      serversForLatency: null,
      serversForUtilization: 10,
      feasible: false,
      percentileAtServers: null,
    });
    // exactly at the limit is infeasible too ("strictly below")
    const limit = -Math.log(0.05) * 0.05;
    expect(sizeServers({ arrivalRate: 1, serviceTime: 0.05, percentile: 95, targetS: limit }).feasible).toBe(false);
  });

  it('finds a target just above the infinite-server limit at large c', () => {
    const floor = -Math.log(0.01) * 0.1;
    const r = sizeServers({ arrivalRate: 50000, serviceTime: 0.1, percentile: 99, targetS: floor * (1 + 1e-6) });
    expect(r.feasible).toBe(true);
    expect(r.percentileAtServers as number).toBeLessThan(floor * (1 + 1e-6));
  });

  it.each([
    [{ arrivalRate: 0 }, 'arrival rate must be a finite number > 0, got 0'],
    [{ serviceTime: -1 }, 'service time (seconds) must be a finite number > 0, got -1'],
    [{ percentile: 100 }, 'percentile must be a percentile strictly between 0 and 100 (95 means P95), got 100'],
    [{ targetS: Number.NaN }, 'target (seconds) must be a finite number > 0, got NaN'],
    [{ maxUtilization: 1.2 }, 'max utilization must be a fraction in (0, 1], got 1.2'],
  ])('rejects %o', (override, message) => {
    expect(() => sizeServers({ arrivalRate: 10, serviceTime: 0.1, percentile: 95, targetS: 1, ...override })).toThrow(message);
  });

  it('property: the answer is the fewest servers meeting both constraints', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.constantFrom(50, 90, 95, 99, 99.9),
        fc.double({ min: 1.01, max: 20, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (lambda, s, p, slack, cap) => {
          const target = -Math.log1p(-p / 100) * s * slack;
          const r = sizeServers({ arrivalRate: lambda, serviceTime: s, percentile: p, targetS: target, maxUtilization: cap });
          expect(r.feasible).toBe(true);
          const c = r.serversForLatency as number;
          const queue = (n: number) => ({ arrivalRate: lambda, serviceRate: 1 / s, servers: n });
          expect(responseTimePercentile(queue(c), p)).toBeLessThan(target);
          if (c - 1 > lambda * s) expect(responseTimePercentile(queue(c - 1), p)).toBeGreaterThanOrEqual(target);
          expect((lambda * s) / r.serversForUtilization).toBeLessThanOrEqual(cap * (1 + 1e-12));
          expect(r.servers).toBe(Math.max(c, r.serversForUtilization));
        },
      ),
      { numRuns: 60 },
    );
  });
});
