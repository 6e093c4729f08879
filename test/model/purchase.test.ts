import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import type { Discounts } from '../../src/model/catalog-types.js';
import { sumMoney } from '../../src/model/money.js';
import { sizePlan, thresholdsOf } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { pricePurchase } from '../../src/model/purchase.js';
import { analyseLines } from '../../src/model/purchase-lines.js';
import { committability, commitmentRates, spotHourlyUsd, type CommitmentRate, type ReservationLookup } from '../../src/model/purchase-rates.js';
import { bookReservations } from '../../src/pricing/book-reservations.js';
import { loadSnapshotPriceBook, parseReservedKey } from '../../src/pricing/index.js';

const { catalog } = loadCatalog();
const snapshot = loadSnapshotPriceBook();
const thresholds = thresholdsOf(catalog);
const discounts = catalog.discounts!;
const reservations = bookReservations(snapshot);

describe('committable lines', () => {
  it.each([
    ['ec2:t3.medium', 'hour', true],
    ['ec2:m5.large', 'hour', true],
    ['rds:db.r6g.large:aurora-postgresql', 'hour', true],
    ['rds:db.t3.micro:postgresql:single-az', 'hour', true],
    ['elasticache:cache.t3.small', 'hour', true],
    ['rds:serverless-v2:aurora-postgresql', 'acu-hour', false],
    ['fargate:vcpu-hour', 'vcpu-hour', false],
    ['ebs:gp3:gb-month', 'gb-month', false],
    ['alb:hour', 'hour', false],
    ['sagemaker:ml.m5.large', 'hour', false],
    ['digitalocean:s-1vcpu-2gb', 'month', false],
    ['ec2:t3.medium:ri-1y-standard-no-upfront', 'hour', false],
  ])('%s per %s → %s', (key, unit, expected) => {
    const verdict = committability(key, unit);
    expect(verdict.committable).toBe(expected);
    if (!verdict.committable) expect(verdict.reason.length).toBeGreaterThan(10);
  });
});

describe('reservations read from the book', () => {
  it('takes an all-upfront reservation as upfront = year × term and effective = upfront ÷ (8760 × term)', () => {
    // ec2:t3.medium:ri-3y-standard-all-upfront is $137 a year → $411 upfront; 411 / 26,280 h = $0.0156393/h.
    const r = reservations.reservation('ec2:t3.medium', 3, 'all')!;
    expect(r.upfrontUsd).toBeCloseTo(411, 9);
    expect(r.hourlyUsd).toBe(0);
    expect(r.effectiveHourlyUsd).toBeCloseTo(411 / 26280, 12);
  });

  it('takes no-upfront from the hour key, and counts a partial upfront with only its hourly half as absent', () => {
    expect(reservations.reservation('ec2:t3.medium', 1, 'none')!.effectiveHourlyUsd).toBe(0.0261);
    // The snapshot has ec2:t3.medium:ri-1y-standard-partial-upfront:hourly but no :upfront half.
    expect(snapshot.has('ec2:t3.medium:ri-1y-standard-partial-upfront:hourly')).toBe(true);
    expect(reservations.reservation('ec2:t3.medium', 1, 'partial')).toBeUndefined();
  });
});

const UPFRONT_RANK = { all: 0, partial: 1, none: 2 } as const;

/** AWS's order: more upfront is never dearer, a longer term is never dearer. */
function expectAwsOrder(rates: readonly CommitmentRate[]) {
  for (const a of rates) {
    for (const b of rates) {
      if (a.kind !== b.kind) continue;
      if (a.termYears >= b.termYears && UPFRONT_RANK[a.upfront] <= UPFRONT_RANK[b.upfront]) {
        expect(a.effectiveHourlyUsd, `${a.kind} ${a.termYears}y ${a.upfront} ≤ ${b.termYears}y ${b.upfront}`).toBeLessThanOrEqual(b.effectiveHourlyUsd + 1e-12);
      }
    }
  }
}

