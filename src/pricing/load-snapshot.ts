/** The one piece of I/O in src/pricing: read a snapshot file and hand it to the pure book. */
import { readFileSync } from 'node:fs';
import { readCached, writeCached } from '../cache.js';
import { defaultSnapshotPath, displayPath } from '../paths.js';
import { InvalidPriceSnapshotError } from './errors.js';
import { bookFromSnapshot, type SnapshotPriceBook } from './snapshot-book.js';
import { parsePriceSnapshot, type PriceSnapshot } from './snapshot-schema.js';

/**
 * Loads the bundled snapshot (data/pricing/aws-us-east-1.json) or the given file. A text this build has
 * checked before is taken from the cache (src/cache.ts) without running the schema; otherwise the
 * schema checks it, and a clean one is cached.
 * @throws InvalidPriceSnapshotError when the file cannot be read, is not JSON, or is not a valid snapshot.
 */
export function loadSnapshotPriceBook(file: string = defaultSnapshotPath): SnapshotPriceBook {
  let book = loaded.get(file);
  if (!book) {
    book = load(file);
    loaded.set(file, book);
  }
  return book;
}

/** Books already loaded in this process, by path: a run reads the catalog's price keys and then prices with the same book. */
const loaded = new Map<string, SnapshotPriceBook>();

function load(file: string): SnapshotPriceBook {
  const origin = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPriceSnapshotError(file, `cannot read the price snapshot: ${reason}`);
  }
  const checked = readCached<PriceSnapshot>('snapshot', text);
  if (checked) return bookFromSnapshot(checked, origin);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPriceSnapshotError(file, `the price snapshot is not valid JSON: ${reason}`);
  }
  const snapshot = parsePriceSnapshot(json, origin);
  writeCached('snapshot', text, snapshot);
  return bookFromSnapshot(snapshot, origin);
}
