/** The JSON result of `cuenta-plan sweep` (src/model/sweep.ts builds it). */
import * as z from 'zod';
import { SWEEP_SCHEMA_VERSION, type SweepResult } from '../model/sweep.js';
import { count, findingsField, flag, int, lazy, nullableNum, num, overridesField, pricesAsOf, pricingFields, resultHeader } from './common.js';
import { revenueFiguresField } from './revenue.js';
import { purchaseHeadline } from './purchase.js';
import type { Assert, SameShape } from './same-shape.js';

export const sweepResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('sweep', SWEEP_SCHEMA_VERSION),
      from: int('First user count'),
      to: int('Last user count'),
      log: flag('True when the points are evenly spaced in log10'),
      pointsAsked: count('Points asked for; rows can hold fewer when rounding to whole users makes some equal'),
      latencyPercentile: num('The percentile of latencyMs (95 = P95)'),
      selectedBy: z
        .enum(['range', 'option'])
        .describe('range: each row on the phase whose user range holds it; option: every row on the phase --phase named, past its range too'),
      pricing: z.strictObject({ ...pricingFields, asOf: pricesAsOf() }).describe('Price book used; asOf spans every row'),
      rows: z
        .array(
          z.strictObject({
            users: int('User count'),
            phase: int('The phase whose range holds it (selectedBy range), or the one --phase named'),
            totalUsd: num('Monthly cost, USD'),
            perUserUsd: num('Monthly cost per user, USD'),
            latencyMs: nullableNum('End-to-end latency at the percentile, ms; null when a tier is unstable'),
            instancesAtPeak: count('Instances of every tier at the peak hour'),
            exhausted: flag('True when a tier cannot keep up even at its maximum size, or latency cannot be brought under the SLO'),
            ok: flag('True when no finding of the row fails'),
            findings: findingsField().describe('The verdict at this user count (no headroom search per row, so never headroom-low)'),
            revenue: revenueFiguresField(),
            purchase: z
              .strictObject(purchaseHeadline())
              .optional()
              .describe('With --purchase only: totalUsd is the bill under the strategy; its saving against on-demand'),
          }),
        )
        .describe('One row per user count'),
      overrides: overridesField(),
    })
    .describe('The result of `cuenta-plan sweep --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type SweepShapeCheck = Assert<SameShape<z.output<ReturnType<typeof sweepResultSchema>>, SweepResult>>;
