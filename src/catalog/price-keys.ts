import { defaultSnapshotPath } from '../paths.js';
import { loadSnapshotPriceBook } from '../pricing/load-snapshot.js';

/**
 * The price keys of the bundled snapshot, for the "every price key resolvable" rule; undefined when
 * the snapshot cannot be loaded (that is the price book's error to report, not the catalog's).
 */
export function snapshotPriceKeys(path: string = defaultSnapshotPath): ReadonlySet<string> | undefined {
  try {
    return new Set(loadSnapshotPriceBook(path).keys());
  } catch {
    return undefined;
  }
}
