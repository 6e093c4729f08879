import { describe, expect, it } from 'vitest';
import { lostSeconds } from '../../src/model/availability-events.js';
import { SECONDS_PER_YEAR, phaseAvailability } from '../../src/model/availability.js';
import type { FailureModel } from '../../src/model/failure-model.js';
import { component, countAtFloor, model, phaseOf, q } from './availability-fixture.js';

// Every expected value is worked out by hand from the method of docs/model.md § Availability:
//   each kind of failure k strikes at λₖ per year and costs Lₖ seconds of lost service (the union of its impacts),
//   uₖ = λₖ · Lₖ / Y with Y = 365.25 · 86,400 = 31,557,600 s, and A = Πₖ (1 − uₖ).
// Products of (1 − x/Y) were multiplied out in python3, as noted.

const Y = 31_557_600;
const run = (components: Parameters<typeof phaseOf>[0], m: FailureModel, target = 99.9) =>
  phaseAvailability(phaseOf(components, target), { countAtFloor, hoursPerMonth: 730, model: m, defaultRegion: 'r1' });

describe('lostSeconds: one outage striking several components at once', () => {
  it('integrates the failed share over time', () => {
    expect(lostSeconds([{ share: 0.25, durationS: 100 }])).toBeCloseTo(25, 12);
    // Both fail for 30 s (everything lost), then only the half share for 30 s more: 30 + 0.5 · 30.
    expect(lostSeconds([{ share: 1, durationS: 30 }, { share: 0.5, durationS: 60 }])).toBeCloseTo(45, 12);
    // Two full outages from the same zone are one outage: the longer one.
    expect(lostSeconds([{ share: 1, durationS: 10 }, { share: 1, durationS: 20 }])).toBeCloseTo(20, 12);
    // Two halves routed independently: 1 − (1 − ½)² = ¾ of the requests fail for 40 s.
    expect(lostSeconds([{ share: 0.5, durationS: 40 }, { share: 0.5, durationS: 40 }])).toBeCloseTo(30, 12);
    expect(lostSeconds([])).toBe(0);
  });
  it('takes a calendar year of seconds', () => {
    expect(SECONDS_PER_YEAR).toBe(Y);
  });
});

describe('expected availability of a small architecture: two zones, a failover database, a soft cache', () => {
  // lb: a managed balancer in 2 zones; app: 4 pods in 2 zones behind it; db: writer + reader in 2 zones with
  // automatic failover (detection 30 s + switch 10 s); cache: soft (cache-aside). One region, r1.
  // Inputs: 2 instance failures a year, health checks 30 s, zone outages 0.5 a year of 2 h, region outages
  // 0.25 a year of 4 h.
  const components = [
    component('lb', { self: false, serves: ['lb'], kind: 'load-balancer', placement: { zones: 2 }, availability: q(0.9999) }),
    component('app', { copies: 4, autoscaled: true, placement: { zones: 2 }, availability: q(0.9999) }),
    component('db', { copies: 2, kind: 'database', serves: ['db'], database: { readers: 1, failover: 'automatic' }, placement: { zones: 2 }, availability: q(0.9999) }),
    component('cache', { copies: 2, kind: 'cache', serves: ['cache'], dependency: { type: 'soft', reason: 'cache-aside' }, availability: q(0.999) }),
  ];
  const m = model({
    instanceFailuresPerYear: q(2),
    zoneOutagesPerYear: q(0.5),
    zoneOutageHours: q(2),
    regionOutagesPerYear: q(0.25),
    regionOutageHours: q(4),
    failover: { loadBalancer: { detectionS: q(30), switchS: q(0) }, database: { detectionS: q(30), switchS: q(10) } },
  });
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => ({ a: run(components, m, 99.99) });

  it('adds up instance, zone and region failures', () => {
    const { a } = subject();
    // app instances: 4 × 2 = 8 a year, each losing ¼ of the requests for 30 s → 8 × 7.5 = 60 s/yr.
    // db writer: 2 a year × 40 s of failover = 80 s/yr (a lost reader interrupts nothing).
    // zone 1: the writer fails over, min(2 h, 40 s) = 40 s; lb and app ride it out → 0.5 × 40 = 20 s/yr.
    // zone 2: only readers and half the pods: nothing lost.
    // region r1: everything, 4 h → 0.25 × 14,400 = 3,600 s/yr. The cache is soft: in no product.
    // A = (1 − 60/Y)(1 − 80/Y)(1 − 20/Y)(1 − 3,600/Y) = 0.9998808533758313 (python3).
    expect(a.expectedPercent).toBeCloseTo(99.98808533758313, 10);
    // (1 − A) × 730 h × 60 = 5.2186 min a month.
    expect(a.expectedDowntimeMinutes).toBeCloseTo(5.218622138587992, 8);
    expect(a.pass).toBe(false); // 99.988 % < 99.99 %
  });
  it('names the database as the component that causes most downtime, mostly from region outages', () => {
    const { a } = subject();
    // db on its own: 80 + 20 + 3,600 = 3,700 s/yr; app 60 + 3,600; lb 3,600. 3,700 / Y × 43,800 min = 5.1354 min.
    expect(a.dominant).toMatchObject({ component: 'db', domain: 'region' });
    expect(a.dominant!.downtimeMinutes).toBeCloseTo(5.135371511141532, 8);
  });
  it('keeps the soft cache out and floors the SLA at the hard dependencies', () => {
    const { a } = subject();
    expect(a.softDependencies).toEqual([{ component: 'cache', reason: 'cache-aside' }]);
    expect(a.components.find((c) => c.component === 'cache')).toMatchObject({ dependency: 'soft', downtimeMinutes: null, singlePointOfFailure: false });
    // 0.9999³ = 0.999700029999.
    expect(a.slaPercent).toBeCloseTo(99.9700029999, 10);
    expect(a.components.map((c) => c.recovery)).toEqual(['managed', 'pool', 'standby', 'standby']);
    expect(a.components.filter((c) => c.singlePointOfFailure)).toEqual([]);
  });
});

