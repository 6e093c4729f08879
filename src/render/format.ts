/**
 * Number and money formatting shared by every renderer. Pure; one formatter per kind of figure,
 * so the same value looks the same in a table, in markdown and in a warning.
 */

import { groupedDecimal } from '../model/decimal-text.js';
import { usdText } from '../model/money.js';

/** Money to the cent with thousands separators: 63.849999999999994 → "$63.85", -22.5 → "-$22.50". */
export const formatUsd = usdText;

/** Per-user money to 4 decimals: 0.0196 → "$0.0196". */
export const formatUsdPerUser = (usd: number): string => `$${groupedDecimal(usd, 4)}`;

/** Whole numbers with separators: 50000 → "50,000". */
export const formatInt = (n: number): string => groupedDecimal(n, 0);

/** A number with a fixed count of decimals and separators: (1234.5, 1) → "1,234.5". */
export const formatNumber = (n: number, decimals: number): string => groupedDecimal(n, decimals);

/** A fraction as a percent: (0.7, 1) → "70.0%". */
export const formatFraction = (fraction: number, decimals = 1): string => `${formatNumber(fraction * 100, decimals)}%`;

/** Milliseconds, or an em dash when there is no finite value (an unstable queue). */
export const formatMs = (ms: number | null, decimals = 1): string => (ms === null ? '—' : `${formatNumber(ms, decimals)} ms`);

/** The quantities a run set with --set, for a result's header: "set for this run: cache_hit_ratio = 0.9". */
export const overridesText = (overrides: ReadonlyArray<{ name: string; value: number }>): string =>
  `set for this run: ${overrides.map((o) => `${o.name} = ${o.value}`).join(', ')}`;

/** A value that may be missing. */
export const orDash = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '—' : String(value);

/** A unit price with every significant digit and at least cents: 0.6 → "$0.60", 0.0416 → "$0.0416". */
export function formatUnitPrice(usd: number): string {
  const digits = String(usd).split('.')[1]?.length ?? 0;
  return `$${formatNumber(usd, Math.min(10, Math.max(2, digits)))}`;
}

/** A quantity of a priced unit: whole numbers plainly, small fractions to 2 decimals. */
export const formatQuantity = (quantity: number): string =>
  Number.isInteger(quantity) ? formatInt(quantity) : formatNumber(quantity, quantity < 10 ? 2 : 0);

const UNIT_LABELS: Readonly<Record<string, string>> = {
  hour: 'h',
  'vcpu-hour': 'vCPU-h',
  'gb-hour': 'GB-h',
  'lcu-hour': 'LCU-h',
  'acu-hour': 'ACU-h',
  'wcu-hour': 'WCU-h',
  'rcu-hour': 'RCU-h',
  month: 'mo',
  year: 'yr',
  'gb-month': 'GB-mo',
  gb: 'GB',
  'gb-second': 'GB-s',
  'million-requests': 'M req',
};

/** Short label of a price unit for tables ("million-requests" → "M req"). */
export const unitLabel = (unit: string): string => UNIT_LABELS[unit] ?? unit;

/** A count with its noun, singular for one: (1, 'user') → "1 user", (50000, 'user') → "50,000 users". */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string => `${formatInt(n)} ${n === 1 ? noun : plural}`;

/**
 * How old the prices behind a figure are: "prices used dated 2024-07-01 to 2026-07-20, 6 of 27 lines undated".
 * @example pricesAgeText({ oldest: null, newest: null, datedLines: 0, undatedLines: 8 }) // "no price used is dated (8 lines)"
 */
export function pricesAgeText(asOf: { oldest: string | null; newest: string | null; datedLines: number; undatedLines: number }): string {
  if (asOf.oldest === null || asOf.newest === null) return `no price used is dated (${countOf(asOf.undatedLines, 'line')})`;
  const span = asOf.oldest === asOf.newest ? `dated ${asOf.oldest}` : `dated ${asOf.oldest} to ${asOf.newest}`;
  const total = asOf.datedLines + asOf.undatedLines;
  return `prices used ${span}${asOf.undatedLines > 0 ? `, ${asOf.undatedLines} of ${total} lines undated` : ''}`;
}
