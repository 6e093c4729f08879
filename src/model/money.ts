import { groupedDecimal } from './decimal-text.js';
import { InputError } from './input-error.js';
/**
 * Money arithmetic without float artefacts (no `63.849999999999994`, no `0.30000000000000004`).
 *
 * Amounts stay plain numbers in USD, but every sum goes through integer micro-dollars
 * (1 USD = 1 000 000 µ$), which are exact in a double up to Number.MAX_SAFE_INTEGER µ$ ≈ 9 × 10⁹ USD.
 * Rounding is half away from zero on the *decimal* value the number stands for: a product such as
 * 63.845 × 100 = 6384.499999999999 is first snapped to 15 significant digits (6384.5), the precision a
 * double carries reliably, then rounded — so 63.845 → 63.85 and 1.005 → 1.01, as on paper.
 *
 * This module imports nothing, so it can move into the engine unchanged.
 */

export const MICROS_PER_USD = 1_000_000;

/** x rounded to `decimals` places, half away from zero, after removing binary representation error. */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) throw new InputError(`money amount must be a finite number; got ${x}`);
  const factor = 10 ** decimals;
  const scaled = Math.abs(x) * factor;
  // Snapping to 15 significant digits only changes the result next to a .5 tie; elsewhere it is skipped
  // (it costs a number → string → number round trip, and this runs on every cost line).
  // Beyond 1e15 a double has no fractional digits left to correct.
  const frac = scaled - Math.floor(scaled);
  const nearTie = Math.abs(frac - 0.5) <= scaled * 1e-14 + 1e-12;
  const snapped = nearTie && scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
  const rounded = Math.round(snapped) / factor;
  const signed = x < 0 ? -rounded : rounded;
  return signed === 0 ? 0 : signed; // no -0
}

/**
 * USD → integer micro-dollars.
 * @throws RangeError when the amount is not finite or too large to count exactly (> ~9 × 10⁹ USD).
 */
export function toMicros(usd: number): number {
  // Away from a .5 tie, which is nearly always, rounding the scaled amount gives what roundTo(usd, 6) × 10⁶ does
  // without its work (this runs several times per priced line); next to one, roundTo's snap decides.
  const scaled = usd * MICROS_PER_USD;
  const magnitude = Math.abs(scaled);
  // One comparison refuses NaN, ±Infinity and amounts past exact counting: a Monte Carlo's bill summaries took
  // ~30 % less time than with a Number.isFinite check before and a Number.isSafeInteger check after (in process).
  if (!(magnitude <= Number.MAX_SAFE_INTEGER)) {
    throw new InputError(Number.isFinite(usd) ? `money amount ${usd} USD is too large to sum exactly` : `money amount must be a finite number; got ${usd}`);
  }
  const frac = magnitude - Math.floor(magnitude);
  const nearTie = Math.abs(frac - 0.5) <= magnitude * 1e-14 + 1e-12;
  const micros = nearTie ? Math.round(roundTo(usd, 6) * MICROS_PER_USD) : Math.round(scaled);
  return micros === 0 ? 0 : micros;
}

/** Integer micro-dollars → USD (the nearest double to the decimal amount, so it prints cleanly). */
export function fromMicros(micros: number): number {
  if (!Number.isSafeInteger(micros)) throw new InputError(`micro-dollar amount must be a safe integer; got ${micros}`);
  const usd = micros / MICROS_PER_USD;
  return usd === 0 ? 0 : usd;
}

/**
 * Exact sum of money amounts (USD numbers, or priced lines' `monthlyUsd`), computed in micro-dollars.
 * @example sumMoney([0.1, 0.2]) // 0.3, not 0.30000000000000004
 */
export function sumMoney(items: Iterable<number | { readonly monthlyUsd: number }>): number {
  let micros = 0;
  for (const item of items) micros += toMicros(typeof item === 'number' ? item : item.monthlyUsd);
  if (!Number.isSafeInteger(micros)) throw new InputError('money sum is too large to count exactly');
  return fromMicros(micros);
}

/** quantity × unit price, to the micro-dollar, as a bill charges a line (./cost.ts `chargeOf`). */
export function multiplyMoney(quantity: number, usdPerUnit: number): number {
  return fromMicros(toMicros(quantity * usdPerUnit));
}

/** Rounds to whole cents (2 decimals), half away from zero: 63.845 → 63.85, 63.85 → 63.85. */
export function roundCents(usd: number): number {
  return roundTo(usd, 2);
}

/** Rounds a per-user amount to 4 decimals (cost per user is often below a cent): 0.00415 → 0.0042. */
export function roundPerUser(usd: number): number {
  return roundTo(usd, 4);
}

/** Money as people read it, to the cent with separators: 4179.37 → "$4,179.37", -22.5 → "-$22.50". */
export function usdText(usd: number): string {
  const text = groupedDecimal(Math.abs(usd), 2);
  return usd < 0 && text !== '0.00' ? `-$${text}` : `$${text}`;
}
