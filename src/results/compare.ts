/** The JSON result of `cuenta-plan compare` (src/model/compare.ts builds it). */
import * as z from 'zod';
import { COMPARE_SCHEMA_VERSION, type CompareResult } from '../model/compare.js';
import { findingsField, flag, int, lazy, metricName, nullableInt, overridesField, pricesAsOf, pricingFields, resultHeader, text } from './common.js';
import { purchaseSchema } from './purchase.js';
import type { Assert, SameShape } from './same-shape.js';

const better = z.enum(['lower', 'higher']).nullable().describe('Which direction is better; null for figures that are neither');

export const compareResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('compare', COMPARE_SCHEMA_VERSION),
      users: int('The user count every phase is evaluated at'),
      usersDefaulted: flag("True when --users was not given (the top of the first phase's range)"),
      pricing: z.strictObject({ ...pricingFields, asOf: pricesAsOf() }).describe('Price book used; asOf spans every phase'),
      phases: z
        .array(
          z.strictObject({
            id: int('Phase id'),
            name: text('Phase name'),
            inRange: flag("True when the users are within the phase's own range"),
            ok: flag('True when no finding of the phase fails'),
            exhausted: flag('True when a tier cannot keep up even at its maximum size, or latency cannot be brought under the SLO'),
            failing: z.array(z.string()).describe('Names of the checks that fail'),
            findings: findingsField(),
            purchase: purchaseSchema(),
          }),
        )
        .describe('The phases, in the order asked'),
      metrics: z
        .array(
          z.strictObject({
            metric: metricName(),
            name: text('The metric as the table labels it'),
            unit: text('Unit of the values'),
            better,
            values: z.array(z.number().nullable()).describe('One value per phase; null where the model has no finite value'),
            deltas: z.array(z.number().nullable()).describe("value − the first phase's value"),
            best: nullableInt('The phase id with the better value; null on a tie or when `better` is null'),
          }),
        )
        .describe('One row per metric'),
      overrides: overridesField(),
    })
    .describe('The result of `cuenta-plan compare --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type CompareShapeCheck = Assert<SameShape<z.output<ReturnType<typeof compareResultSchema>>, CompareResult>>;
