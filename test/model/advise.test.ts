/**
 * advise's recommendation on the bundled catalog and offline prices at 50,000 users (phase 3). The phase's most
 * users M come from the headroom search (test/model/headroom.test.ts checks it); the dates and the action follow
 * from M by hand: t = 30.4375 × ln(M / 50,000) / ln(1 + g) days, the migration's steps take 5–8 weeks
 * (data/phases.yaml › migration), start = exhaustion − 56 days, latest safe start = exhaustion − 35 days.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { advise, type AdviseInput } from '../../src/model/advise.js';
import { headroom } from '../../src/model/headroom.js';
import { thresholdsOf } from '../../src/model/plan.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';

const book = loadSnapshotPriceBook();
const { catalog } = loadCatalog(undefined, book);
const thresholds = thresholdsOf(catalog);
const input = (over: Partial<AdviseInput> = {}): AdviseInput => ({ catalog, users: 50_000, thresholds, book, growthPerMonth: 0.1, asOf: '2027-01-01', ...over });
const phase3 = catalog.phases.find((p) => p.id === 3)!;
const most = () => headroom(catalog, phase3, 50_000, thresholds).maxUsers!;
const days = (g: number) => (30.4375 * Math.log(most() / 50_000)) / Math.log(1 + g);

describe('advise at 50,000 users (phase 3)', () => {
  it('at 10 % a month: plans the migration, with the dates its lead time gives', () => {
    const r = advise(input());
    // M = 105,624 (limited by the api's CPU): t = 30.4375 × ln(2.11248) / ln 1.1 = 238.8 days.
    expect(most()).toBe(105_624);
    expect(days(0.1)).toBeCloseTo(238.83, 2);
    expect(r.current).toMatchObject({ phase: 3, chosenBy: 'capacity' });
    expect(r.migration).toMatchObject({ leadTime: { minWeeks: 5, maxWeeks: 8 }, exhaustion: '2027-08-27', start: '2027-07-02', latestSafeStart: '2027-07-23', startInDays: 182 });
    expect(r.migration.daysToExhaustion).toBe(238.83); // to two decimals
    expect(r.recommendation.action).toBe('plan-migration');
    expect(r.recommendation.reasons[0]).toBe('runs-out');
    // Past phase 3's most users, phase 4 is the one that serves.
    expect(r.migration.to).toBe(4);
    expect(r.recommendation.phase).toBe(4);
    expect(r.growthPercentPerMonth).toBe(10);
  });

  it('at 60 % a month: the day to start is past, the latest safe one is not — start migrating', () => {
    // t = 30.4375 × 0.747862 / ln 1.6 = 48.4 days: start 48 − 56 = 8 days ago, latest safe start in 48 − 35 = 13 days.
    const r = advise(input({ growthPerMonth: 0.6 }));
    expect(Math.floor(days(0.6))).toBe(48);
    expect(r.migration).toMatchObject({ exhaustion: '2027-02-18', start: '2026-12-24', latestSafeStart: '2027-01-14', startInDays: -8 });
    expect(r.recommendation).toMatchObject({ action: 'start-migrating', phase: 4 });
    expect(r.recommendation.reasons.slice(0, 2)).toEqual(['runs-out', 'start-passed']);
  });

  it('at 100 % a month: both days are past — migrate now', () => {
    // t = 30.4375 × 0.747862 / ln 2 = 32.8 days: the latest safe start was 3 days ago.
    const r = advise(input({ growthPerMonth: 1 }));
    expect(r.migration).toMatchObject({ exhaustion: '2027-02-02', latestSafeStart: '2026-12-29' });
    expect(r.recommendation.action).toBe('migrate-now');
    expect(r.recommendation.reasons.slice(0, 2)).toEqual(['runs-out', 'lead-time-passed']);
  });

  it('without a growth rate: no dates; stay in phase 3', () => {
    const r = advise(input({ growthPerMonth: null }));
    expect(r.migration).toMatchObject({ daysToExhaustion: null, exhaustion: null, start: null, latestSafeStart: null, startInDays: null, to: 4 });
    expect(r.recommendation).toMatchObject({ action: 'stay', phase: 3 });
    expect(r.recommendation.reasons[0]).toBe('no-growth');
    expect(r.growthPercentPerMonth).toBeNull();
  });

  it('in a phase that cannot serve the users: migrate now, to the phase that does', () => {
    const r = advise(input({ current: { phase: 2, chosenBy: 'option' } }));
    expect(r.current).toMatchObject({ phase: 2, chosenBy: 'option' });
    expect(r.headroom.maxUsers!).toBeLessThan(50_000);
    expect(r.recommendation).toMatchObject({ action: 'migrate-now', phase: 3 });
    expect(r.recommendation.reasons[0]).toBe('capacity-short');
  });

  it('names the next phase cheaper per user exactly when it finds one', () => {
    for (const users of [500, 5_000, 50_000]) {
      const r = advise(input({ users }));
      expect(r.recommendation.reasons.includes('next-cheaper'), String(users)).toBe(r.nextPhaseCheaper?.users != null);
    }
  });
});

describe('advise where the ranges and capacity disagree', () => {
  it('at 500 users the ranges name phase 1, but phase 0 serves them (up to 645) and costs less', () => {
    const r = advise(input({ users: 500, growthPerMonth: null }));
    expect(r.byRange).toEqual({ phase: 1, name: catalog.phases[1]!.name });
    expect(r.byCapacity).toMatchObject({ phase: 0, name: catalog.phases[0]!.name });
    expect(r.current).toMatchObject({ phase: 0, chosenBy: 'capacity' });
    expect(r.recommendation.reasons).toContain('range-differs');
    expect(advise(input({ growthPerMonth: null })).recommendation.reasons).not.toContain('range-differs');
  });
});
