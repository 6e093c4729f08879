/**
 * The loader's shortcuts (src/pricing/load-snapshot.ts): a text the build checked, or one in the verified cache,
 * is used as checked; a valid text is cached; a path already loaded gives the same book. build-info is replaced
 * so that this run counts as a build (the sources have no build id, which turns the cache off) and so that the
 * test decides which file "the build checked".
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCached, writeCached } from '../../src/cache.js';
import { loadSnapshotPriceBook, type PriceSnapshot } from '../../src/pricing/index.js';
import { minimalSnapshot } from './snapshot-fixture.js';

const checkedByBuild = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../src/build-info.js', () => ({
  buildId: 'pricing-test-build',
  checkedAtBuild: (kind: string, path: string, context: string) => (kind === 'snapshot' && context === '' ? checkedByBuild.get(path) : undefined),
}));

const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-load-'));
const cache = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  vi.stubEnv('CUENTA_PLAN_CACHE_DIR', cache);
  vi.stubEnv('CUENTA_PLAN_NO_CACHE', '');
});
afterEach(() => vi.unstubAllEnvs());

let files = 0;
/** A snapshot file at a path no other test loads (the loader keeps books by path for the process). */
function snapshotFile(text: string = JSON.stringify(minimalSnapshot())): { file: string; text: string } {
  const file = join(dir, `snapshot-${files++}.json`);
  writeFileSync(file, text);
  return { file, text };
}

describe('loadSnapshotPriceBook shortcuts', () => {
  it('gives the same book when a path is loaded twice', () => {
    const { file } = snapshotFile();
    expect(loadSnapshotPriceBook(file)).toBe(loadSnapshotPriceBook(file));
  });

  it('uses a file the build checked as the build checked it, without reading it', () => {
    const file = join(dir, 'checked-by-build.json'); // never written: reading it would fail
    checkedByBuild.set(file, { ...minimalSnapshot(), region: 'eu-west-1' });
    const book = loadSnapshotPriceBook(file);
    expect(book.meta.region).toBe('eu-west-1');
    expect(book.meta.origin).toBe(file); // not under data/, so named as given (src/paths.ts displayPath)
  });

  it('uses the checked data the verified cache holds for the text, without checking the text again', () => {
    const { file, text } = snapshotFile(JSON.stringify({ ...minimalSnapshot(), region: 'us-west-2' }));
    // The entry a previous run would have left for this exact text, here with another region to tell it apart.
    writeCached('snapshot', text, '', { ...minimalSnapshot(), region: 'ap-south-1' });
    expect(loadSnapshotPriceBook(file).meta.region).toBe('ap-south-1');
  });

  it('caches a valid snapshot under its text', () => {
    const snapshot = { ...minimalSnapshot(), region: 'sa-east-1' };
    const { file, text } = snapshotFile(JSON.stringify(snapshot));
    expect(readCached('snapshot', text, '')).toBeUndefined();
    loadSnapshotPriceBook(file);
    expect(readCached<PriceSnapshot>('snapshot', text, '')).toEqual(snapshot);
  });

  it('keys the cache by the text decoded as UTF-8, even for a byte that is not UTF-8', () => {
    // 0xFF never occurs in UTF-8: decoding turns it into U+FFFD, so the text differs from the raw bytes.
    const json = Buffer.from(JSON.stringify({ ...minimalSnapshot(), region: 'eu-north-1' }));
    const at = json.indexOf('eu-north-1');
    const bytes = Buffer.concat([json.subarray(0, at), Buffer.from([0xff]), json.subarray(at)]);
    const { file } = snapshotFile();
    writeFileSync(file, bytes);
    expect(loadSnapshotPriceBook(file).meta.region).toBe('\uFFFDeu-north-1');
    expect(readCached('snapshot', readFileSync(file, 'utf8'), '')).toBeDefined();
  });

  it('names the file when it is not a valid snapshot, and caches nothing for it', () => {
    const { file, text } = snapshotFile(JSON.stringify({ ...minimalSnapshot(), currency: 'EUR' }));
    expect(() => loadSnapshotPriceBook(file)).toThrow(`${file}: invalid price snapshot: currency`);
    expect(readCached('snapshot', text, '')).toBeUndefined();
    expect(readdirSync(cache).some((name) => name.endsWith('.tmp'))).toBe(false);
  });
});
