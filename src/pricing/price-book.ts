import { UnknownPriceKeyError } from './errors.js';
import { closestMatches } from './levenshtein.js';
import type { PricingBasis, UnitPrice } from '../model/cost.js';

/**
 * One price: USD per unit, with where it came from (`verified` only when traced to a dated source,
 * PRICES-VERIFIED.md for the snapshot; `asOf` the ISO date it was current, when known).
 */
export interface PriceQuote extends UnitPrice {
  description?: string;
  /** How the figure was derived, or caveats (e.g. "≈ 2× single-AZ"). */
  note?: string;
}

export type PriceBookName = 'seed' | 'snapshot' | 'live';

/** A source of prices, looked up by key (see the snapshot's `keyScheme`). */
export interface PriceBook {
  readonly name: PriceBookName;
  /** One line saying what the book is, for reports ("offline snapshot …, retrieved 2026-11-29"). */
  readonly description: string;
  /** How the engine declares what a component consumes for this book (see PricingBasis). */
  readonly basis: PricingBasis;
  /** @throws UnknownPriceKeyError naming the key and the 3 closest known keys. */
  price(key: string): PriceQuote;
  has(key: string): boolean;
  /** All known keys, sorted. */
  keys(): string[];
}

/**
 * A price book over a fixed set of quotes. The snapshot and seed books are built on it; the live book
 * can be too. Pure: the quotes are copied, and lookups never mutate.
 */
export function priceBookFromQuotes(
  name: PriceBookName,
  description: string,
  quotes: Iterable<PriceQuote>,
  basis: PricingBasis = 'itemised',
): PriceBook {
  const byKey = new Map<string, PriceQuote>();
  for (const quote of quotes) byKey.set(quote.key, Object.freeze({ ...quote }));
  const sortedKeys = [...byKey.keys()].sort();
  return {
    name,
    description,
    basis,
    price(key: string): PriceQuote {
      const quote = byKey.get(key);
      if (quote === undefined) throw new UnknownPriceKeyError(key, name, closestMatches(key, sortedKeys, 3));
      return quote;
    },
    has: (key: string) => byKey.has(key),
    keys: () => [...sortedKeys],
  };
}
