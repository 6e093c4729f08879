/**
 * The schemaVersion of every `queue` result. Its own zod-free module so that src/commands/queue.ts can stamp
 * results without loading the schemas (and zod) on every run.
 */
export const QUEUE_SCHEMA_VERSION = 1;
