import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../src/catalog/formula.js';
import { loadCatalog } from '../../src/catalog/index.js';
import type { Component, Formula, Phase } from '../../src/model/catalog-types.js';
import { priceLine, type PriceLookup } from '../../src/model/cost.js';
import { lineClass } from '../../src/model/line-class.js';
import { componentScope, sizePlan, thresholdsOf } from '../../src/model/plan.js';
import { floorCost, floorSplit, pricePlan } from '../../src/model/price-plan.js';
import { simulate } from '../../src/model/simulate-result.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { app, book, catalog, db, formula, monitoring, phase, thresholds } from './fixture-catalog.js';

const snapshot = loadSnapshotPriceBook();
const compiled = (text: string): Formula => {
  const result = compileFormula(text);
  if (!result.ok) throw new Error(result.message);
  return result.formula;
};

describe('the floor and the variable part of one phase', () => {
  // The fixture (./fixture-catalog.ts) at 6,000 users: app 2 instances for 12 h and 3 for 12 h (plan.test.ts),
  // db one flat $50, monitoring 6,000 × 0.01 = 60 units × $1.
  //   total = 1,825 h × $0.10 + $50 + $60 = 182.50 + 50 + 60 = $292.50.
  // At 0 users there is no load: the app runs its minimum, 2 instances, all 24 hours, and monitoring reads 0 users:
  //   floor = 2 × 730 h × $0.10 + $50 + 0 = 146 + 50 = $196.00; variable = 292.50 − 196.00 = $96.50.
  it('prices the plan sized at 0 users as the floor and the rest as variable', () => {
    const total = pricePlan(sizePlan(catalog, phase, 6000, thresholds), book).totalUsd;
    const floor = floorCost(catalog, phase, thresholds, book);
    expect(total).toBe(292.5);
    expect(floor.components.map((c) => c.monthlyUsd)).toEqual([146, 50, 0]);
    expect(floorSplit(total, floor.totalUsd)).toEqual({ floorUsd: 196, variableUsd: 96.5 });
  });

  it('splits the total by line class: app per request (autoscaled), db fixed, monitoring per user', () => {
    const cost = pricePlan(sizePlan(catalog, phase, 6000, thresholds), book);
    expect(cost.components.flatMap((c) => c.lines.map((l) => [l.component, l.class]))).toEqual([
      ['app', 'per-request'],
      ['db', 'fixed'],
      ['mon', 'per-user'],
    ]);
    expect(cost.byClassUsd).toEqual({ fixed: 50, 'per-user': 60, 'per-request': 182.5 });
  });

  it('reports floorUsd + variableUsd = totalUsd in the simulate result', () => {
    const result = simulate({ catalog, phase, selectedBy: 'range', users: 6000, book: { ...book, description: 'test prices' }, compareBook: null, thresholds });
    expect(result.cost).toMatchObject({ totalUsd: 292.5, floorUsd: 196, variableUsd: 96.5, byClassUsd: { fixed: 50, perUser: 60, perRequest: 182.5 } });
    expect(result.cost.components[0]!.lines[0]).toMatchObject({ class: 'per-request', freeQuantity: 0 });
  });

  it('rounds the split so that it adds up to the cent', () => {
    // 10.005 → 10.01 (half away from zero); 3.333 → 3.33; variable = 10.01 − 3.33 = 6.68.
    expect(floorSplit(10.005, 3.333)).toEqual({ floorUsd: 3.33, variableUsd: 6.68 });
  });
});

describe('free allowances', () => {
  // CloudFront's always-free tier: 1 TB (1,024 GB) out a month (aws.amazon.com/cloudfront/pricing); $0.085/GB beyond.
  const gb = (quantity: number) => ({ component: 'cdn', description: 'transfer', priceKey: 'cloudfront:us:gb', quantity, unit: 'gb' as const, class: 'per-user' as const });

  it('charges nothing below the allowance and only the excess above it', () => {
    expect(priceLine(gb(1000), snapshot)).toMatchObject({ freeQuantity: 1000, monthlyUsd: 0 });
    expect(priceLine(gb(1024), snapshot)).toMatchObject({ freeQuantity: 1024, monthlyUsd: 0 });
    // (1,250 − 1,024) GB × 0.085 = 226 × 0.085 = 19.21.
    expect(priceLine(gb(1250), snapshot)).toMatchObject({ freeQuantity: 1024, monthlyUsd: 19.21 });
    // 10 M HTTPS requests free: (961 − 10) M × $1.00 = $951.
    const requests = { ...gb(961), priceKey: 'cloudfront:us:https-requests', unit: 'million-requests' as const };
    expect(priceLine(requests, snapshot).monthlyUsd).toBe(951);
  });

  it('takes what earlier lines of the bill left of the allowance', () => {
    // 800 GB already free elsewhere: 224 GB of the allowance remain; (800 − 224) × 0.085 = 576 × 0.085 = 48.96.
    expect(priceLine(gb(800), snapshot, 800)).toMatchObject({ freeQuantity: 224, monthlyUsd: 48.96 });
    expect(priceLine(gb(800), snapshot, 5000)).toMatchObject({ freeQuantity: 0, monthlyUsd: 68 });
  });

  it('shares one allowance per key across the whole bill, in catalog order', () => {
    // Monitoring bills users × 0.01 units twice under one key with 50 units free a month, at $1 a unit.
    // At 6,000 users each line is 60 units: the first takes 50 free and pays 10, the second pays all 60.
    // At 4,000 users each line is 40: the first is free, the second takes the last 10 free and pays 30.
    const freeBook: PriceLookup = { name: 'free', price: (key) => ({ ...book.price(key), ...(key === 'mon:user' ? { freeQuantity: 50 } : {}) }) };
    const twice: Component = { ...monitoring, cost: [...monitoring.cost, ...monitoring.cost] };
    const twoLines: Phase = { ...phase, components: [app, db, twice] };
    const at = (users: number) => pricePlan(sizePlan(catalog, twoLines, users, thresholds), freeBook).components[2]!.lines.map((l) => [l.freeQuantity, l.monthlyUsd]);
    expect(at(6000)).toEqual([
      [50, 10],
      [0, 60],
    ]);
    expect(at(4000)).toEqual([
      [40, 0],
      [10, 30],
    ]);
  });
});

