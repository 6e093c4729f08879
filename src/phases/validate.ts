/**
 * The catalog validation pipeline, in stages, each returning problems as data:
 *   read (size, empty, binary) → YAML (syntax, aliases) → schema (zod) → normalise (formulas) → rules.
 * A stage runs only when the one before it produced no errors; warnings never stop it.
 */
import type { Catalog } from '../model/catalog.js';
import { readCachedCatalog, writeCachedCatalog } from './cache.js';
import { reportZodIssues } from './issues.js';
import { normaliseCatalog } from './normalise.js';
import { Locator, ProblemList, type CatalogProblem } from './problems.js';
import { decodeCatalogBytes, parseCatalogYaml, readCatalogText } from './read.js';
import { checkEvaluation } from './dry-run.js';
import { checkRules, type RuleOptions } from './rules.js';
import { catalogFileSchema } from './schema.js';

export type ValidationStage = 'read' | 'yaml' | 'schema' | 'formulas' | 'rules' | 'dry run';

export interface CatalogValidation {
  file: string;
  /** The normalised catalog, when there are no errors. */
  catalog?: Catalog;
  errors: CatalogProblem[];
  warnings: CatalogProblem[];
  /** The stage that found the first errors, or "rules" when all ran. */
  stage: ValidationStage;
}

export interface ValidateOptions extends RuleOptions {
  /** Use the content-addressed cache of checked data (./cache.ts): the CLI does, tests need not. */
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

/** Validates the catalog file at `path`. Never throws for a bad file: every problem is returned. */
export function validateCatalogFile(path: string, options: ValidateOptions = {}, displayName = path): CatalogValidation {
  const problems = new ProblemList(displayName);
  const read = readCatalogText(path, problems);
  if (!read.ok) return finish(displayName, problems, 'read');
  return validateDecoded(read.text, displayName, options);
}

function validateDecoded(text: string, file: string, options: ValidateOptions): CatalogValidation {
  if (options.cache) {
    const cached = readCachedCatalog(text);
    if (cached) {
      // Same text, same build: it passed YAML and zod with no problem before. Normalise and run the
      // rules again (formulas are closures, price keys may have changed); any problem at all sends us
      // down the full path so every problem gets its line and column.
      const quick = new ProblemList(file);
      try {
        const catalog = normaliseCatalog(cached, quick, { deferFormulas: true });
        if (quick.items.length === 0) checkRules(cached, catalog, quick, options);
        if (quick.items.length === 0) return finish(file, quick, 'dry run', catalog);
      } catch {
        // a malformed cache entry: fall through
      }
    }
  }
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
  if (options.cache && problems.items.length === 0) writeCachedCatalog(text, checked.data);
  return finish(file, problems, 'dry run', catalog);
}
