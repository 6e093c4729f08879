/** Public surface of src/pricing: price books (cost-line pricing and money live in src/model). */
export { PRICE_KEY_PATTERN } from './keys.js';
export { PRICE_UNITS, isPriceUnit, type PriceUnit } from '../model/units.js';
export { priceBookFromQuotes, type PriceBook, type PriceBookName, type PriceQuote } from './price-book.js';
export { UnknownPriceKeyError, InvalidPriceSnapshotError } from './errors.js';
export { levenshtein, closestMatches, didYouMean } from './levenshtein.js';
export {
  priceSnapshotSchema,
  parsePriceSnapshot,
  snapshotPriceBook,
  type PriceSnapshot,
  type PriceSnapshotEntry,
} from './snapshot-schema.js';
export { bookFromSnapshot, type SnapshotPriceBook, type SnapshotMeta } from './snapshot-book.js';
export { loadSnapshotPriceBook } from './load-snapshot.js';
export {
  HOURS_PER_YEAR,
  parseReservedKey,
  reservedKey,
  effectiveHourlyUsd,
  type ReservedKey,
  type TermYears,
  type OfferingClass,
  type PurchaseOption,
} from './reserved.js';
