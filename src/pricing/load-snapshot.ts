/** The one piece of I/O in src/pricing: read a snapshot file and hand it to the pure book. */
import { readFileSync } from 'node:fs';
import { defaultSnapshotPath, displayPath } from '../paths.js';
import { InvalidPriceSnapshotError } from './errors.js';
import { snapshotPriceBook, type SnapshotPriceBook } from './snapshot-book.js';

/**
 * Loads the bundled snapshot (data/pricing/aws-us-east-1.json) or the given file.
 * @throws InvalidPriceSnapshotError when the file cannot be read, is not JSON, or is not a valid snapshot.
 */
export function loadSnapshotPriceBook(file: string = defaultSnapshotPath): SnapshotPriceBook {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPriceSnapshotError(file, `cannot read the price snapshot: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPriceSnapshotError(file, `the price snapshot is not valid JSON: ${reason}`);
  }
  return snapshotPriceBook(json, displayPath(file));
}

