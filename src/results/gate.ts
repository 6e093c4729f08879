/** The JSON result of `cuenta-plan gate` (src/model/gate.ts builds it). */
import * as z from 'zod';
import { FINDING_CODES } from '../model/finding-codes.js';
import { GATE_SCHEMA_VERSION, type GateResult } from '../model/gate.js';
import { METRICS } from '../model/metrics.js';
import { findingCode, flag, int, lazy, metricName, nullableNum, num, overridesField, pricesAsOf, pricingFields, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

export const gateResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('gate', GATE_SCHEMA_VERSION),
      ok: flag('True when every check passes (exit 0); false when any fails (exit 1)'),
      results: z
        .array(
          z.strictObject({
            users: int('User count'),
            phase: int('The phase whose range holds it'),
            totalUsd: num('Monthly cost, USD'),
            baselineUsd: nullableNum("The baseline's monthly cost at this user count, USD; null without a baseline or when it has none here"),
          }),
        )
        .describe('One row per user count, in ascending order'),
      checks: z
        .array(
          z
            .strictObject({
              id: findingCode().describe('The finding code the check raises when it fails (the published list: docs/commands.md § Findings)'),
              users: int('The user count it was evaluated at'),
              metric: metricName(),
              subject: text('What the check is about when the id alone does not say: for breach-probability-over-limit, the breach (its finding code) counted')
                .optional(),
              value: nullableNum('The figure, in `unit`, rounded as printed; null when it cannot be evaluated (the check then fails)'),
              limit: nullableNum('The limit, in `unit`; null when there is none to compare with (the check then fails)'),
              unit: text("Unit of value and limit: the metric's unit"),
              pass: flag('True when the figure is within the limit'),
            })
            .superRefine((item, ctx) => {
              const { metric } = FINDING_CODES[item.id];
              if (item.metric !== metric) ctx.addIssue({ code: 'custom', path: ['metric'], message: `must be "${metric}", the metric of code ${item.id}` });
              else if (item.unit !== METRICS[metric].unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: `must be "${METRICS[metric].unit}", the unit of metric ${metric}` });
            }),
        )
        .describe('Every check at every user count'),
      baseline: z
        .strictObject({
          source: text('The baseline file as given'),
          kind: z.enum(['simulate', 'sweep', 'gate', 'catalog']).describe('A saved result of this command, or a catalog evaluated like this one'),
        })
        .nullable()
        .describe('What the costs were compared with; null without --baseline'),
      pricing: z.strictObject({ ...pricingFields, asOf: pricesAsOf() }).describe('Price book used; asOf spans every user count'),
      overrides: overridesField(),
    })
    .describe('The result of `cuenta-plan gate --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type GateShapeCheck = Assert<SameShape<z.output<ReturnType<typeof gateResultSchema>>, GateResult>>;
