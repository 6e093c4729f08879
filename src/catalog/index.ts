/** Public surface of src/catalog: the catalog loader, validator, JSON Schema and formula compiler. */
export { loadCatalog, invalidCatalogError, type LoadedCatalog } from './load.js';
export {
  validateCatalog,
  validateCatalogFile,
  validateCatalogText,
  type CatalogValidation,
  type ValidateOptions,
  type ValidationStage,
} from './validate.js';
export { catalogToJson, catalogFromJson, formulaPathsOf } from './catalog-json.js';
export { formatProblem, type CatalogProblem, type Severity } from './problems.js';
export { catalogSchema, DEFAULT_REGION, type Catalog, type CatalogFile } from './schema.js';
export type { ValidationBook } from './rules/index.js';
export { requireSection, MissingSectionError, type OptionalSection } from './sections.js';
export { catalogJsonSchema } from './json-schema.js';
export { compileFormula, FORMULA_FUNCTIONS } from './formula.js';
export { MAX_CATALOG_BYTES } from './read.js';
export { MAX_ALIAS_COUNT } from './yaml.js';
