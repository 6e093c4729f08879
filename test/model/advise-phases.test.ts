/**
 * Where the next phase becomes cheaper (src/model/advise-phases.ts), on two phases of ./fixture-catalog.ts whose bills
 * are straight lines in users, so the crossing is worked out by hand:
 *   from: one database at $50 + $0.02 per user = 50 + 0.02·N
 *   to:   four databases at $50 + $0.005 per user = 200 + 0.005·N
 * `to` is no dearer once 200 + 0.005·N ≤ 50 + 0.02·N, i.e. N ≥ 150 / 0.015 = 10,000.
 */
import { describe, expect, it } from 'vitest';
import type { Component, Phase } from '../../src/model/catalog-types.js';
import { cheaperAt } from '../../src/model/advise-phases.js';
import { book, catalog, db, formula, phase, thresholds } from './fixture-catalog.js';

const perUser = (id: string, usd: number): Component => ({
  id,
  name: id,
  kind: 'monitoring',
  provider: 'test',
  serves: [],
  count: { kind: 'fixed', count: 1 },
  cost: [{ priceKey: 'mon:user', quantity: formula(`users * ${usd}`, (s) => (s.users ?? 0) * usd, ['users']) }],
});
const from: Phase = { ...phase, id: 1, components: [db, perUser('meter', 0.02)] };
const to: Phase = { ...phase, id: 2, components: [{ ...db, cost: [{ priceKey: 'db:month', quantity: 4 }] }, perUser('meter', 0.005)] };
const twoPhases = { ...catalog, phases: [from, to] };

describe('cheaperAt', () => {
  it('finds the first user count at which the later phase costs no more: 10,000', () => {
    // From 1,000 users it doubles to 16,000 (the first count where `to` is no dearer), then bisects 8,000–16,000.
    expect(cheaperAt(twoPhases, from, to, 1000, thresholds, book)).toEqual({ from: 1, to: 2, users: 10000, searchedTo: 1_000_000_000 });
    // At 9,999 users `to` is dearer by $0.015; at 10,000 both cost $250.
    expect(cheaperAt(twoPhases, from, to, 9999, thresholds, book).users).toBe(10000);
  });

  it('is N itself when the later phase is already no dearer there', () => {
    expect(cheaperAt(twoPhases, from, to, 10000, thresholds, book).users).toBe(10000);
    expect(cheaperAt(twoPhases, from, to, 50000, thresholds, book).users).toBe(50000);
  });

  it('is null when the later phase stays dearer up to the search limit', () => {
    // Reversed: phase 1 costs no more than phase 2 only up to 10,000 users, so from 20,000 on it never does.
    expect(cheaperAt(twoPhases, to, from, 20000, thresholds, book, 64000)).toEqual({ from: 2, to: 1, users: null, searchedTo: 64000 });
  });
});
