/**
 * A catalog's checked data: what a full validation leaves for later runs so they skip YAML, zod and the
 * formula parser. It comes from the build (the bundled catalog, src/build-info.ts) or from the cache of
 * a user's catalogs (src/cache.ts); either way it is only used for the exact file or text and the price
 * keys it was checked with.
 */
import { checkedAtBuild } from '../build-info.js';
import { readCached, writeCached } from '../cache.js';
import type { Catalog } from '../model/catalog-types.js';
import { formulaTree, rememberFormulaTrees, type FormulaTree } from './formula.js';
import { normaliseCatalog } from './normalise.js';
import { ProblemList, type CatalogProblem } from './problems.js';
import type { RuleOptions } from './rules.js';
import type { CatalogFile } from './schema.js';

export interface CheckedCatalog {
  /** The schema-checked file (snake_case, as in the YAML). */
  data: CatalogFile;
  /** The parsed tree of every formula in it, by text (without the "="). */
  formulas: Record<string, FormulaTree>;
  /** Problems that did not stop the catalog from being used. */
  warnings: CatalogProblem[];
}

/** Every formula text in the data: each string that starts with "=", wherever the schema allows one. */
function formulaTexts(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (value.startsWith('=')) out.add(value.slice(1));
  } else if (Array.isArray(value)) {
    for (const item of value) formulaTexts(item, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) formulaTexts(item, out);
  }
  return out;
}

/** What a validation that found no error leaves behind; data and warnings are kept as given. */
export function checkedCatalogOf(data: CatalogFile, warnings: readonly CatalogProblem[]): CheckedCatalog {
  const formulas: Record<string, FormulaTree> = {};
  for (const text of formulaTexts(data, new Set())) {
    const tree = formulaTree(text);
    if (tree) formulas[text] = tree;
  }
  return { data, formulas, warnings: [...warnings] };
}

/** What else a check depended on besides the text: the price keys every cost line had to resolve to. */
export function ruleContext(options: RuleOptions): string {
  return options.priceKeys ? `price keys:${[...options.priceKeys].sort().join(' ')}` : 'price keys: unchecked';
}

/** The build's checked data, when the file at `path` is byte for byte the bundled catalog it checked. */
export function checkedByBuild(path: string, options: RuleOptions): CheckedCatalog | undefined {
  return checkedAtBuild<CheckedCatalog>('catalog', path, ruleContext(options));
}

/** The checked data of a verified cache entry for this text and these rule options. */
export function cachedCatalog(text: string, options: RuleOptions): CheckedCatalog | undefined {
  return readCached<CheckedCatalog>('catalog', text, ruleContext(options));
}

/** Caches a catalog that passed validation with no error. */
export function cacheCheckedCatalog(text: string, data: CatalogFile, warnings: readonly CatalogProblem[], options: RuleOptions): void {
  writeCached('catalog', text, ruleContext(options), checkedCatalogOf(data, warnings));
}

/**
 * The engine's Catalog from checked data: normalised again (cheap), formulas compiled on first use from
 * their stored trees. Undefined if normalising finds an error, which checked data cannot have unless
 * the code changed under it: the caller then validates in full.
 * @param file the catalog's name in warnings
 */
export function catalogFromChecked(checked: CheckedCatalog, file: string): { catalog: Catalog; warnings: CatalogProblem[] } | undefined {
  rememberFormulaTrees(checked.formulas);
  const problems = new ProblemList(file);
  const catalog = normaliseCatalog(checked.data, problems, { deferFormulas: true });
  if (problems.hasErrors) return undefined;
  return { catalog, warnings: checked.warnings.map((warning) => ({ ...warning, file })) };
}
