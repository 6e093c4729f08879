import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { Catalog } from '../model/catalog.js';
import { defaultCatalogPath, defaultSnapshotPath, displayPath } from '../paths.js';
import { formatProblem, type CatalogProblem } from './problems.js';
import { validateCatalogFile, type CatalogValidation } from './validate.js';

export interface LoadedCatalog {
  catalog: Catalog;
  /** Problems that do not stop the catalog from being used. */
  warnings: readonly CatalogProblem[];
  /** The path that was read. */
  file: string;
}

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

/** Validates a catalog file with the snapshot's price keys. */
export function validateCatalog(path: string = defaultCatalogPath): CatalogValidation {
  const keys = snapshotPriceKeys();
  return validateCatalogFile(path, keys ? { priceKeys: keys, cache: true } : { cache: true }, path === defaultCatalogPath ? displayPath(path) : path);
}

/** The UserError for an invalid catalog: one detail line per problem, `file:line:col  path  message`. */
export function invalidCatalogError(validation: CatalogValidation): UserError {
  const { errors, warnings, file } = validation;
  if (validation.stage === 'read' && errors.length === 1) {
    return new UserError(`cannot use catalog ${file}: ${errors[0]!.message}`);
  }
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  const also = warnings.length > 0 ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : '';
  return new UserError(`catalog ${file} is invalid (${count}${also}):`, [...errors, ...warnings].map(formatProblem));
}

const cache = new Map<string, LoadedCatalog>();

/**
 * Loads and validates a catalog: the given path, or the bundled data/phases.yaml.
 * @throws UserError listing every problem when the catalog has errors (exit 2)
 */
export function loadCatalog(path?: string): LoadedCatalog {
  const file = path ?? defaultCatalogPath;
  const cached = cache.get(file);
  if (cached) return cached;
  const validation = validateCatalog(file);
  if (!validation.catalog) throw invalidCatalogError(validation);
  const loaded: LoadedCatalog = { catalog: validation.catalog, warnings: validation.warnings, file: validation.file };
  cache.set(file, loaded);
  return loaded;
}
