/** Errors raised while loading or using a price book. All are user errors (exit 2): the fix is in the input. */
import { UserError } from '../errors.js';

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

/** A price snapshot file that cannot be read, parsed or validated. `details` holds one `path: problem` per line. */
export class InvalidPriceSnapshotError extends UserError {
  override name = 'InvalidPriceSnapshotError';
  readonly origin: string;
  constructor(origin: string, problem: string, details: readonly string[] = []) {
    super(`${origin}: ${problem}`, details);
    this.origin = origin;
  }
}
