/** The JSON results of `cuenta-plan pricing refresh` and `pricing show` (src/pricing/cache-summary.ts types them). */
import * as z from 'zod';
import { PRICE_UNITS } from '../model/units.js';
import { PRICING_SCHEMA_VERSION, type PricingRefreshResult, type PricingShowResult } from '../pricing/cache-summary.js';
import { count, flag, lazy, num, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

const productFields = () => ({
  key: text('The product, named by its on-demand price key (ec2:t3.medium)'),
  serviceCode: text('The AWS Price List service code (AmazonEC2, AmazonRDS, AmazonElastiCache)'),
  sku: text('The one SKU that matched the product'),
  retrievedAt: text('When the AWS Price List answered (ISO time)'),
});

export const pricingRefreshResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('pricing refresh', PRICING_SCHEMA_VERSION),
      region: text('The region priced (regionCode)'),
      cacheFile: text('The price cache file written'),
      products: z
        .array(z.strictObject({ ...productFields(), prices: count('Price keys it gave: on-demand and each reserved term') }))
        .describe('Products priced and cached, in key order'),
      failed: z
        .array(z.strictObject({ key: text('The product'), reason: text('Why its prices could not be had') }))
        .describe('Products that could not be priced (the command exits 3 when any did)'),
    })
    .describe('The result of `cuenta-plan pricing refresh --format json`'),
);

export const pricingShowResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('pricing show', PRICING_SCHEMA_VERSION),
      region: text('The region whose cache is shown'),
      cacheFile: text('The price cache file read'),
      asOf: text('When the ages were measured (ISO time)'),
      ttlHours: num('The TTL (--cache-ttl) in hours: a live run falls back on cached prices this young').min(0),
      products: z
        .array(
          z.strictObject({
            ...productFields(),
            ageHours: num('Hours since retrieval').min(0),
            withinTtl: flag('Young enough for a live run to fall back on'),
            prices: z
              .array(z.strictObject({ key: text('Price key'), usd: num('USD per unit').min(0), unit: z.enum(PRICE_UNITS).describe('Unit') }))
              .describe('Its prices, in key order'),
          }),
        )
        .describe('Cached products in key order; empty when nothing is cached'),
    })
    .describe('The result of `cuenta-plan pricing show --format json`'),
);

type RefreshShapeCheck = Assert<SameShape<z.output<ReturnType<typeof pricingRefreshResultSchema>>, PricingRefreshResult>>;
type ShowShapeCheck = Assert<SameShape<z.output<ReturnType<typeof pricingShowResultSchema>>, PricingShowResult>>;