describe('invariants on the price data and the discount math', () => {
  it("every reservation in the book is below its on-demand price", () => {
    const reserved = snapshot.keys().map((key) => [key, parseReservedKey(key)] as const).filter(([, parsed]) => parsed !== undefined && parsed.part === undefined);
    expect(reserved.length).toBeGreaterThan(10);
    for (const [key, parsed] of reserved) {
      const quote = snapshot.price(key);
      const hourly = quote.unit === 'year' ? quote.usdPerUnit / 8760 : quote.usdPerUnit;
      expect(hourly, key).toBeLessThan(snapshot.price(parsed!.baseKey).usdPerUnit);
    }
  });

  const lines = catalog.phases.flatMap((phase) => {
    const cost = pricePlan(sizePlan(catalog, phase, phase.users.max, thresholds), snapshot);
    return cost.components.flatMap((c) => c.lines).filter((line) => committability(line.priceKey, line.unit).committable);
  });

  it.each(lines.map((line) => [line.priceKey, line] as const))('%s: every reserved and savings rate is below on-demand, in AWS order', (_key, line) => {
    const verdict = committability(line.priceKey, line.unit);
    if (!verdict.committable) throw new Error('filtered above');
    const rates = commitmentRates({ key: line.priceKey, usdPerUnit: line.usdPerUnit, unit: line.unit, verified: true, source: 'test' }, verdict.service, discounts, reservations);
    expect(rates.length).toBeGreaterThanOrEqual(6);
    for (const rate of rates) expect(rate.effectiveHourlyUsd).toBeLessThan(line.usdPerUnit);
    expectAwsOrder(rates);
    // Savings plans cover EC2 only.
    expect(rates.some((r) => r.kind === 'savings-plan')).toBe(verdict.service === 'ec2');
  });

  it("clamps a catalog-derived rate into AWS's order around the book's rates", () => {
    // The book's 1-year no-upfront is $0.05 against $0.10 on demand (50 % off); the catalog's 1-year partial upfront
    // says 40 % off → $0.06, dearer than no upfront: it is lowered to $0.05. Its all upfront (42 % → $0.058) is too.
    const fake: ReservationLookup = {
      reservation: (_key, term, upfront) =>
        term === 1 && upfront === 'none' ? { keys: ['x:ri'], hourlyUsd: 0.05, upfrontUsd: 0, effectiveHourlyUsd: 0.05, source: 'fake' } : undefined,
    };
    const rates = commitmentRates({ key: 'ec2:x.large', usdPerUnit: 0.1, unit: 'hour', verified: true, source: 'test' }, 'ec2', discounts, fake);
    const partial = rates.find((r) => r.kind === 'reserved' && r.termYears === 1 && r.upfront === 'partial')!;
    expect(partial.effectiveHourlyUsd).toBeCloseTo(0.05, 12);
    expect(partial.note).toMatch(/clamped/);
    // Half the term upfront: 0.05 × 8760 / 2 = $219, and $0.025 an hour.
    expect(partial.upfrontUsd).toBeCloseTo(219, 9);
    expect(partial.hourlyUsd).toBeCloseTo(0.025, 12);
    expectAwsOrder(rates);
  });
});

