/** Public surface of src/pricing: price books, cost-line pricing and money helpers. */
export { PRICE_UNITS, isPriceUnit, type PriceUnit } from './units.js';
export { priceBookFromQuotes, type PriceBook, type PriceBookName, type PriceQuote } from './price-book.js';
export { UnknownPriceKeyError, PriceUnitMismatchError, InvalidPriceSnapshotError } from './errors.js';
export { levenshtein, closestMatches } from './levenshtein.js';
export {
  PRICE_KEY_PATTERN,
  priceSnapshotSchema,
  parsePriceSnapshot,
  type PriceSnapshot,
  type PriceSnapshotEntry,
} from './snapshot-schema.js';
export { snapshotPriceBook, type SnapshotPriceBook, type SnapshotMeta } from './snapshot-book.js';
export { loadSnapshotPriceBook } from './load-snapshot.js';
export { priceLine, priceLines, type CostLine, type PricedLine } from './line.js';
export { MICROS_PER_USD, toMicros, fromMicros, sumMoney, multiplyMoney, roundCents, roundPerUser } from './money.js';
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
