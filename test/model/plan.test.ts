import { describe, expect, it } from 'vitest';
import { errorBudgetMinutes, series } from '../../src/model/availability.js';
import { headroom } from '../../src/model/headroom.js';
import { sizePlan } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { buildStations } from '../../src/model/stations.js';
import { concurrentUsers, workloadAt } from '../../src/model/workload.js';
import { book, catalog, phase, thresholds } from './fixture-catalog.js';

// Every expected value below is worked out by hand (or with the closed form in python3, as noted)
// from the fixture in ./fixture-catalog.ts:
//   concurrency 100–1,100 over 1,000–11,000 users → concurrent(N) = 0.1·N; 0.1 req/s per concurrent user;
//   profile: 12 h at 0.5, 12 h at 1.0 (mean 0.75); 2 queries/request, half reads, no cache.

describe('availability composition (Trivedi §3.5)', () => {
  it('series by hand', () => {
    expect(series([0.9999, 0.999])).toBeCloseTo(0.9989001, 15);
  });
  it('error budget: (1 − 99.9 %) × 730 h × 60 = 43.8 min', () => {
    expect(errorBudgetMinutes(99.9, 730)).toBeCloseTo(43.8, 10);
    expect(errorBudgetMinutes(99.99, 730)).toBeCloseTo(4.38, 10);
  });
});

describe('workload', () => {
  it('interpolates concurrency over the phase range and never exceeds the users', () => {
    expect(concurrentUsers(phase, 6000)).toBeCloseTo(600, 9);
    expect(concurrentUsers(phase, 11000)).toBeCloseTo(1100, 9);
    // Beyond the range the same slope continues: 0.1 × 20,000.
    expect(concurrentUsers(phase, 20000)).toBeCloseTo(2000, 9);
    const tiny = { ...phase, concurrentUsers: { ...phase.concurrentUsers, min: 50 } };
    expect(concurrentUsers(tiny, 10)).toBeLessThanOrEqual(10);
  });
  it('turns users into request rates hour by hour', () => {
    const w = workloadAt(catalog, phase, 6000);
    expect(w.peakRequestsPerS).toBeCloseTo(60, 9); // 600 × 0.1
    // Volume from engagement: 6,000 × 0.9 = 5,400 daily active users × 7,200 s × 0.1 = 3,888,000 requests a day.
    expect(w.avgRequestsPerS).toBeCloseTo(45, 9); // 3,888,000 / 86,400 s
    expect(w.monthlyRequests).toBeCloseTo(3_888_000 * 30.4375, 3); // × 365.25 / 12 days = 118,341,000
    // The phase has no cache: no lookups, and all 2 × 0.5 reads go to the database.
    expect(w.visits).toEqual({ cache: 0, dbReads: 1, dbWrites: 1 });
  });
});

describe('sizePlan and pricePlan at 6,000 users', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const plan = sizePlan(catalog, phase, 6000, thresholds);
    return { plan, cost: pricePlan(plan, book), app: plan.tiers.find((t) => t.id === 'app')!, db: plan.tiers.find((t) => t.id === 'db')! };
  };

  it('sizes the autoscaled tier by its CPU target, hour by hour', () => {
    const { app, db } = subject();
    // Peak: 60 req/s × 0.05 s = 3 vCPU busy; 2 vCPU × 0.5 target per instance → ⌈3/1⌉ = 3.
    // Off-peak: 1.5 vCPU busy → 2, the minimum. Average over the day (12 h each) = 2.5.
    expect(app.instances.peak).toBe(3);
    expect(app.instances.average).toBeCloseTo(2.5, 12);
    expect(app.instances.hourly).toEqual([...Array<number>(12).fill(2), ...Array<number>(12).fill(3)]);
    expect(app.utilization).toBeCloseTo(0.5, 12);
    expect(db.instances.peak).toBe(1);
  });

  it('gives the latency of each tier from the M/M/c closed forms', () => {
    const { plan, app, db } = subject();
    // App instance: M/M/2 with λ = 20, μ = 20 → cμ − λ = μ (the removable singularity), C = 1/3,
    // P(T > t) = e^{−μt}(1 + Cμt) = 0.05 solved by bisection in python3 → t = 0.190823015 s.
    expect(app.percentileMs).toBeCloseTo(190.82301525839146, 6);
    // DB: M/M/1 with λ = 120 visits/s (2 per request), μ = 1/0.003 → P95 = ln 20 / (μ − λ) = 14.0425 ms, × 2 visits.
    expect(db.percentileMs).toBeCloseTo(14.042495032284334, 8);
    expect(db.contributionMs).toBeCloseTo(28.084990064568667, 8);
    // End to end: 20 ms overhead + 190.823 + 28.085.
    expect(plan.latency.valueMs).toBeCloseTo(238.90800532296012, 6);
    // Mean: 20 + (50 + (1/3)/20 s) + 2 × 1/(μ − λ) = 96.0417 ms.
    expect(plan.latency.meanMs).toBeCloseTo(96.04166666666666, 8);
    expect(plan.latency.pass).toBe(true);
  });

  it("holds Little's law per tier: connections in use = λ × W", () => {
    const { db } = subject();
    // DB: L = 120 × 1/(333.33 − 120) = 0.5625 connections of 100.
    expect(db.connectionOccupancy).toBeCloseTo(0.005625, 12);
  });

  it('composes availability and names the single point of failure', () => {
    const { plan } = subject();
    // The fixture's failure model (fixture-catalog.ts): the lone database is down 0.002 of the time → 99.8 % < 99.9 %;
    // 0.002 × 730 h × 60 = 87.6 min a month. SLA floor: 0.99 × 0.999 = 0.98901.
    expect(plan.availability.expectedPercent).toBeCloseTo(99.8, 9);
    expect(plan.availability.slaPercent).toBeCloseTo(98.901, 9);
    expect(plan.availability.pass).toBe(false);
    expect(plan.availability.expectedDowntimeMinutes).toBeCloseTo(87.6, 6);
    expect(plan.availability.components.filter((c) => c.singlePointOfFailure).map((c) => c.component)).toEqual(['db']);
  });

  it('prices instance-hours from the hourly profile', () => {
    const { cost } = subject();
    // App 2.5 × 730 h × $0.10 = $182.50; DB $50; monitoring 6,000 × 0.01 × $1 = $60.
    const byId = Object.fromEntries(cost.components.map((c) => [c.component, c.monthlyUsd]));
    expect(byId).toEqual({ app: 182.5, db: 50, mon: 60 });
    expect(cost.totalUsd).toBe(292.5);
    expect(cost.perUserUsd).toBeCloseTo(0.04875, 12);
    expect(cost.budget.status).toBe('over'); // budget 100–200
  });
});

