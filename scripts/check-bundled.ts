/**
 * The build-time check of the bundled data files (scripts/build.mjs bundles and runs it): the price
 * snapshot and the catalog go through the full validators once, here, and the checked data goes to
 * dist/checked/ (src/build-info.ts), so that no run pays for YAML, zod or the formula parser to
 * use them — the first run in a fresh CI container included.
 */
import { readFileSync } from 'node:fs';
import type { CheckedAtBuild, CheckedKind } from '../src/build-info.js';
import { checkedCatalogOf, ruleContext } from '../src/catalog/checked.js';
import { snapshotPriceKeys } from '../src/catalog/price-keys.js';
import { formatProblem, ProblemList } from '../src/catalog/problems.js';
import { readCatalogText } from '../src/catalog/read.js';
import { validateCatalogText } from '../src/catalog/validate.js';
import { defaultCatalogPath, defaultSnapshotPath, displayPath } from '../src/paths.js';
import { parsePriceSnapshot } from '../src/pricing/snapshot-schema.js';

/** The build's findings: per kind, the checked data and the exact bytes it was checked from. */
export type CheckResult =
  | { ok: true; checked: Record<CheckedKind, CheckedAtBuild>; sources: Record<CheckedKind, Buffer> }
  | { ok: false; problems: string[] };

export function checkBundledData(): CheckResult {
  // The snapshot is read as load-snapshot.ts reads it; its own errors throw with the file and field named.
  const snapshotBytes = readFileSync(defaultSnapshotPath);
  const snapshot = parsePriceSnapshot(JSON.parse(snapshotBytes.toString('utf8')) as unknown, displayPath(defaultSnapshotPath));
  const catalogBytes = readFileSync(defaultCatalogPath);

  const name = displayPath(defaultCatalogPath);
  const read = new ProblemList(name);
  const text = readCatalogText(defaultCatalogPath, read);
  if (!text.ok) return { ok: false, problems: read.items.map(formatProblem) };
  const keys = snapshotPriceKeys();
  if (!keys) return { ok: false, problems: [`${displayPath(defaultSnapshotPath)}: cannot be loaded for the catalog's price-key rule`] };
  const options = { priceKeys: keys };
  const validation = validateCatalogText(text.text, name, options);
  if (!validation.data) return { ok: false, problems: [...validation.errors, ...validation.warnings].map(formatProblem) };

  return {
    ok: true,
    checked: {
      catalog: { context: ruleContext(options), data: checkedCatalogOf(validation.data, validation.warnings) },
      snapshot: { context: '', data: snapshot },
    },
    sources: { catalog: catalogBytes, snapshot: snapshotBytes },
  };
}
