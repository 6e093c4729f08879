/**
 * The live price cache file (src/pricing/cache-file.ts): where it lives, what a reader accepts and refuses (each
 * check on its own), and how a write that cannot happen is reported. Hand-made files in a temp folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { mergePriceCache, priceCacheDir, priceCachePath, readPriceCache, writePriceCache, type PriceCache } from '../../src/pricing/cache-file.js';

const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-price-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = '2026-12-01T00:00:00.000Z';
const price = { usd: 0.0416, unit: 'hour', retrievedAt: AT };
const product = { serviceCode: 'AmazonEC2', sku: 'SKU1', retrievedAt: AT, prices: { 'ec2:t3.medium': price } };
const valid = { format: 1, region: 'us-east-1', products: { 'ec2:t3.medium': product } };

let files = 0;
/** Writes `content` (JSON unless a string) to a fresh file and reads it back as a us-east-1 cache. */
function read(content: unknown, region = 'us-east-1') {
  const path = join(dir, `c${(files += 1)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return { path, ...readPriceCache(path, region) };
}

describe('where the cache lives', () => {
  it('CUENTA_PLAN_CACHE_DIR first, then $XDG_CACHE_HOME/cuenta-plan, then ~/.cache/cuenta-plan', () => {
    expect(priceCacheDir({ CUENTA_PLAN_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(priceCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/cuenta-plan');
    expect(priceCacheDir({})).toBe(join(homedir(), '.cache', 'cuenta-plan'));
  });

  it('an empty variable counts as unset', () => {
    expect(priceCacheDir({ CUENTA_PLAN_CACHE_DIR: '', XDG_CACHE_HOME: '/x' })).toBe('/x/cuenta-plan');
    expect(priceCacheDir({ CUENTA_PLAN_CACHE_DIR: '', XDG_CACHE_HOME: '' })).toBe(join(homedir(), '.cache', 'cuenta-plan'));
  });

  it('one file per region', () => {
    expect(priceCachePath({ CUENTA_PLAN_CACHE_DIR: '/c' }, 'eu-central-1')).toBe('/c/prices-eu-central-1.json');
  });
});

describe('reading', () => {
  it('accepts a well-formed cache and returns it as written', () => {
    const r = read(valid);
    expect(r.problem).toBeUndefined();
    expect(r.cache).toEqual(valid);
  });

  it('no file yet is no cache and no problem', () => {
    expect(readPriceCache(join(dir, 'absent.json'), 'us-east-1')).toEqual({ cache: undefined });
  });

  it('a path it cannot read (a folder) is a problem naming the path and the reason', () => {
    const folder = join(dir, 'a-folder.json');
    mkdirSync(folder);
    const r = readPriceCache(folder, 'us-east-1');
    expect(r.cache).toBeUndefined();
    expect(r.problem).toMatch(new RegExp(`^cannot read ${folder}: .*EISDIR`));
  });

  it('text that is not JSON', () => {
    const r = read('{ "format": 1,');
    expect(r).toMatchObject({ cache: undefined, problem: `${r.path} is not valid JSON` });
  });

  it.each([
    ['an array', [valid]],
    ['null', null],
    ['another format', { ...valid, format: 2 }],
    ['no format', { region: valid.region, products: valid.products }],
    ['products as an array', { ...valid, products: [product] }],
    ['products missing', { format: 1, region: 'us-east-1' }],
  ])('refuses %s as not a cache', (_, content) => {
    const r = read(content);
    expect(r).toMatchObject({ cache: undefined, problem: `${r.path} is not a format-1 price cache for us-east-1` });
  });

  it('refuses the cache of another region', () => {
    const r = read(valid, 'eu-central-1');
    expect(r.problem).toBe(`${r.path} is not a format-1 price cache for eu-central-1`);
  });

  const productNeeds = 'needs serviceCode, sku, retrievedAt (an ISO time) and prices';
  it.each([
    ['a product that is not an object', 'x'],
    ['a product that is an array', [product]],
    ['a serviceCode that is not text', { ...product, serviceCode: 1 }],
    ['no sku', { ...product, sku: undefined }],
    ['a retrievedAt that is not a time', { ...product, retrievedAt: 'yesterday' }],
    ['a retrievedAt that is a number', { ...product, retrievedAt: 1 }],
    ['prices as an array', { ...product, prices: [price] }],
  ])('refuses %s, naming the product', (_, bad) => {
    const r = read({ ...valid, products: { 'ec2:t3.medium': product, 'rds:db.t3.micro': bad } });
    expect(r).toMatchObject({ cache: undefined, problem: `${r.path}: products["rds:db.t3.micro"] ${productNeeds}` });
  });

  const priceNeeds = 'needs usd \u2265 0, a price unit and retrievedAt';
  it.each([
    ['a price that is not an object', 0.0416],
    ['a price that is null', null],
    ['usd as text', { ...price, usd: '0.0416' }],
    ['a negative usd', { ...price, usd: -0.01 }],
    ['an unknown unit', { ...price, unit: 'fortnight' }],
    ['a unit that is not text', { ...price, unit: 1 }],
    ['a retrievedAt that is not a time', { ...price, retrievedAt: 'soon' }],
  ])('refuses %s, naming the product and the price', (_, bad) => {
    const r = read({ ...valid, products: { 'ec2:t3.medium': { ...product, prices: { 'ec2:t3.medium': price, 'ec2:t3.medium:spot': bad } } } });
    expect(r).toMatchObject({ cache: undefined, problem: `${r.path}: products["ec2:t3.medium"].prices["ec2:t3.medium:spot"] ${priceNeeds}` });
  });

  it('a usd of exactly 0 is a price (a free tier), and a product may have no prices', () => {
    const free = { ...product, prices: { 'ec2:t3.medium': { ...price, usd: 0 } } };
    expect(read({ ...valid, products: { a: free, b: { ...product, prices: {} } } }).problem).toBeUndefined();
  });
});

describe('writing', () => {
  it('writes the cache as indented JSON that reads back, leaving no temp file', () => {
    const folder = join(dir, 'new', 'nested');
    const path = join(folder, 'prices-us-east-1.json');
    writePriceCache(path, valid as PriceCache);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(valid, null, 2)}\n`);
    expect(readPriceCache(path, 'us-east-1').cache).toEqual(valid);
    expect(readdirSync(folder)).toEqual(['prices-us-east-1.json']);
  });

  it('a folder it cannot create is an external failure naming the path, the code and what to set', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const path = join(blocker, 'prices-us-east-1.json');
    let thrown: unknown;
    try {
      writePriceCache(path, valid as PriceCache);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExternalError);
    expect((thrown as Error).message).toBe(
      `cannot write the price cache ${path} (ENOTDIR); set XDG_CACHE_HOME or CUENTA_PLAN_CACHE_DIR to a writable folder`,
    );
  });

  it('a rename that fails removes the temp file it wrote', () => {
    // The target is a non-empty folder: the temp file is written, the rename over the folder fails.
    const folder = join(dir, 'rename');
    const path = join(folder, 'prices-us-east-1.json');
    mkdirSync(join(path, 'inside'), { recursive: true });
    expect(() => writePriceCache(path, valid as PriceCache)).toThrow(/^cannot write the price cache .* \((EISDIR|ENOTEMPTY|EEXIST)\)/);
    expect(readdirSync(folder)).toEqual(['prices-us-east-1.json']);
  });
});

describe('merging', () => {
  it('puts the new products in, replacing the same keys and keeping the others', () => {
    const older = { ...product, sku: 'OLD' };
    const other = { ...product, serviceCode: 'AmazonRDS', sku: 'R' };
    const previous = { format: 1, region: 'us-east-1', products: { 'ec2:t3.medium': older, 'rds:db.t3.micro': other } } as PriceCache;
    const merged = mergePriceCache(previous, 'us-east-1', { 'ec2:t3.medium': product } as PriceCache['products']);
    expect(merged).toEqual({ format: 1, region: 'us-east-1', products: { 'ec2:t3.medium': product, 'rds:db.t3.micro': other } });
  });

  it('starts a new cache when there is none', () => {
    expect(mergePriceCache(undefined, 'eu-central-1', {})).toEqual({ format: 1, region: 'eu-central-1', products: {} });
  });
});
