/**
 * The live price cache: one JSON file per priced region, `prices-<region>.json`, in
 * $CUENTA_PLAN_CACHE_DIR, else $XDG_CACHE_HOME/cuenta-plan, else ~/.cache/cuenta-plan. It holds, per
 * product, the prices the AWS Price List gave and when: `pricing refresh` and every successful
 * `--pricing live` run write it; a live run whose request fails falls back on it within the TTL.
 *
 * Unlike src/cache.ts (a speed-up that may vanish silently), this file is data a user relies on: a write
 * that fails is an error, and a file that cannot be read is reported, not ignored.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureDir } from '../cache.js';
import { ExternalError } from '../errors.js';
import { isPriceUnit, type PriceUnit } from '../model/units.js';

export const PRICE_CACHE_FORMAT = 1;

export interface CachedPrice {
  usd: number;
  unit: PriceUnit;
  /** ISO time the AWS Price List answered with this price. */
  retrievedAt: string;
}

export interface CachedProduct {
  serviceCode: string;
  sku: string;
  publicationDate?: string;
  retrievedAt: string;
  prices: Record<string, CachedPrice>;
}

export interface PriceCache {
  format: typeof PRICE_CACHE_FORMAT;
  region: string;
  /** By the product's on-demand key. */
  products: Record<string, CachedProduct>;
}

export function priceCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.CUENTA_PLAN_CACHE_DIR) return env.CUENTA_PLAN_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'cuenta-plan');
  return join(homedir(), '.cache', 'cuenta-plan');
}

export const priceCachePath = (env: NodeJS.ProcessEnv, region: string): string => join(priceCacheDir(env), `prices-${region}.json`);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Why `value` is not a cached product, or undefined when it is one. */
function productProblem(key: string, value: unknown): string | undefined {
  if (!isObject(value) || typeof value.serviceCode !== 'string' || typeof value.sku !== 'string' || !isTime(value.retrievedAt) || !isObject(value.prices)) {
    return `products["${key}"] needs serviceCode, sku, retrievedAt (an ISO time) and prices`;
  }
  for (const [priceKey, price] of Object.entries(value.prices)) {
    const ok = isObject(price) && typeof price.usd === 'number' && Number.isFinite(price.usd) && price.usd >= 0 &&
      typeof price.unit === 'string' && isPriceUnit(price.unit) && isTime(price.retrievedAt);
    if (!ok) return `products["${key}"].prices["${priceKey}"] needs usd ≥ 0, a price unit and retrievedAt`;
  }
  return undefined;
}

export type CacheRead = { cache: PriceCache | undefined; problem?: undefined } | { cache: undefined; problem: string };

/** The cache for `region` at `path`: undefined when there is none yet; a problem when it cannot be used. */
export function readPriceCache(path: string, region: string): CacheRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cache: undefined };
    return { cache: undefined, problem: `cannot read ${path}: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { cache: undefined, problem: `${path} is not valid JSON` };
  }
  if (!isObject(json) || json.format !== PRICE_CACHE_FORMAT || json.region !== region || !isObject(json.products)) {
    return { cache: undefined, problem: `${path} is not a format-${PRICE_CACHE_FORMAT} price cache for ${region}` };
  }
  for (const [key, product] of Object.entries(json.products)) {
    const problem = productProblem(key, product);
    if (problem) return { cache: undefined, problem: `${path}: ${problem}` };
  }
  return { cache: json as unknown as PriceCache };
}

/**
 * Writes the cache atomically (a temp file beside it, then a rename): a reader sees the old file or the new
 * one, never half of one, and two runs writing at once leave one whole file.
 * @throws ExternalError when the folder cannot be created or the file cannot be written (exit 3)
 */
export function writePriceCache(path: string, cache: PriceCache): void {
  const dir = join(path, '..');
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    ensureDir(dir);
    writeFileSync(tmp, `${JSON.stringify(cache, null, 2)}\n`);
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Never written (the folder is not writable): nothing to remove.
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExternalError(`cannot write the price cache ${path}${code ? ` (${code})` : ''}; set XDG_CACHE_HOME or CUENTA_PLAN_CACHE_DIR to a writable folder`);
  }
}

/** The cache with `products` put in (replacing the same products), others kept. */
export function mergePriceCache(previous: PriceCache | undefined, region: string, products: Record<string, CachedProduct>): PriceCache {
  return { format: PRICE_CACHE_FORMAT, region, products: { ...previous?.products, ...products } };
}
