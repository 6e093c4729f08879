/**
 * Building blocks of the result schemas. zod 4's `z.number()` already refuses NaN and ±Infinity, so every
 * number below is finite; objects are strict, so a saved result with a field this version does not know is
 * refused rather than silently misread.
 */
import * as z from 'zod';
import { TIERS } from '../catalog/schema.js';
import { FINDING_CODES, type FindingCodeName } from '../model/finding-codes.js';
import { METRICS, type MetricName } from '../model/metrics.js';

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

/** The request-path roles a component or tier serves: the catalog's own list. */
export const tierRole = () => z.enum(TIERS);

/** The price book a result was priced with. */
export const pricingFields = {
  book: text('Name of the price book (seed, snapshot, live)'),
  description: text('The book in words: file, region, currency, retrieval date, verified share'),
};

/** How old the prices behind a result are (src/model/price-plan.ts `PricesAsOf`). */
export const pricesAsOf = () =>
  z
    .strictObject({
      oldest: z.iso.date().nullable().describe('The oldest as-of date (YYYY-MM-DD) of a priced line; null when no line is dated'),
      newest: z.iso.date().nullable().describe('The newest as-of date (YYYY-MM-DD) of a priced line; null when no line is dated'),
      datedLines: count('Cost lines whose price carries an as-of date'),
      undatedLines: count('Cost lines whose price carries none (seed quotes, estimates)'),
    })
    .describe('The as-of dates of the prices used');

const CODE_NAMES = Object.keys(FINDING_CODES) as FindingCodeName[];
const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** The published list in words, so the JSON Schema says what each code means without the source at hand. */
const codeList = CODE_NAMES.map((code) => {
  const { severity, metric, description } = FINDING_CODES[code];
  return `${code} (${severity}, ${metric}): ${description}`;
}).join('; ');

/** A finding code, from the published list. */
export const findingCode = () => z.enum(CODE_NAMES);

/** The metric names in words, each with its unit. */
export const metricName = () =>
  z
    .enum(METRIC_NAMES)
    .describe(`The metric measured, from the one list of metric names: ${METRIC_NAMES.map((m) => `${m} (${METRICS[m].unit})`).join(', ')}`);

/**
 * One structured verdict item (src/model/findings.ts `Finding`). A code fixes its severity and metric, and the
 * metric its unit: the refinement refuses a saved finding that breaks the published list (the JSON Schema
 * cannot say so; the description of `code` lists the pairs).
 */
export const findingSchema = lazy(() =>
  z
    .strictObject({
      code: findingCode().describe(`Stable identifier of the finding; a code never changes meaning. ${codeList}`),
      severity: z.enum(['fail', 'warn', 'info']).describe('fail breaks the plan (status not ok); warn needs attention; info qualifies the figures'),
      subject: text('What the finding is about: phase:<id>, a station id (db.writer) or a component id'),
      metric: metricName(),
      value: nullableNum('The measured or modelled value in `unit`; null when the model has no finite value'),
      limit: nullableNum('The limit it was compared with, in `unit`; null when there is none'),
      unit: text("Unit of value and limit: the metric's unit"),
    })
    .superRefine((finding, ctx) => {
      const { severity, metric } = FINDING_CODES[finding.code];
      if (finding.severity !== severity) ctx.addIssue({ code: 'custom', path: ['severity'], message: `must be "${severity}", the severity of code ${finding.code}` });
      if (finding.metric !== metric) ctx.addIssue({ code: 'custom', path: ['metric'], message: `must be "${metric}", the metric of code ${finding.code}` });
      else if (finding.unit !== METRICS[metric].unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `must be "${METRICS[metric].unit}", the unit of metric ${metric}` });
    })
    .describe('A structured verdict item: renderers turn it into a sentence, gates compare value with limit'),
);

/** The quantities a run set with --set (src/model/overrides.ts), by name. */
export const overridesField = () =>
  z
    .array(z.strictObject({ name: text('A workload assumption, or the YAML path of another sourced quantity'), value: num('The value set for this run') }))
    .describe('Quantities set for this run with --set NAME=VALUE; empty when none');

export const findingsField = () => z.array(findingSchema()).describe('The verdict: every failed or notable condition, one item each');
