/**
 * The fallback chain of `--pricing live`, per product: the AWS Price List now → the local price cache
 * (within the TTL) → the base book (the bundled snapshot or --prices FILE). Each step that is not the
 * first is announced through `notify`, naming the products, why, and what priced them instead; `strict`
 * turns any fallback into an ExternalError (exit 3). The effects (the request, the cache file, the
 * clock) come in as parameters, so the chain is tested without a network.
 */
import { mergePriceCache, readPriceCache, writePriceCache, type CachedProduct } from './cache-file.js';
import { LivePricingFailedError, type LivePriceError } from './live-errors.js';
import type { FetchOutcome } from './live-fetch.js';
import { livePriceBook, type FallenBackProduct, type ResolvedProduct } from './live-book.js';
import type { LiveProduct } from './live-products.js';
import type { PriceBook } from './price-book.js';
import type { SnapshotPriceBook } from './snapshot-book.js';

export interface LiveChainInput {
  products: readonly LiveProduct[];
  region: string;
  base: SnapshotPriceBook;
  fetch: (products: readonly LiveProduct[]) => Promise<FetchOutcome[]>;
  cachePath: string;
  now: Date;
  /** The oldest cached price the chain falls back on, milliseconds. */
  ttlMs: number;
  strict: boolean;
  /** One line for stderr (without the "cuenta-plan: " prefix). */
  notify: (line: string) => void;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An age or a TTL in the largest whole unit that fits: "45 min", "5 h", "9 d". */
export function formatAge(ms: number): string {
  if (ms >= DAY) return `${Math.floor(ms / DAY)} d`;
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(Math.max(0, ms) / MINUTE)} min`;
}

/** Items of the same text grouped: "a, b: text". */
function grouped<T>(items: readonly T[], keyOf: (item: T) => string, textOf: (item: T) => string): Array<{ keys: string; text: string }> {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(textOf(item), [...(groups.get(textOf(item)) ?? []), keyOf(item)]);
  return [...groups].map(([text, keys]) => ({ keys: keys.join(', '), text }));
}

export function cachedProductOf(outcome: Extract<FetchOutcome, { ok: true }>): CachedProduct {
  const { parsed, retrievedAt, product } = outcome;
  const prices = Object.fromEntries(Object.entries(parsed.prices).map(([key, price]) => [key, { ...price, retrievedAt }]));
  const cached: CachedProduct = { serviceCode: product.serviceCode, sku: parsed.sku, retrievedAt, prices };
  if (parsed.publicationDate !== undefined) cached.publicationDate = parsed.publicationDate;
  return cached;
}

/**
 * @throws LivePricingFailedError under `strict` when any product could not be priced live (exit 3)
 */
export async function resolveLivePrices(input: LiveChainInput): Promise<PriceBook> {
  const { region, base, cachePath, notify } = input;
  const outcomes = await input.fetch(input.products);
  const resolved: ResolvedProduct[] = [];
  const fetched: Record<string, CachedProduct> = {};
  const failures: LivePriceError[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      failures.push(outcome.error);
      continue;
    }
    const cached = cachedProductOf(outcome);
    fetched[outcome.product.key] = cached;
    resolved.push({ ...cached, key: outcome.product.key, origin: 'live' });
  }
  // Messages list products in key order, whatever order the answers came in.
  failures.sort((a, b) => a.product.localeCompare(b.product));
  if (failures.length > 0 && input.strict) {
    const lines = grouped(failures, (f) => f.product, (f) => f.reason).map((g) => `  ${g.keys}: ${g.text}`);
    throw new LivePricingFailedError(`live prices failed and --strict allows no fallback (exit 3):\n${lines.join('\n')}`);
  }

  const read = readPriceCache(cachePath, region);
  if (read.problem !== undefined && failures.length > 0) notify(`the price cache cannot be used: ${read.problem}`);
  if (Object.keys(fetched).length > 0) {
    try {
      writePriceCache(cachePath, mergePriceCache(read.cache, region, fetched));
    } catch (error) {
      notify(`${(error as Error).message}; this run uses the live prices without caching them`);
    }
  }
  if (failures.length === 0) return livePriceBook(base, region, resolved, []);

  for (const group of grouped(failures, (f) => f.product, (f) => f.reason)) notify(`live prices failed for ${group.keys}: ${group.text}`);
  const fromCache: ResolvedProduct[] = [];
  const fallenBack: Array<FallenBackProduct & { why: string }> = [];
  for (const failure of failures) {
    const entry = read.cache?.products[failure.product];
    const age = entry ? input.now.getTime() - Date.parse(entry.retrievedAt) : undefined;
    if (entry && age !== undefined && age <= input.ttlMs) {
      fromCache.push({ ...entry, key: failure.product, origin: 'cache' });
      continue;
    }
    const why = age === undefined ? 'not in the price cache' : `cached ${formatAge(age)} ago, beyond the ${formatAge(input.ttlMs)} TTL`;
    fallenBack.push({ key: failure.product, reason: failure.reason, why });
  }
  if (fromCache.length > 0) {
    const ages = fromCache.map((p) => `${p.key} (retrieved ${p.retrievedAt}, ${formatAge(input.now.getTime() - Date.parse(p.retrievedAt))} old)`);
    notify(`using cached prices from ${cachePath} for ${ages.join(', ')}`);
  }
  for (const group of grouped(fallenBack, (f) => f.key, (f) => f.why)) notify(`using ${base.meta.origin} prices for ${group.keys} (${group.text})`);
  return livePriceBook(base, region, [...resolved, ...fromCache], fallenBack);
}
