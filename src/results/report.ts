/** The JSON result of `cuenta-plan report` (src/model/report.ts builds it); `report --from` reads it back. */
import * as z from 'zod';
import { REPORT_SCHEMA_VERSION, type ReportResult } from '../model/report.js';
import { count, flag, int, lazy, nullableInt, nullableNum, num, pricesAsOf, pricingFields, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';
import { simulateResultSchema } from './simulate.js';

const phaseOverview = () =>
  z.strictObject({
    id: int('Phase id'),
    name: text('Phase name'),
    usersMin: count("Bottom of the phase's user range"),
    usersMax: count("Top of the phase's user range"),
    latencyPercentile: num("The latency SLO's percentile (95 = P95)"),
    latencyTargetMs: num('The latency SLO target, ms'),
    availabilityTargetPercent: num('The availability SLO, percent'),
    budgetMinUsd: num('Bottom of the budget range, USD per month'),
    budgetMaxUsd: num('Top of the budget range, USD per month'),
    quotedTotalUsd: nullableNum("The document's quoted monthly total, USD; null when the catalog quotes none"),
    components: count('Components of its architecture'),
  });

const recommendation = () =>
  z.strictObject({
    users: int('The --users value'),
    phase: int('The phase whose range holds it'),
    action: z
      .enum(['stay', 'prepare-migration', 'migrate'])
      .describe('migrate: the phase fails its capacity checks at this load; prepare-migration: it holds with less headroom than the headroom-low finding allows; stay: it holds with room'),
    targetPhase: nullableInt('The phase to move to: the one that serves N when this one does not, else the next; null past the last phase'),
    slosHold: flag('True when no latency, availability or error-rate finding fails'),
    budgetHolds: flag("True when the monthly cost is not above the top of the phase's budget"),
    headroomUsers: nullableInt('Users the phase can still take before a capacity check fails (negative past its limit); null when it fails even at its smallest load'),
    migrationDates: z
      .strictObject({
        daysToExhaustion: num('Days from --as-of until users pass the most the phase serves'),
        exhaustion: text('--as-of plus those whole days, YYYY-MM-DD'),
        start: text("The day to start migrating: the exhaustion minus the steps' summed maximum weeks"),
        latestSafeStart: text("The latest safe start: the exhaustion minus the steps' summed minimum weeks"),
      })
      .nullable()
      .optional()
      .describe('With --growth only: when the phase runs out at that growth and when to start migrating; null when growth never reaches its limit'),
  });

const migrationStep = () =>
  z.strictObject({
    id: text('Step id'),
    name: text('Step name'),
    weeksMin: num('Shortest lead time, weeks'),
    weeksMax: num('Longest lead time, weeks'),
  });

const breakevenPoint = (margin: string) =>
  z
    .strictObject({
      users: nullableInt(`The smallest user count with ${margin} ≥ 0 (it is < 0 one user below); null when none in the catalog's range`),
      premiumUsers: nullableInt('Premium users (per-user plans) at that count; null with users'),
      phase: nullableInt('The phase whose user range holds that count; null with users'),
    })
    .describe(`Where ${margin} first reaches 0`);

const seriesRow = () =>
  z.strictObject({
    users: int('Users in the month'),
    phase: int('The phase whose range holds them'),
    totalUsd: num('Monthly cost, USD'),
    perUserUsd: num('Monthly cost per user, USD'),
    latencyMs: nullableNum("End-to-end latency at the SLO's percentile, ms; null when a tier is unstable"),
    latencyTargetMs: num("The phase's latency SLO target, ms"),
  });

export const reportResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('report', REPORT_SCHEMA_VERSION),
      catalog: z
        .strictObject({ name: text('The catalog’s name'), phases: z.array(phaseOverview()).describe('Every phase, in order') })
        .describe('The catalog the report was computed from'),
      pricing: z
        .strictObject({
          ...pricingFields,
          asOf: pricesAsOf().describe('The as-of dates of the prices used, over every priced plan of the report (points and series)'),
        })
        .describe('The price book every figure comes from'),
      growth: z
        .strictObject({ perMonth: num('Net monthly-active-user growth per month, a fraction (0.1 = 10 %)'), asOf: text('The day the dates count from, YYYY-MM-DD') })
        .optional()
        .describe("With --growth only: the growth the recommendations' migration dates assume"),
      recommendations: z.array(recommendation()).describe('One per --users value, in the order given'),
      migration: z
        .strictObject({
          weeksMin: num('Σ of the steps’ shortest lead times, weeks'),
          weeksMax: num('Σ of the steps’ longest lead times, weeks'),
          steps: z.array(migrationStep()).describe("The catalog's migration steps, in order"),
        })
        .nullable()
        .describe("The migration's lead time from the catalog's migration.steps; null when the catalog has none"),
      series: z
        .strictObject({
          basis: z.enum(['users', 'ladder']).describe('users: the --users values as given (two or more); ladder: the middle and top of each phase, with the --users value'),
          latencyPercentile: num("The SLO's percentile the latency figures are at"),
          rows: z.array(seriesRow()).describe('One per user count, ascending'),
        })
        .describe('What the across-users charts draw (sized and priced as sweep does: no headroom search)'),
      points: z.array(simulateResultSchema()).min(1).describe('The full simulate result at each --users value, in the order given'),
      breakeven: z
        .strictObject({
          infrastructureOnly: breakevenPoint('the gross margin (MRR − fees − infrastructure)'),
          withOpex: breakevenPoint('the contribution margin (gross margin − opex)'),
          impliedOpexUsd: nullableNum(
            "The gross margin at the user count whose premium users are the catalog's break_even_premium_users claim: the monthly opex at which that claim would be the break-even, USD; null without the claim",
          ),
          opexUsd: num("The catalog's revenue.opex_usd_per_month, USD"),
        })
        .nullable()
        .optional()
        .describe("`cuenta-plan breakeven` at the catalog's opex, priced and bought as the points are; null when the catalog has no revenue section; absent in reports saved before it existed"),
    })
    .describe('The result of `cuenta-plan report --format json`; `report --from FILE` re-renders it'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type ReportShapeCheck = Assert<SameShape<z.output<ReturnType<typeof reportResultSchema>>, ReportResult>>;
