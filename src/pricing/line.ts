/**
 * Cost lines: the engine declares a quantity of a priced unit under a price key; a PriceBook prices it.
 * `priceLine` is the one place a line's money is computed (after infracost's CostComponent + PriceFetcher split).
 */
import { PriceUnitMismatchError } from './errors.js';
import { multiplyMoney } from './money.js';
import type { PriceBook } from './price-book.js';
import type { PriceUnit } from './units.js';

export interface CostLine {
  /** The catalog component the line belongs to, e.g. "api". */
  component: string;
  description: string;
  /** Units consumed in one month (see ./units.ts), e.g. 3 instances × 730 h = 2190 `hour`. */
  quantity: number;
  unit: PriceUnit;
  priceKey: string;
}

export interface PricedLine extends CostLine {
  usdPerUnit: number;
  /** quantity × usdPerUnit, to the micro-dollar; round only for display. */
  monthlyUsd: number;
  verified: boolean;
  source: string;
  asOf?: string;
}

/**
 * Prices one cost line.
 * @throws UnknownPriceKeyError when the book has no such key (with the 3 closest keys).
 * @throws PriceUnitMismatchError when the line's unit differs from the price's unit.
 * @throws RangeError when the quantity is negative, NaN or infinite (an engine bug or a bad formula).
 * @example priceLine({ component: 'api', description: '2 × t3.medium', quantity: 1460, unit: 'hour',
 *   priceKey: 'ec2:t3.medium' }, snapshot).monthlyUsd // 60.736 (1460 h × 0.0416)
 */
export function priceLine(line: CostLine, book: PriceBook): PricedLine {
  if (!Number.isFinite(line.quantity) || line.quantity < 0) {
    throw new RangeError(
      `cost line of component "${line.component}" (${line.priceKey}) has quantity ${line.quantity}; ` +
        'a quantity must be a finite number ≥ 0',
    );
  }
  const quote = book.price(line.priceKey);
  if (quote.unit !== line.unit) throw new PriceUnitMismatchError(line.component, line.priceKey, line.unit, quote.unit);
  const priced: PricedLine = {
    ...line,
    usdPerUnit: quote.usdPerUnit,
    monthlyUsd: multiplyMoney(line.quantity, quote.usdPerUnit),
    verified: quote.verified,
    source: quote.source,
  };
  if (quote.asOf !== undefined) priced.asOf = quote.asOf;
  return priced;
}

/** Prices every line with the same book (fails on the first bad line). */
export function priceLines(lines: Iterable<CostLine>, book: PriceBook): PricedLine[] {
  return [...lines].map((line) => priceLine(line, book));
}
