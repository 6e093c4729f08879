/**
 * Building blocks of the result schemas. zod 4's `z.number()` already refuses NaN and ±Infinity, so every
 * number below is finite; objects are strict, so a saved result with a field this version does not know is
 * refused rather than silently misread.
 */
import * as z from 'zod';

/**
 * Builds a schema on first use. The CLI bundle may include these modules (a later `gate` reads saved
 * results), and building zod schemas at start-up would cost every run, `simulate` included.
 */
export function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

export const num = (description: string) => z.number().describe(description);
export const int = (description: string) => z.int().describe(description);
export const count = (description: string) => z.int().min(0).describe(description);
export const fraction = (description: string) => z.number().min(0).max(1).describe(description);
export const text = (description: string) => z.string().describe(description);
export const flag = (description: string) => z.boolean().describe(description);
export const nullableNum = (description: string) => z.number().nullable().describe(description);
export const nullableInt = (description: string) => z.int().nullable().describe(description);
export const nullableText = (description: string) => z.string().nullable().describe(description);

/** The two fields every result starts with: which command wrote it, and the version of its shape. */
export function resultHeader<C extends string, V extends number>(command: C, version: V) {
  return {
    schemaVersion: z.literal(version).describe('Version of this result shape; a reader refuses another version'),
    command: z.literal(command).describe('The command that produced this result, as typed after `cuenta-plan`'),
  };
}

/** The request-path roles a component or tier serves (src/model/catalog-types.ts `Tier`). */
export const tierRole = () => z.enum(['edge', 'gateway', 'lb', 'app', 'cache', 'db']);

/** The price book a result was priced with. */
export const pricingFields = {
  book: text('Name of the price book (seed, snapshot, live)'),
  description: text('The book in words: file, region, currency, retrieval date, verified share'),
};

/**
 * One structured verdict item. Optional in this schema version until every evaluating command emits them;
 * the codes are the engine's published list (src/model/findings.ts).
 */
export const findingSchema = lazy(() =>
  z
    .strictObject({
      code: text('Stable identifier of the finding, from the published list of codes'),
      severity: z.enum(['fail', 'warn', 'info']).describe('fail breaks the plan (status not ok); warn and info do not'),
      subject: text('What the finding is about: a tier, a component, the phase'),
      metric: text('The metric measured, from the one list of metric names (cost, cost-per-user, p95-ms, …)'),
      value: nullableNum('The measured or modelled value in `unit`; null when the model has no finite value'),
      limit: nullableNum('The limit it was compared with, in `unit`; null when there is none'),
      unit: text('Unit of value and limit'),
    })
    .describe('A structured verdict item: renderers turn it into a sentence'),
);

export const findingsField = () =>
  z.array(findingSchema()).optional().describe('Structured verdict: every failed or notable check, one item each');
