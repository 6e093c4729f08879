import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { thresholdsOf } from '../model/plan.js';
import { sweep } from '../model/sweep.js';
import { withOverrides } from '../model/overrides.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { renderSweepMarkdown, renderSweepTable } from '../render/sweep.js';
import { numberArg, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { purchaseFrom, purchaseOptions, type PurchaseOptions } from './purchase.js';
import { choosePriceBooks, costingOptions, parsePhaseId, type PricingOptions } from './pricing.js';

const MAX_POINTS = 1000;

export function registerSweep(program: Command, ctx: CommandContext): void {
  const command = program
    .command('sweep')
    .description('cost per user, latency, instances and phase across a range of user counts')
    .requiredOption('--from <n>', 'first user count (whole number > 0)', numberArg('--from', { min: 1, integer: true }))
    .requiredOption('--to <n>', 'last user count', numberArg('--to', { min: 1, integer: true }))
    .option('--points <k>', `how many user counts (2–${MAX_POINTS})`, numberArg('--points', { min: 2, max: MAX_POINTS, integer: true }), 20)
    .option('--log', 'space the points evenly on a log scale (for ranges over several orders of magnitude)')
    .option('-p, --phase <id>', 'every point on this phase, past its user range too (default: the phase whose range holds each point)', parsePhaseId);
  costingOptions(command);
  purchaseOptions(command)
    .addHelpText(
      'after',
      `
A chart of cost per user follows the table when the output is a terminal.

Examples:
  $ cuenta-plan sweep --from 100 --to 1000000 --points 50 --log
  $ cuenta-plan sweep --from 10000 --to 100000 --points 10 --format json
  $ cuenta-plan sweep --from 1000 --to 100000 --set demand_app_s=0.01   the same with half the CPU per request
  $ cuenta-plan sweep --from 100 --to 1000000 --points 12 --log --purchase reserved-3y
                                                 what 3-year reservations save at each user count
  $ cuenta-plan sweep --from 10000 --to 100000 --points 10 --phase 2
                                                 phase 2 followed past its range: where it runs out`,
    )
    .action(async (options: PricingOptions & { from: number; to: number; points: number; log?: boolean; phase?: number; set: SetOption[] } & PurchaseOptions, command: Command) => {
      const globals = ctx.globals(command);
      if (options.to <= options.from) throw new UserError(`--to (${options.to}) must be greater than --from (${options.from})`);
      const catalog = withOverrides(loadCatalog(globals.catalog, ctx.snapshotBook(globals)).catalog, options.set);
      const phase = options.phase === undefined ? undefined : catalog.phases.find((p) => p.id === options.phase);
      if (options.phase !== undefined && phase === undefined) {
        throw new UserError(`--phase ${options.phase} is not in the catalog; its phases are ${catalog.phases.map((p) => p.id).join(', ')}`);
      }
      const first = catalog.phases[0]!;
      const last = catalog.phases[catalog.phases.length - 1]!;
      // One phase named with --phase is followed anywhere (that is the point); by range, each point needs a phase.
      if (phase === undefined && (options.from < first.users.min || options.to > last.users.max)) {
        throw new UserError(
          `the sweep must stay within the catalog's phases: --from ${Math.max(1, first.users.min)} --to ${last.users.max} at the widest; got ${options.from}–${options.to} (or follow one phase past its range with --phase ID)`,
        );
      }
      const { book } = await choosePriceBooks(ctx, globals, catalog, options);
      const purchase = purchaseFrom(options, catalog, options.pricing, book);
      const result = sweep({
        catalog,
        from: options.from,
        to: options.to,
        points: options.points,
        log: options.log ?? false,
        book,
        thresholds: thresholdsOf(catalog),
        ...(purchase === undefined ? {} : { purchase }),
        ...(phase === undefined ? {} : { phase }),
      });
      emit(result, { table: renderSweepTable, md: renderSweepMarkdown }, globals, ctx.io);
    });
}
