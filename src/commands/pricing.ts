import { UserError } from '../errors.js';
import type { Catalog } from '../model/catalog-types.js';
import type { PriceBook } from '../pricing/price-book.js';
import { catalogHasQuotes, seedPriceBook } from '../pricing/seed-book.js';

export const PRICING_CHOICES = ['snapshot', 'seed'] as const;
export type PricingChoice = (typeof PRICING_CHOICES)[number];

/**
 * The book that prices the plan, and the other one for the side-by-side column; `snapshot` is the caller's (--prices).
 * A catalog that quotes none of the document's figures has no seed book: no side-by-side column, and `--pricing seed`
 * is refused.
 */
export function priceBooks(catalog: Catalog, choice: PricingChoice, snapshot: PriceBook): { book: PriceBook; compareBook: PriceBook | null } {
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

export function parsePricing(value: string): PricingChoice {
  if ((PRICING_CHOICES as readonly string[]).includes(value)) return value as PricingChoice;
  throw new UserError(`--pricing must be one of ${PRICING_CHOICES.join(', ')}; got "${value}"`);
}

/** A phase id as typed on the command line: a whole number ≥ 0. */
export function parsePhaseId(raw: string): number {
  const id = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(id) || id < 0) throw new UserError(`a phase id is a whole number such as 2; got "${raw}"`);
  return id;
}
