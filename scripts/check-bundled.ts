/**
 * The build-time check of the bundled data files (scripts/build.mjs bundles and runs it): the price
 * snapshot and the catalog go through the full validators once, here, and the checked data is baked
 * into the CLI's bundle (src/build-info.ts), so that no run pays for YAML, zod or the formula parser
 * to use them — the first run in a fresh CI container included.
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

export type CheckResult = { ok: true; checked: Record<CheckedKind, CheckedAtBuild> } | { ok: false; problems: string[] };

export function checkBundledData(): CheckResult {
  // The snapshot is read as load-snapshot.ts reads it; its own errors throw with the file and field named.
  const snapshotText = readFileSync(defaultSnapshotPath, 'utf8');
  const snapshot = parsePriceSnapshot(JSON.parse(snapshotText) as unknown, displayPath(defaultSnapshotPath));

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
      catalog: { text: text.text, context: ruleContext(options), json: JSON.stringify(checkedCatalogOf(validation.data, validation.warnings)) },
      snapshot: { text: snapshotText, context: '', json: JSON.stringify(snapshot) },
    },
  };
}
