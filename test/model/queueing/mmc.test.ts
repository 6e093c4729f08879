import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  mmc,
  responseSurvival,
  mmcTimes,
  responseTimePercentile,
  responseTimePercentiles,
  waitPercentile,
  waitPercentiles,
  waitSurvival,
  type MmcParams,
} from '../../../src/model/queueing/index.js';
import { expectRelative } from './helpers.js';

// Expected values: test/model/queueing/reference.py `mmc` — Erlang C by its direct sum, W_q = C/(cμ − λ),
// W = W_q + 1/μ, and percentiles by 220 bisection steps on P(T>t) = (1−C)e^{−μt} + C·P(Exp(θ)+Exp(μ) > t)
// (hypoexponential form, its θ = μ limit where needed) with mpmath at 60 digits.
interface Case {
  lambda: number;
  mu: number;
  c: number;
  erlangC: number;
  wq: number;
  w: number;
  response: [number, number, number, number, number]; // P50 P90 P95 P99 P99.9
  wait: [number, number, number]; // P50 P95 P99
  note: string;
}
const cases: Case[] = [
  {
    note: 'M/M/3 at ρ = 2/3',
    lambda: 2, mu: 1, c: 3, erlangC: 0.44444444444444444, wq: 0.44444444444444444, w: 1.4444444444444444,
    response: [1.087412886223167, 3.1844048967349276, 4.0206881604115087, 5.891174416603239, 8.4688267692524297],
    wait: [0, 2.1848020573376622, 3.7942399697717626],
  },
  {
    note: 'cμ − λ = μ exactly (removable singularity)',
    lambda: 1, mu: 1, c: 2, erlangC: 0.33333333333333333, wq: 0.33333333333333333, w: 1.3333333333333333,
    response: [0.97441160518992912, 2.9948782908174136, 3.8164603051678294, 5.6659606837929972, 8.2275100076445496],
    wait: [0, 1.8971199848858813, 3.5065578973199817],
  },
  {
    note: 'cμ − λ − μ = −1e-9 (series branch)',
    lambda: 1.000000001, mu: 1, c: 2, erlangC: 0.33333333388888894, wq: 0.3333333342222223, w: 1.3333333342222223,
    response: [0.97441160589553372, 2.9948782927145795, 3.8164603075134919, 5.6659606871187154, 8.2275100122946044],
    wait: [0, 1.8971199884496683, 3.5065579024932067],
  },
  {
    note: 'cμ − λ − μ = −1e-5 (at the series/expm1 switch)',
    lambda: 1.00001, mu: 1, c: 2, erlangC: 0.33333888890370369, wq: 0.33334222232592697, w: 1.333342222325927,
    response: [0.97441866131105715, 2.9948972627014771, 3.8164837620869332, 5.6659939414427306, 8.2275565089456779],
    wait: [0, 1.8971556230143346, 3.5066096299885048],
  },
  {
    note: 'cμ − λ − μ = −2⁻⁴⁰',
    lambda: 1 + 2 ** -40, mu: 1, c: 2, erlangC: 0.33333333333383861, wq: 0.33333333333414177, w: 1.3333333333341418,
    response: [0.97441160519057087, 2.9948782908191391, 3.8164603051699628, 5.6659606837960219, 8.2275100076487788],
    wait: [0, 1.8971199848891225, 3.5065578973246867],
  },
  {
    note: 'cμ − λ − μ = +1e-5',
    lambda: 0.99999, mu: 1, c: 2, erlangC: 0.33332777779259267, wq: 0.3333244445481472, w: 1.3333244445481472,
    response: [0.97440454922027125, 2.9948593193873229, 3.8164368488404169, 5.6659274270837433, 8.2274635078591665],
    wait: [0, 1.8970843472812969, 3.5065061654972152],
  },
  {
    note: 'M/M/10 at ρ = 0.8',
    lambda: 8, mu: 1, c: 10, erlangC: 0.40918015079644353, wq: 0.20459007539822177, w: 1.2045900753982218,
    response: [0.91214461060697773, 2.6243200376070799, 3.3282746785601232, 4.9461113276114532, 7.2505572429853055],
    wait: [0, 1.0510662600663684, 1.8557852162834185],
  },
  {
    note: 'c = 5000 at ρ = 0.999',
    lambda: 4995, mu: 1, c: 5000, erlangC: 0.91447564602541549, wq: 0.1828951292050831, w: 1.1828951292050831,
    response: [0.89381250403488566, 2.5084676287359011, 3.201622465515898, 4.8110608875292796, 7.1136459813399321],
    wait: [0.12074854762720781, 0.58126556622601695, 0.90315314871283702],
  },
  {
    note: 'c = 5000 at ρ = 0.9998, cμ − λ = μ',
    lambda: 4999, mu: 1, c: 5000, erlangC: 0.98245341583999463, wq: 0.98245341583999463, w: 1.9824534158399946,
    response: [1.6607385437372014, 3.8720583395517073, 4.7261953925371037, 6.620673460537351, 9.2157281961231057],
    wait: [0.67544483029383656, 2.9780299232878822, 4.5874678357219826],
  },
  {
    note: 'c = 10 000 at ρ = 0.999',
    lambda: 9990, mu: 1, c: 10000, erlangC: 0.88054171137398972, wq: 0.088054171137398972, w: 1.088054171137399,
    response: [0.78641475167771115, 2.3959278549625093, 3.0890750355608497, 4.6985129479950252, 7.0010980409891277],
    wait: [0.056592920076453762, 0.28685142937585833, 0.44779522061926837],
  },
  {
    note: 'M/M/1: T ~ Exp(μ − λ)',
    lambda: 1, mu: 2, c: 1, erlangC: 0.5, wq: 0.5, w: 1,
    response: [0.69314718055994531, 2.3025850929940457, 2.995732273553991, 4.6051701859880914, 6.9077552789821939],
    wait: [0, 2.3025850929940457, 3.9120230054281461],
  },
  {
    note: 'M/M/16, μ = 0.5',
    lambda: 7, mu: 0.5, c: 16, erlangC: 0.50848220605701419, wq: 0.50848220605701419, w: 2.5084822060570142,
    response: [1.9342225857757556, 5.3811095560556503, 6.7909426616597511, 10.028064130130683, 14.637271460159357],
    wait: [0.016822123449264909, 2.3194072164433106, 3.928845128877411],
  },
];

