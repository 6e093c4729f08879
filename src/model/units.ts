/**
 * The closed set of units a price is quoted in. Each unit is explained in one sentence in the
 * snapshot's top-level `"units"` map (data/pricing/aws-us-east-1.json), which the schema requires
 * to cover every unit listed here.
 *
 * A cost line's quantity is "units consumed in one month": 3 instances always on = 3 × 730 `hour`,
 * 50 GB stored = 50 `gb-month`, 12 M requests = 12 `million-requests`, one all-upfront reservation
 * amortised over its term = 1/12 `year`.
 *
 * This module imports nothing, so the engine may declare lines in these units without depending on zod.
 */
export const PRICE_UNITS = [
  'hour',
  'vcpu-hour',
  'gb-hour',
  'lcu-hour',
  'acu-hour',
  'wcu-hour',
  'rcu-hour',
  'month',
  'year',
  'gb-month',
  'gb',
  'gb-second',
  'million-requests',
] as const;

export type PriceUnit = (typeof PRICE_UNITS)[number];

export function isPriceUnit(value: string): value is PriceUnit {
  return (PRICE_UNITS as readonly string[]).includes(value);
}
