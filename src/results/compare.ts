/** The JSON result of `cuenta-plan compare` (src/model/compare.ts builds it). */
import * as z from 'zod';
import { COMPARE_SCHEMA_VERSION } from '../model/compare.js';
import { findingsField, flag, int, lazy, nullableInt, pricingFields, resultHeader, text } from './common.js';

const better = z.enum(['lower', 'higher']).nullable().describe('Which direction is better; null for figures that are neither');

export const compareResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('compare', COMPARE_SCHEMA_VERSION),
      users: int('The user count every phase is evaluated at'),
      usersDefaulted: flag("True when --users was not given (the top of the first phase's range)"),
      pricing: z.strictObject(pricingFields).describe('Price book used'),
      phases: z
        .array(
          z.strictObject({
            id: int('Phase id'),
            name: text('Phase name'),
            inRange: flag("True when the users are within the phase's own range"),
            ok: flag('True when the phase passes capacity, budget and availability'),
            exhausted: flag('True when a tier cannot keep up even at its maximum size'),
            failing: z.array(z.string()).describe('Names of the checks that fail'),
            findings: findingsField(),
          }),
        )
        .describe('The phases, in the order asked'),
      metrics: z
        .array(
          z.strictObject({
            name: text('Metric name'),
            unit: text('Unit of the values'),
            better,
            values: z.array(z.number().nullable()).describe('One value per phase; null where the model has no finite value'),
            deltas: z.array(z.number().nullable()).describe("value − the first phase's value"),
            best: nullableInt('The phase id with the better value; null on a tie or when `better` is null'),
          }),
        )
        .describe('One row per metric'),
    })
    .describe('The result of `cuenta-plan compare --format json`'),
);

export type CompareResultData = z.infer<ReturnType<typeof compareResultSchema>>;

