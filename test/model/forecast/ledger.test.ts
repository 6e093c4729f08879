/** The reservation ledger, by hand: 730 hours a month, 8,760 hours a reserved year. */
import { describe, expect, it } from 'vitest';
import { ReservationLedger } from '../../../src/model/forecast-reservations.js';
import type { PurchaseCommitment } from '../../../src/model/purchase.js';

const commitment = (units: number, over: Partial<PurchaseCommitment> = {}): PurchaseCommitment => ({
  component: 'api',
  priceKey: 'ec2:t3.medium',
  kind: 'reserved',
  termYears: 1,
  upfront: 'partial',
  units,
  effectiveHourlyUsd: 0.05,
  onDemandHourlyUsd: 0.08,
  upfrontUsd: units * 100,
  source: 'price book',
  ...over,
});

describe('ReservationLedger', () => {
  it('buys what is missing, amortises every held unit and strands idle units until the term ends', () => {
    const ledger = new ReservationLedger(730);
    // Month 0: buy 2 → $200 upfront; amortised 2 × 100 × 730 / 8760 = $16.667.
    expect(ledger.month(0, [commitment(2)])).toEqual({ strandedUsd: 0, upfrontPaidUsd: 200, amortisedUsd: expect.closeTo(16.667, 3) });
    // Month 1: 3 wanted → buy 1 more ($100); 3 held.
    expect(ledger.month(1, [commitment(3)])).toEqual({ strandedUsd: 0, upfrontPaidUsd: 100, amortisedUsd: expect.closeTo(25, 3) });
    // Month 2: none wanted (the phase ended): 3 idle × $0.05 × 730 h = $109.50 stranded.
    expect(ledger.month(2, [])).toEqual({ strandedUsd: expect.closeTo(109.5, 6), upfrontPaidUsd: 0, amortisedUsd: expect.closeTo(25, 3) });
    // Month 12: the month-0 lot's term is over; the month-1 lot (1 unit) runs to month 12 inclusive.
    expect(ledger.month(12, [])).toEqual({ strandedUsd: expect.closeTo(36.5, 6), upfrontPaidUsd: 0, amortisedUsd: expect.closeTo(8.333, 3) });
    expect(ledger.month(13, [])).toEqual({ strandedUsd: 0, upfrontPaidUsd: 0, amortisedUsd: 0 });
  });

  it('buys again when a term lapses while the units are still wanted', () => {
    const ledger = new ReservationLedger(730);
    ledger.month(0, [commitment(1)]);
    expect(ledger.month(11, [commitment(1)]).upfrontPaidUsd).toBe(0);
    expect(ledger.month(12, [commitment(1)]).upfrontPaidUsd).toBe(100);
  });

  it('keeps lots of different commitments apart, and buys nothing when fewer are wanted', () => {
    const ledger = new ReservationLedger(730);
    const db = (units: number) => commitment(units, { component: 'db', priceKey: 'rds:db.t3.medium', upfrontUsd: units * 50 });
    // Month 0: 2 api ($200) and 1 db ($50).
    expect(ledger.month(0, [commitment(2), db(1)]).upfrontPaidUsd).toBe(250);
    // Month 1: the db's lot does not count for the api: 1 more api unit ($100), and the db is held.
    expect(ledger.month(1, [commitment(3), db(1)]).upfrontPaidUsd).toBe(100);
    // Month 2: 1 api wanted of 3 held: nothing bought, 2 idle × $0.05 × 730 h = $73 stranded.
    expect(ledger.month(2, [commitment(1), db(1)])).toMatchObject({ strandedUsd: expect.closeTo(73, 6), upfrontPaidUsd: 0 });
  });

  it('pays no upfront for a commitment of no units', () => {
    const ledger = new ReservationLedger(730);
    expect(ledger.month(0, [commitment(0, { upfrontUsd: 0 })])).toEqual({ strandedUsd: 0, upfrontPaidUsd: 0, amortisedUsd: 0 });
  });
});
