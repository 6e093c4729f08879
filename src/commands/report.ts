import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { thresholdsOf } from '../model/plan.js';
import { MAX_REPORT_USERS, report, type ReportResult } from '../model/report.js';
import { phaseForUsers } from '../model/select.js';
import { withOverrides } from '../model/overrides.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { formatProblem } from '../catalog/problems.js';
import { renderReportMarkdown } from '../render/report.js';
import { reportChartFiles } from '../render/report-charts.js';
import type { SetOption } from './args.js';
import { chartsHref, writeCharts } from './charts.js';
import { parseAsOf, parseGrowth } from './advise.js';
import type { CommandContext, CommandGlobals } from './context.js';
import { choosePriceBooks, costingOptions, type PricingOptions } from './pricing.js';
import { purchaseFrom, purchaseOptions, type PurchaseOptions } from './purchase.js';
import { usersArg } from './simulate.js';

interface ReportOptions extends PricingOptions, PurchaseOptions {
  users: number[];
  charts?: string;
  from?: string;
  growth?: number;
  asOf?: string;
  set: SetOption[];
}

const collectUsers = (raw: string, previous: readonly number[] = []): number[] => [...previous, usersArg(raw)];

/** Sizes and prices the catalog at each --users value. */
async function computeReport(options: ReportOptions, globals: CommandGlobals, ctx: CommandContext): Promise<ReportResult> {
  if (options.users.length === 0) throw new UserError('report needs --users N (repeatable), or --from FILE to re-render a saved report');
  if (options.users.length > MAX_REPORT_USERS) throw new UserError(`report takes at most ${MAX_REPORT_USERS} --users values (each gets its own sections); got ${options.users.length}`);
  const { catalog: loaded, warnings } = loadCatalog(globals.catalog, ctx.snapshotBook(globals));
  const catalog = withOverrides(loaded, options.set);
  const first = catalog.phases[0]!;
  const last = catalog.phases[catalog.phases.length - 1]!;
  for (const n of options.users) {
    if (!phaseForUsers(catalog, n)) {
      throw new UserError(`--users ${n.toLocaleString('en-US')} is outside the catalog's phases, which hold ${first.users.min.toLocaleString('en-US')}–${last.users.max.toLocaleString('en-US')} users`);
    }
  }
  const { book, compareBook } = await choosePriceBooks(ctx, globals, catalog, options);
  const purchase = purchaseFrom(options, catalog, options.pricing, book);
  return report({
    catalog,
    users: options.users,
    book,
    compareBook,
    thresholds: thresholdsOf(catalog),
    catalogWarnings: warnings.map((w) => `catalog: ${formatProblem(w)}`),
    ...(purchase === undefined ? {} : { purchase }),
    ...(options.growth === undefined ? {} : { growth: { perMonth: options.growth, asOf: options.asOf ?? new Date().toISOString().slice(0, 10) } }),
  });
}

/**
 * Reads a report saved with `--format json`. The options that choose what to compute have no say here.
 * @throws UserError naming the file: unreadable, not a saved result, another command's result or version
 */
async function savedReport(file: string, options: ReportOptions, globals: CommandGlobals, command: Command): Promise<ReportResult> {
  const computing = [
    options.users.length > 0 ? '--users' : undefined,
    options.set.length > 0 ? '--set' : undefined,
    options.purchase !== undefined ? '--purchase' : undefined,
    options.upfront !== undefined ? '--upfront' : undefined,
    options.growth !== undefined ? '--growth' : undefined,
    options.asOf !== undefined ? '--as-of' : undefined,
    command.getOptionValueSource('pricing') === 'cli' ? '--pricing' : undefined,
    globals.catalog !== undefined ? '--catalog' : undefined,
    globals.prices !== undefined ? '--prices' : undefined,
  ].filter((flag) => flag !== undefined);
  if (computing.length > 0) throw new UserError(`--from re-renders a saved report as it was computed; leave out ${computing.join(', ')}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read --from ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(error))}`);
  }
  // Loaded here, not at start: the result schemas build zod objects on import, which no other run should pay for.
  const { readSavedResult } = await import('../results/read-saved.js');
  const saved = readSavedResult(text, file);
  if (saved.command !== 'report') {
    throw new UserError(`${file} holds a ${saved.command} result; --from takes a report saved with \`cuenta-plan report --users N --format json\``);
  }
  return saved.result;
}

export function registerReport(program: Command, ctx: CommandContext): void {
  const command = program
    .command('report')
    .description('a markdown report for people: the recommendation first, then phases, capacity, cost, headroom and assumptions, with charts')
    .option('-u, --users <n>', `users in the month (repeatable, up to ${MAX_REPORT_USERS}: one section each)`, collectUsers, [])
    .option('--charts <dir>', 'also draw the charts as SVG files in DIR (created when missing), linked from the markdown')
    .option('--from <file>', 're-render a report saved with --format json, without recomputing it')
    .option('--growth <rate>', 'net monthly-active-user growth in percent (10% or 10): adds the day each phase runs out and the day to start migrating', parseGrowth)
    .option('--as-of <date>', 'with --growth: the day to count from, YYYY-MM-DD (default: today, UTC)', parseAsOf);
  costingOptions(command);
  purchaseOptions(command)
    .addHelpText(
      'after',
      `
The report is markdown whatever --format table or md says; --format json saves the result for --from.

Examples:
  $ cuenta-plan report --users 50000 --out plan.md --charts charts
  $ cuenta-plan report --users 5000 --users 50000 --users 500000 --format json --out plan.json
  $ cuenta-plan report --users 50000 --purchase optimized      the bill bought at the cheapest mix, every strategy beside it
  $ cuenta-plan report --users 50000 --growth 10% --as-of 2027-01-01   … and the day to start migrating
  $ cuenta-plan report --from plan.json --out plan.md          the saved report again, nothing recomputed`,
    )
    .action(async (options: ReportOptions, command: Command) => {
      if (options.asOf !== undefined && options.growth === undefined) throw new UserError('--as-of dates the migration at a growth rate: give --growth too (e.g. --growth 10%)');
      const globals = ctx.globals(command);
      const result = options.from === undefined ? await computeReport(options, globals, ctx) : await savedReport(options.from, options, globals, command);
      if (options.charts !== undefined) writeCharts(options.charts, reportChartFiles(result));
      const links = { chartsHref: options.charts === undefined ? undefined : chartsHref(options.charts, globals.out) };
      const markdown = () => renderReportMarkdown(result, links);
      emit(result, { table: markdown, md: markdown }, globals, ctx.io);
    });
}