describe("rates derived from the catalog's discounts when the book quotes none", () => {
  const none: ReservationLookup = { reservation: () => undefined };
  const od = { key: 'ec2:x.large', usdPerUnit: 0.1, unit: 'hour', verified: true, source: 'test' } as const;
  const pick = (rates: CommitmentRate[]) => rates.map((r) => [r.kind, r.termYears, r.upfront, r.effectiveHourlyUsd, r.hourlyUsd, r.upfrontUsd]);

  it('takes $0.10 × (1 − discount), with partial upfront paying half the term upfront and all upfront all of it', () => {
    // Bundled discounts: reserved 1 y 37 / 40 / 42 %, 3 y 57 / 59 / 62 % (none / partial / all upfront); savings
    // plans 28 % (1 y) and 50 % (3 y). A term year is 8,760 hours: 1 y partial = 0.06 × 8,760 / 2 = $262.80 upfront
    // and $0.03 an hour; 3 y all = 0.038 × 26,280 = $998.64.
    const rates = commitmentRates(od, 'ec2', discounts, none);
    const expected = [
      ['reserved', 1, 'none', 0.063, 0.063, 0],
      ['reserved', 1, 'partial', 0.06, 0.03, 262.8],
      ['reserved', 1, 'all', 0.058, 0, 508.08],
      ['reserved', 3, 'none', 0.043, 0.043, 0],
      ['reserved', 3, 'partial', 0.041, 0.0205, 538.74],
      ['reserved', 3, 'all', 0.038, 0, 998.64],
      ['savings-plan', 1, 'none', 0.072, 0.072, 0],
      ['savings-plan', 3, 'none', 0.05, 0.05, 0],
    ];
    pick(rates).forEach((row, i) => row.forEach((v, k) => (typeof v === 'number' ? expect(v).toBeCloseTo(expected[i]![k] as number, 9) : expect(v).toBe(expected[i]![k]))));
    expect(rates.every((r) => r.source === 'catalog discount')).toBe(true);
    expect(rates[0]!.priceKey).toBe('ec2:x.large × (1 − 0.37)');
    // Percentages as written: 0.57 × 100 and 0.28 × 100 are 56.99999999999999 and 28.000000000000004 in binary.
    expect(rates.map((r) => r.note)).toEqual([
      'discounts.reserved.options[0] (37 % off on-demand)',
      'discounts.reserved.options[1] (40 % off on-demand); partial upfront taken as half of the term paid upfront',
      'discounts.reserved.options[2] (42 % off on-demand)',
      'discounts.reserved.options[3] (57 % off on-demand)',
      'discounts.reserved.options[4] (59 % off on-demand); partial upfront taken as half of the term paid upfront',
      'discounts.reserved.options[5] (62 % off on-demand)',
      'discounts.savings_plans[0] (28 % off on-demand)',
      'discounts.savings_plans[1] (50 % off on-demand)',
    ]);
  });

  it('offers savings plans for EC2 only, and counts an option the catalog lists twice once, the first', () => {
    expect(commitmentRates({ ...od, key: 'rds:db.t3.medium' }, 'rds', discounts, none).map((r) => r.kind)).not.toContain('savings-plan');
    const first = discounts.reserved.options[0]!;
    const twice: Discounts = { ...discounts, reserved: { ...discounts.reserved, options: [first, { ...first, discount: { ...first.discount, value: 0.1 } }] }, savingsPlans: [] };
    expect(pick(commitmentRates(od, 'ec2', twice, none))).toEqual([['reserved', 1, 'none', 0.063, 0.063, 0]]);
  });

  it("raises a derived rate that would undercut a rate that must be cheaper than it, and says why", () => {
    // The book's 3-year all-upfront at $0.08 effective: the catalog's 1-year no-upfront ($0.063) may not be cheaper.
    const dear: ReservationLookup = {
      reservation: (_key, term, upfront) => (term === 3 && upfront === 'all' ? { keys: ['x:ri3'], hourlyUsd: 0, upfrontUsd: 0.08 * 26280, effectiveHourlyUsd: 0.08, source: 'fake' } : undefined),
    };
    const oneYear = commitmentRates(od, 'ec2', discounts, dear).find((r) => r.kind === 'reserved' && r.termYears === 1 && r.upfront === 'none')!;
    expect(oneYear.effectiveHourlyUsd).toBeCloseTo(0.08, 12);
    expect(oneYear.hourlyUsd).toBeCloseTo(0.08, 12);
    expect(oneYear.note).toBe('discounts.reserved.options[0] (37 % off on-demand); clamped to 0.08000 $/h so that it is no cheaper than a longer or more-upfront option');
  });
});

describe.each(catalog.phases.map((phase) => [phase.id, phase] as const))('purchase strategies on bundled phase %i', (_id, phase) => {
  const users = fc.integer({ min: Math.max(1, phase.users.min), max: phase.users.max });

  it('on-demand is today’s bill; no saving is negative; optimized costs no more than any single strategy', () => {
    fc.assert(
      fc.property(users, (n) => {
        const plan = sizePlan(catalog, phase, n, thresholds);
        const cost = pricePlan(plan, snapshot);
        const { purchase, cost: bought } = pricePurchase(plan, cost, { strategy: 'optimized', discounts, reservations });
        const rows = purchase.strategies;
        expect(rows.find((r) => r.strategy === 'on-demand')!.monthlyUsd).toBeCloseTo(cost.totalUsd, 2);
        const optimized = rows.find((r) => r.strategy === 'optimized')!;
        for (const row of rows) {
          expect(row.savingUsd, `${row.strategy} ${row.upfront}`).toBeGreaterThanOrEqual(0);
          expect(row.savingPercent).toBeGreaterThanOrEqual(0);
          expect(row.savingPercent).toBeLessThanOrEqual(100);
          expect(optimized.monthlyUsd, `optimized vs ${row.strategy} ${row.upfront}`).toBeLessThanOrEqual(row.monthlyUsd + 0.01);
        }
        // Each bought line is its parts, and the bill is its lines.
        for (const line of bought.components.flatMap((c) => c.lines)) if (line.parts) expect(line.monthlyUsd).toBe(sumMoney(line.parts));
        expect(bought.totalUsd).toBe(sumMoney(bought.components.flatMap((c) => c.lines)));
      }),
      { numRuns: 8 },
    );
  });
});

