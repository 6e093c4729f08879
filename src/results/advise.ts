/** The JSON result of `cuenta-plan advise` (src/model/advise.ts builds it). */
import * as z from 'zod';
import { ADVISE_SCHEMA_VERSION, type AdviseResult } from '../model/advise.js';
import { calibrationSchema } from './calibration.js';
import { count, findingsField, flag, int, lazy, nullableInt, nullableNum, nullableText, num, overridesField, pricingFields, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';

const date = (description: string) => z.iso.date().describe(description);
const nullableDate = (description: string) => z.iso.date().nullable().describe(description);

export const adviseResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('advise', ADVISE_SCHEMA_VERSION),
      users: int('Monthly active users today'),
      asOf: date('The day the dates count from (--as-of, else the day of the run), YYYY-MM-DD'),
      growthPercentPerMonth: nullableNum('Net monthly-active-user growth per month, percent (compounded continuously over months of 365.25/12 days); null without --growth'),
      pricing: z.strictObject(pricingFields).describe('Price book used'),
      byRange: z.strictObject({ phase: int('Phase id'), name: text('Phase name') }).nullable().describe("The phase whose user range in the document holds N; null outside every range"),
      byCapacity: z
        .strictObject({ phase: int('Phase id'), name: text('Phase name'), totalUsd: num('Monthly cost at N, USD'), perUserUsd: num('Monthly cost per user, USD') })
        .nullable()
        .describe('The cheapest phase that passes every capacity check at N; null when none does'),
      current: z
        .strictObject({
          phase: int('Phase id'),
          name: text('Phase name'),
          chosenBy: z.enum(['option', 'observations', 'capacity', 'range', 'last']).describe('option: --phase; observations: the phase measured; capacity: byCapacity; range: byRange when no phase serves N; last: the largest phase'),
        })
        .describe('The phase running today, whose headroom and dates are given'),
      phases: z
        .array(
          z.strictObject({
            phase: int('Phase id'),
            capacityOk: flag('True when every capacity check passes at N'),
            failing: z.array(z.string()).describe('Capacity checks that fail at N'),
            totalUsd: num('Monthly cost at N, USD'),
            perUserUsd: num('Monthly cost per user, USD'),
          }),
        )
        .describe('Every phase at N users'),
      alerts: z
        .array(
          z.strictObject({
            id: text('Alert id in the catalog'),
            metric: text('What the alert watches'),
            threshold: num('The alert threshold in `unit`'),
            unit: text('% for fraction and percent alerts, else the alert’s unit'),
            value: nullableNum('The worst modelled figure at the peak hour in `unit`; null when the model does not compute it or a queue is unstable'),
            subject: nullableText('The station or phase:<id> the figure is from'),
            usedPercent: nullableNum('value / threshold × 100'),
          }),
        )
        .describe("The current phase's load against each alert threshold, at N"),
      headroom: z
        .strictObject({
          maxUsers: nullableInt('Most users the current phase serves within its capacity checks'),
          headroomUsers: nullableInt('maxUsers − users'),
          headroomPercent: nullableNum('(maxUsers / users − 1) × 100'),
          limitedBy: z.array(z.string()).describe('Checks that fail just past maxUsers'),
          unbounded: flag('True when the search found no limit'),
        })
        .describe("The current phase's headroom"),
      migration: z
        .strictObject({
          to: nullableInt('The cheapest phase that serves the users just past the current phase’s most'),
          leadTime: z.strictObject({ minWeeks: num('Σ of the steps’ shortest weeks'), maxWeeks: num('Σ of the steps’ longest weeks') }).describe("The catalog's migration steps, summed"),
          daysToExhaustion: nullableNum('Days until growth passes maxUsers: (365.25/12) × ln(maxUsers / users) / ln(1 + growth)'),
          exhaustion: nullableDate('asOf + ⌊daysToExhaustion⌋'),
          start: nullableDate('exhaustion − maxWeeks × 7 days: start migrating by this day'),
          latestSafeStart: nullableDate('exhaustion − minWeeks × 7 days'),
          startInDays: nullableInt('Days from asOf to start (negative when past)'),
        })
        .describe('When the current phase runs out at the growth rate, and when to start migrating; dates null without growth or a limit'),
      nextPhaseCheaper: z
        .strictObject({
          from: int('The current phase'),
          to: int('The next phase'),
          users: nullableInt('The fewest users, from N up, at which the next phase costs no more per user; null when it stays dearer'),
          searchedTo: count('The largest user count searched'),
        })
        .nullable()
        .describe('Where the next phase becomes cheaper per user; null for the last phase'),
      recommendation: z
        .strictObject({
          action: z.enum(['migrate-now', 'start-migrating', 'plan-migration', 'stay']).describe('What to do'),
          phase: nullableInt('The phase to migrate to (or stay on)'),
          reasons: z
            .array(z.enum(['capacity-short', 'runs-out', 'start-passed', 'lead-time-passed', 'no-growth', 'unbounded', 'range-differs', 'next-cheaper']))
            .describe('Why, as codes (docs/commands.md › advise)'),
        })
        .describe('One recommendation; renderers write it as a sentence'),
      calibration: calibrationSchema().nullable().describe('What the measurements set; null without --metrics'),
      findings: findingsField(),
      overrides: overridesField(),
    })
    .describe('The result of `cuenta-plan advise --format json`'),
);

type AdviseShapeCheck = Assert<SameShape<z.output<ReturnType<typeof adviseResultSchema>>, AdviseResult>>;
