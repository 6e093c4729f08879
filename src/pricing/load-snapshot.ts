/** The one piece of I/O in src/pricing: read a snapshot file and hand it to the pure book. */
import { readFileSync } from 'node:fs';
import { checkedAtBuild } from '../build-info.js';
import { readCached, writeCached } from '../cache.js';
import { defaultSnapshotPath, displayPath } from '../paths.js';
import { InvalidPriceSnapshotError } from './errors.js';
import { bookFromSnapshot, type SnapshotPriceBook } from './snapshot-book.js';
import { parsePriceSnapshot, type PriceSnapshot } from './snapshot-schema.js';

/**
 * Loads the bundled snapshot (data/pricing/aws-us-east-1.json) or the given file. A text this build has
 * checked — the bundled snapshot as the build checked it (src/build-info.ts), or an entry of the verified
 * cache (src/cache.ts) — is used without running the schema (nor loading zod); otherwise the schema
 * checks it, and a valid one is cached.
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

/** A snapshot's check depends on its text alone. */
const NO_CONTEXT = '';

function load(file: string): SnapshotPriceBook {
  const origin = displayPath(file);
  const checkedByBuild = checkedAtBuild<PriceSnapshot>('snapshot', file, NO_CONTEXT);
  if (checkedByBuild) return bookFromSnapshot(checkedByBuild, origin);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPriceSnapshotError(file, `cannot read the price snapshot: ${reason}`);
  }
  const checked = readCached<PriceSnapshot>('snapshot', text, NO_CONTEXT);
  if (checked) return bookFromSnapshot(checked, origin);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPriceSnapshotError(file, `the price snapshot is not valid JSON: ${reason}`);
  }
  const snapshot = parsePriceSnapshot(json, origin);
  writeCached('snapshot', text, NO_CONTEXT, snapshot);
  return bookFromSnapshot(snapshot, origin);
}
