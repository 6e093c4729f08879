import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { auditClaims } from '../model/claims.js';
import { thresholdsOf } from '../model/plan.js';
import { withOverrides } from '../model/overrides.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { renderClaimsMarkdown, renderClaimsTable } from '../render/claims.js';
import { collectSet, SET_HELP, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { cacheTtlOption, choosePriceBooks, pricingOption, strictOption, type PricingOptions } from './pricing.js';

export function registerClaims(program: Command, ctx: CommandContext): void {
  program
    .command('claims')
    .description("audit the document's claims and KPIs against the model: its value, the model's, and whether the claim holds")
    .addOption(pricingOption())
    .addOption(strictOption())
    .addOption(cacheTtlOption())
    .option('--set <name=value>', SET_HELP, collectSet, [])
    .addHelpText(
      'after',
      `
A claim about one phase is read at the top of that phase's range; a KPI that names no phase is read at the top
of every phase and holds only when it holds in each. Claims that do not hold are results, not errors: the
command exits 0 whenever it could evaluate the catalog.

Examples:
  $ cuenta-plan claims                            every claim and KPI, priced from the bundled AWS snapshot
  $ cuenta-plan claims --pricing seed             the same on the document's own figures
  $ cuenta-plan claims --set revenue.opex_usd_per_month=20000 --format json`,
    )
    .action(async (options: PricingOptions & { set: SetOption[] }, command: Command) => {
      const globals = ctx.globals(command);
      const catalog = withOverrides(loadCatalog(globals.catalog, ctx.snapshotBook(globals)).catalog, options.set);
      if ((catalog.claims ?? []).length === 0 && catalog.kpis === undefined) {
        throw new UserError(`catalog "${catalog.name}" has no claims: or kpis: section, so there is nothing to audit; add one (data/phases.yaml has both)`);
      }
      const { book } = await choosePriceBooks(ctx, globals, catalog, options);
      const result = auditClaims({ catalog, book, thresholds: thresholdsOf(catalog) });
      emit(result, { table: renderClaimsTable, md: renderClaimsMarkdown }, globals, ctx.io);
    });
}
