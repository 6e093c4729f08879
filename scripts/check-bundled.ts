/**
 * The build-time check of the bundled data files (scripts/build.mjs bundles and runs it): the price
 * snapshot and the catalog go through the full validators once, here, and the checked data goes to
 * dist/checked/ (src/build-info.ts), so that no run pays for YAML, zod or the formula parser to
 * use them — the first run in a fresh CI container included. The catalog is checked against the bundled
 * book, so its checked data is used only with that book; `--prices FILE` validates it against that file.
 */
import { readFileSync } from 'node:fs';
import type { CheckedAtBuild, CheckedKind } from '../src/build-info.js';
import { bookStamp, checkedCatalogOf } from '../src/catalog/checked.js';
import { formatProblem, ProblemList } from '../src/catalog/problems.js';
import { readCatalogText } from '../src/catalog/read.js';
import { validateCatalogText } from '../src/catalog/validate.js';
import { defaultCatalogPath, defaultSnapshotPath, displayPath } from '../src/paths.js';
import { bookFromSnapshot } from '../src/pricing/snapshot-book.js';
import { parsePriceSnapshot } from '../src/pricing/snapshot-schema.js';

/** The build's findings: per kind, the checked data and the exact bytes it was checked from. */
export type CheckResult =
  | { ok: true; checked: Record<CheckedKind, CheckedAtBuild>; sources: Record<CheckedKind, Buffer> }
  | { ok: false; problems: string[] };

export function checkBundledData(): CheckResult {
  // The snapshot is read as src/pricing/load-snapshot.ts reads it (same origin, so the same book stamp);
  // its own errors throw with the file and field named.
  const snapshotBytes = readFileSync(defaultSnapshotPath);
  const origin = displayPath(defaultSnapshotPath);
  const snapshot = parsePriceSnapshot(JSON.parse(snapshotBytes.toString('utf8')) as unknown, origin);
  const book = bookFromSnapshot(snapshot, origin);
  const catalogBytes = readFileSync(defaultCatalogPath);

  const name = displayPath(defaultCatalogPath);
  const read = new ProblemList(name);
  const text = readCatalogText(defaultCatalogPath, read);
  if (!text.ok) return { ok: false, problems: read.items.map(formatProblem) };
  const validation = validateCatalogText(text.text, name, { book });
  if (!validation.catalog) return { ok: false, problems: [...validation.errors, ...validation.warnings].map(formatProblem) };

  return {
    ok: true,
    checked: {
      catalog: { context: bookStamp(book), data: checkedCatalogOf(validation.catalog, validation.warnings) },
      snapshot: { context: '', data: snapshot },
    },
    sources: { catalog: catalogBytes, snapshot: snapshotBytes },
  };
}
