/**
 * Money arithmetic in one place. Amounts are summed in integer micro-dollars so totals never show
 * float artefacts (0.1 + 0.2), and rounded half away from zero only when they are reported.
 */

const MICROS = 1_000_000;

/** Rounds to `decimals` places, half away from zero, without the 1.005 → 1.00 float trap. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
  return Math.sign(value) * rounded || 0;
}

/** Money fields in results: to the cent. */
export const roundCents = (usd: number): number => roundTo(usd, 2);

/** Per-user money fields: to 4 decimals ($0.0196). */
export const roundPerUser = (usd: number): number => roundTo(usd, 4);

/** Sums dollar amounts exactly to the micro-dollar. */
export function sumUsd(amounts: Iterable<number>): number {
  let micros = 0;
  for (const usd of amounts) micros += Math.round(usd * MICROS);
  return micros / MICROS;
}
