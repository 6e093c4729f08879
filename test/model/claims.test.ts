/**
 * The audit on the bundled catalog. With the seed book every cost is the document's own quote, so the expected
 * values follow from the catalog's numbers by hand (data/phases.yaml: quoted_total_usd per phase, revenue, kpis).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import type { Catalog, Claim, Kpi } from '../../src/model/catalog-types.js';
import { readBreakeven } from '../../src/model/claims-breakeven.js';
import { auditClaims, type ClaimRow } from '../../src/model/claims.js';
import { headroom } from '../../src/model/headroom.js';
import { withOverrides } from '../../src/model/overrides.js';
import { thresholdsOf } from '../../src/model/plan.js';
import { simulate } from '../../src/model/simulate-result.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { seedPriceBook } from '../../src/pricing/seed-book.js';

const { catalog } = loadCatalog();
const thresholds = thresholdsOf(catalog);
const seed = seedPriceBook(catalog);
const snapshot = loadSnapshotPriceBook();
// Audited before each test, not once when the file is collected: a mutation test (npm run mutate) counts a test as
// covering only the code that runs while it runs.
let seedAudit: ReturnType<typeof auditClaims>;
beforeEach(() => {
  seedAudit = auditClaims({ catalog, book: seed, thresholds });
});
const row = (id: string, rows: readonly ClaimRow[] = seedAudit.claims): ClaimRow => {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe('claims per phase, read at the top of the phase (seed book: the document’s quotes)', () => {
  it('phase 3: $980 / 100,000 = $0.0098 is within 5 % of the claimed $0.01 — holds, −2 %', () => {
    // |0.0098 − 0.01| = 0.0002 ≤ 0.05 × 0.01 = 0.0005; (0.0098 − 0.01) / 0.01 × 100 = −2
    expect(row('cost-per-user-phase-3')).toMatchObject({ phase: 3, users: 100_000, documentValue: 0.01, modelValue: 0.0098, holds: true, offByPercent: -2 });
    expect(row('cost-per-user-phase-3').quote).toEqual({ totalUsd: 980, users: 100_000, perUserUsd: 0.0098, holds: true, offByPercent: -2 });
  });

  it('phase 2: $335 / 10,000 = $0.0335, +11.67 % of $0.03, within its 15 %', () => {
    // |0.0335 − 0.03| = 0.0035 ≤ 0.15 × 0.03 = 0.0045; 0.0035 / 0.03 × 100 = 11.666… → 11.67
    expect(row('cost-per-user-phase-2')).toMatchObject({ modelValue: 0.0335, holds: true, offByPercent: 11.67 });
  });

  it('phase 1 "< $0.08": the document’s own $80 / 1,000 = $0.08 is not below $0.08 — off by 0 %', () => {
    expect(row('phase-1-cost-per-user')).toMatchObject({ phase: 1, users: 1000, modelValue: 0.08, holds: false, offByPercent: 0 });
  });

  it('MRR in phase 3: 25,000 premium × $3.99 + 20 schools × $49 = $100,730 ≥ $10K — holds, +907.3 %', () => {
    // premium = round(100,000 × (1 − 0.7 − 0.05)) = 25,000 at the 10,001+ step, $3.99;
    // schools = ⌈100,000 × 0.05 / 250⌉ = 20 at $49; (100,730 − 10,000) / 10,000 × 100 = 907.3
    expect(row('mrr-phase-3')).toMatchObject({ kind: 'kpi', group: 'business', phase: 3, users: 100_000, modelValue: 100_730, holds: true, offByPercent: 907.3 });
  });
});

describe('KPIs without a phase: at the top of every phase, holding only where each phase holds', () => {
  it('cost < $0.01 per user: $25/100, $80/1,000, $335/10,000 fail; $980/100,000 and $3,600/1,000,000 hold', () => {
    const r = row('cost-efficiency');
    expect(r.phases).toEqual([
      { phase: 0, users: 100, modelValue: 0.25, holds: false },
      { phase: 1, users: 1000, modelValue: 0.08, holds: false },
      { phase: 2, users: 10_000, modelValue: 0.0335, holds: false },
      { phase: 3, users: 100_000, modelValue: 0.0098, holds: true },
      { phase: 4, users: 1_000_000, modelValue: 0.0036, holds: true },
    ]);
    // The worst phase is 0: (0.25 − 0.01) / 0.01 × 100 = 2,400 %.
    expect(r).toMatchObject({ phase: 0, users: 100, modelValue: 0.25, holds: false, offByPercent: 2400 });
    expect(r.reason).toMatch(/^fails in phases 0, 1, 2; worst: phase 0 at 100 users/);
  });

  it('error rate < 0.1 %: the assumed 0.05 % in every phase — holds, −50 %', () => {
    // workload.error_rate = 0.0005; (0.0005 − 0.001) / 0.001 × 100 = −50
    const r = row('error-rate');
    expect(r).toMatchObject({ modelValue: 0.0005, holds: true, offByPercent: -50 });
    expect(r.phases!.every((p) => p.holds === true && p.modelValue === 0.0005)).toBe(true);
    expect(r.reason).toContain('an input, not a prediction');
  });

  it('latency and availability: each phase’s value is what simulate reports at the top of its range', () => {
    for (const [id, read] of [
      ['latency-p95', (s: ReturnType<typeof simulate>) => s.latency.valueMs],
      ['availability', (s: ReturnType<typeof simulate>) => s.availability.expectedPercent],
    ] as const) {
      for (const p of row(id).phases!) {
        const phase = catalog.phases.find((x) => x.id === p.phase)!;
        const s = simulate({ catalog, phase, selectedBy: 'range', users: phase.users.max, book: seed, compareBook: null, thresholds });
        expect(p.modelValue).toBe(read(s));
      }
    }
  });

  it('throughput is read as capacity: the design-peak rate at the most users the phase serves', () => {
    const phase0 = catalog.phases[0]!;
    const max = headroom(catalog, phase0, 100, thresholds).maxUsers!;
    // Phase 0: concurrent(N) = 50 + (100 − 50) × N / 100 = 50 + 0.5 N (clamped to N), × 0.2 requests per active user per s.
    const capacity = Math.min(max, 50 + 0.5 * max) * 0.2;
    const r = row('throughput');
    expect(r.phases![0]!.modelValue).toBeCloseTo(capacity, 2);
    expect(r.holds).toBe(false);
    // At its top phase 0 carries 100 concurrent users × 0.2 = 20 req/s.
    expect(r.reason).toContain('the load at its top is 20 req/s');
  });
});

describe('a KPI in a phase that is exhausted, or that cannot be judged', () => {
  it('an exhausted phase fails latency and error rate without a value, and is the worst phase', () => {
    // 50 requests per active user per second: 250× the catalog's 0.2, past every phase's autoscaling maximum.
    const heavy = withOverrides(catalog, [{ name: 'requests_per_active_user_per_s', value: 50 }]);
    const rows = auditClaims({ catalog: heavy, book: seed, thresholds: thresholdsOf(heavy) }).claims;
    for (const id of ['latency-p95', 'error-rate']) {
      const r = row(id, rows);
      expect(r).toMatchObject({ holds: false, modelValue: null, offByPercent: null, phase: 0 });
      expect(r.phases!.every((p) => p.holds === false && p.modelValue === null)).toBe(true);
      expect(r.reason).toMatch(/^fails in phases 0, 1, 2, 3, 4; worst: phase 0 at 100 users .*past its capacity/);
    }
  });

  it('a phase whose SLO is not at P95 leaves the P95 KPI open where the others hold', () => {
    const p99 = { ...catalog, phases: catalog.phases.map((p) => (p.id === 2 ? { ...p, slo: { ...p.slo, latency: { ...p.slo.latency, percentile: 99 } } } : p)) };
    const r = row('latency-p95', auditClaims({ catalog: p99, book: seed, thresholds }).claims);
    expect(r.phases![2]).toMatchObject({ phase: 2, modelValue: null, holds: null });
    expect(r.holds).toBeNull();
    expect(r.reason).toMatch(/^cannot be judged in phase 2; worst: phase 4/);
  });
});

describe('what a row repeats of its entry', () => {
  const kpi = (fields: Partial<Kpi>): Kpi => ({ id: 'k', metric: 'error_rate', comparison: '<', value: 0.1, unit: '%', source: 'seed', ...fields });
  const audit = (technical: Kpi[]) => auditClaims({ catalog: { ...catalog, claims: [], kpis: { technical, business: [] } }, book: seed, thresholds }).claims;

  it("takes a KPI's text from its note after the last ›, else writes the metric and its limit", () => {
    const [fromNote, bare, blankTail] = audit([
      kpi({ id: 'a', note: 'KPIs › Técnicos › Error rate < 0.1%' }),
      kpi({ id: 'b', note: undefined }),
      kpi({ id: 'c', note: 'KPIs › ' }),
    ]);
    expect(fromNote).toMatchObject({ text: 'Error rate < 0.1%', note: 'KPIs › Técnicos › Error rate < 0.1%' });
    expect(bare).toMatchObject({ text: 'error_rate < 0.1 %', note: null });
    expect(blankTail!.text).toBe('error_rate < 0.1 %');
  });

  it('keeps a tolerance only for approx, and gives a modelled metric its own unit', () => {
    const claim = (fields: Partial<Claim>): Claim => ({ id: 'c', text: 'a claim', metric: 'error_rate', comparison: '<', value: 0.001, phase: 3, source: 'seed', ...fields });
    const claims = [claim({ id: 'a', comparison: 'approx', tolerance: 0.5 }), claim({ id: 'b', tolerance: 0.5 })];
    const [approx, below] = auditClaims({ catalog: { ...catalog, claims, kpis: undefined }, book: seed, thresholds }).claims;
    // error_rate is modelled as a fraction (src/model/claims-metrics.ts).
    expect(approx).toMatchObject({ comparison: 'approx', tolerance: 0.5, unit: 'fraction' });
    expect(below).toMatchObject({ comparison: '<', tolerance: null, unit: 'fraction' });
    // A KPI's metric the model knows is in the metric's unit; one it does not know keeps the KPI's own.
    const [known, unknown] = audit([kpi({ id: 'a', unit: 'percent' }), kpi({ id: 'b', metric: 'nps_score', unit: 'points' })]);
    expect(known!.unit).toBe('fraction');
    expect(unknown).toMatchObject({ unit: 'points', holds: null });
  });
});

describe('the break-even claim', () => {
  it('is off by −66.25 %: with $60K opex the seed quotes break even at 67,502 users, 16,876 premium', () => {
    // Phase 3 (10,001–100,000 users) costs its quoted $980 at any N on the seed book. Net of card fees
    // (2.9 % + $0.30 a charge) a premium user brings 3.99 × 0.971 − 0.30 = $3.57429 and a school 49 × 0.971 − 0.30
    // = $47.279. Near 67,500 users there are ⌈N × 0.05 / 250⌉ = 14 schools ($661.906), so premium users P must
    // cover 60,000 + 980 − 661.906 = $60,318.094: P ≥ 16,875.6 → 16,876 = round(N / 4), first at N = 67,502
    // (67,501 / 4 = 16,875.25 rounds to 16,875: margin 16,875 × 3.57429 + 661.906 − 60,980 = −$1.95).
    // Below 10,001 users the $4.99 price cannot reach it: 2,500 × (4.99 × 0.971 − 0.30) + 2 × 47.279 − 335 < 60,000.
    // (16,876 − 50,000) / 50,000 × 100 = −66.248 → −66.25; |16,876 − 50,000| > 0.25 × 50,000.
    expect(row('break-even-premium-users')).toMatchObject({ phase: 3, users: 67_502, modelValue: 16_876, holds: false, offByPercent: -66.25 });
  });
});

describe('entries that cannot be evaluated', () => {
  it('growth, retention and market rank are not modelled', () => {
    for (const id of ['user-growth', 'retention', 'market-rank']) {
      expect(row(id)).toMatchObject({ modelValue: null, holds: null, offByPercent: null, phases: null });
      expect(row(id).reason).toMatch(/^not modelled: /);
    }
  });

  const withClaims = (claims: Claim[]): Catalog => ({ ...catalog, claims, kpis: { technical: [], business: [] } });
  const claim = (fields: Partial<Claim>): Claim => ({ id: 'c', text: 'a claim', metric: 'cost_per_user_usd', comparison: '<', value: 1, source: 'seed', ...fields });

  it('an unknown metric, naming the closest', () => {
    const [r] = auditClaims({ catalog: withClaims([claim({ metric: 'cost_per_usr_usd' })]), book: seed, thresholds }).claims;
    expect(r).toMatchObject({ holds: null, modelValue: null, users: null });
    expect(r!.reason).toMatch(/^unknown metric "cost_per_usr_usd" — did you mean "cost_per_user_usd"/);
  });

  it('approx without a tolerance', () => {
    const [r] = auditClaims({ catalog: withClaims([claim({ comparison: 'approx', phase: 3 })]), book: seed, thresholds }).claims;
    expect(r).toMatchObject({ holds: null, tolerance: null, phase: 3 });
    expect(r!.reason).toContain('approx needs a tolerance');
  });

  it('a phase the catalog does not have', () => {
    const [r] = auditClaims({ catalog: withClaims([claim({ phase: 9 })]), book: seed, thresholds }).claims;
    expect(r).toMatchObject({ holds: null, modelValue: null, users: null, phase: 9, reason: 'phase 9 is not in the catalog' });
  });

  it('MRR in a catalog without revenue', () => {
    const { revenue: _dropped, ...rest } = catalog;
    const [r] = auditClaims({ catalog: { ...rest, claims: [claim({ metric: 'mrr_usd', comparison: '>=', phase: 3 })], kpis: undefined }, book: seed, thresholds }).claims;
    expect(r).toMatchObject({ holds: null, modelValue: null, phase: 3 });
    expect(r!.reason).toContain('no revenue: section');
  });
});

describe('the snapshot book', () => {
  it('judges the per-user claims on the priced cost, with the document’s quote beside it', () => {
    const rows = auditClaims({ catalog, book: snapshot, thresholds }).claims;
    const r = row('cost-per-user-phase-3', rows);
    const phase3 = catalog.phases.find((p) => p.id === 3)!;
    const priced = simulate({ catalog, phase: phase3, selectedBy: 'range', users: 100_000, book: snapshot, compareBook: null, thresholds }).cost.perUserUsd;
    expect(r.modelValue).toBe(priced);
    expect(r.quote).toEqual({ totalUsd: 980, users: 100_000, perUserUsd: 0.0098, holds: true, offByPercent: -2 });
  });

  it('counts every verdict once', () => {
    const { summary, claims } = auditClaims({ catalog, book: snapshot, thresholds });
    expect(summary.holds + summary.fails + summary.notEvaluated).toBe(claims.length);
    // 7 claims and 9 KPIs in data/phases.yaml.
    expect(claims).toHaveLength(16);
  });
});

describe('the break-even claim on the bundled catalog', () => {
  it('names where the margin reaches $0, where infrastructure alone is covered, and the opex the claim implies', () => {
    // 50,000 premium users at the 25 % premium share (1 − 0.7 − 0.05) are 50,000 / 0.25 = 200,000 users.
    // Infrastructure alone is covered from 1 user: round(0.25) = 0 premium, but ⌈1 × 0.05 / 250⌉ = 1 school pays $49,
    // $47.28 after fees (2.9 % + $0.30), above phase 0's $25 quote in the seed book.
    const r = readBreakeven(catalog, seed, thresholds, 50_000);
    expect(r.detail).toMatch(
      /^with \$60,000\.00 of opex a month, the margin first reaches \$0 at [\d,]+ users \(phase \d\), [\d,]+ of them premium; infrastructure alone breaks even at 1 user \(0 premium\); 50,000 premium users \(200,000 users\) break even with \$[\d,]+\.\d\d of opex$/,
    );
    expect(r.value).toBe(r.users === null ? null : Math.round(r.users * 0.25));
  });
});

describe('the break-even claim where the catalog cannot meet it', () => {
  const q = (value: number) => ({ value, source: 'assumption' as const });
  const revenue = catalog.revenue!;

  it('without a revenue section: not evaluated, and says why', () => {
    expect(readBreakeven({ ...catalog, revenue: undefined }, seed, thresholds, 50_000)).toEqual({
      value: null,
      verdictWithoutValue: null,
      detail: 'the catalog has no revenue: section',
      phase: null,
      users: null,
    });
  });

  it('with an opex no user count covers: fails, and a claim past the catalog’s top users is named as such', () => {
    // 1,000,000 premium users at a 25 % premium share are 4,000,000 users, past phase 4’s 1,000,000.
    const r = readBreakeven({ ...catalog, revenue: { ...revenue, opexUsdPerMonth: q(1e9) } }, seed, thresholds, 1_000_000);
    expect(r).toMatchObject({ value: null, verdictWithoutValue: false, phase: null, users: null });
    expect(r.detail).toMatch(/^with \$1,000,000,000\.00 of opex a month, no user count up to 1,000,000 breaks even; infrastructure alone breaks even at 1 user \(0 premium\); /);
    expect(r.detail).toMatch(/; 1,000,000 premium users lie beyond the catalog's 1,000,000 users$/);
  });

  it('with plans that are free: infrastructure alone never breaks even', () => {
    const free = { ...revenue, premium: { ...revenue.premium!, priceSchedule: [{ fromUsers: q(0), usdPerMonth: q(0) }] }, enterprise: undefined };
    const r = readBreakeven({ ...catalog, revenue: free }, seed, thresholds, 50_000);
    expect(r).toMatchObject({ value: null, verdictWithoutValue: false });
    expect(r.detail).toContain('; infrastructure alone never breaks even within the catalog; ');
  });
});
