import { describe, expect, it } from 'vitest';
import type { Component, Phase } from '../../src/model/catalog-types.js';
import type { PriceLookup } from '../../src/model/cost.js';
import { FINDING_CODES, HEADROOM_WARNING_PERCENT, findingsOf, verdictOf, type Finding, type FindingCodeName } from '../../src/model/findings.js';
import { headroom } from '../../src/model/headroom.js';
import { METRICS } from '../../src/model/metrics.js';
import { sizePlan, type Thresholds } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { app, book, catalog, db, phase, thresholds } from './fixture-catalog.js';

// Each finding is checked on both sides of its limit, on the fixture of ./fixture-catalog.ts. The figures
// at 6,000 users are worked out by hand in plan.test.ts: 60 req/s at the peak, app 3 × 2 vCPU at 50 % CPU,
// P95 238.908 ms, DB utilisation 0.00006·N, availability 99.8 % (db dominates), cost $292.50.

interface Case {
  phase?: Partial<Phase>;
  app?: Partial<Component>;
  db?: Partial<Component>;
  users?: number;
  thresholds?: Thresholds;
  book?: PriceLookup;
  withHeadroom?: boolean;
}

function findings(c: Case = {}): Finding[] {
  const p: Phase = { ...phase, ...c.phase, components: [{ ...app, ...c.app }, { ...db, ...c.db }, phase.components[2]!] };
  const cat = { ...catalog, phases: [p] };
  const users = c.users ?? 6000;
  const t = c.thresholds ?? thresholds;
  const plan = sizePlan(cat, p, users, t);
  const cost = pricePlan(plan, c.book ?? book);
  return findingsOf({ plan, cost, headroom: c.withHeadroom ? headroom(cat, p, users, t) : undefined });
}

const codes = (list: Finding[]) => list.map((f) => f.code);
const one = (list: Finding[], code: FindingCodeName) => list.filter((f) => f.code === code);
const autoscaled = (max: number, requestsPerTargetPerMin?: number): Partial<Component> => ({
  count: { kind: 'autoscaled', min: 2, max, targetUtilization: 0.5, requestsPerTargetPerMin },
});
const slo = (change: Partial<Phase['slo']>): Partial<Phase> => ({ slo: { ...phase.slo, ...change } });

describe('the published lists', () => {
  it('every finding code names a metric of the one list, and its unit', () => {
    for (const def of Object.values(FINDING_CODES)) expect(Object.keys(METRICS)).toContain(def.metric);
  });
  it('names the headroom warning threshold', () => {
    expect(HEADROOM_WARNING_PERCENT).toBe(20);
  });
});

