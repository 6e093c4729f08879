/**
 * src/model/forecast-capacity.ts answers advise's question — the cheapest phase, on demand, that passes every
 * capacity check, ties to the earlier phase — with less work (a bisection per phase, a floor that skips
 * phases). The reference is advise's own brute force, `cheapestServingPhase(phaseCandidates(...))`
 * (src/model/serving-phase.ts), which sizes and prices every phase at every user count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import type { Catalog, Component, Phase } from '../../src/model/catalog-types.js';
import { capacityByUsers } from '../../src/model/forecast-capacity.js';
import { planCache } from '../../src/model/forecast-plans.js';
import { capacityAt, thresholdsOf } from '../../src/model/plan.js';
import { cheapestServingPhase, phaseCandidates } from '../../src/model/serving-phase.js';
import type { PriceLookup } from '../../src/model/cost.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { book as fixtureBook, catalog as fixtureCatalog, db, formula, phase, thresholds as fixtureThresholds } from './fixture-catalog.js';

function agreesWithBruteForce(catalog: Catalog, book: PriceLookup, thresholds: ReturnType<typeof thresholdsOf>, users: number[]): void {
  const byUsers = capacityByUsers(catalog, users, thresholds, book, planCache(catalog, thresholds, book));
  for (const n of users) {
    expect(byUsers.capacityPhase(n), `phase at ${n} users`).toBe(cheapestServingPhase(phaseCandidates(catalog, n, thresholds, book))?.phase ?? null);
    for (const p of catalog.phases) expect(byUsers.serves(p, n), `phase ${p.id} at ${n} users`).toBe(capacityAt(catalog, p, n, thresholds).ok);
  }
}

describe('capacityByUsers on the bundled catalog', () => {
  it('picks the phase advise picks at every user count, in any order and with repeats', () => {
    const book = loadSnapshotPriceBook();
    const { catalog } = loadCatalog(undefined, book);
    const thresholds = thresholdsOf(catalog);
    // Up to twice phase 4's top, so some counts are served by no phase.
    const users = fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(users, (list) => agreesWithBruteForce(catalog, book, thresholds, [...list, ...list.slice(0, 2)])),
      { numRuns: 15 },
    );
  });
});

/**
 * Three phases of ./fixture-catalog.ts with the same capacity (one database) and bills that are straight lines
 * in users, so that a later phase is the cheaper one past a crossing:
 *   phase 1: $50 + $0.20 per user;  phase 2: $200 + $0.05 per user (no dearer from 1,000 users on);
 *   phase 3: $400 + $0 per user (cheaper than phase 2 past 4,000 users; its floor is dearer below).
 * The one database serves 10,000 users but not 20,000, so some counts are served by no phase.
 */
const perUser = (usd: number): Component => ({
  id: 'meter',
  name: 'meter',
  kind: 'monitoring',
  provider: 'test',
  serves: [],
  count: { kind: 'fixed', count: 1 },
  cost: [{ priceKey: 'mon:user', quantity: formula(`users * ${usd}`, (s) => (s.users ?? 0) * usd, ['users']) }],
});
const dbs = (count: number): Component => ({ ...db, cost: [{ priceKey: 'db:month', quantity: count }] });
const straight = (id: number, databases: number, usdPerUser: number): Phase => ({ ...phase, id, components: [dbs(databases), perUser(usdPerUser)] });
const threePhases: Catalog = { ...fixtureCatalog, phases: [straight(1, 1, 0.2), straight(2, 4, 0.05), straight(3, 8, 0)] };

describe('capacityByUsers where a later phase is cheaper', () => {
  it('follows the cheapest bill: phase 1 up to 1,000 users (the tie included), phase 2 up to 4,000, phase 3 past it', () => {
    const users = [1, 999, 1_000, 1_001, 3_999, 4_000, 4_001, 6_000];
    const byUsers = capacityByUsers(threePhases, users, fixtureThresholds, fixtureBook, planCache(threePhases, fixtureThresholds, fixtureBook));
    // 200 + 0.05·1,000 = 250 = 50 + 0.2·1,000: the tie goes to phase 1 (the earlier one);
    // 400 = 200 + 0.05·4,000: the tie at 4,000 goes to phase 2.
    expect(users.map((n) => byUsers.capacityPhase(n))).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    agreesWithBruteForce(threePhases, fixtureBook, fixtureThresholds, users);
  });

  it("prices every phase for advise's brute force: at 1,000 users $250, $250 and $400, a quarter, a quarter and 40 cents a user", () => {
    const candidates = phaseCandidates(threePhases, 1_000, fixtureThresholds, fixtureBook);
    expect(candidates.map((c) => [c.phase, c.capacityOk, c.totalUsd, c.perUserUsd])).toEqual([
      [1, true, 250, 0.25],
      [2, true, 250, 0.25],
      [3, true, 400, 0.4],
    ]);
    expect(cheapestServingPhase(candidates)?.phase).toBe(1);
    expect(cheapestServingPhase(candidates.map((c) => ({ ...c, capacityOk: false })))).toBeNull();
  });

  it('agrees with advise at any user count, whichever counts the forecast holds', () => {
    const users = fc.array(fc.integer({ min: 1, max: 30_000 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(users, (list) => agreesWithBruteForce(threePhases, fixtureBook, fixtureThresholds, list)),
      { numRuns: 30 },
    );
  });
});
