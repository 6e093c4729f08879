/** `pricing show`'s summary of the price cache (src/pricing/cache-summary.ts), on a hand-made cache. */
import { describe, expect, it } from 'vitest';
import { pricingShowResult } from '../../src/pricing/cache-summary.js';
import type { PriceCache } from '../../src/pricing/cache-file.js';

const price = (usd: number) => ({ usd, unit: 'hour' as const, retrievedAt: '2026-12-01T00:00:00.000Z' });
const cache = {
  format: 1,
  region: 'us-east-1',
  products: {
    'rds:db.t3.medium': { serviceCode: 'AmazonRDS', sku: 'B', retrievedAt: '2026-12-01T00:00:00.000Z', prices: { 'rds:db.t3.medium': price(0.068) } },
    'ec2:t3.medium': { serviceCode: 'AmazonEC2', sku: 'A', retrievedAt: '2026-11-30T00:00:00.000Z', prices: { 'ec2:t3.medium:ri-1y-standard-no-upfront': price(0.0261), 'ec2:t3.medium': price(0.0416) } },
  },
} as unknown as PriceCache;

describe('pricingShowResult', () => {
  it('lists products and their prices by key, aged in hours, fresh up to the TTL itself', () => {
    // Asked at 2026-12-02T00:00Z with a 24 h TTL: the EC2 entry is 48 h old, the RDS one exactly 24 h.
    const r = pricingShowResult(cache, { region: 'us-east-1', cacheFile: '/c/prices.json', now: new Date('2026-12-02T00:00:00.000Z'), ttlMs: 24 * 3_600_000 });
    expect(r).toMatchObject({ command: 'pricing show', region: 'us-east-1', cacheFile: '/c/prices.json', asOf: '2026-12-02T00:00:00.000Z', ttlHours: 24 });
    expect(r.products.map((p) => [p.key, p.ageHours, p.withinTtl])).toEqual([
      ['ec2:t3.medium', 48, false],
      ['rds:db.t3.medium', 24, true],
    ]);
    expect(r.products[0]!.prices.map((p) => p.key)).toEqual(['ec2:t3.medium', 'ec2:t3.medium:ri-1y-standard-no-upfront']);
  });

  it('shows an empty list without a cache', () => {
    expect(pricingShowResult(undefined, { region: 'us-east-1', cacheFile: '/c/prices.json', now: new Date(0), ttlMs: 60_000 }).products).toEqual([]);
  });
});
