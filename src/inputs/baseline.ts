/**
 * The gate's `--baseline FILE`: a result saved with `--format json` (simulate, sweep or gate), checked against its
 * schema and schemaVersion, or a catalog to evaluate like the current one. Either way, a monthly cost per user count.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { loadCatalog } from '../catalog/load.js';
import { catalogBaselinePoints, type GateBaseline } from '../model/gate.js';
import { thresholdsOf } from '../model/plan.js';
import type { Catalog } from '../model/catalog-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { SnapshotPriceBook } from '../pricing/snapshot-book.js';
import { readSavedResult } from '../results/read-saved.js';

/** A saved result is JSON, whose text starts with `{`; a catalog is YAML, which never does in practice. */
const looksLikeJson = (text: string): boolean => /^\uFEFF?\s*[[{]/.test(text);

/** The baseline's costs from a saved result. @throws UserError for a result of another command (exit 2) */
export function savedBaseline(text: string, file: string): GateBaseline {
  const saved = readSavedResult(text, file);
  switch (saved.command) {
    case 'simulate':
      return { source: file, kind: 'simulate', points: [{ users: saved.result.users, totalUsd: saved.result.cost.totalUsd }] };
    case 'sweep':
      return { source: file, kind: 'sweep', points: saved.result.rows.map((row) => ({ users: row.users, totalUsd: row.totalUsd })) };
    case 'gate':
      return { source: file, kind: 'gate', points: saved.result.results.map((row) => ({ users: row.users, totalUsd: row.totalUsd })) };
    default:
      throw new UserError(
        `${file} is a saved ${saved.command} result, which holds no monthly cost per user count; a baseline is a saved simulate, sweep or gate result (--format json), or a catalog`,
      );
  }
}

/**
 * Reads `--baseline FILE`: a saved result, or else a catalog evaluated at `users` with this run's choice of price
 * book (as written: `--set` applies to the catalog under test only).
 * @throws UserError when the file cannot be read or is neither a valid saved result nor a valid catalog (exit 2)
 */
export async function loadBaseline(
  file: string,
  users: readonly number[],
  snapshot: SnapshotPriceBook,
  bookFor: (catalog: Catalog) => Promise<PriceBook>,
): Promise<GateBaseline> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new UserError(`cannot read baseline ${file}: ${why}; pass a result saved with --format json, or a catalog`);
  }
  if (looksLikeJson(text)) return savedBaseline(text, file);
  const { catalog } = loadCatalog(file, snapshot);
  const book = await bookFor(catalog);
  return { source: file, kind: 'catalog', points: catalogBaselinePoints(catalog, users, book, thresholdsOf(catalog)) };
}
