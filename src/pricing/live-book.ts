/**
 * The `live` price book: the base book (the bundled snapshot, or --prices FILE) with the prices of the
 * products the AWS Price List gave (live, or from the cache) put in their keys. Every quote's `source` says
 * where its price came from, so each cost line shows whether it is live, cached or the base book's. Pure.
 */
import type { CachedPrice } from './cache-file.js';
import { liveProductOf } from './live-products.js';
import { priceBookFromQuotes, type PriceBook, type PriceQuote } from './price-book.js';
import type { SnapshotPriceBook } from './snapshot-book.js';

/** A product whose prices came from the AWS Price List, now or earlier. */
export interface ResolvedProduct {
  key: string;
  origin: 'live' | 'cache';
  serviceCode: string;
  sku: string;
  publicationDate?: string;
  retrievedAt: string;
  prices: Record<string, CachedPrice>;
}

/** A product priced from the base book because neither live nor cached prices could be used. */
export interface FallenBackProduct {
  key: string;
  reason: string;
}

const dateOf = (time: string): string => time.slice(0, 10);

function quoteFrom(product: ResolvedProduct, key: string, price: CachedPrice, description: string): PriceQuote {
  const published = product.publicationDate ? `, published ${dateOf(product.publicationDate)}` : '';
  const cached = product.origin === 'cache' ? ' (from the local price cache)' : '';
  return {
    key,
    usdPerUnit: price.usd,
    unit: price.unit,
    verified: true,
    asOf: dateOf(price.retrievedAt),
    source: `AWS Price List API, ${product.serviceCode} SKU ${product.sku}${published}, retrieved ${price.retrievedAt}${cached}`,
    description,
  };
}

function baseQuote(quote: PriceQuote, origin: string, why: string): PriceQuote {
  return { ...quote, source: `${origin} (${why}): ${quote.source}` };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * @param region the region the products were priced in (the base book's)
 */
export function livePriceBook(base: SnapshotPriceBook, region: string, resolved: readonly ResolvedProduct[], fallenBack: readonly FallenBackProduct[]): PriceBook {
  const byProduct = new Map(resolved.map((product) => [product.key, product]));
  const failed = new Map(fallenBack.map((product) => [product.key, product.reason]));
  const origin = base.meta.origin;
  const quotes = new Map<string, PriceQuote>();
  for (const key of base.keys()) {
    const quote = base.price(key);
    const productKey = liveProductOf(key, region)?.key;
    const product = productKey === undefined ? undefined : byProduct.get(productKey);
    const price = product?.prices[key];
    if (product && price) quotes.set(key, quoteFrom(product, key, price, quote.description ?? key));
    else if (product) quotes.set(key, baseQuote(quote, origin, `the AWS price list has no such term for ${product.key}`));
    else if (productKey !== undefined && failed.has(productKey)) quotes.set(key, baseQuote(quote, origin, `live price unavailable: ${failed.get(productKey)}`));
    else quotes.set(key, baseQuote(quote, origin, 'not priced live'));
  }
  // Terms the base book lacks (say, a 1-year convertible reservation) are added.
  for (const product of resolved) {
    for (const [key, price] of Object.entries(product.prices)) {
      if (!quotes.has(key)) quotes.set(key, quoteFrom(product, key, price, `${key} (AWS Price List)`));
    }
  }
  const live = resolved.filter((p) => p.origin === 'live');
  const cached = resolved.filter((p) => p.origin === 'cache');
  const parts = [count(live.length, 'product') + ' live'];
  if (cached.length > 0) parts.push(`${cached.length} from the cache`);
  if (fallenBack.length > 0) parts.push(`${fallenBack.length} from ${origin}`);
  const newest = resolved.map((p) => p.retrievedAt).sort().at(-1);
  const description =
    `AWS Price List (${region}): ${parts.join(', ')}${newest ? `, retrieved up to ${newest}` : ''}; ` +
    `every other line from ${base.description}`;
  return priceBookFromQuotes('live', description, quotes.values());
}
