import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { loadCatalog } from '../catalog/load.js';
import { advise } from '../model/advise.js';
import { dayNumber } from '../model/advise-dates.js';
import { InputError } from '../model/input-error.js';
import { thresholdsOf } from '../model/plan.js';
import { emit } from '../output.js';
import { renderAdviseMarkdown, renderAdviseTable } from '../render/advise.js';
import type { SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { calibratedCatalog, metricsOptions, type MetricsOptions } from './metrics.js';
import { choosePriceBooks, costingOptions, parsePhaseId, type PricingOptions } from './pricing.js';
import { usersArg } from './simulate.js';

/** "10%", "10" (percent a month) → 0.1; more than −100 %. */
export function parseGrowth(raw: string): number {
  const text = raw.trim().replace(/\s*%$/, '');
  const value = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value <= -100 || value > 1000) {
    throw new UserError(`--growth takes the monthly growth in percent, e.g. 10% (more than -100 %, at most 1000 %); got "${raw}"`);
  }
  return value / 100;
}

export function parseAsOf(raw: string): string {
  try {
    dayNumber(raw);
  } catch (error) {
    if (error instanceof InputError) throw new UserError(`--as-of: ${error.message}`);
    throw error;
  }
  return raw;
}

type AdviseOptions = PricingOptions & MetricsOptions & { users: number; growth?: number; asOf?: string; phase?: number; set: SetOption[] };

export function registerAdvise(program: Command, ctx: CommandContext): void {
  const command = program
    .command('advise')
    .description('when to migrate: the phase N users need by capacity, the load on each alert, headroom, and at a growth rate the day to start migrating')
    .requiredOption('-u, --users <n>', 'monthly active users today', usersArg)
    .option('--growth <rate>', 'net monthly-active-user growth per month, in percent (10% or 10)', parseGrowth)
    .option('--as-of <date>', 'the day to count from, YYYY-MM-DD (default: today, UTC)', parseAsOf)
    .option('-p, --phase <id>', 'the phase running today (default: the phase measured by --metrics, else the one capacity needs)', parsePhaseId);
  costingOptions(command);
  for (const option of metricsOptions()) command.addOption(option);
  command
    .addHelpText(
      'after',
      `
Growth compounds continuously over months of 365.25/12 days; the phase runs out on --as-of plus whole days;
migrating starts that day minus the catalog's migration steps summed at their longest (the latest safe start:
at their shortest).

Examples:
  $ cuenta-plan advise --users 800 --growth 10%
  $ cuenta-plan advise --users 800 --growth 10% --metrics examples/metrics-phase1.json --as-of 2027-01-01
  $ cuenta-plan advise --users 20000                 phase 2 serves 20,000 users though the ranges name phase 3`,
    )
    .action(async (options: AdviseOptions, cmd: Command) => {
      const globals = ctx.globals(cmd);
      const { catalog: loaded } = loadCatalog(globals.catalog, ctx.snapshotBook(globals));
      const calibrated = await calibratedCatalog(ctx, loaded, options, options.users);
      const { catalog } = calibrated;
      if (options.phase !== undefined && !catalog.phases.some((p) => p.id === options.phase)) {
        throw new UserError(`--phase ${options.phase} is not in the catalog; its phases are ${catalog.phases.map((p) => p.id).join(', ')}`);
      }
      const { book } = await choosePriceBooks(ctx, globals, catalog, options);
      const current =
        options.phase !== undefined
          ? { phase: options.phase, chosenBy: 'option' as const }
          : calibrated.observedPhase !== null
            ? { phase: calibrated.observedPhase, chosenBy: 'observations' as const }
            : undefined;
      const result = advise({
        catalog,
        users: options.users,
        thresholds: thresholdsOf(catalog),
        book,
        growthPerMonth: options.growth ?? null,
        asOf: options.asOf ?? new Date().toISOString().slice(0, 10),
        ...(current ? { current } : {}),
        ...(calibrated.calibration ? { calibration: calibrated.calibration } : {}),
        extraFindings: calibrated.findings,
      });
      emit(result, { table: renderAdviseTable, md: renderAdviseMarkdown }, globals, ctx.io);
    });
}
