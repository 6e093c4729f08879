import { Option, type Command } from 'commander';
import { UserError } from '../errors.js';
import type { Catalog } from '../model/catalog-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import { catalogHasQuotes, seedPriceBook } from '../pricing/seed-book.js';
import type { SnapshotPriceBook } from '../pricing/snapshot-book.js';
import { priceCachePath } from '../pricing/cache-file.js';
import { resolveLivePrices } from '../pricing/live-chain.js';
import { fetchLivePrices } from '../pricing/live-fetch.js';
import { liveProductsFor } from '../pricing/live-products.js';
import { collectSet, SET_HELP } from './args.js';
import type { CommandContext, CommandGlobals } from './context.js';

export const PRICING_CHOICES = ['snapshot', 'seed', 'live'] as const;
export type PricingChoice = (typeof PRICING_CHOICES)[number];

/**
 * The book that prices the plan, and the other one for the side-by-side column; `snapshot` is the caller's (--prices).
 * A catalog that quotes none of the document's figures has no seed book: no side-by-side column, and `--pricing seed`
 * is refused. `live` needs the network: see `choosePriceBooks`.
 */
export function priceBooks(catalog: Catalog, choice: Exclude<PricingChoice, 'live'>, snapshot: PriceBook): { book: PriceBook; compareBook: PriceBook | null } {
  if (!catalogHasQuotes(catalog)) {
    if (choice === 'seed') {
      throw new UserError(
        `--pricing seed prices each component at the document's quoted figure, but catalog "${catalog.name}" quotes none ` +
          '(no quoted: rows or quoted_total_usd); use --pricing snapshot, or add the quotes',
      );
    }
    return { book: snapshot, compareBook: null };
  }
  const seed = seedPriceBook(catalog);
  return choice === 'seed' ? { book: seed, compareBook: snapshot } : { book: snapshot, compareBook: seed };
}

export function parsePricing(value: string, choices: readonly PricingChoice[] = PRICING_CHOICES): PricingChoice {
  if ((choices as readonly string[]).includes(value)) return value as PricingChoice;
  throw new UserError(`--pricing must be one of ${choices.join(', ')}; got "${value}"`);
}

/** What the costing commands' pricing options parse to (`pricingOptions` below). */
export interface PricingOptions {
  pricing: PricingChoice;
  /** --strict: any fallback from live prices is exit 3. */
  strict?: boolean;
  /** --cache-ttl, milliseconds. */
  cacheTtl: number;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(min|m|h|d)$/;
const DURATION_MS: Readonly<Record<string, number>> = { min: 60_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DEFAULT_CACHE_TTL = '7d';

/** A duration as typed: 90min, 12h, 7d (m = minutes). */
export function parseDuration(raw: string, flag = '--cache-ttl'): number {
  const match = DURATION.exec(raw.trim());
  if (!match) throw new UserError(`${flag} takes a duration such as 90min, 12h or 7d; got "${raw}"`);
  return Number(match[1]) * DURATION_MS[match[2]!]!;
}

/**
 * The options every costing command takes to choose its book, each added with `.addOption`:
 * `pricingOption()`, then `strictOption()` and `cacheTtlOption()` for the live book's fallbacks.
 * @param choices the books the command accepts (solve has no seed column)
 */
export const pricingOption = (choices: readonly PricingChoice[] = PRICING_CHOICES): Option =>
  new Option('--pricing <book>', `price book: ${choices.join(' | ')}${choices.includes('seed') ? " (seed = the document's quoted figures)" : ''}; live = the AWS Price List now, with fallbacks`)
    .default('snapshot')
    .argParser((raw: string) => parsePricing(raw, choices));

export const strictOption = (): Option => new Option('--strict', 'with --pricing live: exit 3 instead of falling back to cached or snapshot prices');

export const cacheTtlOption = (): Option =>
  new Option('--cache-ttl <age>', 'with --pricing live: the oldest cached price to fall back on (90min, 12h, 7d)')
    .default(parseDuration(DEFAULT_CACHE_TTL), DEFAULT_CACHE_TTL)
    .argParser((raw: string) => parseDuration(raw));

/** The options of a command that prices a plan: --pricing, --strict and --cache-ttl for its book, and --set. */
export function costingOptions(command: Command): Command {
  return command
    .addOption(pricingOption())
    .addOption(strictOption())
    .addOption(cacheTtlOption())
    .option('--set <name=value>', SET_HELP, collectSet, []);
}

/** Every price key the catalog's cost lines name: the products a live book must price. */
export const catalogPriceKeys = (catalog: Catalog): string[] => [
  ...new Set(catalog.phases.flatMap((phase) => phase.components.flatMap((component) => component.cost.map((line) => line.priceKey)))),
];

/**
 * The live book over `base`: the AWS Price List for the products the catalog names, falling back per product
 * to the price cache and then to `base`, each fallback announced on stderr (src/pricing/live-chain.ts).
 * The SDK loads only when the request is made (src/pricing/live-fetch.ts imports it dynamically).
 * @throws LivePricingFailedError under --strict when any product falls back (exit 3)
 */
export async function livePriceBookFor(ctx: CommandContext, catalog: Catalog, base: SnapshotPriceBook, options: Pick<PricingOptions, 'strict' | 'cacheTtl'>): Promise<PriceBook> {
  const region = base.meta.region;
  return resolveLivePrices({
    products: liveProductsFor(catalogPriceKeys(catalog), region),
    region,
    base,
    fetch: (products) => fetchLivePrices(products),
    cachePath: priceCachePath(ctx.io.env, region),
    now: new Date(),
    ttlMs: options.cacheTtl,
    strict: options.strict ?? false,
    notify: (line) => ctx.io.stderr(`cuenta-plan: ${line}\n`),
  });
}

/**
 * The book a costing command prices with, and its side-by-side book: as `priceBooks`, with `live` built over
 * the snapshot (or --prices FILE, which stands in for it in the fallback chain).
 */
export async function choosePriceBooks(
  ctx: CommandContext,
  globals: CommandGlobals,
  catalog: Catalog,
  options: PricingOptions,
): Promise<{ book: PriceBook; compareBook: PriceBook | null }> {
  const choice = options.pricing;
  const snapshot = ctx.snapshotBook(globals);
  if (choice !== 'live') return priceBooks(catalog, choice, snapshot);
  const book = await livePriceBookFor(ctx, catalog, snapshot, options);
  return { book, compareBook: catalogHasQuotes(catalog) ? seedPriceBook(catalog) : null };
}

/** A phase id as typed on the command line: a whole number ≥ 0. */
export function parsePhaseId(raw: string): number {
  const id = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(id) || id < 0) throw new UserError(`a phase id is a whole number such as 2; got "${raw}"`);
  return id;
}