describe('mmc means', () => {
  it.each(cases)('$note: C, W_q, L_q, W, L, ρ, X to 1e-9', (k) => {
    const m = mmc({ arrivalRate: k.lambda, serviceRate: k.mu, servers: k.c });
    expectRelative(m.erlangC, k.erlangC);
    expectRelative(m.meanWait, k.wq);
    expectRelative(m.meanQueueLength, k.lambda * k.wq);
    expectRelative(m.meanResponse, k.w);
    expectRelative(m.meanInSystem, k.lambda * k.w);
    expectRelative(m.utilization, k.lambda / (k.c * k.mu), 1e-15);
    expect(m.throughput).toBe(k.lambda);
  });

  it('M/M/1 by hand: W = 1/(μ − λ), L = ρ/(1 − ρ) (Kleinrock vol. 1 eqs. 3.24, 3.26)', () => {
    const m = mmc({ arrivalRate: 3, serviceRate: 4, servers: 1 });
    expectRelative(m.meanResponse, 1, 1e-14);
    expectRelative(m.meanInSystem, 3, 1e-14);
    expectRelative(m.erlangB, 3 / 7, 1e-14);
  });

  it('keeps W_q precise when it is tiny (C/(cμ − λ), not W − 1/μ)', () => {
    // c = 10 000 at ρ = 0.9: C = 10·B = 2.0916197944192896e-25 (reference.py `erlang`), θ = 1000
    const m = mmc({ arrivalRate: 9000, serviceRate: 1, servers: 10000 });
    expectRelative(m.meanWait, 2.0916197944192896e-25 / 1000, 1e-9);
  });
});