describe('findings on both sides of each limit', () => {
  it('the fixture at 6,000 users fails only availability and budget', () => {
    // Availability 99.8 % < 99.9 %; cost $292.50 > $200.
    expect(codes(findings())).toEqual(['availability-short', 'over-budget']);
  });

  it('latency-over-slo: P95 238.908 ms against a target just above and just below it', () => {
    // With the app capped at its 3 instances the sizer cannot add one, so the target decides.
    const at = (targetMs: number) => findings({ app: autoscaled(3), phase: slo({ latency: { percentile: 95, targetMs } }) });
    expect(one(at(238.91), 'latency-over-slo')).toEqual([]);
    const [f] = one(at(238.9), 'latency-over-slo');
    expect(f).toMatchObject({ severity: 'fail', subject: 'phase:1', metric: 'p95-ms', limit: 238.9, unit: 'ms' });
    expect(f!.value).toBeCloseTo(238.90800532296012, 6);
    expect(verdictOf(at(238.9)).exhausted).toBe(true);
    expect(verdictOf(at(238.91)).exhausted).toBe(false);
  });

  it('cpu-over-scaling-target and tier-exhausted: 3 vCPU busy on 2 or 3 instances of 2 vCPU at a 50 % target', () => {
    // 60 req/s × 0.05 s = 3 busy vCPU: 3 instances → 3/6 = 50 % (= the target, passes); 2 instances → 3/4 = 75 %.
    expect(one(findings({ app: autoscaled(3) }), 'cpu-over-scaling-target')).toEqual([]);
    const capped = findings({ app: autoscaled(2) });
    const [cpu] = one(capped, 'cpu-over-scaling-target');
    expect(cpu).toMatchObject({ subject: 'app', metric: 'cpu', limit: 50, unit: '%' });
    expect(cpu!.value).toBeCloseTo(75, 9);
    expect(one(capped, 'tier-exhausted')).toEqual([
      { code: 'tier-exhausted', severity: 'fail', subject: 'app', metric: 'instances', value: 2, limit: 2, unit: 'instances' },
    ]);
    expect(one(findings({ app: autoscaled(3) }), 'tier-exhausted')).toEqual([]);
  });

  it('cpu-over-alert: the fixed database crosses 80 % between 13,333 and 13,334 users', () => {
    // DB utilisation = 0.1·N × 0.1 × 2 visits × 0.003 s = 0.00006·N: 0.79998 and 0.80004.
    expect(one(findings({ users: 13333 }), 'cpu-over-alert')).toEqual([]);
    const [f] = one(findings({ users: 13334 }), 'cpu-over-alert');
    expect(f).toMatchObject({ subject: 'db', limit: 80 });
    expect(f!.value).toBeCloseTo(80.004, 9);
  });

  it('connections-over-alert: 0.5625 connections in use of a pool of 1, against 57 % and 56 %', () => {
    // Little's law: L = λ·W = 120 × 1/(333.33 − 120) = 0.5625 → 56.25 % of one connection.
    const pool = { db: { instance: { type: 'db.test', vcpus: 1, memoryGb: 2, connections: 1 } } };
    expect(one(findings({ ...pool, thresholds: { cpuUtilization: 0.8, dbConnections: 0.57 } }), 'connections-over-alert')).toEqual([]);
    const [f] = one(findings({ ...pool, thresholds: { cpuUtilization: 0.8, dbConnections: 0.56 } }), 'connections-over-alert');
    expect(f).toMatchObject({ subject: 'db', metric: 'connections', unit: '% of pool' });
    expect(f!.value).toBeCloseTo(56.25, 9);
    expect(f!.limit).toBeCloseTo(56, 9);
  });

  it('availability-short: 99.8 % against 99.79 % and 99.9 %, naming the component that dominates', () => {
    expect(one(findings({ phase: slo({ availability: 99.79 }) }), 'availability-short')).toEqual([]);
    const [f] = one(findings(), 'availability-short');
    expect(f).toMatchObject({ subject: 'db', metric: 'availability', limit: 99.9, unit: '%' });
    expect(f!.value).toBeCloseTo(99.8, 9);
  });

  it('error-rate-over-slo: an assumed 0.05 % must be strictly under the SLO', () => {
    expect(one(findings({ phase: slo({ errorRate: 0.00051 }) }), 'error-rate-over-slo')).toEqual([]);
    expect(one(findings({ phase: slo({ errorRate: 0.0005 }) }), 'error-rate-over-slo')).toEqual([
      { code: 'error-rate-over-slo', severity: 'fail', subject: 'phase:1', metric: 'error-rate', value: 0.05, limit: 0.05, unit: '%' },
    ]);
    // No SLO error rate: nothing to break.
    expect(one(findings(), 'error-rate-over-slo')).toEqual([]);
  });

  it('over-budget: $292.50 against a budget ending at $292.50 and at $292.49', () => {
    expect(one(findings({ phase: { budgetUsd: { min: 100, max: 292.5 } } }), 'over-budget')).toEqual([]);
    expect(one(findings({ phase: { budgetUsd: { min: 100, max: 292.49 } } }), 'over-budget')).toEqual([
      { code: 'over-budget', severity: 'fail', subject: 'phase:1', metric: 'cost', value: 292.5, limit: 292.49, unit: 'USD' },
    ]);
  });

  it('headroom-low: the phase serves 13,333 users, 20.009 % over 11,110 but 19.998 % over 11,111', () => {
    expect(one(findings({ users: 11110, withHeadroom: true }), 'headroom-low')).toEqual([]);
    const [f] = one(findings({ users: 11111, withHeadroom: true }), 'headroom-low');
    expect(f).toMatchObject({ severity: 'warn', metric: 'headroom', limit: 20, unit: '%' });
    expect(f!.value).toBeCloseTo((13333 / 11111 - 1) * 100, 9);
    // At its very top the phase has 0 % left: still a warning. Past it, capacity fails instead.
    expect(one(findings({ users: 13333, withHeadroom: true }), 'headroom-low').map((x) => x.value)).toEqual([0]);
    expect(one(findings({ users: 13334, withHeadroom: true }), 'headroom-low')).toEqual([]);
    // A phase that serves not even its smallest load has no headroom to warn about (latency fails instead).
    const none = findings({ phase: slo({ latency: { percentile: 95, targetMs: 1 } }), withHeadroom: true });
    expect(codes(none)).toContain('latency-over-slo');
    expect(one(none, 'headroom-low')).toEqual([]);
  });

  it('requests-per-target-over: 3 instances at their maximum take 1,200 requests/min each', () => {
    // 60 req/s ÷ 3 instances × 60 s = 1,200 per instance per minute.
    expect(one(findings({ app: autoscaled(3, 1200) }), 'requests-per-target-over')).toEqual([]);
    expect(one(findings({ app: autoscaled(3, 1000) }), 'requests-per-target-over')).toEqual([
      { code: 'requests-per-target-over', severity: 'warn', subject: 'app', metric: 'requests-per-target', value: 1200, limit: 1000, unit: 'requests/min' },
    ]);
  });

  it('availability-unrated: an on-path component without an availability figure', () => {
    expect(one(findings(), 'availability-unrated')).toEqual([]);
    expect(codes(findings({ db: { availability: undefined } }))).toContain('availability-unrated');
    expect(one(findings({ db: { availability: undefined } }), 'availability-unrated')[0]).toMatchObject({ subject: 'db', value: null, severity: 'info' });
  });

  it('unverified-prices: counts the lines priced from estimates', () => {
    expect(one(findings(), 'unverified-prices')).toEqual([]);
    const estimates: PriceLookup = { name: 'estimates', price: (key) => ({ ...book.price(key), verified: key !== 'db:month' }) };
    expect(one(findings({ book: estimates }), 'unverified-prices')).toEqual([
      { code: 'unverified-prices', severity: 'info', subject: 'phase:1', metric: 'unverified-lines', value: 1, limit: null, unit: 'lines' },
    ]);
  });

  it('unquoted-component: only a book that charges quoted figures makes a component without a quote free', () => {
    const quotes: PriceLookup = {
      name: 'quotes',
      basis: 'component-quote',
      price: (key) => ({ key, usdPerUnit: key.endsWith(':app') ? 100 : key.endsWith(':db') ? 50 : 0, unit: 'month', verified: !key.endsWith(':mon'), source: 'test' }),
    };
    expect(one(findings({ book: quotes }), 'unquoted-component')).toEqual([
      { code: 'unquoted-component', severity: 'info', subject: 'mon', metric: 'cost', value: 0, limit: null, unit: 'USD' },
    ]);
    expect(one(findings(), 'unquoted-component')).toEqual([]);
  });
});

