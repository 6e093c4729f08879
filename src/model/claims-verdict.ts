import type { Comparison } from './catalog-types.js';
import { roundTo } from './money.js';

/**
 * Whether the model's value satisfies the document's claim `model <comparison> document`. `approx` holds when
 * |model − document| ≤ tolerance × |document| (a relative tolerance, 0.05 = 5 %).
 * @example holds('<', 0.08, 0.0759) // true
 * @example holds('approx', 0.01, 0.0098, 0.05) // true: |−0.0002| ≤ 0.0005
 */
export function holds(comparison: Comparison, documentValue: number, modelValue: number, tolerance = 0): boolean {
  switch (comparison) {
    case '<':
      return modelValue < documentValue;
    case '<=':
      return modelValue <= documentValue;
    case '>':
      return modelValue > documentValue;
    case '>=':
      return modelValue >= documentValue;
    case 'approx':
      // The relative slack absorbs binary rounding (0.0098 − 0.01 is not exactly −0.0002), so a value written
      // exactly at the tolerance holds, as the claim's author meant.
      return Math.abs(modelValue - documentValue) <= tolerance * Math.abs(documentValue) * (1 + 1e-9);
  }
}

/**
 * (model − document) ÷ document × 100, to two decimals; null when the document's value is 0 (no relative gap).
 * @example offByPercent(0.01, 0.0291) // 191
 */
export function offByPercent(documentValue: number, modelValue: number): number | null {
  if (documentValue === 0) return null;
  return roundTo(((modelValue - documentValue) / documentValue) * 100, 2);
}

/**
 * The worse of two values for a claim: the one further past (or nearer to failing) the document's limit —
 * the larger against a ceiling (`<`, `<=`), the smaller against a floor (`>`, `>=`), the further away for `approx`.
 */
export function worse(comparison: Comparison, documentValue: number, a: number, b: number): number {
  switch (comparison) {
    case '<':
    case '<=':
      return Math.max(a, b);
    case '>':
    case '>=':
      return Math.min(a, b);
    case 'approx':
      return Math.abs(b - documentValue) > Math.abs(a - documentValue) ? b : a;
  }
}
