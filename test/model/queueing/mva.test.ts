import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mva, type MvaInput } from '../../../src/model/queueing/index.js';
import { expectRelative } from './helpers.js';
import { ctmcSolve, logConvolution, type RefStation } from './mvaReference.js';

/** The reference helpers take the think stage as station 0 (a delay) and then the stations in order. */
function refStations(input: MvaInput): RefStation[] {
  const think: RefStation[] = input.thinkTimeS > 0 ? [{ demand: input.thinkTimeS, servers: Infinity }] : [];
  return [
    ...think,
    ...input.stations.map((s) => ({ demand: s.demandS, servers: s.kind === 'delay' ? Infinity : (s.servers ?? 1) })),
  ];
}

function expectMatches(input: MvaInput, ref: { throughput: number; queueLengths: number[] }, tol: number): void {
  const got = mva(input);
  const offset = input.thinkTimeS > 0 ? 1 : 0;
  expectRelative(got.throughput, ref.throughput, tol);
  got.stations.forEach((s, i) => {
    const q = ref.queueLengths[i + offset] as number;
    expectRelative(s.queueLength, q, tol);
    expectRelative(s.residenceTime, q / ref.throughput, tol);
  });
  expectRelative(got.responseTime, input.users / ref.throughput - input.thinkTimeS, tol * 10);
}

// Expected values: test/model/queueing/reference.py `mva` — Buzen's convolution of normalising constants with
// load-dependent factors, in mpmath at 40 digits (X = G(N−1)/G(N), Q_k from the marginal p_k(j|N)).
const convolutionReference = [
  {
    note: 'two balanced single servers, N = 3, Z = 0 (by hand: X = 3/4, Q = 1.5 each)',
    input: { users: 3, thinkTimeS: 0, stations: [{ name: 'cpu', demandS: 1 }, { name: 'disk', demandS: 1 }] },
    x: 0.75, r: 4.0, q: [1.5, 1.5], u: [0.75, 0.75],
  },
  {
    note: 'N = 10 with a 4-server station',
    input: { users: 10, thinkTimeS: 5, stations: [
      { name: 'web', demandS: 0.2, servers: 4 }, { name: 'db', demandS: 0.1 }, { name: 'disk', demandS: 0.05 }] },
    x: 1.8607581929957801, r: 0.37415341640937126,
    q: [0.37217225512901465, 0.22258301547872771, 0.10145376441335698],
    u: [0.093037909649789012, 0.18607581929957802, 0.093037909649789012],
  },
  {
    note: 'N = 1000 at the knee, 4-server web at 97% (the bench network)',
    input: { users: 1000, thinkTimeS: 5, stations: [
      { name: 'web', demandS: 0.02, servers: 4 }, { name: 'db', demandS: 0.004 }, { name: 'lb', demandS: 0.001 }] },
    x: 194.32315947512294, r: 0.14606700869341832,
    q: [24.689912293060305, 3.4531469222346363, 0.2411434090903555],
    u: [0.97161579737561472, 0.77729263790049178, 0.19432315947512294],
  },
  {
    note: 'N = 1000, 4-server web saturated (where the textbook recursion breaks)',
    input: { users: 1000, thinkTimeS: 1, stations: [
      { name: 'web', demandS: 0.02, servers: 4 }, { name: 'db', demandS: 0.004 }, { name: 'lb', demandS: 0.001 }] },
    x: 200.0, r: 4.0000000000000001, q: [795.75, 4.0, 0.25], u: [1.0, 0.8, 0.2],
  },
  {
    note: 'N = 5000, 4-server and saturated 16-server stations',
    input: { users: 5000, thinkTimeS: 2, stations: [
      { name: 'web', demandS: 0.01, servers: 4 }, { name: 'db', demandS: 0.0015 },
      { name: 'api', demandS: 0.05, servers: 16 }, { name: 'cache', demandS: 0.0005 }] },
    x: 319.99999999999998, r: 13.625000000000001,
    q: [5.585729887149617, 0.92307692307692302, 4353.3007169992973, 0.19047619047619047],
    u: [0.79999999999999997, 0.47999999999999998, 1.0, 0.15999999999999999],
  },
  {
    note: 'N = 5000, 64-server app at 77%, db at 89%',
    input: { users: 5000, thinkTimeS: 10, stations: [{ name: 'app', demandS: 0.1, servers: 64 }, { name: 'db', demandS: 0.0018 }] },
    x: 494.25250858745768, r: 0.11628654003129468,
    q: [49.5242805788057, 7.9506335466175161], u: [0.77226954466790267, 0.8896545154574238],
  },
];