describe('M/M/c percentiles', () => {
  it.each(cases)('$note: response P50…P99.9 to 1e-9', (k) => {
    const params = { arrivalRate: k.lambda, serviceRate: k.mu, servers: k.c };
    const got = responseTimePercentiles(params, [50, 90, 95, 99, 99.9]);
    got.forEach((value, i) => expectRelative(value, k.response[i] as number));
    expectRelative(responseTimePercentile(params, 99), k.response[3]);
  });

  it.each(cases)('$note: wait P50, P95, P99 to 1e-9', (k) => {
    const params = { arrivalRate: k.lambda, serviceRate: k.mu, servers: k.c };
    const got = waitPercentiles(params, [50, 95, 99]);
    got.forEach((value, i) => expectRelative(value, k.wait[i] as number));
    expectRelative(waitPercentile(params, 95), k.wait[1]);
  });

  it('evaluates the sojourn survival at the singularity as e^{−μt}(1 + Cμt)', () => {
    // λ = μ = 1, c = 2: C = 1/3 by hand, θ = 2 − 1 = μ
    expectRelative(responseSurvival({ arrivalRate: 1, serviceRate: 1, servers: 2 }, 1), Math.exp(-1) * (4 / 3), 1e-14);
    expectRelative(responseSurvival({ arrivalRate: 1, serviceRate: 1, servers: 2 }, 7), Math.exp(-7) * (1 + 7 / 3), 1e-14);
    expect(responseSurvival({ arrivalRate: 1, serviceRate: 1, servers: 2 }, 0)).toBe(1);
    expect(responseSurvival({ arrivalRate: 1, serviceRate: 1, servers: 2 }, Number.POSITIVE_INFINITY)).toBe(0);
    expect(responseSurvival({ arrivalRate: 1, serviceRate: 1, servers: 2 }, 1e6)).toBe(0);
  });

  it('one server: the percentile is the exponential quantile −ln(1 − p)/(μ − λ), where the general survival is 1 − p', () => {
    // M/M/1 sojourn time ~ Exp(μ − λ) (Kleinrock vol. 1 §3.2): the closed form the engine takes for c = 1.
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 1, max: 99.9, noNaN: true }), (mu, rho, p) => {
        const queue = { arrivalRate: rho * mu, serviceRate: mu, servers: 1 };
        const t = responseTimePercentile(queue, p);
        expectRelative(t, -Math.log1p(-p / 100) / (mu - rho * mu), 1e-12);
        expectRelative(responseSurvival(queue, t), (100 - p) / 100, 1e-11);
      }),
    );
  });

  it('waitSurvival is C·e^{−(cμ−λ)t}', () => {
    expectRelative(waitSurvival({ arrivalRate: 2, serviceRate: 1, servers: 3 }, 1), (4 / 9) * Math.exp(-1), 1e-14);
    expect(waitSurvival({ arrivalRate: 2, serviceRate: 1, servers: 3 }, -1)).toBe(1);
  });

  it('is finite deep in the tail (P(T > t) underflows but its log does not)', () => {
    const p = responseTimePercentile({ arrivalRate: 0.5, serviceRate: 1e-3, servers: 1000 }, 99.9999999);
    expect(Number.isFinite(p)).toBe(true);
    // C(c=1000, A=500) ≈ 3e-86 here, so T is one exponential service of mean 1000 s: −ln(q)·1000 with q as
    // the input states it (100 − p is exact in binary; 99.9999999 itself is not exactly 1 − 1e-9).
    expectRelative(p, -Math.log((100 - 99.9999999) / 100) * 1000, 1e-9);
  });
});

describe('M/M/c errors', () => {
  it.each<[Partial<MmcParams>, string]>([
    [{ arrivalRate: -1 }, 'arrival rate must be a finite number > 0, got -1'],
    [{ arrivalRate: Number.NaN }, 'arrival rate must be a finite number > 0, got NaN'],
    [{ serviceRate: 0 }, 'service rate must be a finite number > 0, got 0'],
    [{ servers: 0 }, 'servers must be a whole number ≥ 1, got 0'],
    [{ servers: 1.5 }, 'servers must be a whole number ≥ 1, got 1.5'],
    [{ arrivalRate: 10, serviceRate: 2, servers: 4 }, 'unstable: λ=10 ≥ cμ=8; add servers or lower the arrival rate'],
    [{ arrivalRate: 8, serviceRate: 2, servers: 4 }, 'unstable: λ=8 ≥ cμ=8'],
  ])('%o → %s', (override, message) => {
    const params = { arrivalRate: 1, serviceRate: 1, servers: 2, ...override };
    expect(() => mmc(params)).toThrow(RangeError);
    expect(() => mmc(params)).toThrow(message);
    expect(() => responseTimePercentile(params, 95)).toThrow(message);
  });

  it.each([0, 100, -5, Number.NaN])('rejects percentile %s', (p) => {
    expect(() => responseTimePercentile({ arrivalRate: 1, serviceRate: 1, servers: 2 }, p)).toThrow(
      /percentile must be a percentile strictly between 0 and 100/,
    );
  });
});

