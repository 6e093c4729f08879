/**
 * Sample percentiles, by the method R calls type 7 and numpy "linear" (Hyndman & Fan, "Sample quantiles in
 * statistical packages", The American Statistician 50(4), 1996, definition 7): on the sorted sample x₀ … x₍ₙ₋₁₎,
 * h = (n − 1) p and Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). It interpolates between order statistics, gives the
 * minimum at p = 0 and the maximum at p = 1, and a constant sample's value at every p.
 */

/**
 * @param sorted ascending, at least one value; ±Infinity allowed (an unstable queue's latency)
 * @throws RangeError for an empty sample or p outside [0, 1]
 * @example percentileOfSorted([1, 2, 3, 4], 0.1) // h = 0.3 → 1 + 0.3 × (2 − 1) = 1.3
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('a percentile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a percentile needs p in [0, 1]; got ${p}`);
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const lo = sorted[below]!;
  const fraction = h - below;
  // Without interpolation there is nothing to add, and ∞ − ∞ would make NaN.
  if (fraction === 0 || below + 1 >= sorted.length) return lo;
  const hi = sorted[below + 1]!;
  return lo === hi ? lo : lo + fraction * (hi - lo);
}
