/**
 * The JSON results of `cuenta-plan catalog validate` and `catalog show` (src/catalog/summary.ts types them).
 * `catalog schema` has no result schema: what it prints is itself a JSON Schema (schema/catalog.schema.json),
 * described by the JSON Schema meta-schema; wrapping it in a versioned result would stop editors reading it.
 */
import * as z from 'zod';
import { COMPONENT_KINDS } from '../catalog/schema.js';
import type { CatalogShowResult, CatalogValidateResult } from '../catalog/summary.js';
import { count, flag, int, lazy, nullableNum, nullableText, num, resultHeader, text, tierRole } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

export const CATALOG_SCHEMA_VERSION = 1;

const problem = () =>
  z
    .strictObject({
      severity: z.enum(['error', 'warning']).describe('error: the catalog is invalid; warning: valid but suspect'),
      file: text('The catalog file'),
      line: int('1-based line; absent for problems with the file as a whole').min(1).optional(),
      column: int('1-based column').min(1).optional(),
      path: text('Dotted path into the catalog, e.g. phases[2].components[1].count; empty for the whole file'),
      message: text('What is wrong and what to do about it'),
    })
    .describe('One catalog problem');

export const catalogValidateResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('catalog validate', CATALOG_SCHEMA_VERSION),
      file: text('The catalog file checked'),
      valid: flag('True when there are no errors'),
      phases: count('Phases in a valid catalog (0 when invalid)'),
      components: count('Components over all phases of a valid catalog (0 when invalid)'),
      errors: z.array(problem()).describe('Every error, in file order'),
      warnings: z.array(problem()).describe('Every warning'),
    })
    .describe('The result of `cuenta-plan catalog validate --format json` (printed also when invalid; exit 2)'),
);

const range = (what: string) =>
  z.strictObject({ min: num(`Smallest ${what}`), max: num(`Largest ${what}`) });

const quoted = () =>
  z
    .strictObject({
      usd: num('Quoted monthly cost, USD'),
      label: text("The row's label as written in the document"),
      provider: text('Provider named by the row'),
      note: text('Where in the document').optional(),
    })
    .nullable()
    .describe("The document's cost-table row; null when the document quotes no price for it");

const component = () =>
  z.strictObject({
    id: text('Component id'),
    name: text('Component name'),
    kind: z.enum(COMPONENT_KINDS).describe('Component kind'),
    provider: text('Provider'),
    serves: z.array(tierRole()).describe('Request path roles it serves'),
    instance: nullableText('"t3.medium (2 vCPU, 4 GB)"; null without an instance spec'),
    count: text('"2", "2–10 (desired 3, CPU 70 %)", or "=formula"'),
    quoted: quoted(),
    inCostTable: flag("True when the component is a row of the document's cost table"),
    priceKeys: z.array(z.string()).describe('Price keys of its cost lines'),
  });

const phase = () =>
  z.strictObject({
    id: int('Phase id'),
    name: text('Phase name'),
    summary: text('The architecture in a sentence'),
    users: range('user count').extend({ note: text('Where the range comes from').optional() }).describe('User range'),
    concurrentUsers: range('concurrent users at the peak').describe('Concurrency range'),
    slo: z
      .strictObject({
        latencyPercentile: num('Latency percentile (95 = P95)'),
        latencyTargetMs: num('Latency target, ms'),
        availabilityPercent: num('Availability target, percent'),
        errorRate: nullableNum('Error-rate target, a fraction'),
      })
      .describe('Service-level objectives'),
    budgetUsd: range('monthly budget, USD').describe('Budget range'),
    quotedTotalUsd: nullableNum("The document's stated monthly total, USD; null when the catalog quotes none"),
    quotedComponentsUsd: num("Sum of the components' quoted rows, USD (0 without quotes)"),
    quotedCostPerUserUsd: nullableNum('The quoted total over the users at the top of the range, USD; null without a quoted total'),
    quotedComponentCount: count('Components with a quoted row'),
    components: z.array(component()).describe('Components'),
    regions: z.array(z.string()).describe('Region ids of a multi-region phase'),
  });

export const catalogShowResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('catalog show', CATALOG_SCHEMA_VERSION),
      catalog: z
        .strictObject({
          name: text('Catalog name'),
          file: text('Catalog file'),
          phaseIds: z.array(z.int()).describe('Every phase id of the catalog'),
          quoted: flag("True when some phase has a quoted total or some component a quoted row (a document's cost table)"),
        })
        .describe('The catalog shown'),
      phases: z.array(phase()).describe('The phases shown: one, or all'),
      warnings: z.array(problem()).describe("The catalog's validation warnings"),
    })
    .describe('The result of `cuenta-plan catalog show --format json`'),
);

/** src/catalog/summary.ts's interfaces and these schemas describe one shape: a field added on one side only fails `tsc`. */
type CatalogValidateShapeCheck = Assert<SameShape<z.output<ReturnType<typeof catalogValidateResultSchema>>, CatalogValidateResult>>;
type CatalogShowShapeCheck = Assert<SameShape<z.output<ReturnType<typeof catalogShowResultSchema>>, CatalogShowResult>>;