/** A stable M/M/c: c in 1…400, ρ in (0, 0.999], μ spanning six orders of magnitude. */
const stableQueue = fc
  .record({
    c: fc.integer({ min: 1, max: 400 }),
    rho: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    mu: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  })
  .map(({ c, rho, mu }) => ({ arrivalRate: rho * c * mu, serviceRate: mu, servers: c }));

describe('M/M/c properties (fast-check)', () => {
  it("Little's law: L = λW and L_q = λW_q", () => {
    fc.assert(
      fc.property(stableQueue, (q) => {
        const m = mmc(q);
        expectRelative(m.meanInSystem, q.arrivalRate * m.meanResponse, 1e-12);
        expectRelative(m.meanQueueLength, q.arrivalRate * m.meanWait, 1e-12);
        expectRelative(m.meanInSystem - m.meanQueueLength, q.arrivalRate / q.serviceRate, 1e-9);
      }),
    );
  });

  it('more servers never raise latency (mean, P95, P99)', () => {
    fc.assert(
      fc.property(stableQueue, fc.integer({ min: 1, max: 50 }), (q, extra) => {
        const more = { ...q, servers: q.servers + extra };
        expect(mmc(more).meanResponse).toBeLessThanOrEqual(mmc(q).meanResponse);
        const [a95, a99] = responseTimePercentiles(q, [95, 99]) as [number, number];
        const [b95, b99] = responseTimePercentiles(more, [95, 99]) as [number, number];
        expect(b95).toBeLessThanOrEqual(a95 * (1 + 1e-13));
        expect(b99).toBeLessThanOrEqual(a99 * (1 + 1e-13));
      }),
    );
  });

  it('percentiles rise with p, stay above the service-time percentile, and invert the survival function', () => {
    fc.assert(
      fc.property(stableQueue, fc.double({ min: 1, max: 99.99, noNaN: true }), (q, p) => {
        const [low, high] = responseTimePercentiles(q, [p, Math.min(p + 0.5, 99.999)]) as [number, number];
        expect(high).toBeGreaterThan(low);
        expect(low).toBeGreaterThanOrEqual((-Math.log1p(-p / 100) / q.serviceRate) * (1 - 1e-11));
        expectRelative(responseSurvival(q, low), (100 - p) / 100, 1e-11);
        const [w1, w2] = waitPercentiles(q, [p, Math.min(p + 0.5, 99.999)]) as [number, number];
        expect(w2).toBeGreaterThanOrEqual(w1);
      }),
    );
  });

  it('no NaN or Infinity in any output', () => {
    fc.assert(
      fc.property(stableQueue, (q) => {
        for (const v of Object.values(mmc(q))) expect(Number.isFinite(v)).toBe(true);
        for (const v of responseTimePercentiles(q, [50, 99.9])) expect(Number.isFinite(v)).toBe(true);
      }),
    );
  });

  it('gives the means and percentiles together exactly as mmc, waitPercentile and responseTimePercentile do apart', () => {
    fc.assert(
      fc.property(stableQueue, fc.constantFrom(50, 95, 99, 99.9), (q, p) => {
        const times = mmcTimes(q, p);
        expect(times.meanWaitS).toBe(mmc(q).meanWait);
        expect(times.meanS).toBe(mmc(q).meanResponse);
        expect(times.waitPercentileS).toBe(waitPercentile(q, p));
        expect(times.percentileS).toBe(responseTimePercentile(q, p));
      }),
    );
  });
});
