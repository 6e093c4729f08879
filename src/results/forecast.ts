/** The JSON result of `cuenta-plan forecast` (src/model/forecast.ts builds it). */
import * as z from 'zod';
import { FORECAST_SCHEMA_VERSION, type ForecastResult } from '../model/forecast.js';
import { UPFRONT_OPTIONS } from '../model/purchase-rates.js';
import { count, flag, int, lazy, nullableInt, num, overridesField, pricingFields, resultHeader, text } from './common.js';
import type { Assert, SameShape } from './same-shape.js';
import { breachFields, spread, uncertaintyHeader } from './uncertainty.js';
import { FORECAST_BREACH_IDS } from '../model/uncertainty-forecast.js';

const date = (description: string) => z.iso.date().describe(description);
const month = (description: string) => z.string().regex(/^\d{4}-\d{2}$/).describe(description);
const usd = (description: string) => num(`${description}, USD`);

const monthRow = () =>
  z
    .strictObject({
      month: count('Months after the start; 0 is the start month'),
      date: month('The calendar month, YYYY-MM'),
      users: count('Monthly active users: round(start users × (1 + growth)^month), at least 1'),
      phase: int("The phase whose user range holds the users (past the catalog's top, its last phase): the phase priced"),
      capacityPhase: nullableInt("The cheapest phase that passes every capacity check at these users (advise's rule); null when none does"),
      capacityOk: flag('The priced phase passes every capacity check at these users'),
      extrapolated: flag("The users lie outside the catalog's ranges: the nearest phase is sized beyond its range"),
      instances: count("Instances of the priced phase at its peak hour, summed over its tiers"),
      costUsd: usd('The month’s infrastructure: phaseCostUsd + migrationUsd + strandedUsd'),
      phaseCostUsd: usd('The priced phase’s plan, bought as the purchase strategy says (upfront fees amortised over the term)'),
      migrationUsd: usd('The incoming phase during a migration window, on demand'),
      strandedUsd: usd('Reservations held idle because their phase ended (or shrank) before their term'),
      upfrontUsd: usd('Reservation fees paid upfront this month'),
      costPerUserUsd: usd('costUsd ÷ users'),
      mrrUsd: usd('Monthly recurring revenue at these users'),
      marginUsd: usd('Contribution margin: MRR − payment fees − costUsd − opex'),
      cashFlowUsd: usd('marginUsd with upfront fees counted when paid instead of amortised'),
      cumulativeCashUsd: usd('Σ cashFlowUsd from month 0 to this month'),
    })
    .describe('One month of the forecast');

const migration = () =>
  z
    .strictObject({
      from: int('The phase left'),
      to: int('The phase migrated to'),
      cutoverMonth: count('The first month priced in the new phase'),
      exhaustion: date('The day users pass the most users of the phase left, YYYY-MM-DD'),
      leadTime: z
        .strictObject({ minWeeks: num("The catalog's migration steps at their shortest, summed"), maxWeeks: num('… at their longest, summed') })
        .describe("The catalog's migration lead time"),
      start: date('exhaustion − the longest lead time: the start the forecast charges for, YYYY-MM-DD'),
      latestSafeStart: date('exhaustion − the shortest lead time, YYYY-MM-DD'),
      doubleRunningMonths: z
        .strictObject({ high: count('Months both phases run when migrating starts at `start`'), low: count('… at `latestSafeStart`') })
        .describe('Months from the one the start falls in to the cutover, from month 0'),
      startsBeforeForecast: flag('The start falls before month 0: the migration is already late'),
      migrationUsd: usd('What the months of double running add (the incoming phase, on demand, at the high lead time)'),
    })
    .describe('A migration window: both phases run and are paid for');

export const forecastResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('forecast', FORECAST_SCHEMA_VERSION),
      startUsers: count('Users in month 0 (--users)'),
      growthPercentPerMonth: num('Net monthly-active-user growth, percent per month (--growth)'),
      start: month('Month 0, YYYY-MM (--start)'),
      pricing: z.strictObject(pricingFields).describe('Price book used'),
      purchase: z
        .strictObject({
          strategy: text('The --purchase strategy'),
          upfront: z.enum(UPFRONT_OPTIONS).nullable().describe('--upfront; null for the cheapest monthly'),
          reservations: z.literal('stranded').describe('Reservations bought for a phase that ends before their term keep being charged until it ends'),
        })
        .nullable()
        .describe('How infrastructure is bought; null without --purchase (on demand)'),
      opexUsd: usd('Costs besides infrastructure, per month'),
      months: z.array(monthRow()).describe('Month 0 (the start) to the last month'),
      migrations: z.array(migration()).describe('Every migration window, in order'),
      breakEvenMonth: nullableInt('The first month whose contribution margin is ≥ 0; null when none is'),
      paybackMonth: nullableInt('The first month whose cumulative cash is ≥ 0; null when none is'),
      lowestCash: z
        .strictObject({ month: count('The month of the lowest cumulative cash'), cumulativeCashUsd: usd('The lowest cumulative cash') })
        .describe('The funding the forecast needs'),
      catalogTopUsers: count("The catalog's most users; months past it extrapolate its last phase"),
      extrapolatedFrom: nullableInt('The first extrapolated month; null when none is'),
      totals: z
        .strictObject({
          costUsd: usd('Σ costUsd'),
          mrrUsd: usd('Σ mrrUsd'),
          migrationUsd: usd('Σ migrationUsd'),
          strandedUsd: usd('Σ strandedUsd'),
          upfrontUsd: usd('Σ upfrontUsd'),
          marginUsd: usd('Σ marginUsd'),
        })
        .describe('Sums over every month'),
      overrides: overridesField(),
      uncertainty: z
        .strictObject({
          ...uncertaintyHeader(),
          metrics: z
            .strictObject({
              'breakeven-month': spread('the first month whose contribution margin is ≥ 0, rounded up to a whole month (a sample that never breaks even within the months counts as beyond them: null)'),
              'lowest-cash': spread('the lowest cumulative cash, USD (the funding the forecast needs)'),
              cost: spread('Σ costUsd over the months, USD'),
              margin: spread('Σ marginUsd over the months, USD'),
            })
            .describe('P10/P50/P90 of each figure, each sample a whole forecast'),
          breaches: z
            .array(
              z.strictObject({
                id: z.enum(FORECAST_BREACH_IDS).describe('no-breakeven: the contribution margin stays < 0 in every month; capacity-short: in some month the phase priced fails a capacity check'),
                ...breachFields(),
              }),
            )
            .describe('The probability of never breaking even within the months and of running short of capacity'),
        })
        .optional()
        .describe('Monte Carlo over the catalog’s distributions (present only with --samples)'),
    })
    .describe('The result of `cuenta-plan forecast --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type ForecastShapeCheck = Assert<SameShape<z.output<ReturnType<typeof forecastResultSchema>>, ForecastResult>>;