describe('a strategy priced by hand on phase 2 at 5,500 users', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const phase = catalog.phases.find((p) => p.id === 2)!;
    const plan = sizePlan(catalog, phase, 5500, thresholds);
    const cost = pricePlan(plan, snapshot);
    const app = plan.components.find((c) => c.component.id === 'app')!;
    return { plan, cost, app };
  };

  it('reserved-3y all upfront commits the daily minimum of t3.medium at $411 each', () => {
    const { plan, cost, app } = subject();
    const { purchase, cost: bought } = pricePurchase(plan, cost, { strategy: 'reserved-3y', upfront: 'all', discounts, reservations });
    const k = Math.min(...app.hourly);
    const commitment = purchase.commitments.find((c) => c.component === 'app')!;
    expect(commitment.units).toBe(k);
    // 3 years paid upfront: $137 a year × 3 = $411 per instance.
    expect(commitment.upfrontUsd).toBeCloseTo(411 * k, 2);
    const line = bought.components.find((c) => c.component === 'app')!.lines[0]!;
    const committed = line.parts!.find((p) => p.part === 'committed')!;
    // k × 730 h at 411 / 26,280 $/h; the rest of the instance-hours on demand at $0.0416.
    expect(committed.quantity).toBe(k * 730);
    expect(committed.monthlyUsd).toBeCloseTo(k * 730 * (411 / 26280), 5);
    const onDemand = line.parts!.find((p) => p.part === 'on-demand')!;
    expect(onDemand.quantity).toBeCloseTo(line.quantity - k * 730, 6);
    expect(onDemand.usdPerUnit).toBe(0.0416);
  });

  it('savings plans leave databases and caches on demand, and say why', () => {
    const { plan, cost } = subject();
    const { purchase } = pricePurchase(plan, cost, { strategy: 'savings-plan-1y', discounts, reservations });
    const reasons = purchase.onDemandLines.filter((l) => l.component === 'db' || l.component === 'cache').map((l) => l.reason);
    expect(reasons.some((r) => /cover EC2 only/.test(r))).toBe(true);
    expect(purchase.commitments.every((c) => c.priceKey.startsWith('ec2:'))).toBe(true);
  });

  it('refuses a payment the catalog does not list', () => {
    const { plan, cost } = subject();
    expect(() => pricePurchase(plan, cost, { strategy: 'savings-plan-1y', upfront: 'all', discounts, reservations })).toThrow(/list no 1-year option paid all upfront \(it lists none upfront\)/);
  });

  it('refuses a book that charges quotes', () => {
    const { plan, cost } = subject();
    const quoted = { ...cost, basis: 'component-quote' as const };
    expect(() => pricePurchase(plan, quoted, { strategy: 'spot', discounts, reservations })).toThrow(/itemised price book/);
  });

  it('one year and three years of cash: upfront at each term start plus the recurring charges', () => {
    const { plan, cost } = subject();
    const { purchase } = pricePurchase(plan, cost, { strategy: 'reserved-1y', upfront: 'all', discounts, reservations });
    const row = purchase.strategies.find((r) => r.strategy === 'reserved-1y' && r.upfront === 'all')!;
    // With 730 h a month, 12 months of the amortised bill equal 12 months of recurring charges + one upfront fee,
    // and three years renew the 1-year term twice: 36 × monthly.
    // (each figure rounded to the cent, so within a few cents.)
    expect(row.oneYearUsd).toBeCloseTo(12 * row.monthlyUsd, 0);
    expect(row.threeYearUsd).toBeCloseTo(36 * row.monthlyUsd, 0);
    expect(row.upfrontUsd).toBeGreaterThan(0);
  });
});

it('a catalog without spot options is refused by the schema, not here: discounts is typed', () => {
  const d: Discounts = discounts;
  expect(d.spot.onDemandFloor).toBe('min');
});

