/**
 * The catalog validation pipeline, in stages, each returning problems as data:
 *   read (size, empty, binary) → YAML (syntax, aliases) → schema (zod: shapes, formulas; converts to the
 *   engine's Catalog) → rules (cross-field, units, the price book) → dry run (every formula evaluated).
 * A stage runs only when the one before it produced no errors; warnings never stop it.
 */
import type { Catalog } from '../model/catalog-types.js';
import { defaultCatalogPath, displayPath } from '../paths.js';
import { cacheCheckedCatalog } from './checked.js';
import { checkEvaluation } from './dry-run.js';
import { reportZodIssues } from './issues.js';
import { Locator, ProblemList, type CatalogProblem } from './problems.js';
import { collectProvenance } from './provenance.js';
import { decodeCatalogBytes, readCatalogText } from './read.js';
import { checkRules, type RuleOptions, type ValidationBook } from './rules/index.js';
import { catalogSchema } from './schema.js';
import { parseCatalogYaml } from './yaml.js';

export type ValidationStage = 'read' | 'yaml' | 'schema' | 'rules' | 'dry run';

export interface CatalogValidation {
  file: string;
  /** The converted catalog, when there are no errors. */
  catalog?: Catalog;
  errors: CatalogProblem[];
  warnings: CatalogProblem[];
  /** The stage that found the first errors, or "dry run" when all ran. */
  stage: ValidationStage;
}

export interface ValidateOptions extends RuleOptions {
  /** Store a catalog that passes with no error, and its warnings, in the verified cache (./checked.ts): the CLI does, tests need not. */
  cache?: boolean;
}

/** File-level problems first, then by position; the sort is stable, so rules keep their order on one line. */
const byPosition = (a: CatalogProblem, b: CatalogProblem) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

function finish(file: string, problems: ProblemList, stage: ValidationStage, catalog?: Catalog): CatalogValidation {
  const result: CatalogValidation = {
    file,
    errors: problems.errors.sort(byPosition),
    warnings: problems.warnings.sort(byPosition),
    stage,
  };
  if (catalog && !problems.hasErrors) result.catalog = catalog;
  return result;
}

/** Validates catalog text already in memory (`file` names it in problems). */
export function validateCatalogText(text: string, file: string, options: ValidateOptions = {}): CatalogValidation {
  const readProblems = new ProblemList(file);
  const decoded = decodeCatalogBytes(new TextEncoder().encode(text), readProblems);
  if (!decoded.ok) return finish(file, readProblems, 'read');
  return validateDecoded(decoded.text, file, options);
}

/** Validates the catalog file at `path` ("-" reads standard input). Never throws for a bad file: every problem is returned. */
export function validateCatalogFile(path: string, options: ValidateOptions = {}, displayName = displayPath(path)): CatalogValidation {
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
  const checked = catalogSchema().safeParse(parsed.data);
  if (!checked.success) {
    reportZodIssues(checked.error.issues, parsed.data, catalogSchema(), problems);
    return finish(file, problems, 'schema');
  }
  const provenance = collectProvenance(parsed.data);
  const catalog: Catalog = checked.data;
  checkRules(catalog, provenance, problems, options);
  if (problems.hasErrors) return finish(file, problems, 'rules');
  checkEvaluation(catalog, problems);
  if (options.cache && !problems.hasErrors) cacheCheckedCatalog(text, catalog, problems.warnings, options.book);
  return finish(file, problems, 'dry run', catalog);
}

/**
 * Validates a catalog file in full against the price book the command will use, and caches it when it has no
 * problem. `book` absent: price keys, units and region go unchecked (the caller has no book).
 */
export function validateCatalog(path: string = defaultCatalogPath, book?: ValidationBook): CatalogValidation {
  return validateCatalogFile(path, book ? { book, cache: true } : { cache: true });
}
