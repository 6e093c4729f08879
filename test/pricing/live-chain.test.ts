/**
 * The fallback chain of `--pricing live` (src/pricing/live-chain.ts) with its effects passed in, as the module is
 * built for: the answers of the AWS Price List (hand-made outcomes), a price cache file in a temp folder, a fixed
 * clock. What each product is priced from, what the user is told, and what the cache holds afterwards.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { cachedProductOf, formatAge, resolveLivePrices, type LiveChainInput } from '../../src/pricing/live-chain.js';
import { LivePriceError, LivePricingFailedError } from '../../src/pricing/live-errors.js';
import type { FetchOutcome } from '../../src/pricing/live-fetch.js';
import { liveProductOf, type LiveProduct } from '../../src/pricing/live-products.js';

const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-live-chain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-12-01T12:00:00.000Z');
const HOUR = 3_600_000;
const T3 = 'ec2:t3.medium';
const M6I = 'ec2:m6i.large';

const product = (key: string): LiveProduct => liveProductOf(key, 'us-east-1')!;
const ok = (key: string, usd: number, publicationDate?: string): FetchOutcome => ({
  product: product(key),
  ok: true,
  parsed: { sku: `SKU-${key}`, ...(publicationDate ? { publicationDate } : {}), prices: { [key]: { usd, unit: 'hour' } } },
  retrievedAt: NOW.toISOString(),
});
const failed = (key: string, reason: string): FetchOutcome => ({ product: product(key), ok: false, error: new LivePriceError(key, reason) });

/** A cache holding `key` at `usd`, retrieved `hoursAgo` before NOW. */
function cacheWith(path: string, entries: Array<{ key: string; usd: number; hoursAgo: number }>): void {
  const products = Object.fromEntries(
    entries.map(({ key, usd, hoursAgo }) => {
      const at = new Date(NOW.getTime() - hoursAgo * HOUR).toISOString();
      return [key, { serviceCode: 'AmazonEC2', sku: `OLD-${key}`, retrievedAt: at, prices: { [key]: { usd, unit: 'hour', retrievedAt: at } } }];
    }),
  );
  writeFileSync(path, JSON.stringify({ format: 1, region: 'us-east-1', products }));
}

let cachePath: string;
let runs = 0;
beforeEach(() => {
  cachePath = join(dir, `prices-${(runs += 1)}.json`);
});

/** Runs the chain over T3 and M6I with these answers; returns the book and the lines the user was told. */
async function run(outcomes: FetchOutcome[], options: Partial<LiveChainInput> = {}) {
  const told: string[] = [];
  const book = await resolveLivePrices({
    products: [product(T3), product(M6I)],
    region: 'us-east-1',
    base: loadSnapshotPriceBook(),
    fetch: async () => outcomes,
    cachePath,
    now: NOW,
    ttlMs: 24 * HOUR,
    strict: false,
    notify: (line) => told.push(line),
    ...options,
  });
  return { book, told };
}

describe('formatAge', () => {
  it.each([
    [0, '0 min'],
    [-5_000, '0 min'],
    [59 * 60_000 + 59_999, '59 min'],
    [HOUR, '1 h'],
    [24 * HOUR - 1, '23 h'],
    [24 * HOUR, '1 d'],
    [9 * 24 * HOUR + 23 * HOUR, '9 d'],
  ])('%d ms is %s', (ms, text) => expect(formatAge(ms)).toBe(text));
});

describe('cachedProductOf', () => {
  it('stamps every price with the time of the answer, and keeps the publication date when there is one', () => {
    expect(cachedProductOf(ok(T3, 0.0417, '2026-11-01T00:00:00Z') as Extract<FetchOutcome, { ok: true }>)).toEqual({
      serviceCode: 'AmazonEC2',
      sku: `SKU-${T3}`,
      retrievedAt: NOW.toISOString(),
      publicationDate: '2026-11-01T00:00:00Z',
      prices: { [T3]: { usd: 0.0417, unit: 'hour', retrievedAt: NOW.toISOString() } },
    });
    expect(cachedProductOf(ok(T3, 0.0417) as Extract<FetchOutcome, { ok: true }>)).not.toHaveProperty('publicationDate');
  });
});

