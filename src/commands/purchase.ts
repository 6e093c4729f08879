import type { Command } from 'commander';
import { requireSection } from '../catalog/sections.js';
import { UserError } from '../errors.js';
import type { Catalog, Upfront } from '../model/catalog-types.js';
import type { PurchaseInput } from '../model/purchase.js';
import { PURCHASE_STRATEGIES, UPFRONT_OPTIONS, type PurchaseStrategy } from '../model/purchase-rates.js';
import { bookReservations } from '../pricing/book-reservations.js';
import type { PriceBook } from '../pricing/price-book.js';
import { loadCatalog } from '../catalog/load.js';
import { withOverrides } from '../model/overrides.js';
import type { SetOption } from './args.js';
import type { CommandContext, CommandGlobals } from './context.js';
import { choosePriceBooks, type PricingChoice, type PricingOptions } from './pricing.js';

/** The raw --purchase and --upfront of simulate, compare and sweep. */
export interface PurchaseOptions {
  purchase?: string;
  upfront?: string;
}

/** Adds --purchase and --upfront to a command. */
export function purchaseOptions(command: Command): Command {
  return command
    .option(
      '--purchase <strategy>',
      `price the bill bought as ${PURCHASE_STRATEGIES.join(' | ')} (optimized: the cheapest mix per line), with every strategy side by side`,
    )
    .option('--upfront <payment>', `reservation payment: ${UPFRONT_OPTIONS.join(' | ')} upfront (default: the cheapest monthly); with a reserved, savings-plan or optimized --purchase`);
}

function parseStrategy(value: string): PurchaseStrategy {
  if ((PURCHASE_STRATEGIES as readonly string[]).includes(value)) return value as PurchaseStrategy;
  throw new UserError(`--purchase must be one of ${PURCHASE_STRATEGIES.join(', ')}; got "${value}"`);
}

function parseUpfront(value: string): Upfront {
  if ((UPFRONT_OPTIONS as readonly string[]).includes(value)) return value as Upfront;
  throw new UserError(`--upfront must be one of ${UPFRONT_OPTIONS.join(', ')}; got "${value}"`);
}

/**
 * The purchase strategy a run asks for, or undefined without --purchase.
 * @throws UserError (exit 2) for an unknown strategy or payment, --upfront without a strategy that commits, or
 *   --purchase with the seed book, whose figures are the document's quotes rather than rates to commit
 * @throws MissingSectionError (exit 2) when the catalog has no discounts: section
 */
export function purchaseFrom(options: PurchaseOptions, catalog: Catalog, pricing: PricingChoice, book: PriceBook): PurchaseInput | undefined {
  if (options.purchase === undefined) {
    if (options.upfront !== undefined) throw new UserError('--upfront picks how a reservation is paid; it needs --purchase reserved-1y, reserved-3y, savings-plan-1y, savings-plan-3y or optimized');
    return undefined;
  }
  const strategy = parseStrategy(options.purchase);
  const upfront = options.upfront === undefined ? undefined : parseUpfront(options.upfront);
  if (upfront !== undefined && (strategy === 'on-demand' || strategy === 'spot')) {
    throw new UserError(`--upfront applies to commitments; --purchase ${strategy} commits nothing (use reserved-1y, reserved-3y, savings-plan-1y, savings-plan-3y or optimized)`);
  }
  if (pricing === 'seed') {
    throw new UserError(
      `--purchase prices commitments from rates, but --pricing seed charges the document's quoted monthly figures (quotes, not rates); use --pricing snapshot (the default)`,
    );
  }
  return {
    strategy,
    ...(upfront === undefined ? {} : { upfront }),
    discounts: requireSection(catalog, 'discounts', '--purchase'),
    reservations: bookReservations(book),
  };
}

/**
 * What the commands that follow money over user counts (breakeven, forecast) start from: the catalog with --set,
 * its revenue section (exit 2 without one, naming the command), the price book and the purchase strategy.
 */
export async function revenueRun(ctx: CommandContext, globals: CommandGlobals, options: PricingOptions & PurchaseOptions & { set: SetOption[] }, command: string) {
  const catalog = withOverrides(loadCatalog(globals.catalog, ctx.snapshotBook(globals)).catalog, options.set);
  const revenue = requireSection(catalog, 'revenue', command);
  const { book } = await choosePriceBooks(ctx, globals, catalog, options);
  return { catalog, revenue, book, purchase: purchaseFrom(options, catalog, options.pricing, book) };
}
