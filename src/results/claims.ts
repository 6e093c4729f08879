/** The JSON result of `cuenta-plan claims` (src/model/claims.ts builds it). */
import * as z from 'zod';
import { COMPARISONS, REPORTED_SOURCES } from '../catalog/schema.js';
import { CLAIMS_SCHEMA_VERSION, type ClaimsResult } from '../model/claims.js';
import { count, flag, int, lazy, nullableInt, nullableNum, nullableText, num, overridesField, pricingFields, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

const verdict = z.boolean().nullable().describe('True when the model agrees with the claim, false when not, null when it cannot be evaluated (see reason)');

export const claimsResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('claims', CLAIMS_SCHEMA_VERSION),
      pricing: z.strictObject(pricingFields).describe('Price book the cost figures come from'),
      summary: z
        .strictObject({
          holds: count('Entries that hold'),
          fails: count('Entries that do not hold'),
          notEvaluated: count('Entries that cannot be evaluated'),
        })
        .describe('The verdicts counted'),
      claims: z
        .array(
          z.strictObject({
            id: text("The entry's id in the catalog"),
            kind: z.enum(['claim', 'kpi']).describe('claim: from the catalog’s claims; kpi: from its kpis'),
            group: z.enum(['technical', 'business']).nullable().describe("A KPI's group; null for a claim"),
            text: text("The document's words (a KPI's: its note after the last ›)"),
            metric: text('The metric the entry names (src/model/claims-metrics.ts lists those the model reads)'),
            comparison: z.enum(COMPARISONS).describe('model <comparison> document; approx: within the relative tolerance'),
            tolerance: nullableNum("approx's relative tolerance (0.05 = 5 %); null for the other comparisons"),
            unit: text('Unit of documentValue and modelValue: usd, ms, fraction, req/s, percent, users, rank'),
            phase: nullableInt("Where modelValue was read: the entry's phase, a KPI's worst phase, break-even's phase; null when nothing was read"),
            users: nullableInt('The user count modelValue was read at (the top of the phase’s range); null when nothing was read'),
            documentValue: num("The document's value"),
            modelValue: nullableNum("The model's value; null when it has none"),
            holds: verdict,
            offByPercent: nullableNum('(model − document) ÷ document × 100, when both exist and the document’s is not 0'),
            reason: text('Where the model value comes from, or why the entry cannot be evaluated'),
            phases: z
              .array(z.strictObject({ phase: int('Phase id'), users: int('The top of its range'), modelValue: nullableNum('The value there'), holds: verdict }))
              .nullable()
              .describe('A KPI that names no phase, read at the top of every phase; null otherwise'),
            quote: z
              .strictObject({
                totalUsd: num("The document's quoted monthly total for the phase"),
                users: int('The top of the phase’s range'),
                perUserUsd: num('totalUsd ÷ users, to 4 decimals'),
                holds: flag('True when the document’s own quote agrees with its per-user claim'),
                offByPercent: nullableNum('(perUserUsd − document) ÷ document × 100'),
              })
              .nullable()
              .describe("quoted_cost_per_user_usd: the document's own quote ÷ users, beside the verdict on the priced cost; null otherwise"),
            source: z.enum(REPORTED_SOURCES).describe('Where the claim comes from: seed = the document'),
            note: nullableText('Where in the document, or why'),
          }),
        )
        .describe('Every claim, then every technical and business KPI, in catalog order'),
      overrides: overridesField(),
    })
    .describe('The result of `cuenta-plan claims --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type ClaimsShapeCheck = Assert<SameShape<z.output<ReturnType<typeof claimsResultSchema>>, ClaimsResult>>;