describe('headroom', () => {
  it('finds the user count where the fixed database crosses the 80 % CPU alert', () => {
    // DB utilisation = 0.1·N × 0.1 × 2 visits × 0.003 s = 0.00006·N ≤ 0.8 → N ≤ 13,333.3.
    // The app tier (max 10 × 2 vCPU × 0.5) would allow 20,000, so the DB binds first.
    const room = headroom(catalog, phase, 6000, thresholds);
    expect(room.maxUsers).toBe(13333);
    expect(room.headroomUsers).toBe(7333);
    expect(room.headroomPercent).toBeCloseTo((13333 / 6000 - 1) * 100, 9);
    expect(room.limitedBy).toContain('db CPU (CPU alert)');
  });
});

describe('end-to-end percentile by summing tier percentiles', () => {
  // mulberry32: a small seeded PRNG (Tommy Ettinger, public domain), so the check is repeatable.
  function mulberry32(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('is at least the P95 of a Monte Carlo sum of independent M/M/c sojourn times', () => {
    // Same system as above at 6,000 users: app M/M/2 (λ = μ = 20, C = 1/3), DB M/M/1 (λ = 120, μ = 333.3) visited twice.
    const random = mulberry32(20261129);
    const exp = (rate: number) => -Math.log(1 - random()) / rate;
    const samples: number[] = [];
    for (let i = 0; i < 200_000; i += 1) {
      const appWait = random() < 1 / 3 ? exp(40 - 20) : 0; // FCFS M/M/c wait: 0 w.p. 1 − C, else Exp(cμ − λ)
      const app = appWait + exp(20);
      const db = exp(1000 / 3 - 120) + exp(1000 / 3 - 120); // M/M/1 sojourn ~ Exp(μ − λ)
      samples.push(0.02 + app + db);
    }
    samples.sort((a, b) => a - b);
    const monteCarloP95 = samples[Math.floor(0.95 * samples.length)]! * 1000;
    const plan = sizePlan(catalog, phase, 6000, thresholds);
    expect(plan.latency.valueMs!).toBeGreaterThanOrEqual(monteCarloP95);
    // …and not absurdly so: within 25 % of the simulated value for this system.
    expect(plan.latency.valueMs! / monteCarloP95).toBeLessThan(1.25);
  });
});

describe('fractional vCPUs', () => {
  it('models a 500m pod as one server at half speed', () => {
    const pod = { ...phase.components[0]!, instance: { type: 'pod', vcpus: 0.5, memoryGb: 1 } };
    const [station] = buildStations([pod], { cache: 0, dbReads: 0, dbWrites: 0 }, catalog.workload.assumptions, () => 1);
    // demand_app_s = 0.05 vCPU-s at half a vCPU → 0.1 s on one server.
    expect(station).toMatchObject({ vcpus: 0.5, serversPerInstance: 1, serviceTimeS: 0.1 });
  });
});
