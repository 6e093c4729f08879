/**
 * The live book over the bundled snapshot (src/pricing/live-book.ts): what one product priced live puts in its keys,
 * a term the snapshot lacks, and how every other line says where it comes from.
 */
import { describe, expect, it } from 'vitest';
import { livePriceBook, type ResolvedProduct } from '../../src/pricing/live-book.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';

const t3: ResolvedProduct = {
  key: 'ec2:t3.medium',
  origin: 'live',
  serviceCode: 'AmazonEC2',
  sku: 'SKU1',
  retrievedAt: '2026-12-01T10:00:00.000Z',
  prices: {
    'ec2:t3.medium': { usd: 0.0417, unit: 'hour', retrievedAt: '2026-12-01T10:00:00.000Z' },
    // Not in the snapshot: added under its own key.
    'ec2:t3.medium:ri-1y-convertible-all-upfront': { usd: 230, unit: 'year', retrievedAt: '2026-12-01T10:00:00.000Z' },
  },
};

describe('livePriceBook', () => {
  it('prices a live product from the price list, without a publication date it has not got', () => {
    const snapshot = loadSnapshotPriceBook();
    const book = livePriceBook(snapshot, 'us-east-1', [t3], []);
    expect(book.price('ec2:t3.medium')).toMatchObject({
      usdPerUnit: 0.0417,
      unit: 'hour',
      verified: true,
      asOf: '2026-12-01',
      source: 'AWS Price List API, AmazonEC2 SKU SKU1, retrieved 2026-12-01T10:00:00.000Z',
    });
    expect(book.price('ec2:t3.medium:ri-1y-convertible-all-upfront')).toMatchObject({ usdPerUnit: 230, unit: 'year', description: 'ec2:t3.medium:ri-1y-convertible-all-upfront (AWS Price List)' });
    // A term of the product the price list did not give keeps the snapshot's price and says why.
    expect(book.price('ec2:t3.medium:ri-3y-standard-all-upfront').source).toMatch(/\(the AWS price list has no such term for ec2:t3\.medium\): /);
    expect(book.description).toMatch(/^AWS Price List \(us-east-1\): 1 product live, retrieved up to 2026-12-01T10:00:00\.000Z; every other line from /);
  });

  it('counts products in the plural, with those from the cache and those that fell back', () => {
    const snapshot = loadSnapshotPriceBook();
    const cached: ResolvedProduct = { ...t3, key: 'ec2:t3.large', origin: 'cache', prices: {} };
    const book = livePriceBook(snapshot, 'us-east-1', [t3, { ...t3, key: 'ec2:m5.large' }, cached], [{ key: 'rds:db.t3.medium', reason: 'HTTP 503' }]);
    expect(book.description).toMatch(/^AWS Price List \(us-east-1\): 2 products live, 1 from the cache, 1 from /);
  });
});
