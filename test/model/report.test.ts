import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { migrationLeadTime, recommend } from '../../src/model/report-recommend.js';
import { seriesUsers } from '../../src/model/report-series.js';
import { report } from '../../src/model/report.js';
import { thresholdsOf } from '../../src/model/plan.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import type { SimulateResult } from '../../src/model/simulate-result.js';

const { catalog } = loadCatalog();

describe('migrationLeadTime', () => {
  it("sums the bundled catalog's four steps: prep 1–2, infra 2–3, data 1, go-live 1–2 weeks", () => {
    const lead = migrationLeadTime(catalog);
    expect(lead).toMatchObject({ weeksMin: 1 + 2 + 1 + 1, weeksMax: 2 + 3 + 1 + 2 });
    expect(lead?.steps.map((s) => s.id)).toEqual(['prep', 'infra', 'data', 'go-live']);
  });

  it('is null for a catalog without migration steps', () => {
    expect(migrationLeadTime({ ...catalog, migration: undefined })).toBeNull();
    expect(migrationLeadTime({ ...catalog, migration: { steps: [], rollback: {} } })).toBeNull();
  });
});

describe('seriesUsers', () => {
  it('sets one user count on a ladder of the middle and top of each phase (0–100, 101–1,000, … 100,001–1,000,000)', () => {
    expect(seriesUsers(catalog, [20000])).toEqual([50, 100, 550, 1000, 5500, 10000, 20000, 55000, 100000, 550000, 1000000]);
    // A count already on the ladder appears once.
    expect(seriesUsers(catalog, [550])).toHaveLength(10);
  });

  it('draws two or more user counts as given, ascending', () => {
    expect(seriesUsers(catalog, [70000, 3000])).toEqual([3000, 70000]);
    // One user is a count like any other; fewer than one has no load to draw.
    expect(seriesUsers(catalog, [1, 0, 3000, 3000])).toEqual([1, 3000]);
  });
});

/** The fields `recommend` reads, around a phase-3 point at 50,000 users that holds with room. */
function point(overrides: { headroom?: Partial<SimulateResult['headroom']>; exhausted?: boolean; servedBy?: number | null; codes?: string[]; budget?: 'under' | 'within' | 'over'; phase?: number }): SimulateResult {
  return {
    users: 50000,
    phase: { id: overrides.phase ?? 3 },
    headroom: { maxUsers: 100000, headroomUsers: 50000, headroomPercent: 100, limitedBy: [], unbounded: false, ...overrides.headroom },
    status: { exhausted: overrides.exhausted ?? false, servedBy: overrides.servedBy ?? null },
    findings: (overrides.codes ?? []).map((code) => ({ code })),
    cost: { budget: { status: overrides.budget ?? 'within' } },
  } as unknown as SimulateResult;
}

describe('recommend', () => {
  it('stays on a phase that holds with room, naming the next phase as the one to migrate to later', () => {
    expect(recommend(catalog, point({}))).toEqual({ users: 50000, phase: 3, action: 'stay', targetPhase: 4, slosHold: true, budgetHolds: true, headroomUsers: 50000 });
  });

  it('prepares the migration when the headroom-low warning is raised', () => {
    expect(recommend(catalog, point({ codes: ['headroom-low'] })).action).toBe('prepare-migration');
  });

  it.each([
    ['an exhausted tier', { exhausted: true, servedBy: 4 }],
    ['a headroom limit below N', { headroom: { maxUsers: 40000, headroomUsers: -10000 } }],
    ['no headroom even at the smallest load', { headroom: { maxUsers: null, headroomUsers: null } }],
  ])('migrates now past the limit: %s', (_, overrides) => {
    expect(recommend(catalog, point(overrides))).toMatchObject({ action: 'migrate', targetPhase: 4 });
  });

  it('migrates to the phase that serves N when there is one, and to none past the last phase', () => {
    expect(recommend(catalog, point({ exhausted: true, servedBy: 2 })).targetPhase).toBe(2);
    expect(recommend(catalog, point({ exhausted: true, phase: 4 })).targetPhase).toBeNull();
  });

  it('says SLOs are missed on a latency, availability or error-rate finding, not on others', () => {
    for (const code of ['latency-over-slo', 'availability-short', 'error-rate-over-slo']) expect(recommend(catalog, point({ codes: [code] })).slosHold).toBe(false);
    expect(recommend(catalog, point({ codes: ['over-budget', 'cpu-over-scaling-target'] })).slosHold).toBe(true);
  });

  it('stays at exactly its limit (no headroom left is not past it)', () => {
    expect(recommend(catalog, point({ headroom: { maxUsers: 50000, headroomUsers: 0 } })).action).toBe('stay');
  });

  it('keeps the next phase as the target when it stays, even where another phase would serve N', () => {
    expect(recommend(catalog, point({ servedBy: 2 })).targetPhase).toBe(4);
  });

  it('dates the migration with --growth, and none without a headroom', () => {
    // 50,000 users growing 10 % a month reach 100,000 after 30.4375 × ln 2 / ln 1.1 = 221.36 days: 2027-08-10.
    const growth = { asOf: '2027-01-01', perMonth: 0.1 };
    expect(recommend(catalog, point({}), growth).migrationDates).toMatchObject({ exhaustion: '2027-08-10' });
    expect(recommend(catalog, point({ headroom: { maxUsers: null, headroomUsers: null } }), growth).migrationDates).toBeNull();
  });

  it('holds the budget under and within it, not over it', () => {
    expect(recommend(catalog, point({ budget: 'under' })).budgetHolds).toBe(true);
    expect(recommend(catalog, point({ budget: 'over' })).budgetHolds).toBe(false);
  });
});

describe('report refuses user counts it cannot draw', () => {
  const book = loadSnapshotPriceBook();
  const input = (users: number[]) => () => report({ catalog, users, book, compareBook: null, thresholds: thresholdsOf(catalog) });

  it('none, one given twice, or one no phase holds', () => {
    expect(input([])).toThrow('a report needs at least one user count');
    expect(input([5000, 5000])).toThrow('--users 5000 is given twice; give each user count once');
    expect(input([2_000_000])).toThrow('no phase of the catalog holds 2000000 users');
  });
});