describe('the SLA floor of a series path', () => {
  it('multiplies the hard dependencies’ SLAs, leaving soft and unrated ones out', () => {
    const components = [
      component('cdn', { self: false, serves: ['edge'], availability: q(0.999) }),
      component('gw', { self: false, serves: ['gateway'], availability: q(0.9995) }),
      component('alb', { self: false, serves: ['lb'], availability: q(0.9999) }),
      component('app', { copies: 2, availability: q(0.9999) }),
      component('db', { serves: ['db'], availability: q(0.9999) }),
      component('cache', { serves: ['cache'], dependency: { type: 'soft', reason: 'fallback' }, availability: q(0.5) }),
      component('queue', { serves: ['app'] }),
      component('metrics', { serves: [], availability: q(0.5) }),
    ];
    const a = run(components, model());
    // 0.999 × 0.9995 × 0.9999³ = 0.9982009798040166 (python3).
    expect(a.slaPercent).toBeCloseTo(99.82009798040166, 10);
    expect(a.unrated).toEqual(['queue']);
    // No failure strikes: the estimate is 100 %, far from the floor.
    expect(a.expectedPercent).toBe(100);
    expect(a.dominant).toBeNull();
  });
});

describe('the band: every input at the ends of its range', () => {
  // One box we run ourselves, restored by hand, in one zone of one region: each kind of failure costs λ · d.
  // In hours, with Y = 8,766 h: instance λᵢ · rₘ, zone λ_z · d_z, region λ_r · d_r.
  const m = model({
    instanceFailuresPerYear: q(2, [1, 4]),
    manualRecoveryMinutes: q(60, [30, 120]),
    zoneOutagesPerYear: q(0.2, [0.1, 0.4]),
    zoneOutageHours: q(3, [1, 6]),
    regionOutagesPerYear: q(0.3, [0.1, 0.5]),
    regionOutageHours: q(4, [2, 8]),
  });
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => ({ a: run([component('box')], m) });

  it('gives the estimate at the values and at both ends', () => {
    const { a } = subject();
    // Values: 2 × 1 h, 0.2 × 3 h, 0.3 × 4 h → (1 − 2/8,766)(1 − 0.6/8,766)(1 − 1.2/8,766) = 0.9995665631752685.
    expect(a.expectedPercent).toBeCloseTo(99.95665631752685, 10);
    // Most downtime: 4 × 2 h, 0.4 × 6 h, 0.5 × 8 h → (1 − 8/H)(1 − 2.4/H)(1 − 4/H) = 0.9983580806398832.
    expect(a.expectedLowPercent).toBeCloseTo(99.83580806398832, 10);
    // Least: 1 × 0.5 h, 0.1 × 1 h, 0.1 × 2 h → (1 − 0.5/H)(1 − 0.1/H)(1 − 0.2/H) = 0.9999087405193907.
    expect(a.expectedHighPercent).toBeCloseTo(99.99087405193907, 10);
    expect(a.components[0]).toMatchObject({ recovery: 'single', singlePointOfFailure: true });
    expect(a.dominant).toMatchObject({ component: 'box', domain: 'instance' });
  });
  it('uses the value when it lies outside its own range', () => {
    const { a } = subject();
    const outside = run([component('box')], { ...m, manualRecoveryMinutes: q(300, [30, 120]) });
    // Fewer-downtime end: 1 × 0.5 h of recovery as before; more-downtime end: 4 × 5 h (the value, past the range).
    expect(outside.expectedHighPercent).toBeCloseTo(99.99087405193907, 10);
    expect(outside.expectedLowPercent).toBeLessThan(a.expectedLowPercent);
  });
});