describe('resolveLivePrices', () => {
  it('everything live: prices from the answers, nothing told, the cache written with both products', async () => {
    const { book, told } = await run([ok(T3, 0.05), ok(M6I, 0.1)]);
    expect(told).toEqual([]);
    expect(book.price(T3).usdPerUnit).toBe(0.05);
    expect(book.price(M6I).usdPerUnit).toBe(0.1);
    expect(book.description).toMatch(/^AWS Price List \(us-east-1\): 2 products live, retrieved up to 2026-12-01T12:00:00\.000Z; /);
    const written = JSON.parse(readFileSync(cachePath, 'utf8'));
    expect(Object.keys(written.products).sort()).toEqual([M6I, T3]);
  });

  it('a failure within the TTL is priced from the cache, and the user is told both what failed and what priced it', async () => {
    cacheWith(cachePath, [{ key: M6I, usd: 0.09, hoursAgo: 5 }]);
    const { book, told } = await run([ok(T3, 0.05), failed(M6I, 'HTTP 500 after 3 attempts')]);
    expect(book.price(M6I).usdPerUnit).toBe(0.09);
    expect(told).toEqual([
      `live prices failed for ${M6I}: HTTP 500 after 3 attempts`,
      `using cached prices from ${cachePath} for ${M6I} (retrieved 2026-12-01T07:00:00.000Z, 5 h old)`,
    ]);
    expect(book.description).toContain('1 product live, 1 from the cache');
    // The cached product is kept beside the new one.
    expect(Object.keys(JSON.parse(readFileSync(cachePath, 'utf8')).products).sort()).toEqual([M6I, T3]);
  });

  it('a cached price exactly as old as the TTL is still used; one past it is not', async () => {
    cacheWith(cachePath, [{ key: T3, usd: 0.04, hoursAgo: 24 }, { key: M6I, usd: 0.09, hoursAgo: 25 }]);
    const { book, told } = await run([failed(T3, 'timeout'), failed(M6I, 'timeout')]);
    expect(book.price(T3).usdPerUnit).toBe(0.04);
    expect(book.price(M6I).usdPerUnit).toBe(loadSnapshotPriceBook().price(M6I).usdPerUnit);
    expect(told).toEqual([
      `live prices failed for ${M6I}, ${T3}: timeout`,
      `using cached prices from ${cachePath} for ${T3} (retrieved 2026-11-30T12:00:00.000Z, 1 d old)`,
      `using data/pricing/aws-us-east-1.json prices for ${M6I} (cached 1 d ago, beyond the 1 d TTL)`,
    ]);
  });

  it('no cache at all: the base book prices the failures, grouped by reason, and nothing is written', async () => {
    const { book, told } = await run([failed(T3, 'AccessDenied'), failed(M6I, 'AccessDenied')]);
    expect(book.price(T3).usdPerUnit).toBe(loadSnapshotPriceBook().price(T3).usdPerUnit);
    expect(told).toEqual([`live prices failed for ${M6I}, ${T3}: AccessDenied`, `using data/pricing/aws-us-east-1.json prices for ${M6I}, ${T3} (not in the price cache)`]);
    expect(book.description).toContain('0 products live, 2 from data/pricing/aws-us-east-1.json');
    expect(() => readFileSync(cachePath)).toThrow(/ENOENT/);
  });

  it('a broken cache is reported only when a failure needed it', async () => {
    writeFileSync(cachePath, 'not json');
    const quiet = await run([ok(T3, 0.05), ok(M6I, 0.1)]);
    expect(quiet.told).toEqual([]);
    writeFileSync(cachePath, 'not json');
    const loud = await run([ok(T3, 0.05), failed(M6I, 'timeout')]);
    expect(loud.told[0]).toBe(`the price cache cannot be used: ${cachePath} is not valid JSON`);
  });

  it('a cache that cannot be written is told, and the run still uses the live prices', async () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, '');
    cachePath = join(blocker, 'prices-us-east-1.json');
    const { book, told } = await run([ok(T3, 0.05), ok(M6I, 0.1)]);
    expect(book.price(T3).usdPerUnit).toBe(0.05);
    expect(told).toEqual([`cannot write the price cache ${cachePath} (ENOTDIR); set XDG_CACHE_HOME or CUENTA_PLAN_CACHE_DIR to a writable folder; this run uses the live prices without caching them`]);
  });

  it('strict: any failure is an external error listing every failed product by reason, before the cache is touched', async () => {
    cacheWith(cachePath, [{ key: M6I, usd: 0.09, hoursAgo: 1 }]);
    const before = readFileSync(cachePath, 'utf8');
    const outcome = run([ok(T3, 0.05), failed(M6I, 'timeout')], { strict: true });
    await expect(outcome).rejects.toBeInstanceOf(LivePricingFailedError);
    await expect(outcome).rejects.toThrow(`live prices failed and --strict allows no fallback (exit 3):\n  ${M6I}: timeout`);
    expect(readFileSync(cachePath, 'utf8')).toBe(before);
  });

  it('strict with every product live is an ordinary run', async () => {
    const { book } = await run([ok(T3, 0.05), ok(M6I, 0.1)], { strict: true });
    expect(book.price(M6I).usdPerUnit).toBe(0.1);
  });
});
