/**
 * A checked catalog as JSON and back, for catalogs validated once and used many times (the cache of checked
 * catalogs, a catalog checked at build time): formulas travel as their text and are compiled on first use, so
 * loading a checked catalog runs neither the YAML parser, nor zod, nor the formula parser.
 */
import type { Catalog, Formula } from '../model/catalog-types.js';
import { lazyFormula } from './formula.js';

/** How a formula is written in the JSON: `{ "$formula": "ceil(users / 250)" }`. */
const MARKER = '$formula';

const isFormula = (value: unknown): value is Formula =>
  typeof value === 'object' && value !== null && typeof (value as Formula).evaluate === 'function' && typeof (value as Formula).text === 'string';

/** A checked catalog as plain JSON data (what `JSON.stringify` writes). */
export function catalogToJson(catalog: Catalog): unknown {
  return JSON.parse(JSON.stringify(catalog, (_key, value: unknown) => (isFormula(value) ? { [MARKER]: value.text } : value)));
}

/** Every formula text in `catalogToJson`'s data (each once), e.g. for a cache that keeps their parsed trees. */
export function formulaTextsOf(data: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) formulaTextsOf(item, out);
  } else if (data !== null && typeof data === 'object') {
    const object = data as Record<string, unknown>;
    if (typeof object[MARKER] === 'string' && Object.keys(object).length === 1) out.add(object[MARKER]);
    else for (const value of Object.values(object)) formulaTextsOf(value, out);
  }
  return out;
}

/**
 * The catalog from `catalogToJson`'s data, formulas compiled lazily. The data must come from a catalog that
 * passed validation with this build: nothing is checked again here. The data becomes the catalog: each formula
 * marker is replaced where it stands, so the rest of the data is not copied (a fresh process pays for every object
 * it allocates), and the same data gives the same catalog when asked again.
 */
export function catalogFromJson(data: unknown): Catalog {
  if (data !== null && typeof data === 'object') {
    const known = revived.get(data);
    if (known) return known;
  }
  const revive = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = revive(node[i]);
      return node;
    }
    const object = node as Record<string, unknown>;
    const text = object[MARKER];
    if (typeof text === 'string' && Object.keys(object).length === 1) return lazyFormula(text);
    for (const key of Object.keys(object)) {
      const value = revive(object[key]);
      // A key named "__proto__" (JSON.parse makes it an own property) must stay one, not set the prototype.
      if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
    }
    return object;
  };
  const catalog = revive(data) as Catalog;
  revived.set(data as object, catalog);
  return catalog;
}

const revived = new WeakMap<object, Catalog>();