describe('mva against the normalising-constant method (mpmath, 40 digits)', () => {
  it.each(convolutionReference)('$note', (k) => {
    const got = mva(k.input as MvaInput);
    expectRelative(got.throughput, k.x, 1e-9);
    expectRelative(got.responseTime, k.r, 1e-9);
    got.stations.forEach((s, i) => {
      expectRelative(s.queueLength, k.q[i] as number, 1e-9);
      expectRelative(s.utilization as number, k.u[i] as number, 1e-9);
      expectRelative(s.residenceTime, (k.q[i] as number) / k.x, 1e-9);
    });
  });
});

describe('mva against a brute-force CTMC (global balance, no product form)', () => {
  const networks: MvaInput[] = [
    { users: 1, thinkTimeS: 2, stations: [{ name: 'a', demandS: 0.5, servers: 2 }, { name: 'b', demandS: 0.3 }] },
    { users: 6, thinkTimeS: 2, stations: [{ name: 'a', demandS: 0.5, servers: 2 }, { name: 'b', demandS: 0.3 }] },
    {
      users: 8,
      thinkTimeS: 1,
      stations: [{ name: 'web', demandS: 0.4, servers: 3 }, { name: 'db', demandS: 0.2 }, { name: 'cdn', demandS: 0.7, kind: 'delay' }],
    },
    { users: 7, thinkTimeS: 0, stations: [{ name: 'a', demandS: 1, servers: 4 }, { name: 'b', demandS: 0.25 }, { name: 'c', demandS: 0.1, servers: 2 }] },
    { users: 5, thinkTimeS: 3, stations: [{ name: 'wide', demandS: 2, servers: 9 }, { name: 'b', demandS: 0.25 }] }, // m ≥ N
  ];
  it.each(networks)('N=$users Z=$thinkTimeS', (input) => {
    expectMatches(input, ctmcSolve(refStations(input), input.users), 1e-9);
  });
});

describe('mva against log-space convolution at N = 1000 with a 4-server station', () => {
  it.each([
    { users: 1000, thinkTimeS: 5, stations: [{ name: 'web', demandS: 0.02, servers: 4 }, { name: 'db', demandS: 0.004 }, { name: 'lb', demandS: 0.001 }] },
    { users: 1000, thinkTimeS: 3, stations: [{ name: 'web', demandS: 0.013, servers: 4 }, { name: 'db', demandS: 0.003 }, { name: 'pool', demandS: 0.02, servers: 8 }] },
    { users: 1000, thinkTimeS: 0.5, stations: [{ name: 'web', demandS: 0.02, servers: 4 }, { name: 'db', demandS: 0.004 }] },
  ] as MvaInput[])('Z=$thinkTimeS, $stations.length stations', (input) => {
    expectMatches(input, logConvolution(refStations(input), input.users), 1e-9);
  });
});

describe('mva numerical stability', () => {
  it('stays exact where the textbook p(0|n) = 1 − Σ p(j|n) recursion collapses', () => {
    // The textbook load-dependent MVA on the saturated bench network, written out here for comparison.
    const textbook = (users: number): number => {
      const d = [0.02, 0.004, 0.001];
      const m = 4;
      let p = [1]; // p(j|n) of the 4-server station, j = 0…n
      const q = [0, 0];
      let x = 0;
      for (let n = 1; n <= users; n++) {
        let rMulti = 0;
        for (let j = 1; j <= n; j++) rMulti += (j / Math.min(j, m)) * d[0]! * (p[j - 1] ?? 0);
        const r1 = d[1]! * (1 + q[0]!);
        const r2 = d[2]! * (1 + q[1]!);
        x = n / (1 + rMulti + r1 + r2);
        q[0] = x * r1;
        q[1] = x * r2;
        const next = [0];
        for (let j = 1; j <= n; j++) next[j] = ((d[0]! * x) / Math.min(j, m)) * (p[j - 1] ?? 0);
        next[0] = 1 - next.slice(1).reduce((s, v) => s + v, 0);
        p = next;
      }
      return x;
    };
    const exact = 200; // reference.py: X(1000) = 200.0 (web saturated: 4/0.02)
    expect(Math.abs(textbook(1000) - exact) / exact).toBeGreaterThan(1e-3); // the classic failure …
    expectRelative(mva({ users: 1000, thinkTimeS: 1, stations: [
      { name: 'web', demandS: 0.02, servers: 4 }, { name: 'db', demandS: 0.004 }, { name: 'lb', demandS: 0.001 }] }).throughput, exact, 1e-12); // … and ours
  });

  it('N = 20 000 with multi-server stations: finite, within bounds, users conserved', () => {
    const input: MvaInput = {
      users: 20_000,
      thinkTimeS: 4,
      stations: [
        { name: 'web', demandS: 0.01, servers: 8 },
        { name: 'api', demandS: 0.004, servers: 2 },
        { name: 'db', demandS: 0.0012 },
      ],
    };
    const r = mva(input);
    expect(r.throughput).toBeLessThanOrEqual(500);
    expectRelative(r.throughput, 500, 1e-12); // saturated at api: m/D = 2/0.004 (web would allow 8/0.01 = 800)
    const inSystem = r.stations.reduce((s, st) => s + st.queueLength, 0) + r.throughput * input.thinkTimeS;
    expectRelative(inSystem, input.users, 1e-9);
  });
});

