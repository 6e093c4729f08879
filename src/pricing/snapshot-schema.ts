/**
 * The offline price snapshot file format (data/pricing/*.json), validated with zod.
 * Validation failures name the file and the dotted field path, one problem per line.
 */
import * as z from 'zod';
import { PRICE_KEY_PATTERN } from './keys.js';
import { bookFromSnapshot, type SnapshotPriceBook } from './snapshot-book.js';
import { InvalidPriceSnapshotError } from './errors.js';
import { PRICE_UNITS } from '../model/units.js';
import { formatPath } from '../paths.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const unitSchema = z.enum(PRICE_UNITS);

const KEY_MESSAGE = 'price keys are lower-case service:item[:qualifier...] with a dot-free service segment';

const priceEntrySchema = z
  .strictObject({
    usd: z.number().finite().nonnegative(),
    unit: unitSchema,
    description: z.string().min(1),
    verified: z.boolean(),
    source: z.string().min(1),
    asOf: isoDate.optional(),
    note: z.string().min(1).optional(),
    /** An always-free monthly allowance in the price's unit (CloudFront: 1,024 GB), charged only beyond it. */
    freeQuantity: z.number().finite().positive().optional(),
    /** Where the allowance is published (a URL and the date it was read). */
    freeSource: z.string().min(1).optional(),
  })
  .refine((entry) => !entry.verified || entry.asOf !== undefined, {
    message: 'a verified price needs its asOf date',
    path: ['asOf'],
  })
  .refine((entry) => (entry.freeQuantity === undefined) === (entry.freeSource === undefined), {
    message: 'a free allowance (freeQuantity) and its source (freeSource) go together',
    path: ['freeSource'],
  });

export const priceSnapshotSchema = z.strictObject({
  schemaVersion: z.literal(1),
  region: z.string().min(1),
  currency: z.literal('USD'),
  retrieved: isoDate,
  hoursPerMonth: z.number().positive(),
  keyScheme: z.strictObject({
    summary: z.string().min(1),
    regex: z.string().min(1).optional(),
    rules: z.array(z.string().min(1)),
  }),
  /** Every unit of PRICE_UNITS, each with one sentence (zod records over an enum are exhaustive). */
  units: z.record(unitSchema, z.string().min(1)),
  notes: z.array(z.string()).optional(),
  // Keys are checked here rather than by a key schema so the message names the key and the rule.
  prices: z.record(z.string(), priceEntrySchema).superRefine((prices, ctx) => {
    const keys = Object.keys(prices);
    if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'the snapshot has no prices' });
    for (const key of keys) {
      if (!PRICE_KEY_PATTERN.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `${KEY_MESSAGE}; got "${key}"` });
    }
  }),
});

export type PriceSnapshot = z.infer<typeof priceSnapshotSchema>;
export type PriceSnapshotEntry = PriceSnapshot['prices'][string];

/**
 * Validates parsed JSON as a price snapshot.
 * @param origin the file name (or other label) used in error messages.
 * @throws InvalidPriceSnapshotError listing each problem as `path: message`.
 */
export function parsePriceSnapshot(json: unknown, origin: string): PriceSnapshot {
  const result = priceSnapshotSchema.safeParse(json);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${formatPath(issue.path) || '(top level)'}: ${issue.message}`);
  const first = details[0] ?? 'invalid';
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  throw new InvalidPriceSnapshotError(origin, `invalid price snapshot: ${first}${more}`, details);
}

/**
 * Checks a parsed snapshot JSON document and builds its price book.
 * @throws InvalidPriceSnapshotError naming the file and field when the document is malformed.
 */
export function snapshotPriceBook(json: unknown, origin = 'price snapshot'): SnapshotPriceBook {
  return bookFromSnapshot(parsePriceSnapshot(json, origin), origin);
}