describe('common-mode failures and redundancy that can serve', () => {
  it('five pods in two zones are not 1 − 3·10⁻¹²: the region takes them all at once', () => {
    const m = model({
      instanceFailuresPerYear: q(2),
      zoneOutagesPerYear: q(0.5),
      zoneOutageHours: q(2),
      regionOutagesPerYear: q(0.25),
      regionOutageHours: q(4),
      failover: { loadBalancer: { detectionS: q(30), switchS: q(0) } },
    });
    const a = run([component('pods', { copies: 5, autoscaled: true, placement: { zones: 2 } })], m);
    // Instances: 5 × 2 a year × ⅕ × 30 s = 60 s/yr; zones: ridden out; region: 0.25 × 14,400 = 3,600 s/yr.
    // (1 − 60/Y)(1 − 3,600/Y) = 0.9998840218154938 (python3).
    expect(a.expectedPercent).toBeCloseTo(99.98840218154938, 10);
  });

  it('counts a second region only when every hard dependency can serve from it', () => {
    // Region outages 0.25 a year of 4 h; a region failover takes 90 + 120 = 210 s.
    const m = model({ regionOutagesPerYear: q(0.25), regionOutageHours: q(4), failover: { region: { detectionS: q(90), switchS: q(120) } } });
    const lb = component('lb', { self: false, serves: ['lb'], placement: { zones: 2, regions: ['r1', 'r2'] } });
    const onePodRegion = run([lb, component('pods', { copies: 5, placement: { zones: 2, regions: ['r1'] } })], m);
    // r1 down: the balancer fails over in 210 s, but the pods are only in r1: 4 h lost → 0.25 × 14,400 s.
    expect(onePodRegion.expectedPercent).toBeCloseTo((1 - 3600 / Y) * 100, 10);
    expect(onePodRegion.dominant?.component).toBe('pods');
    const bothRegions = run([lb, component('pods', { copies: 5, placement: { zones: 2, regions: ['r1', 'r2'] } })], m);
    // r1 down: both fail over in 210 s → 0.25 × 210 = 52.5 s/yr; r2 (passive) down: nothing lost.
    expect(bothRegions.expectedPercent).toBeCloseTo((1 - 52.5 / Y) * 100, 10);
  });

  it('loses a single-zone database for the whole zone outage, a Multi-AZ one for its failover', () => {
    const m = model({ zoneOutagesPerYear: q(0.5), zoneOutageHours: q(2), failover: { database: { detectionS: q(30), switchS: q(10) } } });
    const db = (zones: number) => component('db', { copies: 2, kind: 'database', serves: ['db'], database: { readers: 1, failover: 'automatic' }, placement: { zones } });
    // One zone: writer and reader go together, 0.5 × 7,200 s; two zones: 0.5 × 40 s.
    expect(run([db(1)], m).expectedPercent).toBeCloseTo((1 - 3600 / Y) * 100, 10);
    expect(run([db(2)], m).expectedPercent).toBeCloseTo((1 - 20 / Y) * 100, 10);
  });

  it('switches CDN providers in the steering time; a lone provider is down for its whole incident', () => {
    const m = model({ edgeOutagesPerYear: q(0.5), edgeOutageHours: q(1.5), failover: { cdn: { detectionS: q(90), switchS: q(60) } } });
    const cdn = (regions: string[]) => component('cdn', { self: false, serves: ['edge'], kind: 'cdn', placement: { zones: 1, regions } });
    // One provider: 0.5 × 5,400 s. Two: the active one's incidents cost 0.5 × 150 s; the other's nothing.
    expect(run([cdn(['edge:a'])], m).expectedPercent).toBeCloseTo((1 - 2700 / Y) * 100, 10);
    expect(run([cdn(['edge:a', 'edge:b'])], m).expectedPercent).toBeCloseTo((1 - 75 / Y) * 100, 10);
    expect(run([cdn(['edge:a'])], m).dominant).toMatchObject({ component: 'cdn', domain: 'edge' });
  });

  it('restores a lone autoscaled instance automatically and a lone fixed one by hand', () => {
    const m = model({ instanceFailuresPerYear: q(1), instanceRecoveryMinutes: q(10), manualRecoveryMinutes: q(60) });
    expect(run([component('asg', { autoscaled: true })], m).expectedPercent).toBeCloseTo((1 - 600 / Y) * 100, 10);
    expect(run([component('vps')], m).expectedPercent).toBeCloseTo((1 - 3600 / Y) * 100, 10);
    // A declared recovery wins: the writer whose only reader is in another region is recreated (10 min).
    const writer = component('db', { copies: 2, kind: 'database', serves: ['db'], database: { readers: 1, failover: 'automatic' }, placement: { zones: 3, recovery: 'single' } });
    expect(run([writer], m).expectedPercent).toBeCloseTo((1 - 600 / Y) * 100, 10);
  });
});
