/**
 * A checked catalog as JSON and back, for catalogs validated once and used many times (the cache of checked
 * catalogs, a catalog checked at build time): formulas travel as their text and are compiled on first use, so
 * loading a checked catalog runs neither the YAML parser, nor zod, nor the formula parser.
 */
import type { Catalog, Formula } from '../model/catalog-types.js';
import { valueAt } from '../model/overrides.js';
import { lazyFormula } from './formula.js';

/** How a formula is written in the JSON: `{ "$formula": "ceil(users / 250)" }`. */
const MARKER = '$formula';

const isFormula = (value: unknown): value is Formula =>
  typeof value === 'object' && value !== null && typeof (value as Formula).evaluate === 'function' && typeof (value as Formula).text === 'string';

/** A checked catalog as plain JSON data (what `JSON.stringify` writes). */
export function catalogToJson(catalog: Catalog): unknown {
  return JSON.parse(JSON.stringify(catalog, (_key, value: unknown) => (isFormula(value) ? { [MARKER]: value.text } : value)));
}

/** Where a formula stands in `catalogToJson`'s data: the keys and indexes from the top, e.g. ["phases", 1, "components", 0, "count", "count"]. */
export type FormulaPath = ReadonlyArray<string | number>;

/** Where every formula stands in `catalogToJson`'s data, in document order: what `catalogFromJson` revives. */
export function formulaPathsOf(data: unknown): FormulaPath[] {
  const paths: FormulaPath[] = [];
  const visit = (node: unknown, path: FormulaPath): void => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i]));
    else if (node !== null && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      if (typeof object[MARKER] === 'string' && Object.keys(object).length === 1) paths.push(path);
      else for (const [key, value] of Object.entries(object)) visit(value, [...path, key]);
    }
  };
  visit(data, []);
  return paths;
}

/** The formula marker at `path` of `catalogToJson`'s data: the object or array that holds it, its key there, its text. */
function markerAt(data: unknown, path: FormulaPath): { holder: Record<string | number, unknown>; key: string | number; text: string } {
  const holder = valueAt(data, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  return { holder, key, text: (holder[key] as Record<string, string>)[MARKER]! };
}

/** The text of every formula at `paths` of `catalogToJson`'s data (each once), e.g. for a cache that keeps their parsed trees. */
export const formulaTextsAt = (data: unknown, paths: readonly FormulaPath[]): Set<string> => new Set(paths.map((path) => markerAt(data, path).text));

/**
 * The catalog from `catalogToJson`'s data, formulas compiled lazily; `paths` are `formulaPathsOf` the same data, kept
 * with it, so that only the formulas are visited, not the thousands of other values. The data must come from a
 * catalog that passed validation with this build: nothing is checked again here. The data becomes the catalog: each
 * formula marker is replaced where it stands, so the rest of the data is not copied (a fresh process pays for every
 * object it allocates), and the same data gives the same catalog when asked again.
 */
export function catalogFromJson(data: unknown, paths: readonly FormulaPath[]): Catalog {
  if (revived.has(data as object)) return data as Catalog;
  for (const path of paths) {
    const { holder, key, text } = markerAt(data, path);
    // A key named "__proto__" is an own property of JSON.parse's objects, so this sets it rather than the prototype.
    holder[key] = lazyFormula(text);
  }
  revived.add(data as object);
  return data as Catalog;
}

const revived = new WeakSet<object>();
