/** Errors raised while loading or using a price book. All are user errors (exit 2): the fix is in the input. */
import { UserError } from '../errors.js';
import type { PriceUnit } from './units.js';

/** A price key that the book does not know; the message names the 3 closest known keys. */
export class UnknownPriceKeyError extends UserError {
  override name = 'UnknownPriceKeyError';
  readonly key: string;
  readonly bookName: string;
  readonly suggestions: readonly string[];
  constructor(key: string, bookName: string, suggestions: readonly string[]) {
    const hint = suggestions.length > 0 ? ` Closest known keys: ${suggestions.join(', ')}.` : ' The book has no keys.';
    super(`unknown price key "${key}" in the ${bookName} price book.${hint}`);
    this.key = key;
    this.bookName = bookName;
    this.suggestions = suggestions;
  }
}

/** A cost line declared in one unit but priced by a key quoted in another (e.g. hours priced per GB). */
export class PriceUnitMismatchError extends UserError {
  override name = 'PriceUnitMismatchError';
  readonly key: string;
  readonly lineUnit: PriceUnit;
  readonly priceUnit: PriceUnit;
  constructor(component: string, key: string, lineUnit: PriceUnit, priceUnit: PriceUnit) {
    super(
      `cost line of component "${component}" is in ${lineUnit} but price key "${key}" is quoted per ${priceUnit}; ` +
        `use a price key quoted per ${lineUnit} or declare the quantity in ${priceUnit}`,
    );
    this.key = key;
    this.lineUnit = lineUnit;
    this.priceUnit = priceUnit;
  }
}

/** A price snapshot file that cannot be read, parsed or validated. `details` holds one `path: problem` per line. */
export class InvalidPriceSnapshotError extends UserError {
  override name = 'InvalidPriceSnapshotError';
  readonly origin: string;
  constructor(origin: string, problem: string, details: readonly string[] = []) {
    super(`${origin}: ${problem}`, details);
    this.origin = origin;
  }
}