describe('whole worker nodes per hour', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const pods: Component = { ...app, id: 'pods', nodes: { podsPerNode: 3 } };
    const plan = sizePlan(catalog, phase, 6000, thresholds);
    return { pods, plan };
  };

  it('bills ceil(pods / pods_per_node) nodes in every hour of the day', () => {
    const { pods, plan } = subject();
    // 2 pods for 8 h, 7 for 10 h, 4 for 6 h; 3 pods per node → 1, 3 and 2 nodes.
    //   Σ_h nodes = 8 × 1 + 10 × 3 + 6 × 2 = 50 node-hours a day → nodes = 50 / 24; node_hours = 50 × 730 / 24 = 1,520.83.
    // Fractions of a node would be Σ_h pods / 3 = (16 + 70 + 24) / 3 = 36.67 a day (1,115.28 a month): 27 % less.
    const hourly = [...Array<number>(8).fill(2), ...Array<number>(10).fill(7), ...Array<number>(6).fill(4)];
    const scope = componentScope(plan, { component: pods, hourly, peak: 7 });
    expect(scope.nodes).toBeCloseTo(50 / 24, 12);
    expect(scope.node_hours).toBeCloseTo((50 * 730) / 24, 9);
    expect(scope.instance_hours! / 3).toBeCloseTo((110 * 730) / 24 / 3, 9);
  });

  it('equals the instance count without packing', () => {
    const { plan } = subject();
    const usage = plan.components.find((c) => c.component.id === 'app')!;
    const scope = componentScope(plan, usage);
    expect(scope.nodes).toBe(scope.instances);
    expect(scope.node_hours).toBe(scope.instance_hours);
  });

  it('prices the bundled phase 3 API by whole m5.large nodes', () => {
    const { pods } = subject();
    // Five pods (the Deployment's minimum) on 3-pod nodes are 2 nodes all day: 2 × 730 = 1,460 node-hours at 0 users.
    const phase3 = loadCatalogPhase(3);
    const floor = floorCost(phase3.catalog, phase3.phase, phase3.thresholds, snapshot);
    const api = floor.components.find((c) => c.component === 'api')!;
    expect(api.lines[0]).toMatchObject({ priceKey: 'ec2:m5.large', quantity: 1460 });
    const standby = floor.components.find((c) => c.component === 'api-standby')!;
    expect(standby.lines[0]).toMatchObject({ priceKey: 'ec2:m5.large', quantity: 1460 });
  });
});

describe('line classes from formula variables', () => {
  const fixed: Component = db;
  const fromLoad: Component = { ...db, count: { kind: 'fixed', count: compiled('ceil(concurrent_users / 250)') } };
  it.each([
    ['a constant', 730, app, 'fixed'],
    ['hours only', compiled('2 * hours_per_month'), app, 'fixed'],
    ['an assumption only', compiled('base_db_storage_gb * 2'), fixed, 'fixed'],
    ['users', compiled('users * transfer_mb_per_active_minute'), fixed, 'per-user'],
    ['the design peak (from users)', compiled('concurrent_users / 100'), fixed, 'per-user'],
    ['monthly requests', compiled('monthly_requests / 1e6'), fixed, 'per-request'],
    ['requests and users: requests win', compiled('max(users, monthly_requests / 1e6)'), fixed, 'per-request'],
    ['instances of an autoscaled tier', compiled('instance_hours'), app, 'per-request'],
    ['worker nodes of an autoscaled tier', compiled('node_hours'), app, 'per-request'],
    ['instances of a fixed count', compiled('instance_hours'), fixed, 'fixed'],
    ['a fixed count × users', compiled('instances * max(20, users * storage_gb_per_user)'), fixed, 'per-user'],
    ['instances of a count read off the design peak', compiled('instance_hours'), fromLoad, 'per-user'],
  ] as const)('%s → %s', (_what, quantity, component, expected) => {
    expect(lineClass(quantity, component)).toBe(expected);
  });

  it('reads the variables a formula actually uses, not its text', () => {
    expect(lineClass(formula('users_total', () => 1, ['hours_per_month']), app)).toBe('fixed');
  });
});

function loadCatalogPhase(id: number) {
  const { catalog: bundled } = loadCatalog();
  return { catalog: bundled, phase: bundled.phases.find((p) => p.id === id)!, thresholds: thresholdsOf(bundled) };
}
