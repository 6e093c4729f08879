/**
 * A catalog's checked data: what a full validation leaves for later runs so they skip YAML, zod and the
 * formula parser. It comes from the build (the bundled catalog against the bundled price book,
 * src/build-info.ts) or from the verified cache of other catalogs and books (src/cache.ts); either way it
 * is only used for the exact file or text and the price book's stamp it was checked with.
 */
import { checkedAtBuild } from '../build-info.js';
import { readCached, writeCached } from '../cache.js';
import type { Catalog } from '../model/catalog-types.js';
import { catalogFromJson, catalogToJson, formulaPathsOf, formulaTextsAt, type FormulaPath } from './catalog-json.js';
import { formulaTree, rememberFormulaTrees, type FormulaTree } from './formula.js';
import type { CatalogProblem } from './problems.js';
import type { ValidationBook } from './rules/index.js';

export interface CheckedCatalog {
  /** The converted catalog, as `catalogToJson` writes it. */
  catalog: unknown;
  /** Where its formulas stand (`formulaPathsOf`). */
  formulaPaths: FormulaPath[];
  /** The parsed tree of every formula in it, by text (without the "="). */
  formulas: Record<string, FormulaTree>;
  /** Problems that did not stop the catalog from being used. */
  warnings: CatalogProblem[];
}

/**
 * What a catalog is checked against besides its text: the price book's identity, region, keys and units
 * (what ./rules/price-book.ts reads). Checked data is keyed by it, so a catalog checked against one book
 * is not taken as checked against another (`--prices FILE`).
 */
export function bookStamp(book: ValidationBook | undefined): string {
  if (!book) return 'no book';
  return [book.meta.origin, book.meta.region, ...[...book.keys()].map((key) => `${key}=${book.price(key).unit}`)].join('\n');
}

/** What a validation that found no error leaves behind. */
export function checkedCatalogOf(catalog: Catalog, warnings: readonly CatalogProblem[]): CheckedCatalog {
  const json = catalogToJson(catalog);
  const formulaPaths = formulaPathsOf(json);
  const formulas: Record<string, FormulaTree> = {};
  for (const text of formulaTextsAt(json, formulaPaths)) {
    const tree = formulaTree(text);
    if (tree) formulas[text] = tree;
  }
  return { catalog: json, formulaPaths, formulas, warnings: [...warnings] };
}

/** The build's checked data, when the file at `path` is byte for byte the bundled catalog and `book` the book it was checked against. */
export function checkedByBuild(path: string, book: ValidationBook | undefined): CheckedCatalog | undefined {
  return checkedAtBuild<CheckedCatalog>('catalog', path, bookStamp(book));
}

/** The checked data of a verified cache entry for this text and this book. */
export function cachedCatalog(text: string, book: ValidationBook | undefined): CheckedCatalog | undefined {
  return readCached<CheckedCatalog>('catalog', text, bookStamp(book));
}

/** Caches a catalog that passed validation with no error. */
export function cacheCheckedCatalog(text: string, catalog: Catalog, warnings: readonly CatalogProblem[], book: ValidationBook | undefined): void {
  writeCached('catalog', text, bookStamp(book), checkedCatalogOf(catalog, warnings));
}

/**
 * The engine's Catalog from checked data, formulas compiled on first use from their stored trees (so a
 * run that evaluates them never loads mathjs). Nothing is checked again: the data passed validation.
 */
export function catalogFromChecked(checked: CheckedCatalog): { catalog: Catalog; warnings: CatalogProblem[] } {
  rememberFormulaTrees(checked.formulas);
  return { catalog: catalogFromJson(checked.catalog, checked.formulaPaths), warnings: checked.warnings };
}
