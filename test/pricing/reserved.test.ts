/**
 * Invariants of reserved prices (docs/aws-notes.md: another tool's bug came from an add-on SKU overwriting a
 * base price): every reserved rate < on-demand; 3 y ≤ 1 y; all-upfront ≤ partial ≤ no-upfront.
 * Effective hourly rate = upfront ÷ (8760 × years) + hourly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HOURS_PER_YEAR,
  effectiveHourlyUsd,
  parseReservedKey,
  reservedKey,
  type PriceSnapshot,
  type ReservedKey,
} from '../../src/pricing/index.js';
import { snapshotPath } from './verified-table.js';

const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as PriceSnapshot;

interface Reservation extends ReservedKey {
  key: string;
  /** Effective hourly rate; for partial upfront without its upfront fee, only the recurring part (a lower bound). */
  hourly: number;
  complete: boolean;
}

const reservations: Reservation[] = Object.entries(snapshot.prices).flatMap(([key, entry]) => {
  const parsed = parseReservedKey(key);
  if (parsed === undefined) return [];
  // year-unit prices are upfront ÷ term years, so upfront ÷ (8760 × years) = usd ÷ 8760.
  const hourly = entry.unit === 'year' ? entry.usd / HOURS_PER_YEAR : entry.usd;
  expect(['hour', 'year'], key).toContain(entry.unit);
  return [{ key, ...parsed, hourly, complete: parsed.purchaseOption !== 'partial-upfront' }];
});

const sameItem = (a: Reservation, b: Reservation) => a.baseKey === b.baseKey && a.offeringClass === b.offeringClass;

describe('reserved prices in the snapshot', () => {
  it('are present: the t3.medium matrix, 3-yr all-upfront for 16 EC2 types, RDS, Aurora and ElastiCache', () => {
    expect(reservations.length).toBeGreaterThanOrEqual(8 + 16 + 6 + 3 + 2);
  });

  it('each discounts an on-demand price held in the snapshot, and is below it', () => {
    for (const r of reservations) {
      const onDemand = snapshot.prices[r.baseKey];
      expect(onDemand, `${r.key} has on-demand ${r.baseKey}`).toBeDefined();
      expect(onDemand?.unit).toBe('hour');
      expect(r.hourly, r.key).toBeLessThan(onDemand?.usd ?? 0);
    }
  });

  it('3-year terms cost no more per hour than 1-year terms of the same class and purchase option', () => {
    let compared = 0;
    for (const three of reservations.filter((r) => r.termYears === 3)) {
      for (const one of reservations.filter((r) => r.termYears === 1 && sameItem(r, three))) {
        if (one.purchaseOption !== three.purchaseOption || one.part !== three.part) continue;
        expect(three.hourly, `${three.key} ≤ ${one.key}`).toBeLessThanOrEqual(one.hourly);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4); // t3.medium: standard/convertible × no/partial
  });

  it('all-upfront ≤ partial-upfront ≤ no-upfront for the same term and class, where known', () => {
    let compared = 0;
    for (const no of reservations.filter((r) => r.purchaseOption === 'no-upfront')) {
      const peers = reservations.filter((r) => sameItem(r, no) && r.termYears === no.termYears);
      for (const partial of peers.filter((r) => r.purchaseOption === 'partial-upfront')) {
        // Without its upfront fee the partial rate is a lower bound: it can still be checked against no-upfront.
        expect(partial.hourly, `${partial.key} ≤ ${no.key}`).toBeLessThanOrEqual(no.hourly);
        compared++;
      }
      for (const all of peers.filter((r) => r.purchaseOption === 'all-upfront')) {
        expect(all.hourly, `${all.key} ≤ ${no.key}`).toBeLessThanOrEqual(no.hourly);
        compared++;
      }
    }
    for (const partial of reservations.filter((r) => r.purchaseOption === 'partial-upfront' && r.complete)) {
      // Only reachable once a source gives the partial upfront fee (none does yet: PRICES-VERIFIED.md).
      for (const all of reservations.filter((r) => sameItem(r, partial) && r.termYears === partial.termYears && r.purchaseOption === 'all-upfront')) {
        expect(all.hourly).toBeLessThanOrEqual(partial.hourly);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('partial-upfront prices are the recurring hourly fee only, keyed :hourly', () => {
    for (const r of reservations.filter((x) => x.purchaseOption === 'partial-upfront')) {
      expect(r.part, r.key).toBe('hourly');
      expect(snapshot.prices[r.key]?.unit).toBe('hour');
    }
  });
});

describe('effectiveHourlyUsd', () => {
  it('amortises the upfront fee over 8760 h per year of the term', () => {
    // PRICES-VERIFIED.md: m6i.large 3-yr all upfront, 332.00 USD/year = 996 upfront → 0.0379/h (table's own figure).
    expect(effectiveHourlyUsd({ hourlyUsd: 0, upfrontUsd: 996, termYears: 3 })).toBeCloseTo(0.0379, 4);
    // t3.medium 3-yr all upfront: 137.00 × 3 = 411 → 0.015639/h (table's own figure).
    expect(effectiveHourlyUsd({ hourlyUsd: 0, upfrontUsd: 411, termYears: 3 })).toBeCloseTo(0.015639, 6);
    // By hand: 100 upfront over 1 y + 0.01/h = 100/8760 + 0.01 = 0.0214155…
    expect(effectiveHourlyUsd({ hourlyUsd: 0.01, upfrontUsd: 100, termYears: 1 })).toBeCloseTo(0.0214155, 7);
  });

  it('rejects negative or non-finite fees', () => {
    expect(() => effectiveHourlyUsd({ hourlyUsd: -1, upfrontUsd: 0, termYears: 1 })).toThrow(RangeError);
    expect(() => effectiveHourlyUsd({ hourlyUsd: 0, upfrontUsd: Number.NaN, termYears: 1 })).toThrow(RangeError);
  });
});

describe('reserved keys', () => {
  it('round-trip through reservedKey and parseReservedKey', () => {
    const key = reservedKey('rds:db.t3.large:mysql:multi-az', 1, 'standard', 'partial-upfront');
    expect(key).toBe('rds:db.t3.large:mysql:multi-az:ri-1y-standard-partial-upfront');
    expect(parseReservedKey(`${key}:hourly`)).toEqual({
      baseKey: 'rds:db.t3.large:mysql:multi-az',
      termYears: 1,
      offeringClass: 'standard',
      purchaseOption: 'partial-upfront',
      part: 'hourly',
    });
    expect(parseReservedKey('ec2:t3.medium')).toBeUndefined();
  });
});
