/**
 * Number and money formatting shared by every renderer. Pure; one formatter per kind of figure,
 * so the same value looks the same in a table, in markdown and in a warning.
 */

const grouped = (decimals: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const USD = grouped(2);
const PER_USER = grouped(4);
const INT = grouped(0);

/** Money to the cent with thousands separators: 63.849999999999994 → "$63.85", -22.5 → "-$22.50". */
export function formatUsd(usd: number): string {
  const text = USD.format(Math.abs(usd));
  return usd < 0 && text !== '0.00' ? `-$${text}` : `$${text}`;
}

/** Per-user money to 4 decimals: 0.0196 → "$0.0196". */
export const formatUsdPerUser = (usd: number): string => `$${PER_USER.format(usd)}`;

/** Whole numbers with separators: 50000 → "50,000". */
export const formatInt = (n: number): string => INT.format(n);

/** A number with a fixed count of decimals and separators: (1234.5, 1) → "1,234.5". */
export const formatNumber = (n: number, decimals: number): string => grouped(decimals).format(n);

/** A fraction as a percent: (0.7, 1) → "70.0%". */
export const formatFraction = (fraction: number, decimals = 1): string => `${formatNumber(fraction * 100, decimals)}%`;

/** Milliseconds, or an em dash when there is no finite value (an unstable queue). */
export const formatMs = (ms: number | null, decimals = 1): string => (ms === null ? '—' : `${formatNumber(ms, decimals)} ms`);

/** A value that may be missing. */
export const orDash = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '—' : String(value);