describe('mva inputs', () => {
  it('treats delay stations as pure delays and reports no utilisation for them', () => {
    const r = mva({ users: 4, thinkTimeS: 1, stations: [{ name: 'cdn', demandS: 0.5, kind: 'delay' }, { name: 'db', demandS: 0.25 }] });
    const cdn = r.stations[0]!;
    expect(cdn.utilization).toBeNull();
    expect(cdn.servers).toBeNull();
    expect(cdn.residenceTime).toBe(0.5);
    expectRelative(cdn.queueLength, r.throughput * 0.5, 1e-15);
  });

  it.each([
    [{ users: 0 }, 'users must be a whole number ≥ 1, got 0'],
    [{ users: 2.5 }, 'users must be a whole number ≥ 1, got 2.5'],
    [{ thinkTimeS: -1 }, 'think time (seconds) must be a finite number ≥ 0, got -1'],
    [{ stations: [] }, 'stations must be a non-empty list'],
    [{ stations: [{ name: 'db', demandS: -0.1 }] }, 'station 1 ("db") demand (seconds) must be a finite number ≥ 0, got -0.1'],
    [{ stations: [{ name: 'db', demandS: 0.1, servers: 0 }] }, 'station 1 ("db") servers must be a whole number ≥ 1, got 0'],
    [{ thinkTimeS: 0, stations: [{ name: 'db', demandS: 0 }] }, 'think time plus total demand must be > 0 seconds'],
  ])('rejects %o', (override, message) => {
    expect(() => mva({ users: 3, thinkTimeS: 1, stations: [{ name: 'db', demandS: 0.1 }], ...override } as MvaInput)).toThrow(message);
  });
});

const network = fc.record({
  users: fc.integer({ min: 1, max: 600 }),
  thinkTimeS: fc.double({ min: 0, max: 20, noNaN: true }),
  stations: fc.array(
    fc.record({
      name: fc.constant('s'),
      demandS: fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
      servers: fc.integer({ min: 1, max: 16 }),
      kind: fc.constantFrom<'queue' | 'delay'>('queue', 'queue', 'queue', 'delay'),
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

describe('mva properties (fast-check)', () => {
  it('throughput never exceeds min(N/(D + Z), m/D_max) and users are conserved (Little)', () => {
    fc.assert(
      fc.property(network, (input) => {
        const r = mva(input);
        const total = input.stations.reduce((s, st) => s + st.demandS, 0);
        let bound = input.users / (total + input.thinkTimeS);
        for (const st of input.stations) if (st.kind === 'queue') bound = Math.min(bound, st.servers / st.demandS);
        expect(r.throughput).toBeLessThanOrEqual(bound * (1 + 1e-12));
        const inSystem = r.stations.reduce((s, st) => s + st.queueLength, 0) + r.throughput * input.thinkTimeS;
        expectRelative(inSystem, input.users, 1e-9);
        expectRelative(r.responseTime, input.users / r.throughput - input.thinkTimeS, 1e-6);
        for (const st of r.stations) {
          expect(Number.isFinite(st.queueLength) && st.queueLength >= 0).toBe(true);
          if (st.utilization !== null) expect(st.utilization).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('throughput never falls as users are added', () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 1, max: 50 }), (input, more) => {
        expect(mva({ ...input, users: input.users + more }).throughput).toBeGreaterThanOrEqual(mva(input).throughput * (1 - 1e-12));
      }),
      { numRuns: 60 },
    );
  });
});
