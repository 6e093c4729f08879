/** Public surface of src/phases: the catalog loader, validator, JSON Schema and formula compiler. */
export { loadCatalog, invalidCatalogError, type LoadedCatalog } from './load.js';
export { snapshotPriceKeys } from './price-keys.js';
export {
  validateCatalog,
  validateCatalogFile,
  validateCatalogText,
  catalogDisplayName,
  type CatalogValidation,
  type ValidationStage,
} from './validate.js';
export { formatProblem, formatPath, type CatalogProblem, type Severity } from './problems.js';
export { catalogFileSchema, type CatalogFile } from './schema.js';
export { catalogJsonSchema } from './json-schema.js';
export { compileFormula, FORMULA_FUNCTIONS } from './formula.js';
export { MAX_CATALOG_BYTES } from './read.js';
export { MAX_ALIAS_COUNT } from './yaml.js';