describe('one strategy priced alone', () => {
  const phase3 = catalog.phases.find((p) => p.id === 3)!;
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const plan = sizePlan(catalog, phase3, 50_000, thresholds);
    const onDemand = pricePlan(plan, snapshot);
    return { plan, onDemand };
  };

  it.each([
    { strategy: 'optimized' as const },
    { strategy: 'reserved-1y' as const },
    { strategy: 'reserved-3y' as const, upfront: 'all' as const },
    { strategy: 'spot' as const },
  ])('bills $strategy as the whole table does, and lists only its own rows', (asked) => {
    const { plan, onDemand } = subject();
    const input = { ...asked, discounts, reservations };
    const whole = pricePurchase(plan, onDemand, input);
    const alone = pricePurchase(plan, onDemand, input, { alone: true });
    expect(alone.cost).toEqual(whole.cost);
    expect(alone.purchase.commitments).toEqual(whole.purchase.commitments);
    expect(alone.purchase.strategies.every((row) => row.strategy === asked.strategy)).toBe(true);
    expect(whole.purchase.strategies.length).toBeGreaterThan(alone.purchase.strategies.length);
  });
});

describe('which lines a strategy may buy otherwise (phase 2 at 5,500 users)', () => {
  const subject = () => {
    const phase = catalog.phases.find((p) => p.id === 2)!;
    const plan = sizePlan(catalog, phase, 5500, thresholds);
    const cost = pricePlan(plan, snapshot);
    return { plan, cost, lines: analyseLines(plan, cost, discounts, reservations) };
  };

  it('an =instance_hours line buys, each hour, exactly the instances running: u_h = Q/H × p_h/mean(p) = p_h', () => {
    const { plan, lines } = subject();
    const app = lines.committable.find((l) => l.line.component === 'app')!;
    const hourly = plan.components.find((c) => c.component.id === 'app')!.hourly;
    expect(app.line.priceKey).toBe('ec2:t3.medium');
    app.profile.units.forEach((u, h) => expect(u).toBeCloseTo(hourly[h]!, 9));
    expect(app.profile.hoursPerMonth).toBe(730);
    expect(app.withoutSpot.spotEligible.every((u) => u === 0)).toBe(true);
  });

  it('the autoscaled EC2 app tier may use spot above its minimum of 2; the database may not', () => {
    const { lines } = subject();
    const app = lines.committable.find((l) => l.line.component === 'app')!;
    expect(app.spotEligible).toBe(true);
    // Spot is capped by the catalog's max share and never takes the floor's 2 instances.
    app.profile.spotEligible.forEach((spot, h) => {
      expect(spot).toBeLessThanOrEqual(Math.max(0, app.profile.units[h]! - 2) + 1e-9);
      expect(spot).toBeLessThanOrEqual(app.profile.units[h]! * discounts.spot.maxShare.value + 1e-9);
    });
    const db = lines.committable.find((l) => l.line.component === 'db');
    expect(db?.spotEligible ?? false).toBe(false);
    expect(db?.profile.spotEligible.every((u) => u === 0) ?? true).toBe(true);
  });

  it("spot's hourly price: on-demand × (1 − discount), raised for interruptions", () => {
    const { lines } = subject();
    const app = lines.committable.find((l) => l.line.component === 'app')!;
    expect(app.spotUsd).toBeCloseTo(spotHourlyUsd(0.0416, discounts.spot.discount.value, discounts.spot.interruptionRate.value), 12);
    expect(app.rates.length).toBeGreaterThan(0);
  });

  it('lines no strategy can buy stay on demand with their reason: storage, the load balancer, requests', () => {
    const { lines } = subject();
    const stays = new Map(lines.onDemand.map((l) => [l.priceKey, l]));
    for (const key of ['ebs:gp3:gb-month', 'alb:hour', 'apigw:http:million']) {
      expect(stays.get(key)?.reason.length, key).toBeGreaterThan(10);
    }
    expect(stays.get('alb:hour')).toMatchObject({ component: 'alb' });
    expect(lines.committable.every((l) => !stays.has(l.line.priceKey))).toBe(true);
  });

  it('the same line with the same discounts and book gets the same rates object (worked out once)', () => {
    const { plan, cost } = subject();
    const first = analyseLines(plan, cost, discounts, reservations).committable[0]!.rates;
    const again = analyseLines(plan, cost, discounts, reservations).committable[0]!.rates;
    expect(again).toBe(first);
    expect(analyseLines(plan, cost, { ...discounts }, reservations).committable[0]!.rates).not.toBe(first);
  });
});

