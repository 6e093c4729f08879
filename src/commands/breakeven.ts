import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { breakeven } from '../model/breakeven.js';
import { breakevenResult } from '../model/breakeven-result.js';
import type { Plan } from '../model/plan.js';
import { thresholdsOf } from '../model/plan.js';
import { pricePlan } from '../model/price-plan.js';
import type { PriceLookup } from '../model/cost.js';
import { overridesIn, withOverrides } from '../model/overrides.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { requireSection } from '../catalog/sections.js';
import { renderBreakevenMarkdown, renderBreakevenTable } from '../render/breakeven.js';
import { numberArg, collectSet, SET_HELP, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { parsePricing, priceBooks, PRICING_CHOICES } from './pricing.js';

/** The purchase strategies breakeven prices infrastructure under; the others of issue 9 plug in here. */
const PURCHASE_CHOICES = ['on-demand'] as const;
type PurchaseChoice = (typeof PURCHASE_CHOICES)[number];

/** The claim whose premium users the implied opex is read at (data/phases.yaml: break-even-premium-users). */
const PREMIUM_CLAIM_METRIC = 'break_even_premium_users';

function parsePurchase(value: string): PurchaseChoice {
  if ((PURCHASE_CHOICES as readonly string[]).includes(value)) return value as PurchaseChoice;
  throw new UserError(`--purchase must be one of ${PURCHASE_CHOICES.join(', ')} for breakeven; got "${value}"`);
}

/** The month's infrastructure cost of a sized plan under the purchase strategy. */
function infrastructureCost(_purchase: PurchaseChoice, book: PriceLookup): (plan: Plan) => number {
  return (plan) => pricePlan(plan, book).totalUsd;
}

export function registerBreakeven(program: Command, ctx: CommandContext): void {
  program
    .command('breakeven')
    .description('the smallest user count where revenue covers infrastructure, and opex too; every profitable user range; the opex the ~50K premium-user claim implies')
    .option('--opex <usd>', "monthly costs besides infrastructure (default: the catalog's revenue.opex_usd_per_month)", numberArg('--opex', { min: 0, max: 1e9 }))
    .option('--purchase <strategy>', `how infrastructure is bought: ${PURCHASE_CHOICES.join(' | ')}`, 'on-demand')
    .option('--pricing <book>', `price book: ${PRICING_CHOICES.join(' | ')}`, 'snapshot')
    .option('--set <name=value>', SET_HELP, collectSet, [])
    .addHelpText(
      'after',
      `
Each user count is evaluated as simulate does: the phase whose range holds it, sized and priced. Margins jump at
phase boundaries and price steps, so the search samples every phase and bisects each sign change to the user.

Examples:
  $ cuenta-plan breakeven
  $ cuenta-plan breakeven --opex 30000
  $ cuenta-plan breakeven --set revenue.free_share=0.6 --format json`,
    )
    .action((options: { opex?: number; purchase: string; pricing: string; set: SetOption[] }, command: Command) => {
      const globals = ctx.globals(command);
      const purchase = parsePurchase(options.purchase);
      const catalog = withOverrides(loadCatalog(globals.catalog, ctx.snapshotBook(globals)).catalog, options.set);
      const revenue = requireSection(catalog, 'revenue', 'breakeven');
      const { book } = priceBooks(catalog, parsePricing(options.pricing), ctx.snapshotBook(globals));
      const opexUsd = options.opex ?? revenue.opexUsdPerMonth.value;
      const analysis = breakeven({
        catalog,
        revenue,
        thresholds: thresholdsOf(catalog),
        infrastructureUsd: infrastructureCost(purchase, book),
        opexUsd,
        claimedPremiumUsers: catalog.claims?.find((c) => c.metric === PREMIUM_CLAIM_METRIC)?.value ?? null,
      });
      const result = breakevenResult(analysis, {
        opexUsd,
        opexFrom: options.opex === undefined ? 'catalog' : 'option',
        purchase,
        pricing: { book: book.name, description: book.description },
        overrides: overridesIn(catalog),
      });
      emit(result, { table: renderBreakevenTable, md: renderBreakevenMarkdown }, globals, ctx.io);
    });
}
