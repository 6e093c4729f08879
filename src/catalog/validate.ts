/**
 * The catalog validation pipeline, in stages, each returning problems as data:
 *   read (size, empty, binary) → YAML (syntax, aliases) → schema (zod) → normalise (formulas) → rules.
 * A stage runs only when the one before it produced no errors; warnings never stop it.
 */
import type { Catalog } from '../model/catalog-types.js';
import { defaultCatalogPath, displayPath } from '../paths.js';
import { cacheCheckedCatalog } from './checked.js';
import { snapshotPriceKeys } from './price-keys.js';
import { reportZodIssues } from './issues.js';
import { normaliseCatalog } from './normalise.js';
import { Locator, ProblemList, type CatalogProblem } from './problems.js';
import { decodeCatalogBytes, readCatalogText } from './read.js';
import { parseCatalogYaml } from './yaml.js';
import { checkEvaluation } from './dry-run.js';
import { checkRules, type RuleOptions } from './rules.js';
import { catalogFileSchema, type CatalogFile } from './schema.js';

export type ValidationStage = 'read' | 'yaml' | 'schema' | 'formulas' | 'rules' | 'dry run';

export interface CatalogValidation {
  file: string;
  /** The normalised catalog, when there are no errors. */
  catalog?: Catalog;
  /** The schema-checked file the catalog was normalised from, when there are no errors (for caches of checked data). */
  data?: CatalogFile;
  errors: CatalogProblem[];
  warnings: CatalogProblem[];
  /** The stage that found the first errors, or "rules" when all ran. */
  stage: ValidationStage;
}

export interface ValidateOptions extends RuleOptions {
  /** Store a catalog that passes with no error in the cache of checked data (./checked.ts): the CLI does, tests need not. */
  cache?: boolean;
}

/** File-level problems first, then by position; the sort is stable, so rules keep their order on one line. */
const byPosition = (a: CatalogProblem, b: CatalogProblem) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

function finish(file: string, problems: ProblemList, stage: ValidationStage, catalog?: Catalog, data?: CatalogFile): CatalogValidation {
  const result: CatalogValidation = {
    file,
    errors: problems.errors.sort(byPosition),
    warnings: problems.warnings.sort(byPosition),
    stage,
  };
  if (catalog && !problems.hasErrors) result.catalog = catalog;
  if (data && !problems.hasErrors) result.data = data;
  return result;
}

/** Validates catalog text already in memory (`file` names it in problems). */
export function validateCatalogText(text: string, file: string, options: ValidateOptions = {}): CatalogValidation {
  const readProblems = new ProblemList(file);
  const decoded = decodeCatalogBytes(new TextEncoder().encode(text), readProblems);
  if (!decoded.ok) return finish(file, readProblems, 'read');
  return validateDecoded(decoded.text, file, options);
}

/** Validates the catalog file at `path`. Never throws for a bad file: every problem is returned. */
export function validateCatalogFile(path: string, options: ValidateOptions = {}, displayName = path): CatalogValidation {
  const problems = new ProblemList(displayName);
  const read = readCatalogText(path, problems);
  if (!read.ok) return finish(displayName, problems, 'read');
  return validateDecoded(read.text, displayName, options);
}

function validateDecoded(text: string, file: string, options: ValidateOptions): CatalogValidation {
  const yamlProblems = new ProblemList(file);
  const parsed = parseCatalogYaml(text, yamlProblems);
  if (!parsed.ok) return finish(file, yamlProblems, 'yaml');

  // From here on every problem is located through the YAML document.
  const problems = new ProblemList(file, new Locator(parsed.doc, parsed.lineCounter));
  problems.items.push(...yamlProblems.items);
  const checked = catalogFileSchema().safeParse(parsed.data);
  if (!checked.success) {
    reportZodIssues(checked.error.issues, parsed.data, catalogFileSchema(), problems);
    return finish(file, problems, 'schema');
  }
  const catalog = normaliseCatalog(checked.data, problems);
  if (problems.hasErrors) return finish(file, problems, 'formulas');
  checkRules(checked.data, catalog, problems, options);
  if (problems.hasErrors) return finish(file, problems, 'rules');
  checkEvaluation(catalog, problems);
  if (options.cache && !problems.hasErrors) cacheCheckedCatalog(text, checked.data, problems.warnings, options);
  return finish(file, problems, 'dry run', catalog, checked.data);
}

/** The name problems and reports give a catalog: the bundled one relative to the package, others as given. */
export const catalogDisplayName = (path: string): string => (path === defaultCatalogPath ? displayPath(path) : path);

/** Validates a catalog file in full with the snapshot's price keys, and caches it when it has no problem. */
export function validateCatalog(path: string = defaultCatalogPath): CatalogValidation {
  const keys = snapshotPriceKeys();
  return validateCatalogFile(path, keys ? { priceKeys: keys, cache: true } : { cache: true }, catalogDisplayName(path));
}
