import type { Command } from 'commander';
import { breakeven, claimedPremiumUsers } from '../model/breakeven.js';
import { breakevenResult } from '../model/breakeven-result.js';
import { thresholdsOf } from '../model/plan.js';
import { boughtTotalUsd } from '../model/purchase.js';
import { overridesIn } from '../model/overrides.js';
import { emit } from '../output.js';
import { renderBreakevenMarkdown, renderBreakevenTable } from '../render/breakeven.js';
import { numberArg, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { purchaseOptions, revenueRun, type PurchaseOptions } from './purchase.js';
import { costingOptions, type PricingOptions } from './pricing.js';
import { addUncertaintyOptions, catalogInputsFor, checkSeedNeedsSamples, DEFAULT_SEED, monteCarloWithProgress, shareableArgv, type UncertaintyOptions } from './uncertainty.js';
import { BREAKEVEN_BREACH_IDS, BREAKEVEN_METRICS, breakevenSample, breakevenUncertaintySection } from '../model/uncertainty-breakeven.js';

export function registerBreakeven(program: Command, ctx: CommandContext): void {
  const command = program
    .command('breakeven')
    .description('the smallest user count where revenue covers infrastructure, and opex too; every profitable user range; the opex the ~50K premium-user claim implies')
    .option('--opex <usd>', "monthly costs besides infrastructure (default: the catalog's revenue.opex_usd_per_month)", numberArg('--opex', { min: 0, max: 1e9 }));
  costingOptions(command);
  addUncertaintyOptions(purchaseOptions(command))
    .addHelpText(
      'after',
      `
Each user count is evaluated as simulate does: the phase whose range holds it, sized and priced. Margins jump at
phase boundaries and price steps, so the search samples every phase and bisects each sign change to the user.

Examples:
  $ cuenta-plan breakeven
  $ cuenta-plan breakeven --opex 30000
  $ cuenta-plan breakeven --purchase optimized         infrastructure bought at the cheapest mix of commitments
  $ cuenta-plan breakeven --set revenue.free_share=0.6 --format json
  $ cuenta-plan breakeven --samples 200 --seed 7       P10/P50/P90 of the break-even users over the catalog's distributions`,
    )
    .action(async (options: PricingOptions & PurchaseOptions & UncertaintyOptions & { opex?: number; set: SetOption[] }, command: Command) => {
      const globals = ctx.globals(command);
      checkSeedNeedsSamples(options);
      const { catalog, revenue, book, purchase } = await revenueRun(ctx, globals, options, 'breakeven');
      const opexUsd = options.opex ?? revenue.opexUsdPerMonth.value;
      const inputs = options.samples === undefined ? [] : catalogInputsFor(catalog);
      const shared = {
        thresholds: thresholdsOf(catalog),
        infrastructureUsd: boughtTotalUsd(book, purchase),
        claimedPremiumUsers: claimedPremiumUsers(catalog),
      };
      const analysis = breakeven({ ...shared, catalog, revenue, opexUsd });
      const uncertainty =
        options.samples === undefined
          ? undefined
          : breakevenUncertaintySection(
              await monteCarloWithProgress(
                {
                  catalog,
                  inputs,
                  samples: options.samples,
                  seed: options.seed ?? DEFAULT_SEED,
                  metrics: shared.claimedPremiumUsers === null ? ['breakeven-users'] : BREAKEVEN_METRICS,
                  breachIds: BREAKEVEN_BREACH_IDS,
                  evaluate: breakevenSample({ ...shared, opexUsd: options.opex ?? null }),
                },
                globals,
                ctx.io,
                shareableArgv(ctx, globals, options),
              ),
              shared.claimedPremiumUsers !== null,
            );
      const result = breakevenResult(analysis, {
        opexUsd,
        opexFrom: options.opex === undefined ? 'catalog' : 'option',
        purchase: purchase?.strategy ?? 'on-demand',
        pricing: { book: book.name, description: book.description },
        overrides: overridesIn(catalog),
        ...(uncertainty === undefined ? {} : { uncertainty }),
      });
      emit(result, { table: renderBreakevenTable, md: renderBreakevenMarkdown }, globals, ctx.io);
    });
}
