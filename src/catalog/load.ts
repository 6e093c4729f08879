import { UserError } from '../errors.js';
import type { Catalog } from '../model/catalog-types.js';
import { defaultCatalogPath, displayPath } from '../paths.js';
import { formatProblem, ProblemList, type CatalogProblem } from './problems.js';
import { readCatalogText } from './read.js';
import { cachedCatalog, catalogFromChecked, checkedByBuild, type CheckedCatalog } from './checked.js';
import type { ValidationBook } from './rules/index.js';
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
 * Loads a catalog: the given path ("-" for standard input), or the bundled data/phases.yaml, checked against
 * `book`, the price book the command will use (absent: price keys, units and region go unchecked).
 *
 * Fast path: a catalog already checked with this build and this book — the bundled file against the bundled
 * book as the build checked them, or any text in the verified cache (./checked.ts) — is used without the
 * YAML parser, zod or the formula parser. Otherwise the full validator (./validate.ts) checks it and caches
 * it if it has no error.
 * @throws UserError listing every problem when the catalog has errors (exit 2)
 */
export function loadCatalog(path: string = defaultCatalogPath, book?: ValidationBook): LoadedCatalog {
  const key = `${path}\0${book?.meta.origin ?? ''}`;
  const known = loaded.get(key);
  if (known) return known;
  const name = displayPath(path);
  const result = fromChecked(checkedByBuild(path, book), name) ?? loadText(path, name, book);
  loaded.set(key, result);
  return result;
}

function loadText(path: string, name: string, book: ValidationBook | undefined): LoadedCatalog {
  const problems = new ProblemList(name);
  const read = readCatalogText(path, problems);
  if (!read.ok) throw invalidCatalogError({ file: name, errors: problems.errors, warnings: problems.warnings, stage: 'read' });
  return fromChecked(cachedCatalog(read.text, book), name) ?? validate(read.text, name, book);
}

function fromChecked(checked: CheckedCatalog | undefined, name: string): LoadedCatalog | undefined {
  if (!checked) return undefined;
  try {
    const { catalog, warnings } = catalogFromChecked(checked);
    return { catalog, warnings: warnings.map((warning) => ({ ...warning, file: name })), file: name };
  } catch {
    return undefined; // checked data the code no longer understands: the full path decides
  }
}

function validate(text: string, name: string, book: ValidationBook | undefined): LoadedCatalog {
  const validation = validateCatalogText(text, name, book ? { book, cache: true } : { cache: true });
  if (!validation.catalog) throw invalidCatalogError(validation);
  return { catalog: validation.catalog, warnings: validation.warnings, file: validation.file };
}
