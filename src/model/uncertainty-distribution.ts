/**
 * The distribution a catalog quantity may carry beside its `value`, as written and as the engine samples it.
 * `value` stays the deterministic figure every run without `--samples` uses: the mode of a triangular
 * distribution and the P50 of a lognormal one default to it.
 *
 * Every distribution is sampled by its inverse CDF (quantile function), so a Monte Carlo draw is
 * `quantile(u)` for a uniform u and the sensitivity's P10/P90 are `quantile(0.1)` / `quantile(0.9)`: one
 * formula per distribution serves both.
 */
import type { Quantity } from './catalog-types.js';
import { InputError } from './input-error.js';
import { normalQuantile } from './random-normal.js';

/** As written in the catalog (`distribution:` beside `value`). */
export type DistributionSpec =
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min?: number | undefined; mode?: number | undefined; max?: number | undefined }
  | { kind: 'lognormal'; p50?: number | undefined; p90: number }
  | { kind: 'range' };

export const DISTRIBUTION_KINDS = ['uniform', 'triangular', 'lognormal', 'range'] as const satisfies ReadonlyArray<DistributionSpec['kind']>;

/** Resolved: defaults filled in, `range` turned into the uniform it is, the lognormal's σ computed. */
export type Distribution =
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'lognormal'; p50: number; p90: number; sigma: number };

/** Φ⁻¹(0.9), the standard normal's 90th percentile (Wichura AS 241; any table of the normal distribution). */
export const Z90 = 1.2815515655446004;

/**
 * The distribution of a quantity, defaults resolved, or what is wrong with it: a triangular's min and max
 * default to the quantity's `range` and its mode to `value`; a lognormal's P50 defaults to `value`, and
 * σ = ln(P90 / P50) / Φ⁻¹(0.9) (a lognormal's quantiles are P50 · e^(σ z_p); at p = 0.9, z = 1.2815515655446004);
 * `range` is uniform over the quantity's `range`. Undefined without a distribution. The catalog validator
 * reports the messages with positions (src/catalog/rules/distributions.ts).
 */
export function resolveDistribution(quantity: Quantity): Distribution | string | undefined {
  const spec = quantity.distribution;
  const range = quantity.range;
  switch (spec?.kind) {
    case undefined:
      return undefined;
    case 'uniform':
      return { kind: 'uniform', min: spec.min, max: spec.max };
    case 'range':
      return range ? { kind: 'uniform', min: range[0], max: range[1] } : "distribution: range needs the quantity's range: [low, high]; add one, or write { kind: uniform, min, max }";
    case 'triangular': {
      const min = spec.min ?? range?.[0];
      const max = spec.max ?? range?.[1];
      if (min === undefined || max === undefined) return "a triangular distribution needs min and max, or the quantity's range: [low, high] to take them from";
      return { kind: 'triangular', min, mode: spec.mode ?? quantity.value, max };
    }
    case 'lognormal': {
      const p50 = spec.p50 ?? quantity.value;
      if (!(p50 > 0)) return `a lognormal distribution needs a P50 above 0; value is ${quantity.value}: give p50`;
      if (spec.p90 < p50) return `a lognormal's p90 (${spec.p90}) must be at least its P50 (${p50})`;
      return { kind: 'lognormal', p50, p90: spec.p90, sigma: Math.log(spec.p90 / p50) / Z90 };
    }
  }
}

/**
 * The resolved distribution of a quantity; undefined without one.
 * @throws InputError saying what is missing or wrong (a catalog that passed validation has none)
 */
export function distributionOf(quantity: Quantity): Distribution | undefined {
  const resolved = resolveDistribution(quantity);
  if (typeof resolved === 'string') throw new InputError(resolved);
  return resolved;
}

/**
 * The p-quantile of a distribution, 0 < p < 1.
 * - uniform: min + p (max − min)
 * - triangular (a, c, b) with F(c) = (c − a)/(b − a): a + √(p (b − a)(c − a)) for p < F(c), else b − √((1 − p)(b − a)(b − c))
 * - lognormal: P50 · e^(σ Φ⁻¹(p))
 * @example quantileOf({ kind: 'triangular', min: 0, mode: 0, max: 1 }, 0.75) // 1 − √0.25 = 0.5
 */
export function quantileOf(distribution: Distribution, p: number): number {
  switch (distribution.kind) {
    case 'uniform':
      return distribution.min + p * (distribution.max - distribution.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = distribution;
      const width = b - a;
      if (width === 0) return a;
      return p < (c - a) / width ? a + Math.sqrt(p * width * (c - a)) : b - Math.sqrt((1 - p) * width * (b - c));
    }
    case 'lognormal':
      return distribution.sigma === 0 ? distribution.p50 : distribution.p50 * Math.exp(distribution.sigma * normalQuantile(p));
  }
}

/** The smallest and largest values a distribution takes (a lognormal: (0, ∞), or its P50 when degenerate). */
export function supportOf(distribution: Distribution): readonly [number, number] {
  if (distribution.kind !== 'lognormal') return [distribution.min, distribution.max];
  return distribution.sigma === 0 ? [distribution.p50, distribution.p50] : [0, Infinity];
}