describe('verdictOf', () => {
  const f = (code: FindingCodeName): Finding => ({ code, severity: FINDING_CODES[code].severity, subject: 's', metric: FINDING_CODES[code].metric, value: 1, limit: 1, unit: '' });

  it('is ok exactly when no finding fails', () => {
    expect(verdictOf([])).toEqual({ ok: true, exhausted: false, capacityOk: true, overBudget: false, availabilityShort: false });
    expect(verdictOf([f('headroom-low'), f('unverified-prices')]).ok).toBe(true);
    for (const code of Object.keys(FINDING_CODES) as FindingCodeName[]) {
      expect(verdictOf([f(code)]).ok).toBe(FINDING_CODES[code].severity !== 'fail');
    }
  });

  it('derives exhausted, capacity, budget and availability from the codes alone', () => {
    expect(verdictOf([f('tier-exhausted')])).toMatchObject({ exhausted: true, capacityOk: false });
    expect(verdictOf([f('cpu-over-alert')])).toMatchObject({ exhausted: false, capacityOk: false });
    expect(verdictOf([f('error-rate-over-slo')])).toMatchObject({ ok: false, capacityOk: true });
    expect(verdictOf([f('over-budget')])).toMatchObject({ overBudget: true, capacityOk: true });
    expect(verdictOf([f('availability-short')])).toMatchObject({ availabilityShort: true });
  });
});
