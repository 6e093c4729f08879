import { readCached } from '../cache.js';
import { UserError } from '../errors.js';
import type { Catalog } from '../model/catalog-types.js';
import { defaultCatalogPath, displayPath } from '../paths.js';
import { normaliseCatalog } from './normalise.js';
import { snapshotPriceKeys } from './price-keys.js';
import { formatProblem, ProblemList, type CatalogProblem } from './problems.js';
import { readCatalogText } from './read.js';
import { checkRules } from './rules.js';
import type { CatalogFile } from './schema.js';
import { validateCatalogText } from './validate.js';

export interface LoadedCatalog {
  catalog: Catalog;
  /** Problems that do not stop the catalog from being used. */
  warnings: readonly CatalogProblem[];
  /** The catalog's name in messages: the bundled one relative to the package, others as given. */
  file: string;
}

/** What `invalidCatalogError` needs of a validation. */
interface Failed {
  file: string;
  errors: readonly CatalogProblem[];
  warnings: readonly CatalogProblem[];
  stage: string;
}

/** The UserError for an invalid catalog: one detail line per problem, `file:line:col  path  message`. */
export function invalidCatalogError(validation: Failed): UserError {
  const { errors, warnings, file } = validation;
  if (validation.stage === 'read' && errors.length === 1) {
    return new UserError(`cannot use catalog ${file}: ${errors[0]!.message}`);
  }
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  const also = warnings.length > 0 ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : '';
  return new UserError(`catalog ${file} is invalid (${count}${also}):`, [...errors, ...warnings].map(formatProblem));
}

const loaded = new Map<string, LoadedCatalog>();

/**
 * Loads a catalog: the given path, or the bundled data/phases.yaml.
 *
 * Fast path: a text that passed every check before with this build is in the cache (src/cache.ts) as
 * checked data; it is normalised and its rules run again, without the YAML parser and zod (~100 ms cold).
 * Otherwise the full validator (./validate.ts) checks it and caches it if it is clean.
 * @throws UserError listing every problem when the catalog has errors (exit 2)
 */
export function loadCatalog(path: string = defaultCatalogPath): LoadedCatalog {
  const known = loaded.get(path);
  if (known) return known;
  const name = path === defaultCatalogPath ? displayPath(path) : path;
  const problems = new ProblemList(name);
  const read = readCatalogText(path, problems);
  if (!read.ok) throw invalidCatalogError({ file: name, errors: problems.errors, warnings: problems.warnings, stage: 'read' });
  const result = fromCache(read.text, name) ?? validate(read.text, name);
  loaded.set(path, result);
  return result;
}

function fromCache(text: string, name: string): LoadedCatalog | undefined {
  const cached = readCached<CatalogFile>('catalog', text);
  if (!cached) return undefined;
  const problems = new ProblemList(name);
  try {
    const catalog = normaliseCatalog(cached, problems, { deferFormulas: true });
    const keys = snapshotPriceKeys();
    if (problems.items.length === 0) checkRules(cached, catalog, problems, keys ? { priceKeys: keys } : {});
    // Any problem at all (the price snapshot may have changed): the full path reports it with its position.
    return problems.items.length === 0 ? { catalog, warnings: [], file: name } : undefined;
  } catch {
    return undefined; // a malformed cache entry: the full path decides
  }
}

function validate(text: string, name: string): LoadedCatalog {
  const keys = snapshotPriceKeys();
  const validation = validateCatalogText(text, name, keys ? { priceKeys: keys, cache: true } : { cache: true });
  if (!validation.catalog) throw invalidCatalogError(validation);
  return { catalog: validation.catalog, warnings: validation.warnings, file: validation.file };
}
