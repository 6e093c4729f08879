/** The JSON result of `cuenta-plan solve` (src/model/solve.ts builds it). */
import * as z from 'zod';
import { SOLVE_METRICS } from '../model/solve-metrics.js';
import { SOLVE_SCHEMA_VERSION, type SolveResult } from '../model/solve.js';
import { count, flag, int, lazy, nullableNum, nullableText, num, overridesField, pricingFields, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

export const solveResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('solve', SOLVE_SCHEMA_VERSION),
      assumption: text('The quantity varied (--vary): a workload assumption, or the YAML path of another sourced quantity'),
      value: nullableNum(
        'The value nearest the current one at which the target is just met (the edge of the values that meet it); the current value when every value meets it; null when none does',
      ),
      reachable: flag('True when some value of the assumption meets the target'),
      jump: flag('True when the metric jumps over the target at `value` (an instance count changes there): `value` is the last value on the satisfying side'),
      target: z
        .strictObject({ metric: z.enum(SOLVE_METRICS).describe('The metric aimed at (the one list of metric names)'), value: num('The target, in the metric’s unit') })
        .describe('What --target asked for'),
      achieved: nullableNum('The metric at `value`, rounded as simulate reports it; null when unreachable'),
      reason: nullableText('Why there is no edge, or what jumps at it; null for a plain crossing'),
      comparison: z.enum(['<=', '>=']).describe('How the metric meets its target: <= for cost and latency, >= for availability'),
      unit: text('Unit of the target and of every figure of the metric'),
      boundary: flag('False when there is no edge: the target holds at every value searched, or at none'),
      current: z
        .strictObject({ value: num('The assumption’s value in the catalog (or as --set gives it)'), achieved: nullableNum('The metric there; null when it has no finite value') })
        .describe('Where the search started'),
      jumpTo: z
        .strictObject({
          achieved: nullableNum('The metric just past `value`, on the failing side'),
          tiers: z
            .array(z.strictObject({ id: text('Tier (station) id'), from: count('Instance-hours a day at `value`'), to: count('Instance-hours a day just past it') }))
            .describe('The tiers whose instance-hours a day change at the jump (a whole instance added or removed in some hour)'),
        })
        .nullable()
        .describe('At a jump: what is on the other side; null otherwise'),
      closest: z
        .strictObject({ value: num('The value of the assumption with the best figure seen'), achieved: nullableNum('That figure') })
        .nullable()
        .describe('Unreachable: the best the search saw; null otherwise'),
      phase: z.strictObject({ id: int('Phase id'), name: text('Phase name') }).describe('The phase evaluated'),
      users: int('Users in the month'),
      range: z.tuple([z.number(), z.number()]).nullable().describe('The catalog’s plausible range for the assumption; null when it gives none'),
      bracket: z
        .strictObject({
          low: num('Lowest value searched'),
          high: num('Highest value searched'),
          searched: z.enum(['range', 'domain']).describe('range: the catalog’s range (widened to hold the current value); domain: every value the quantity may take, bounded for the search'),
        })
        .describe('The interval the answer was found in, or, without an edge, the whole interval searched'),
      evaluations: count('Plans sized (and priced) during the search'),
      pricing: z.strictObject(pricingFields).describe('Price book used for cost metrics'),
      overrides: overridesField(),
    })
    .describe('The result of `cuenta-plan solve --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type SolveShapeCheck = Assert<SameShape<z.output<ReturnType<typeof solveResultSchema>>, SolveResult>>;
