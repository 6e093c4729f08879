/** The result schemas of every command, their published JSON Schemas, and the reader of saved results. */
export { isResultCommand, RESULT_COMMANDS, RESULT_SCHEMAS, resultSchemaName, resultSchemaVersion, type ResultCommand, type ResultOf } from './registry.js';
export { readSavedResult, type SavedResult } from './read-saved.js';
export { resultJsonSchema, resultJsonSchemaText, resultSchemaFiles } from './json-schema.js';
