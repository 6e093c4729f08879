/**
 * Argument checks shared by the queueing functions. Every check throws an `InputError` (a `RangeError`) whose message names
 * the argument, says what it must be and shows what it got, so the CLI can print it as is (exit 2).
 */

import { InputError } from '../input-error.js';

/** Formats a received value for an error message: numbers as JavaScript prints them, anything else as JSON. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    // JSON.stringify gives undefined for undefined (and functions): String says "undefined".
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Short, stable rendering of a computed number inside a message (12 significant digits, no float artefacts). */
export function num(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : String(value);
}

/** @throws {RangeError} unless `value` is a finite number > 0. */
export function requirePositive(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InputError(`${name} must be a finite number > 0, got ${describe(value)}`);
  }
}

/** @throws {RangeError} unless `value` is a finite number ≥ 0. */
export function requireNonNegative(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError(`${name} must be a finite number ≥ 0, got ${describe(value)}`);
  }
}

/** @throws {RangeError} unless `value` is a safe integer ≥ `min`. */
export function requireInteger(name: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InputError(`${name} must be a whole number ≥ ${min}, got ${describe(value)}`);
  }
}

/** @throws {RangeError} unless `value` is a percentile strictly between 0 and 100 (95 means P95). */
export function requirePercentile(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 100) {
    throw new InputError(`${name} must be a percentile strictly between 0 and 100 (95 means P95), got ${describe(value)}`);
  }
}

/** @throws {RangeError} unless `value` is a fraction in (0, 1]. */
export function requireFraction(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new InputError(`${name} must be a fraction in (0, 1], got ${describe(value)}`);
  }
}
