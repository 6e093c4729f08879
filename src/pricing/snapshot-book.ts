import { priceBookFromQuotes, type PriceBook, type PriceQuote } from './price-book.js';
import type { PriceSnapshot } from './snapshot-schema.js';

export interface SnapshotMeta {
  /** The file (or label) the snapshot was read from. */
  origin: string;
  schemaVersion: 1;
  region: string;
  currency: 'USD';
  /** ISO date the snapshot was compiled. */
  retrieved: string;
  hoursPerMonth: number;
}

export interface SnapshotPriceBook extends PriceBook {
  readonly name: 'snapshot';
  readonly meta: SnapshotMeta;
}

function toQuote(key: string, entry: PriceSnapshot['prices'][string]): PriceQuote {
  const quote: PriceQuote = {
    key,
    usdPerUnit: entry.usd,
    unit: entry.unit,
    verified: entry.verified,
    source: entry.source,
    description: entry.description,
  };
  if (entry.asOf !== undefined) quote.asOf = entry.asOf;
  if (entry.note !== undefined) quote.note = entry.note;
  if (entry.freeQuantity !== undefined) quote.freeQuantity = entry.freeQuantity;
  if (entry.freeSource !== undefined) quote.freeSource = entry.freeSource;
  return quote;
}

/**
 * The offline price book from a snapshot already checked by `parsePriceSnapshot` (./snapshot-schema.ts);
 * `snapshotPriceBook` there checks and builds in one step. Pure: reading the file is ./load-snapshot.ts's job.
 */
export function bookFromSnapshot(snapshot: PriceSnapshot, origin = 'price snapshot'): SnapshotPriceBook {
  const quotes = Object.entries(snapshot.prices).map(([key, entry]) => toQuote(key, entry));
  const verified = quotes.filter((quote) => quote.verified).length;
  const description =
    `offline snapshot ${origin} (${snapshot.region}, ${snapshot.currency}, retrieved ${snapshot.retrieved}; ` +
    `${verified} of ${quotes.length} prices verified)`;
  const book = priceBookFromQuotes('snapshot', description, quotes);
  const meta: SnapshotMeta = Object.freeze({
    origin,
    schemaVersion: snapshot.schemaVersion,
    region: snapshot.region,
    currency: snapshot.currency,
    retrieved: snapshot.retrieved,
    hoursPerMonth: snapshot.hoursPerMonth,
  });
  return { ...book, name: 'snapshot', meta };
}
