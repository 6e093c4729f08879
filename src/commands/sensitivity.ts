import type { Command } from 'commander';
import { requireSection } from '../catalog/sections.js';
import { UserError } from '../errors.js';
import { withOverrides } from '../model/overrides.js';
import { thresholdsOf } from '../model/plan.js';
import { SENSITIVITY_METRICS, sensitivityResult, type SensitivityMetric } from '../model/sensitivity-result.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { didYouMean } from '../pricing/levenshtein.js';
import { renderSensitivityMarkdown, renderSensitivityTable } from '../render/sensitivity.js';
import { collectSet, SET_HELP, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { parsePhaseId } from './pricing.js';
import { choosePhase, usersArg } from './simulate.js';
import { inputsFor } from './uncertainty.js';

/** @throws UserError naming --metric and the closest names for an unknown metric (exit 2) */
export function parseSensitivityMetric(raw: string): SensitivityMetric {
  if ((SENSITIVITY_METRICS as readonly string[]).includes(raw)) return raw as SensitivityMetric;
  throw new UserError(`--metric ${raw}: sensitivity ranks by ${SENSITIVITY_METRICS.join(', ')}${didYouMean(raw, SENSITIVITY_METRICS)}`);
}

export function registerSensitivity(program: Command, ctx: CommandContext): void {
  program
    .command('sensitivity')
    .description('which uncertain assumption moves a figure most: each at its P10 and P90, the others at P50 (a tornado)')
    .requiredOption('-u, --users <n>', 'users in the month (whole number > 0)', usersArg)
    .option('--metric <name>', `the figure to rank by: ${SENSITIVITY_METRICS.join(' | ')}`, parseSensitivityMetric, 'cost-per-user')
    .option('-p, --phase <id>', 'evaluate this phase instead of the one whose user range holds N', parsePhaseId)
    .option('--set <name=value>', `${SET_HELP}; a quantity set is fixed, not varied`, collectSet, [])
    .addHelpText(
      'after',
      `
The uncertain assumptions are the catalog quantities with a distribution (docs/catalog.md § Distributions).
Cost is priced with the snapshot book (--prices FILE for another).

Examples:
  $ cuenta-plan sensitivity --users 50000                     what moves phase 3's cost per user most?
  $ cuenta-plan sensitivity --users 50000 --metric p95-ms     … and its P95 latency
  $ cuenta-plan sensitivity --users 50000 --metric margin     … and its contribution margin
  $ cuenta-plan sensitivity --users 50000 --set cache_hit_ratio=0.9
                                                              the same with the cache ratio fixed`,
    )
    .action((options: { users: number; metric: SensitivityMetric; phase?: number; set: SetOption[] }, command: Command) => {
      const globals = ctx.globals(command);
      const book = ctx.snapshotBook(globals);
      const catalog = withOverrides(loadCatalog(globals.catalog, book).catalog, options.set);
      const { phase } = choosePhase(catalog, options.users, options.phase);
      if (options.metric === 'margin') requireSection(catalog, 'revenue', '--metric margin');
      const inputs = inputsFor({}, catalog, phase, 'sensitivity');
      const result = sensitivityResult({ catalog, phase, users: options.users, metric: options.metric, inputs, book, thresholds: thresholdsOf(catalog) });
      emit(result, { table: renderSensitivityTable, md: renderSensitivityMarkdown }, globals, ctx.io);
    });
}
