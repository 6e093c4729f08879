import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { compare } from '../model/compare.js';
import { thresholdsOf } from '../model/plan.js';
import { withOverrides } from '../model/overrides.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { renderCompareMarkdown, renderCompareTable } from '../render/compare.js';
import type { SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { purchaseFrom, purchaseOptions, type PurchaseOptions } from './purchase.js';
import { choosePriceBooks, costingOptions, parsePhaseId, type PricingOptions } from './pricing.js';
import { usersArg } from './simulate.js';

export function registerCompare(program: Command, ctx: CommandContext): void {
  const command = program
    .command('compare')
    .description('evaluate two or more phases at the same user count, side by side with deltas and the better one per metric')
    .argument('<phases...>', 'phase ids, e.g. 2 3')
    .option('-u, --users <n>', 'users to compare at (default: the top of the first phase’s range, where migrating is decided)', usersArg);
  costingOptions(command);
  purchaseOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ cuenta-plan compare 2 3                  both at 10,000 users, the top of phase 2
  $ cuenta-plan compare 2 3 --users 10000    the same, explicitly
  $ cuenta-plan compare 2 3 4 --users 80000 --format md
  $ cuenta-plan compare 2 3 --set requests_per_active_user_per_s=0.1   both at half the request rate
  $ cuenta-plan compare 2 3 --purchase optimized   both bought at their cheapest mix of commitments, spot and on-demand`,
    )
    .action(async (ids: string[], options: PricingOptions & { users?: number; set: SetOption[] } & PurchaseOptions, command: Command) => {
      const globals = ctx.globals(command);
      const catalog = withOverrides(loadCatalog(globals.catalog, ctx.snapshotBook(globals)).catalog, options.set);
      if (ids.length < 2) throw new UserError('compare needs at least two phases, e.g. `cuenta-plan compare 2 3`');
      const phases = ids.map((raw) => {
        const id = parsePhaseId(raw);
        const phase = catalog.phases.find((p) => p.id === id);
        if (!phase) throw new UserError(`phase ${raw} is not in the catalog; its phases are ${catalog.phases.map((p) => p.id).join(', ')}`);
        return phase;
      });
      if (new Set(phases.map((p) => p.id)).size !== phases.length) throw new UserError('each phase may be named once');
      const users = options.users ?? phases[0]!.users.max;
      const { book } = await choosePriceBooks(ctx, globals, catalog, options);
      const purchase = purchaseFrom(options, catalog, options.pricing, book);
      const result = compare({
        catalog,
        phases,
        users,
        usersDefaulted: options.users === undefined,
        book,
        thresholds: thresholdsOf(catalog),
        ...(purchase === undefined ? {} : { purchase }),
      });
      emit(result, { table: renderCompareTable, md: renderCompareMarkdown }, globals, ctx.io);
    });
}
