/**
 * The reservations a price book holds (src/pricing/book-reservations.ts), on a hand-made book in the snapshot's
 * key scheme: no upfront in `hour`, all upfront in `year` (the upfront ÷ term years), partial upfront as
 * `:hourly` + `:upfront`. Effective hourly = upfront ÷ (8,760 h × term years) + hourly (src/pricing/reserved.ts).
 */
import { describe, expect, it } from 'vitest';
import { bookReservations } from '../../src/pricing/book-reservations.js';
import { priceBookFromQuotes, type PriceQuote } from '../../src/pricing/price-book.js';

const quote = (key: string, usdPerUnit: number, unit: PriceQuote['unit'], source = 'a table'): PriceQuote => ({ key, usdPerUnit, unit, verified: true, source });
const book = priceBookFromQuotes('snapshot', 'test', [
  quote('vm:ri-1y-standard-no-upfront', 0.03, 'hour'),
  quote('vm:ri-3y-standard-all-upfront', 100, 'year'),
  quote('vm:ri-1y-standard-partial-upfront:hourly', 0.01, 'hour'),
  quote('vm:ri-1y-standard-partial-upfront:upfront', 87.6, 'year', 'a quote'),
  // Half of a partial reservation, and one in the wrong unit: both count as absent.
  quote('vm:ri-3y-standard-partial-upfront:hourly', 0.01, 'hour'),
  quote('vm:ri-3y-standard-no-upfront', 0.02, 'month'),
]);
const { reservation } = bookReservations(book);

describe('bookReservations', () => {
  it('no upfront: the hourly fee alone', () => {
    expect(reservation('vm', 1, 'none')).toEqual({ keys: ['vm:ri-1y-standard-no-upfront'], hourlyUsd: 0.03, upfrontUsd: 0, effectiveHourlyUsd: 0.03, source: 'a table' });
  });

  it('all upfront: the yearly share times the term, spread over its hours', () => {
    // 100 × 3 = 300 upfront; 300 / (8,760 × 3) = 0.0114155… an hour.
    const r = reservation('vm', 3, 'all');
    expect(r).toMatchObject({ keys: ['vm:ri-3y-standard-all-upfront'], hourlyUsd: 0, upfrontUsd: 300, source: 'a table' });
    expect(r!.effectiveHourlyUsd).toBeCloseTo(300 / 26_280, 15);
  });

  it('partial upfront: both halves, their sources joined once each', () => {
    // 87.6 / 8,760 = 0.01 an hour, plus the 0.01 hourly fee.
    const r = reservation('vm', 1, 'partial');
    expect(r).toMatchObject({
      keys: ['vm:ri-1y-standard-partial-upfront:hourly', 'vm:ri-1y-standard-partial-upfront:upfront'],
      hourlyUsd: 0.01,
      upfrontUsd: 87.6,
      source: 'a table; a quote',
    });
    expect(r!.effectiveHourlyUsd).toBeCloseTo(0.02, 15);
  });

  it('is absent when a half is missing, a price is in another unit, or the book has none', () => {
    expect(reservation('vm', 3, 'partial')).toBeUndefined();
    expect(reservation('vm', 3, 'none')).toBeUndefined();
    expect(reservation('vm', 1, 'all')).toBeUndefined();
    expect(reservation('db', 1, 'none')).toBeUndefined();
  });
});
