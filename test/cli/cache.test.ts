/**
 * The cache of checked data for a user's own catalog (src/cache.ts, src/catalog/checked.ts), end to end:
 * a catalog is checked once, later runs use the cached data, and an entry that is not exactly what this
 * build wrote is never used. The bundled catalog needs no cache at all: the build checked it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STALE_TEMP_MS } from '../../src/temp-files.js';
import { runBinary } from './run.js';
import { runTraced } from './trace.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The bundled catalog with a comment added: the same plan, but not the text the build checked.
const userCatalog = join(tmp, 'my-plan.yaml');
writeFileSync(userCatalog, `${readFileSync(new URL('../../data/phases.yaml', import.meta.url), 'utf8')}\n# my copy\n`);

const simulate = (cacheDir: string) =>
  runTraced(['--catalog', userCatalog, 'simulate', '--users', '50000', '--format', 'json'], { env: { CUENTA_PLAN_CACHE_DIR: cacheDir } });
const catalogEntries = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('catalog-') && f.endsWith('.json'));
const PARSERS = ['yaml', 'zod', 'mathjs/number'];

describe("the cache of a user's catalog", () => {
  it('checks the catalog once; later runs give the same answer without YAML, zod or mathjs', () => {
    const dir = join(tmp, 'once');
    const first = simulate(dir);
    expect(first.code).toBe(0);
    expect(first.lazy).toEqual(expect.arrayContaining(PARSERS));
    expect(catalogEntries(dir)).toHaveLength(1);
    const second = simulate(dir);
    expect(second.stdout).toBe(first.stdout);
    expect(second.lazy.filter((name) => PARSERS.includes(name))).toEqual([]);
  });

  it('never uses an edited entry: the budget in the catalog decides the verdict', () => {
    const dir = join(tmp, 'edited');
    const first = simulate(dir);
    // Phase 3 costs about $4,100 a month at 50,000 users with snapshot prices, over its $980–$1,500 budget.
    expect(JSON.parse(first.stdout).status.overBudget).toBe(true);
    const [name] = catalogEntries(dir);
    const entry = readFileSync(join(dir, name!), 'utf8');
    const newline = entry.indexOf('\n');
    const stored = JSON.parse(entry.slice(newline + 1)) as { catalog: { phases: Array<{ id: number; budgetUsd: { max: number } }> } };
    stored.catalog.phases.find((phase) => phase.id === 3)!.budgetUsd.max = 1_000_000;
    writeFileSync(join(dir, name!), `${entry.slice(0, newline)}\n${JSON.stringify(stored)}`);

    const second = simulate(dir);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).status.overBudget).toBe(true);
    expect(second.stdout).toBe(first.stdout);
    // The entry was rejected, the catalog checked in full, and a good entry written in its place.
    expect(second.lazy).toEqual(expect.arrayContaining(PARSERS));
    expect(readFileSync(join(dir, name!), 'utf8')).toBe(entry);
  });

  it.each([
    ['not JSON', () => '{ not json'],
    ['empty', () => ''],
    ['truncated', (entry: string) => entry.slice(0, entry.length - 10)],
    ['without its digest', (entry: string) => entry.slice(entry.indexOf('\n') + 1)],
  ])('shrugs off an entry that is %s', (_label, corrupt) => {
    const dir = join(tmp, `corrupt-${_label.replaceAll(' ', '-')}`);
    const first = simulate(dir);
    for (const name of catalogEntries(dir)) writeFileSync(join(dir, name), corrupt(readFileSync(join(dir, name), 'utf8')));
    const second = simulate(dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });

  it('removes stale temp files of killed runs when it writes an entry', () => {
    const dir = join(tmp, 'temps');
    simulate(dir);
    const stale = join(dir, 'catalog-0123456789abcdef0123456789abcdef.json.4242.tmp');
    const fresh = join(dir, 'catalog-0123456789abcdef0123456789abcdef.json.4343.tmp');
    const notOurs = join(dir, 'notes.tmp');
    for (const file of [stale, fresh, notOurs]) writeFileSync(file, '{"half":');
    const old = (Date.now() - STALE_TEMP_MS - 5_000) / 1000;
    utimesSync(stale, old, old);
    utimesSync(notOurs, old, old);
    // Another catalog text, so that this run writes an entry.
    const other = join(tmp, 'other-plan.yaml');
    writeFileSync(other, `${readFileSync(userCatalog, 'utf8')}# another copy\n`);
    expect(runBinary(['--catalog', other, 'catalog', 'show'], { env: { CUENTA_PLAN_CACHE_DIR: dir } }).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
  });

  it('is off with CUENTA_PLAN_NO_CACHE=1', () => {
    const dir = join(tmp, 'never');
    const result = runBinary(['--catalog', userCatalog, 'catalog', 'validate'], { env: { CUENTA_PLAN_NO_CACHE: '1', CUENTA_PLAN_CACHE_DIR: dir } });
    expect(result.code).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('the bundled catalog and snapshot', () => {
  it('need no cache: a first run in a fresh HOME writes nothing there', () => {
    const home = mkdtempSync(join(tmp, 'home-'));
    const result = runTraced(['simulate', '--users', '50000', '--format', 'json'], { env: { HOME: home } });
    expect(result.code).toBe(0);
    expect(readdirSync(home)).toEqual([]);
    expect(result.lazy).toEqual([]);
  });
});