describe('strategies the catalog does not list, and the notes a strategy carries (phase 2 at 5,500 users)', () => {
  const subject = () => {
    const phase = catalog.phases.find((p) => p.id === 2)!;
    const plan = sizePlan(catalog, phase, 5500, thresholds);
    return { plan, cost: pricePlan(plan, snapshot) };
  };
  /** The catalog's discounts with only the reserved options `keep` keeps. */
  const reservedOnly = (keep: (o: { termYears: number; upfront: string }) => boolean): Discounts => ({
    ...discounts,
    reserved: { ...discounts.reserved, options: discounts.reserved.options.filter(keep) },
  });

  it('a term with no option at all: choose another strategy', () => {
    const { plan, cost } = subject();
    const only1y = reservedOnly((o) => o.termYears === 1);
    expect(() => pricePurchase(plan, cost, { strategy: 'reserved-3y', discounts: only1y, reservations })).toThrow(
      "--purchase reserved-3y: the catalog's discounts.reserved.options list no 3-year option; add one to the catalog or choose another strategy",
    );
  });

  it('a payment the term does not list: the ones it does, and choose another payment', () => {
    const { plan, cost } = subject();
    const noneOnly = reservedOnly((o) => o.upfront === 'none');
    expect(() => pricePurchase(plan, cost, { strategy: 'reserved-1y', upfront: 'partial', discounts: noneOnly, reservations })).toThrow(
      "--purchase reserved-1y --upfront partial: the catalog's discounts.reserved.options list no 1-year option paid partial upfront (it lists none upfront); add one to the catalog or choose another payment",
    );
  });

  it('a rate the book lacks is derived from the catalog, and a derived partial upfront says how it is split', () => {
    const { plan, cost } = subject();
    // The snapshot has no 1-year partial-upfront fee for t3.medium (only its hourly half): the catalog's 40 % is used.
    const { purchase } = pricePurchase(plan, cost, { strategy: 'reserved-1y', upfront: 'partial', discounts, reservations });
    expect(purchase.commitments.some((c) => c.source === 'catalog discount' && c.upfront === 'partial')).toBe(true);
    expect(purchase.notes).toContain('rates marked "catalog discount" are on-demand \u00d7 (1 \u2212 the catalog\'s discount): the price book has no such reservation or plan');
    expect(purchase.notes).toContain('a catalog-derived partial-upfront rate pays half of the term upfront and half by the hour (an assumption: AWS splits it roughly so)');
  });

  it('rates all from the book carry no note about derived rates', () => {
    const { plan, cost } = subject();
    const { purchase } = pricePurchase(plan, cost, { strategy: 'reserved-3y', upfront: 'all', discounts, reservations });
    expect(purchase.commitments.filter((c) => c.component === 'app').every((c) => c.source !== 'catalog discount')).toBe(true);
    expect(purchase.notes.some((n) => n.startsWith('a catalog-derived partial-upfront'))).toBe(false);
  });

  it('on demand is the bill itself: nothing committed, nothing saved, no spot note', () => {
    const { plan, cost } = subject();
    const { purchase, cost: bought } = pricePurchase(plan, cost, { strategy: 'on-demand', discounts, reservations });
    expect(bought.totalUsd).toBeCloseTo(cost.totalUsd, 6);
    expect(purchase.commitments).toEqual([]);
    const row = purchase.strategies.find((r) => r.strategy === 'on-demand')!;
    expect(row).toMatchObject({ savingUsd: 0, savingPercent: 0, upfrontUsd: 0, breakEvenUtilization: null });
    expect(purchase.notes.some((n) => n.startsWith('spot:'))).toBe(false);
  });

  it('spot puts part of the app tier on spot and says on what terms', () => {
    const { plan, cost } = subject();
    const { purchase, cost: bought } = pricePurchase(plan, cost, { strategy: 'spot', discounts, reservations });
    const parts = bought.components.find((c) => c.component === 'app')!.lines[0]!.parts!;
    expect(parts.map((p) => p.part)).toEqual(['spot', 'on-demand']);
    expect(parts[0]!.priceKey).toBe('ec2:t3.medium spot');
    expect(purchase.notes.some((n) => n.startsWith('spot: '))).toBe(true);
    expect(bought.totalUsd).toBeLessThan(cost.totalUsd);
  });

  it('optimized with a payment prices one more row, reservations paid that way only', () => {
    const { plan, cost } = subject();
    const plain = pricePurchase(plan, cost, { strategy: 'optimized', discounts, reservations }).purchase;
    const paid = pricePurchase(plan, cost, { strategy: 'optimized', upfront: 'all', discounts, reservations }).purchase;
    expect(paid.strategies).toHaveLength(plain.strategies.length + 1);
    expect(paid.strategies.at(-1)).toMatchObject({ strategy: 'optimized', upfront: 'all' });
    expect(paid.commitments.every((c) => c.upfront === 'all')).toBe(true);
  });
});
