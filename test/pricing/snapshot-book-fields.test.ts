import { describe, expect, it } from 'vitest';
import { bookFromSnapshot, parsePriceSnapshot, snapshotPriceBook } from '../../src/pricing/index.js';
import { bare, minimalSnapshot } from './snapshot-fixture.js';

// Contract (src/pricing/snapshot-book.ts, UnitPrice in src/model/cost.ts): optional fields are copied when the
// entry has them and absent otherwise ("Absent = none"), not present-but-undefined.
const full = {
  usd: 0.085,
  unit: 'gb',
  description: 'CloudFront out',
  verified: true,
  source: 'aws.amazon.com/cloudfront/pricing',
  asOf: '2026-07-20',
  note: 'first 10 TB tier',
  freeQuantity: 1024,
  freeSource: 'always-free tier page',
};

describe('bookFromSnapshot quotes', () => {
  // Built in each test, not when the file is collected: Stryker counts a mutant as covered by a test only when the
  // test itself runs the code.
  const quotes = () => snapshotPriceBook(minimalSnapshot({ 'cloudfront:us:gb': full, 'ec2:t3.micro': bare() }), 'q.json');

  it('copy asOf, note and the free allowance when the entry has them', () => {
    expect(quotes().price('cloudfront:us:gb')).toStrictEqual({
      key: 'cloudfront:us:gb',
      usdPerUnit: 0.085,
      unit: 'gb',
      verified: true,
      source: 'aws.amazon.com/cloudfront/pricing',
      description: 'CloudFront out',
      asOf: '2026-07-20',
      note: 'first 10 TB tier',
      freeQuantity: 1024,
      freeSource: 'always-free tier page',
    });
  });

  it('leave out asOf, note and the free allowance when the entry has none', () => {
    const quote = quotes().price('ec2:t3.micro');
    expect(quote).toStrictEqual({
      key: 'ec2:t3.micro',
      usdPerUnit: 0.0104,
      unit: 'hour',
      verified: false,
      source: 'a rough figure',
      description: 'EC2 t3.micro',
    });
    for (const field of ['asOf', 'note', 'freeQuantity', 'freeSource']) expect(field in quote, field).toBe(false);
  });

  it('name the snapshot book in an unknown-key error', () => {
    const book = quotes();
    expect(() => book.price('ec2:t3.nano')).toThrow(expect.objectContaining({ bookName: 'snapshot' }));
    expect(() => book.price('ec2:t3.nano')).toThrow(/in the snapshot price book/);
  });

  it('are priced as itemised lines', () => {
    expect(quotes().basis).toBe('itemised');
  });
});

describe('the default origin', () => {
  it('is "price snapshot" for a book built from a checked snapshot', () => {
    const book = bookFromSnapshot(parsePriceSnapshot(minimalSnapshot(), 'x.json'));
    expect(book.meta.origin).toBe('price snapshot');
    expect(book.description).toBe('offline snapshot price snapshot (us-east-1, USD, retrieved 2026-11-29; 0 of 1 prices verified)');
  });

  it('is "price snapshot" for snapshotPriceBook, in the book and in its errors', () => {
    expect(snapshotPriceBook(minimalSnapshot()).meta.origin).toBe('price snapshot');
    expect(() => snapshotPriceBook({ ...minimalSnapshot(), region: '' })).toThrow(/^price snapshot: invalid price snapshot: region: /);
  });
});
