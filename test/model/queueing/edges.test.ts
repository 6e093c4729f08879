import { describe, expect, it } from 'vitest';
import {
  erlangC,
  fitUsl,
  mmc,
  mmck,
  mva,
  responseSurvival,
  responseTimePercentile,
  responseTimePercentiles,
  sizeServers,
  uslPeak,
  uslThroughput,
  waitPercentile,
  waitPercentiles,
  waitSurvival,
  type MvaInput,
  type UslPoint,
} from '../../../src/model/queueing/index.js';
import { checkMmc } from '../../../src/model/queueing/mmc.js';
import { gram, project, solveFree } from '../../../src/model/queueing/leastSquares3.js';
import { describe as describeValue } from '../../../src/model/queueing/validate.js';
import { expectRelative } from './helpers.js';

// Each check on both sides of its limit, and the branches the reference tables do not reach. Values are by hand
// (stated next to them) or from test/model/queueing/reference_edges.py (mpmath at 60 digits).

describe('M/M/c/K means of the waiting line, and the branches for extreme loads', () => {
  it.each([
    // by hand: p = (1/3, 1/3, 1/3), L_q = 1·p₂ = 1/3, X = 2/3, W_q = 1/2
    { lambda: 1, mu: 1, c: 1, k: 2, lq: 1 / 3, wq: 0.5 },
    // by hand: weights 1, 2, 2, 2, 2 (A = 2, ρ = 1) → total 9; L_q = (1·2 + 2·2)/9 = 2/3; X = 2·7/9 = 14/9; W_q = 3/7
    { lambda: 2, mu: 1, c: 2, k: 4, lq: 2 / 3, wq: 3 / 7 },
    // reference_edges.py
    { lambda: 90, mu: 1, c: 100, k: 120, lq: 1.270500472723781, wq: 0.014154913104590251 },
    { lambda: 0.8, mu: 1, c: 1, k: 10, lq: 2.1851085525480782, wq: 2.7970975039832864 },
    { lambda: 40, mu: 2, c: 16, k: 64, lq: 44.000398438351438, wq: 1.3750148671210395 },
  ])('λ=$lambda μ=$mu c=$c K=$k: L_q = $lq, W_q = $wq', ({ lambda, mu, c, k, lq, wq }) => {
    const m = mmck({ arrivalRate: lambda, serviceRate: mu, servers: c, capacity: k });
    expectRelative(m.meanQueueLength, lq, 1e-12);
    expectRelative(m.meanWait, wq, 1e-12);
  });

  it('blocking above ½: throughput from the departure rate, which keeps its digits', () => {
    // by hand, λ = 10, μ = 1, c = 1, K = 3: weights 1, 10, 100, 1000 → P_K = 1000/1111, X = 1110/1111,
    // L = 3210/1111, L_q = 2100/1111, W_q = 2100/1110.
    const m = mmck({ arrivalRate: 10, serviceRate: 1, servers: 1, capacity: 3 });
    expectRelative(m.blockingProbability, 1000 / 1111, 1e-14);
    expectRelative(m.throughput, 1110 / 1111, 1e-14);
    expectRelative(m.meanInSystem, 3210 / 1111, 1e-14);
    expectRelative(m.meanQueueLength, 2100 / 1111, 1e-14);
    expectRelative(m.meanWait, 2100 / 1110, 1e-14);
    // λ = 10¹⁰ on one server with one waiting place: P_K = 1 − 1e-10 + …, so λ(1 − P_K) keeps only ~6 digits;
    // the departure rate μ·(1 − p₀) = 1 − 1e-20 is exact (reference_edges.py: X = 1.0).
    expectRelative(mmck({ arrivalRate: 1e10, serviceRate: 1, servers: 1, capacity: 2 }).throughput, 1, 1e-14);
  });

  it('finishes p_K when the walk from the mode stops early (weights below 1e-300 of the mode)', () => {
    // A = 1, c = 170: the walk stops near n = 167 (1/167! < 1e-300), below c; p_K = (1/170!)/Σ 1/n! (reference_edges.py).
    expectRelative(mmck({ arrivalRate: 1, serviceRate: 1, servers: 170, capacity: 170 }).blockingProbability, 5.0690143802082611e-308, 1e-9);
    // two places past c: p_K = p_c·ρ², a subnormal double (~12 significant digits left)
    expectRelative(mmck({ arrivalRate: 1, serviceRate: 1, servers: 170, capacity: 172 }).blockingProbability, 1.7539842146049346e-312, 1e-9);
  });

  it('names a bad service rate', () => {
    expect(() => mmck({ arrivalRate: 1, serviceRate: 0, servers: 1, capacity: 1 })).toThrow('service rate must be a finite number > 0, got 0');
  });
});

