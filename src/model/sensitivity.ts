/**
 * One-at-a-time sensitivity (a tornado): every uncertain input moved to its P10 and then its P90 while the
 * others stay at their P50, and the metric read at each end. Inputs rank by swing |metric(P90) − metric(P10)|,
 * largest first: the assumption whose uncertainty moves the figure most leads. One-at-a-time misses
 * interactions between inputs; the Monte Carlo (./uncertainty.ts) carries them.
 */
import type { Catalog } from './catalog-types.js';
import { inputQuantiles, withInputValues, type UncertainInput } from './uncertainty-inputs.js';
import { quantileOf, type Distribution } from './uncertainty-distribution.js';

export interface SensitivityInput {
  catalog: Catalog;
  inputs: readonly UncertainInput[];
  /** The metric for one catalog (±Infinity allowed: an unstable queue's latency). */
  evaluate(catalog: Catalog): number;
}

export interface SensitivityRow {
  name: string;
  distribution: Distribution;
  /** The input's own P10, P50 and P90. */
  p10: number;
  p50: number;
  p90: number;
  /** The metric with this input at its P10 (resp. P90), the others at P50. */
  atP10: number;
  atP90: number;
  /** |atP90 − atP10|; Infinity when one end is unbounded and the other not, 0 when both are. */
  swing: number;
}

export interface Sensitivity {
  /** The metric with every input at its P50. */
  baseline: number;
  rows: SensitivityRow[];
}

const swingOf = (a: number, b: number): number => (a === b ? 0 : Math.abs(b - a));

export function sensitivity({ catalog, inputs, evaluate }: SensitivityInput): Sensitivity {
  const medians = inputQuantiles(inputs, 0.5);
  const at = (i: number, value: number) => {
    const values = [...medians];
    values[i] = value;
    return evaluate(withInputValues(catalog, inputs, values));
  };
  const rows = inputs.map((input, i): SensitivityRow => {
    const p10 = quantileOf(input.distribution, 0.1);
    const p90 = quantileOf(input.distribution, 0.9);
    const atP10 = at(i, p10);
    const atP90 = at(i, p90);
    return { name: input.name, distribution: input.distribution, p10, p50: medians[i]!, p90, atP10, atP90, swing: swingOf(atP10, atP90) };
  });
  // Ties keep catalog order (a stable sort): the ranking is the same on every run.
  rows.sort((a, b) => (a.swing === b.swing ? 0 : b.swing - a.swing));
  return { baseline: evaluate(withInputValues(catalog, inputs, medians)), rows };
}
