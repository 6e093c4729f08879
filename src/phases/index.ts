/** Public surface of src/phases: the catalog loader, validator, JSON Schema and formula compiler. */
export { loadCatalog, validateCatalog, invalidCatalogError, snapshotPriceKeys, type LoadedCatalog } from './load.js';
export { validateCatalogFile, validateCatalogText, type CatalogValidation, type ValidationStage } from './validate.js';
export { formatProblem, formatPath, type CatalogProblem, type Severity } from './problems.js';
export { catalogFileSchema, type CatalogFile } from './schema.js';
export { catalogJsonSchema } from './json-schema.js';
export { compileFormula, FORMULA_FUNCTIONS } from './formula.js';
export { MAX_CATALOG_BYTES, MAX_ALIAS_COUNT } from './read.js';
