/**
 * The observations file (`metrics pull --out obs.json`, or one written by hand): its zod schema, from which
 * schema/observations.schema.json is generated (node scripts/gen-schema.mjs). Built on first use: zod is
 * loaded only when a run reads or writes observations.
 */
import * as z from 'zod';
import { MEASURES, OBSERVED_TIERS, type Measure } from '../model/calibrate-observations.js';
import { lazy } from '../results/common.js';

const isoInstant = () => z.iso.datetime({ offset: true }).describe('An instant in ISO 8601, e.g. 2026-12-14T00:00:00Z');
const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];

export const observationsSchema = lazy(() =>
  z
    .strictObject({
      $schema: z.string().optional().describe('The JSON Schema this file follows (for editors)'),
      version: z.literal(1).describe('Version of this file format'),
      window: z
        .strictObject({
          start: isoInstant(),
          end: isoInstant(),
          periodSeconds: z.int().positive().describe('Length of each period the values sum or average, seconds (3600: hourly)'),
        })
        .describe('The time the observations cover'),
      users: z.int().positive().optional().describe("Monthly active users in the window, from the product's analytics (CloudWatch does not count users); else the run's --users"),
      phase: z.int().min(0).optional().describe("The catalog phase the measured system runs; else the phase whose range holds the users"),
      region: z.string().optional().describe('AWS region the metrics were read in'),
      note: z.string().optional().describe('Where the data came from, in words'),
      series: z
        .array(
          z.strictObject({
            id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'must start with a lowercase letter, then letters, digits or _').describe('Unique name of the series (a GetMetricData query id)'),
            measures: z.enum(MEASURE_NAMES).describe(`What the series measures, each in one unit: ${MEASURE_NAMES.map((m) => `${m}: ${MEASURES[m]}`).join('; ')}`),
            tier: z.enum(OBSERVED_TIERS).describe('The tier measured: lb (requests, response time), app, db or cache'),
            component: z.string().optional().describe('The catalog component it describes, when the tier has several'),
            origin: z
              .strictObject({
                namespace: z.string().describe('CloudWatch namespace (AWS/ApplicationELB, AWS/EC2, AWS/RDS, AWS/ElastiCache, CWAgent, …)'),
                name: z.string().describe('Metric name'),
                dimensions: z.record(z.string(), z.string()).describe('Dimension names and values'),
                stat: z.string().describe('Statistic: Sum, Average, Maximum, p95, …'),
              })
              .describe('Where the series came from'),
            timestamps: z.array(isoInstant()).describe('Start of each period, ascending'),
            values: z.array(z.number().min(0)).describe('One value per timestamp, in the unit `measures` names'),
          }),
        )
        .min(1)
        .describe('The measured series'),
    })
    .describe('Observations of a running system for `--metrics FILE` (cuenta-plan metrics pull writes them)'),
);

/** The JSON Schema of the file, input side, as committed in schema/observations.schema.json. */
export function observationsJsonSchemaText(): string {
  const schema = z.toJSONSchema(observationsSchema(), { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const full = { $schema: schema.$schema, $id: 'https://cuenta-plan.dev/schema/observations.schema.json', title: 'cuenta-plan observations', ...schema };
  return `${JSON.stringify(full, null, 2)}\n`;
}
