import { readFileSync } from 'node:fs';
import { defaultSnapshotPath } from '../paths.js';

/**
 * The price keys of the bundled snapshot, for the "every price key resolvable" rule; undefined when
 * the snapshot cannot be read (that is the price book's error to report, not the catalog's).
 */
export function snapshotPriceKeys(path: string = defaultSnapshotPath): ReadonlySet<string> | undefined {
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { prices?: unknown };
    if (json.prices && typeof json.prices === 'object') return new Set(Object.keys(json.prices));
  } catch {
    // fall through: no key check
  }
  return undefined;
}
