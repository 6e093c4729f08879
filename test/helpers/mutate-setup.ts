// Set-up for `npm run mutate` only (vitest.mutate.config.ts). The catalog's zod schema is built once per process, on
// first use (src/catalog/schema.ts), and then shared by every test that validates a catalog. Left to the first test
// that validates, Stryker would credit that one test with covering the whole construction and run only it against
// each of the construction's mutants. Built here, before any test, the construction is what Stryker calls static
// (run once at load, like a module's constants), which the configuration leaves out (stryker.config.mjs).
import { catalogSchema } from '../../src/catalog/schema.js';

catalogSchema();
