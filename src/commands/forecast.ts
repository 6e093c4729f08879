import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { forecast } from '../model/forecast.js';
import { monthNumber } from '../model/forecast-calendar.js';
import { InputError } from '../model/input-error.js';
import { thresholdsOf } from '../model/plan.js';
import { emit } from '../output.js';
import { renderForecastMarkdown, renderForecastTable } from '../render/forecast.js';
import { forecastChartFiles } from '../render/forecast-charts.js';
import { parseGrowth } from './advise.js';
import { numberArg, type SetOption } from './args.js';
import { chartsHref, writeCharts } from './charts.js';
import type { CommandContext } from './context.js';
import { purchaseOptions, revenueRun, type PurchaseOptions } from './purchase.js';
import { costingOptions, type PricingOptions } from './pricing.js';
import { usersArg } from './simulate.js';
import { addUncertaintyOptions, catalogInputsFor, checkSeedNeedsSamples, DEFAULT_SEED, monteCarloWithProgress, shareableArgv, type UncertaintyOptions } from './uncertainty.js';
import { FORECAST_BREACH_IDS, FORECAST_METRICS, forecastSample, forecastUncertaintySection } from '../model/uncertainty-forecast.js';

type ForecastOptions = PricingOptions & PurchaseOptions & UncertaintyOptions & { users: number; growth: number; months: number; start?: string; charts?: string; set: SetOption[] };

export function parseStartMonth(raw: string): string {
  try {
    monthNumber(raw);
  } catch (error) {
    if (error instanceof InputError) throw new UserError(`--start: ${error.message}`);
    throw error;
  }
  return raw;
}

/** The command line with the start month the run took from the clock, when it did. */
const withStart = (argv: readonly string[] | undefined, start: string | undefined) => (argv === undefined || start === undefined ? argv : [...argv, '--start', start]);

export function registerForecast(program: Command, ctx: CommandContext): void {
  const command = program
    .command('forecast')
    .description('month by month at a growth rate: users, the phase priced and the phase capacity needs, cost, revenue, margin, cash, migration windows, break-even')
    .requiredOption('-u, --users <n>', 'monthly active users in the start month', usersArg)
    .requiredOption('--growth <rate>', 'net monthly-active-user growth per month, in percent (10% or 10)', parseGrowth)
    .option('--months <n>', 'months to forecast after the start month', numberArg('--months', { min: 1, max: 600, integer: true }), 36)
    .option('--start <YYYY-MM>', 'the start month, month 0 (default: this month, UTC)', parseStartMonth)
    .option('--charts <dir>', 'also draw the charts as SVG files in DIR (created when missing), linked from the markdown');
  costingOptions(command);
  addUncertaintyOptions(purchaseOptions(command))
    .addHelpText(
      'after',
      `
Month m has users × (1 + growth)^m users. The document's user ranges name the phase that prices each month; the
capacity column is the cheapest phase that passes every capacity check (advise's rule). A migration starts the
catalog's lead time (its steps at their longest) before users pass the phase's most; until the cutover both phases
run and are paid for. With --purchase, reservations bought for a phase that ends before their term are charged as
stranded until the term ends. Months past the catalog's top extrapolate its last phase (marked *).

With --samples each sample is a whole forecast on values drawn from the catalog's distributions (~50 ms each for
120 months: 200 samples take seconds; the bar shows progress).

Examples:
  $ cuenta-plan forecast --users 500 --growth 10% --months 48 --start 2027-01
  $ cuenta-plan forecast --users 500 --growth 10% --purchase reserved-3y --upfront all
  $ cuenta-plan forecast --users 5000 --growth 8% --months 60 --format md --out forecast.md --charts charts
  $ cuenta-plan forecast --users 500 --growth 10% --samples 200 --seed 7   P10/P50/P90 of the break-even month and the funding`,
    )
    .action(async (options: ForecastOptions, cmd: Command) => {
      const globals = ctx.globals(cmd);
      checkSeedNeedsSamples(options);
      const { catalog, revenue, book, purchase } = await revenueRun(ctx, globals, options, 'forecast');
      const inputs = options.samples === undefined ? [] : catalogInputsFor(catalog);
      const shared = {
        thresholds: thresholdsOf(catalog),
        book,
        startUsers: options.users,
        growthPerMonth: options.growth,
        months: options.months,
        start: options.start ?? new Date().toISOString().slice(0, 7),
        ...(purchase === undefined ? {} : { purchase }),
      };
      const deterministic = forecast({ ...shared, catalog, revenue, opexUsd: revenue.opexUsdPerMonth.value });
      const result =
        options.samples === undefined
          ? deterministic
          : {
              ...deterministic,
              uncertainty: forecastUncertaintySection(
                await monteCarloWithProgress(
                  {
                    catalog,
                    inputs,
                    samples: options.samples,
                    seed: options.seed ?? DEFAULT_SEED,
                    metrics: FORECAST_METRICS,
                    breachIds: FORECAST_BREACH_IDS,
                    evaluate: forecastSample(shared),
                  },
                  globals,
                  ctx.io,
                  // A worker thread starts from the same month even if the clock turns one over meanwhile.
                  withStart(shareableArgv(ctx, globals, options), options.start === undefined ? shared.start : undefined),
                ),
              ),
            };
      if (options.charts !== undefined) writeCharts(options.charts, forecastChartFiles(result));
      const href = options.charts === undefined ? undefined : chartsHref(options.charts, globals.out);
      emit(result, { table: renderForecastTable, md: (r) => renderForecastMarkdown(r, { chartsHref: href }) }, globals, ctx.io);
    });
}
