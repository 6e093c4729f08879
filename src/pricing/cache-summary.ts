/**
 * The results of `pricing refresh` and `pricing show` (schemas: src/results/pricing.ts), built from the price
 * cache and the outcome of a refresh. Pure: the clock comes in as `now`.
 */
import type { PriceUnit } from '../model/units.js';
import type { PriceCache } from './cache-file.js';

export const PRICING_SCHEMA_VERSION = 1;

export interface RefreshedProduct {
  key: string;
  serviceCode: string;
  sku: string;
  retrievedAt: string;
  /** How many price keys the product gave (on-demand and reserved terms). */
  prices: number;
}

export interface PricingRefreshResult {
  schemaVersion: typeof PRICING_SCHEMA_VERSION;
  command: 'pricing refresh';
  region: string;
  cacheFile: string;
  products: RefreshedProduct[];
  failed: Array<{ key: string; reason: string }>;
}

export interface CachedProductSummary {
  key: string;
  serviceCode: string;
  sku: string;
  retrievedAt: string;
  ageHours: number;
  withinTtl: boolean;
  prices: Array<{ key: string; usd: number; unit: PriceUnit }>;
}

export interface PricingShowResult {
  schemaVersion: typeof PRICING_SCHEMA_VERSION;
  command: 'pricing show';
  region: string;
  cacheFile: string;
  /** When the ages were measured (ISO time). */
  asOf: string;
  ttlHours: number;
  products: CachedProductSummary[];
}

const HOUR_MS = 3_600_000;
/** Ages to the minute, in hours: 0.0167 is one minute. */
const hours = (ms: number): number => Math.round((Math.max(0, ms) / HOUR_MS) * 1e4) / 1e4;

export function pricingShowResult(cache: PriceCache | undefined, input: { region: string; cacheFile: string; now: Date; ttlMs: number }): PricingShowResult {
  const now = input.now.getTime();
  const products = Object.entries(cache?.products ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, product]): CachedProductSummary => {
      const ageMs = now - Date.parse(product.retrievedAt);
      return {
        key,
        serviceCode: product.serviceCode,
        sku: product.sku,
        retrievedAt: product.retrievedAt,
        ageHours: hours(ageMs),
        withinTtl: ageMs <= input.ttlMs,
        prices: Object.entries(product.prices)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([priceKey, price]) => ({ key: priceKey, usd: price.usd, unit: price.unit })),
      };
    });
  return {
    schemaVersion: PRICING_SCHEMA_VERSION,
    command: 'pricing show',
    region: input.region,
    cacheFile: input.cacheFile,
    asOf: input.now.toISOString(),
    ttlHours: hours(input.ttlMs),
    products,
  };
}