describe('M/M/c stability check, where float rounding splits λ < cμ from λ/μ < c', () => {
  // 1.89 = 3 × 0.63 and 1.17 = 3 × 0.39 exactly in decimals: both are at the limit λ = cμ and must be refused.
  // In binary, 3 × 0.63 rounds above 1.89 (so λ < cμ holds) while 1.89 / 0.63 rounds to 3; for 0.39 it is the
  // other way round. Each clause of the check catches one of them.
  it.each([
    [1.89, 0.63, 3],
    [1.17, 0.39, 3],
  ])('λ=%d μ=%d c=%d is unstable', (arrivalRate, serviceRate, servers) => {
    expect(() => checkMmc({ arrivalRate, serviceRate, servers })).toThrow(/^unstable: λ=/);
  });

  it('one step below the limit is stable', () => {
    expect(() => checkMmc({ arrivalRate: 2.99, serviceRate: 1, servers: 3 })).not.toThrow();
    expect(mmc({ arrivalRate: 2.99, serviceRate: 1, servers: 3 }).utilization).toBeCloseTo(2.99 / 3, 15);
  });
});

describe('M/M/c time distributions at their edges', () => {
  const queue = { arrivalRate: 2, serviceRate: 1, servers: 3 }; // C = 4/9, θ = cμ − λ = 1 (by hand, Kleinrock eq. 3.40)

  it('P(W_q > 0) = C (an arrival that finds a free server does not wait); P(W_q > t) = C·e^{−θt}', () => {
    expectRelative(waitSurvival(queue, 0), 4 / 9, 1e-15);
    expectRelative(waitSurvival(queue, 2), (4 / 9) * Math.exp(-2), 1e-15);
    expect(waitSurvival(queue, -1)).toBe(1);
  });

  it('P(T > t) = 1 for t ≤ 0', () => {
    expect(responseSurvival(queue, 0)).toBe(1);
    expect(responseSurvival(queue, -1)).toBe(1);
  });

  it('is exact where θ − μ is within 1e-5/t of 0 (the series branch)', () => {
    // λ = 1 + 2⁻²⁰, μ = 1, c = 2: |θ − μ| = 2⁻²⁰, so |θ − μ|·t < 1e-5 at t = 1 and 10 (reference_edges.py).
    const near = { arrivalRate: 1 + 2 ** -20, serviceRate: 1, servers: 2 };
    expectRelative(responseSurvival(near, 1), 0.49050617494448805, 1e-13);
    expectRelative(responseSurvival(near, 10), 0.0001967339911242027, 1e-13);
  });

  it.each([
    [() => responseSurvival(queue, Number.NaN), 'time must be a number of seconds, got NaN'],
    [() => waitSurvival(queue, '1' as unknown as number), 'time must be a number of seconds, got "1"'],
    [() => responseTimePercentile(queue, 0), 'percentile must be a percentile strictly between 0 and 100 (95 means P95), got 0'],
    [() => responseTimePercentiles(queue, [95, 100]), 'percentile must be a percentile strictly between 0 and 100 (95 means P95), got 100'],
    [() => waitPercentile(queue, 100), 'percentile must be a percentile strictly between 0 and 100 (95 means P95), got 100'],
    [() => waitPercentiles(queue, [50, -1]), 'percentile must be a percentile strictly between 0 and 100 (95 means P95), got -1'],
  ])('refuses a bad time or percentile (%#)', (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});

describe('sizeServers limits', () => {
  it('sizes up to 10 000 000 erlangs and refuses more', () => {
    // At exactly the limit the answer comes without a search: −ln(0.05)·1 s ≈ 3.0 s ≥ 1 s is infeasible (by hand).
    expect(sizeServers({ arrivalRate: 10_000_000, serviceTime: 1, percentile: 95, targetS: 1 })).toEqual({
      servers: null,
      serversForLatency: null,
      serversForUtilization: 10_000_001,
      feasible: false,
      percentileAtServers: null,
    });
    expect(() => sizeServers({ arrivalRate: 10_000_001, serviceTime: 1, percentile: 95, targetS: 1 })).toThrow(
      'arrival rate × service time must be ≤ 10000000 erlangs to size (each step is O(servers)), got 10000001',
    );
  });

  it.each([
    [0, 'max utilization must be a fraction in (0, 1], got 0'],
    [-0.5, 'max utilization must be a fraction in (0, 1], got -0.5'],
    [Number.NaN, 'max utilization must be a fraction in (0, 1], got NaN'],
    [1.0000001, 'max utilization must be a fraction in (0, 1], got 1.0000001'],
  ])('refuses a utilisation cap of %d', (cap, message) => {
    expect(() => sizeServers({ arrivalRate: 1, serviceTime: 0.1, percentile: 95, targetS: 1, maxUtilization: cap })).toThrow(message);
  });

  it('accepts a cap of exactly 1 (stability only)', () => {
    // A = 0.1 erlang: one server at 10 % (by hand)
    expect(sizeServers({ arrivalRate: 1, serviceTime: 0.1, percentile: 95, targetS: 1, maxUtilization: 1 }).servers).toBe(1);
  });
});

describe('argument messages', () => {
  it('describe() shows what it got, even when JSON cannot', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(circular)).toBe('[object Object]');
    expect(describeValue(10n)).toBe('10');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(-0.5)).toBe('-0.5');
  });

  it.each([
    [() => erlangC(-1, 2), 'traffic (erlangs) must be a finite number ≥ 0, got -1'],
    [() => erlangC(1, 1.5), 'servers must be a whole number ≥ 1, got 1.5'],
    [() => uslThroughput({ alpha: -0.1, beta: 0, gamma: 1 }, 1), 'alpha (contention) must be a finite number ≥ 0, got -0.1'],
    [() => uslThroughput({ alpha: 0, beta: -1, gamma: 1 }, 1), 'beta (coherency) must be a finite number ≥ 0, got -1'],
    [() => uslThroughput({ alpha: 0, beta: 0, gamma: 0 }, 1), 'gamma (throughput at concurrency 1) must be a finite number > 0, got 0'],
    [() => uslThroughput({ alpha: 0, beta: 0, gamma: 1 }, 0), 'concurrency must be a finite number > 0, got 0'],
    [() => uslPeak({ alpha: Number.NaN, beta: 0.1, gamma: 1 }), 'alpha (contention) must be a finite number ≥ 0, got NaN'],
  ])('names the argument (%#)', (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});

describe('mva edges', () => {
  it('a delay station, and a station with m ≥ N, add their demand and never queue', () => {
    // by hand (MVA, Lazowska et al. ch. 6): N = 2, Z = 0, a delay of 1 s and one queue of 1 s.
    // n = 1: R_q = 1, X = 1/(1 + 1) = 1/2, Q_q = 1/2. n = 2: R_q = 1·(1 + 1/2) = 3/2, X = 2/(1 + 3/2) = 4/5.
    for (const first of [{ name: 'cdn', demandS: 1, kind: 'delay' as const }, { name: 'pool', demandS: 1, servers: 2 }]) {
      const r = mva({ users: 2, thinkTimeS: 0, stations: [first, { name: 'db', demandS: 1 }] });
      expectRelative(r.throughput, 0.8, 1e-15);
      expectRelative(r.responseTime, 2.5, 1e-15);
      expectRelative(r.stations[0]!.residenceTime, 1, 1e-15);
      expectRelative(r.stations[0]!.queueLength, 0.8, 1e-15);
      expectRelative(r.stations[1]!.queueLength, 1.2, 1e-15);
    }
    const [delay, pool] = [
      mva({ users: 2, thinkTimeS: 0, stations: [{ name: 'cdn', demandS: 1, kind: 'delay' }] }).stations[0]!,
      mva({ users: 2, thinkTimeS: 0, stations: [{ name: 'pool', demandS: 1, servers: 2 }] }).stations[0]!,
    ];
    expect(delay).toMatchObject({ kind: 'delay', servers: null, utilization: null });
    expect(pool).toMatchObject({ kind: 'queue', servers: 2 });
    expectRelative(pool.utilization!, 1, 1e-15); // X = 2 per s (N/D), U = X·D/m = 1
  });

  it.each([
    [{ stations: [{ name: 'db', demandS: 1, kind: 'pool' }] }, 'station 1 ("db") kind must be "queue" or "delay", got "pool"'],
    [{ stations: [null] }, 'station 1 (undefined) demand (seconds) must be a finite number ≥ 0, got undefined'],
  ])('names a bad station (%#)', (override, message) => {
    const input = { users: 1, thinkTimeS: 1, ...override } as unknown as MvaInput;
    expect(() => mva(input)).toThrow(RangeError);
    expect(() => mva(input)).toThrow(message);
  });
});

describe('the 3×3 least-squares helpers', () => {
  it('form JᵀJ and Jᵀy (by hand)', () => {
    expect(gram([[1, 2, 3]])).toEqual([
      [1, 2, 3],
      [2, 4, 6],
      [3, 6, 9],
    ]);
    expect(project([[1, 2, 3], [0, 1, 0]], [2, 5])).toEqual([2, 9, 6]);
  });

  it('pivot: a zero on the diagonal is solved, a tiny one is not trusted (Golub & Van Loan §3.4)', () => {
    expect(solveFree([[0, 1, 0], [1, 0, 0], [0, 0, 2]], [3, 4, 6], [true, true, true])).toEqual([4, 3, 3]);
    // Without row exchanges, 1e-20 as the pivot gives x₀ = 0; the exact solution is x₀ = x₁ = 1/(1 − 1e-20) ≈ 1.
    const x = solveFree([[1e-20, 1, 0], [1, 1, 0], [0, 0, 1]], [1, 2, 1], [true, true, true])!;
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(1, 14);
    expect(x[2]).toBe(1);
  });

  it('solves only the free coordinates, and returns null for a singular system', () => {
    expect(solveFree([[2, 0, 0], [0, 4, 0], [0, 0, 1]], [2, 8, 5], [true, true, false])).toEqual([1, 2, 0]);
    expect(solveFree([[1, 2, 0], [2, 4, 0], [0, 0, 1]], [1, 2, 1], [true, true, true])).toBeNull();
  });
});

describe('fitUsl convergence', () => {
  const levels = [1, 4, 8, 12, 16, 20, 24, 28, 32, 48];
  const exact = (alpha: number, beta: number, gamma: number): UslPoint[] =>
    levels.map((n) => ({ concurrency: n, throughput: (gamma * n) / (1 + alpha * (n - 1) + beta * n * (n - 1)) }));

  // For exact data N/X = (1 + α(N − 1) + βN(N − 1))/γ holds exactly, so the linearised start (Gunther 2007,
  // ch. 5) is already the optimum: the documented ~1e-12 recovery needs at most a few polishing steps.
  it.each([
    [0.03, 0.0005, 955.16],
    [0, 0.0005, 10],
    [0.2, 0.00001, 3.5],
    [0.05, 0, 100],
    [0, 0, 50],
  ])('exact data α=%d β=%d γ=%d: recovered to 1e-12 in ≤ 5 iterations', (alpha, beta, gamma) => {
    const fit = fitUsl(exact(alpha, beta, gamma));
    expect(fit.iterations).toBeLessThanOrEqual(5);
    for (const [got, want] of [
      [fit.alpha, alpha],
      [fit.beta, beta],
      [fit.gamma, gamma],
    ] as const) {
      if (want === 0) expect(got).toBe(0);
      else expectRelative(got, want, 1e-12);
    }
  });

  it('holds both coefficients at 0 when the data scale better than linearly (KKT at the bounds)', () => {
    // X = 10N² for N = 1, 2, 4, 8 rises faster than any USL curve, so α = β = 0 and γ is the least-squares slope
    // of X = γN: γ = ΣN·X / ΣN² = 10·(1 + 8 + 64 + 512) / (1 + 4 + 16 + 64) = 5850/85 (by hand).
    const fit = fitUsl([1, 2, 4, 8].map((n) => ({ concurrency: n, throughput: 10 * n * n })));
    expect(fit.alpha).toBe(0);
    expect(fit.beta).toBe(0);
    expectRelative(fit.gamma, 5850 / 85, 1e-12);
    expect(fit.iterations).toBeLessThanOrEqual(10); // the active set pins them at once instead of bouncing off 0
  });

  it('noisy data, and data whose optimum has α on its bound, converge well inside the 500-iteration cap', () => {
    // the ±3 % ripple case of usl.test.ts (40-digit optimum there)
    const data = [979.2721827754733, 3589.4520535961447, 6292.6905848280085, 8208.364190566292, 9540.318000251254,
      10531.145173981344, 11369.184062318527, 12127.04187805227, 12763.834642422757, 13316.311979007187];
    expect(fitUsl(levels.map((n, i) => ({ concurrency: n, throughput: data[i]! }))).iterations).toBeLessThanOrEqual(25);
    // usl.test.ts's bound case: the unconstrained optimum has α < 0 (scipy: α = 4.3e-20 at the bound)
    const bound = [100.0, 414.9377593360996, 823.0452674897119, 1149.4252873563219, 1355.9322033898306,
      1449.2753623188407, 1459.85401459854, 1419.8782961460447, 1353.6379018612522, 1049.8687664041995];
    expect(fitUsl(levels.map((n, i) => ({ concurrency: n, throughput: bound[i]! }))).iterations).toBeLessThanOrEqual(25);
  });
});
