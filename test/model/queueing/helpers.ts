import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tol·|expected| (relative error), with a readable failure message. */
export function expectRelative(actual: number, expected: number, tol = 1e-9): void {
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect(
    error,
    `expected ${actual} to be within relative ${tol} of ${expected} (relative error ${error})`,
  ).toBeLessThanOrEqual(tol);
}
