/** The JSON result of `cuenta-plan sensitivity` (src/model/sensitivity-result.ts builds it). */
import * as z from 'zod';
import { SENSITIVITY_METRICS, SENSITIVITY_SCHEMA_VERSION, type SensitivityResult } from '../model/sensitivity-result.js';
import { count, int, lazy, nullableNum, num, overridesField, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';
import { distributionSchema } from './uncertainty.js';

export const sensitivityResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('sensitivity', SENSITIVITY_SCHEMA_VERSION),
      users: count('Users in the month'),
      phase: z.strictObject({ id: int('Phase id'), name: text('Phase name') }).describe('The phase evaluated'),
      metric: z.enum(SENSITIVITY_METRICS).describe('The figure ranked by (--metric)'),
      unit: text('Unit of the metric'),
      baseline: nullableNum('The metric with every uncertain input at its P50; null when unbounded'),
      method: text('How the ranking is made'),
      overrides: overridesField(),
      inputs: z
        .array(
          z.strictObject({
            name: text('The uncertain quantity, as --set names it'),
            distribution: distributionSchema(),
            p10: num("The input's 10th percentile (6 significant digits)"),
            p50: num("The input's median, where the others stay"),
            p90: num("The input's 90th percentile"),
            atP10: nullableNum('The metric with this input at its P10, the others at P50; null when unbounded'),
            atP90: nullableNum('The metric with this input at its P90, the others at P50; null when unbounded'),
            swing: nullableNum('|atP90 − atP10|; null when one end is unbounded'),
          }),
        )
        .describe('Every uncertain input, largest swing first'),
    })
    .describe('The result of `cuenta-plan sensitivity --format json`'),
);

type SensitivityShapeCheck = Assert<SameShape<z.output<ReturnType<typeof sensitivityResultSchema>>, SensitivityResult>>;
