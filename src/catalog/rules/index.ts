/**
 * Stage 4: rules that relate several fields — what a schema cannot say. They run on the converted catalog
 * and report through `problems` with the YAML path of the field to fix (snake_case keys); none throws.
 */
import type { Catalog } from '../../model/catalog-types.js';
import type { ProblemList } from '../problems.js';
import { checkAssumptions } from './assumptions.js';
import { checkClaimMetrics } from './claims.js';
import { checkComponents } from './components.js';
import { checkDistributions } from './distributions.js';
import { checkFormulas } from './formulas.js';
import { checkPhaseOrder, checkPhases } from './phases.js';
import { checkPriceBook, type ValidationBook } from './price-book.js';
import { checkProvenance, type LocatedProvenance } from './provenance.js';
import { checkSections } from './sections.js';

export type { ValidationBook } from './price-book.js';
export type { LocatedProvenance } from './provenance.js';

export interface RuleOptions {
  /** The price book the command will use: price keys, units and region are checked against it; unchecked when absent. */
  book?: ValidationBook;
}

/** Runs every cross-field rule; `provenance` is every sourced number of the file, located (./provenance.ts). */
export function checkRules(catalog: Catalog, provenance: readonly LocatedProvenance[], problems: ProblemList, options: RuleOptions = {}): void {
  checkPhaseOrder(catalog, problems);
  checkPhases(catalog, problems);
  checkComponents(catalog, problems);
  checkAssumptions(catalog, problems, new Set(provenance.map((p) => p.entry.path)));
  checkProvenance(provenance, problems);
  checkDistributions(catalog, problems);
  checkSections(catalog, problems);
  checkClaimMetrics(catalog, problems);
  const dimensions = checkFormulas(catalog, problems);
  if (options.book) checkPriceBook(catalog, options.book, dimensions, problems);
}
