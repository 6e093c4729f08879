import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { withOverrides } from '../model/overrides.js';
import { thresholdsOf } from '../model/plan.js';
import { isSolveMetric, SOLVE_METRICS, type SolveMetric } from '../model/solve-metrics.js';
import { solve } from '../model/solve.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { didYouMean } from '../pricing/levenshtein.js';
import { renderSolveMarkdown, renderSolveTable } from '../render/solve.js';
import { collectSet, parseNumberOption, SET_HELP, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { cacheTtlOption, choosePriceBooks, parsePhaseId, pricingOption, strictOption, type PricingOptions } from './pricing.js';
import { choosePhase, usersArg } from './simulate.js';

/** What a target may be, per metric: money and latency above 0, availability a percent. */
const TARGET_RULES: Readonly<Record<SolveMetric, { min: number; exclusiveMin?: boolean; max?: number }>> = {
  cost: { min: 0 },
  'cost-per-user': { min: 0 },
  'p95-ms': { min: 0, exclusiveMin: true },
  availability: { min: 0, exclusiveMin: true, max: 100 },
};

/**
 * `--target METRIC=VALUE`, e.g. cost=1500, p95-ms=500, availability=99.95.
 * @throws UserError naming --target for a missing "=", an unknown metric (with the closest names) or a bad value (exit 2)
 */
export function parseTarget(raw: string): { metric: SolveMetric; value: number } {
  const at = raw.indexOf('=');
  const metric = at < 0 ? '' : raw.slice(0, at).trim();
  if (metric === '') throw new UserError(`--target takes METRIC=VALUE, e.g. --target cost=1500; got "${raw}"`);
  if (!isSolveMetric(metric)) {
    throw new UserError(`--target ${metric}: solve aims at ${SOLVE_METRICS.join(', ')}${didYouMean(metric, SOLVE_METRICS)}`);
  }
  return { metric, value: parseNumberOption(`--target ${metric}`, raw.slice(at + 1), TARGET_RULES[metric]) };
}

export function registerSolve(program: Command, ctx: CommandContext): void {
  program
    .command('solve')
    .description('find the value of one assumption at which a metric reaches a target (cost, cost per user, P95 latency, availability)')
    .requiredOption('--vary <name>', 'the assumption to vary: a workload assumption, or a YAML path as --set takes it')
    .requiredOption('--target <metric=value>', `the target: ${SOLVE_METRICS.join(' | ')} = a number (USD, USD, ms, percent)`, parseTarget)
    .requiredOption('-u, --users <n>', 'users in the month (whole number > 0)', usersArg)
    .option('-p, --phase <id>', 'evaluate this phase instead of the one whose user range holds N', parsePhaseId)
    .option('--set <name=value>', SET_HELP, collectSet, [])
    .addOption(pricingOption(['snapshot', 'live']))
    .addOption(strictOption())
    .addOption(cacheTtlOption())
    .addHelpText(
      'after',
      `
The answer is the value nearest today's at which the target is just met: cost and P95 at most the target,
availability at least. The search tries the catalog's range for the assumption first, then every value it may
take. Instance counts are whole, so a metric can jump over the target: the answer is then the last value before
the jump ("jump": true). Cost is priced with the snapshot book (--prices FILE for another), or live prices.

Examples:
  $ cuenta-plan solve --vary requests_per_active_user_per_s --target cost=1500 --users 50000
      what request rate keeps phase 3 at 50,000 users within its $1,500 budget?
  $ cuenta-plan solve --vary demand_app_s --target p95-ms=100 --users 50000
      how much CPU per request before P95 passes 100 ms?
  $ cuenta-plan solve --vary cache_hit_ratio --target cost-per-user=0.05 --users 200000 --phase 4
  $ cuenta-plan solve --vary transfer_mb_per_active_minute --target cost=5000 --users 50000 --set cache_hit_ratio=0.9
  $ cuenta-plan simulate --users 50000 --set requests_per_active_user_per_s=0.03598
      check an answer: simulate with the solved value gives the achieved figure`,
    )
    .action(async (options: PricingOptions & { vary: string; target: { metric: SolveMetric; value: number }; users: number; phase?: number; set: SetOption[] }, command: Command) => {
      const globals = ctx.globals(command);
      const catalog = withOverrides(loadCatalog(globals.catalog, ctx.snapshotBook(globals)).catalog, options.set);
      const { phase } = choosePhase(catalog, options.users, options.phase);
      const { book } = await choosePriceBooks(ctx, globals, catalog, options);
      const result = solve({ catalog, phase, users: options.users, vary: options.vary, target: options.target, book, thresholds: thresholdsOf(catalog) });
      emit(result, { table: renderSolveTable, md: renderSolveMarkdown }, globals, ctx.io);
    });
}
