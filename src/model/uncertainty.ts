/**
 * Monte Carlo over a catalog's uncertain inputs: a pure engine that knows nothing of what a sample computes.
 * The caller passes `evaluate(catalog) → { metrics, breached }` (simulate's is ./uncertainty-simulate.ts); the
 * engine draws each input from its distribution by inverse CDF, evaluates, and returns P10/P50/P90 of each
 * metric (./uncertainty-percentile.ts) and each breach's probability with its Monte Carlo standard error.
 *
 * Sample i draws its inputs, in order, from the generator's stream i (./random.ts): a run is a function of
 * (catalog, inputs, samples, seed) alone, the same on every machine and for any split of the samples.
 */
import type { Catalog } from './catalog-types.js';
import { streamRandom } from './random.js';
import { withInputValues, type UncertainInput } from './uncertainty-inputs.js';
import { quantileOf, type Distribution } from './uncertainty-distribution.js';
import { percentileOfSorted } from './uncertainty-percentile.js';

/** What one sample gives: each metric's figure (unrounded; ±Infinity allowed, never NaN) and the breach ids it breaks. */
export interface SampleOutcome<M extends string> {
  metrics: Readonly<Record<M, number>>;
  breached: readonly string[];
}

export interface MonteCarloInput<M extends string> {
  catalog: Catalog;
  inputs: readonly UncertainInput[];
  samples: number;
  seed: number;
  metrics: readonly M[];
  /** The breaches to count, in the order reported (finding codes). */
  breachIds: readonly string[];
  evaluate(catalog: Catalog): SampleOutcome<M>;
  /** Called after each sample: a progress bar's hook (the engine never looks at a clock). */
  onProgress?(done: number, total: number): void;
}

/** The samples from..to − 1, raw: what a worker thread would return for its share. */
export interface SampleBatch<M extends string> {
  metrics: Record<M, Float64Array>;
  breachCounts: number[];
}

export interface Spread {
  p10: number;
  p50: number;
  p90: number;
}

export interface UncertaintySummary<M extends string> {
  samples: number;
  seed: number;
  inputs: Array<{ name: string; distribution: Distribution }>;
  metrics: Record<M, Spread>;
  /** probability = breaking samples / N; standardError = √(p (1 − p) / N), the binomial proportion's. */
  breaches: Array<{ id: string; probability: number; standardError: number }>;
}

/** Evaluates samples `from` … `to − 1`. */
export function drawSamples<M extends string>(input: MonteCarloInput<M>, from = 0, to = input.samples): SampleBatch<M> {
  const count = to - from;
  const metrics = Object.fromEntries(input.metrics.map((m) => [m, new Float64Array(count)])) as Record<M, Float64Array>;
  const breachCounts = input.breachIds.map(() => 0);
  const values = new Float64Array(input.inputs.length);
  for (let i = from; i < to; i++) {
    const random = streamRandom(input.seed, i);
    for (let k = 0; k < input.inputs.length; k++) values[k] = quantileOf(input.inputs[k]!.distribution, random.next());
    const outcome = input.evaluate(withInputValues(input.catalog, input.inputs, values));
    for (const m of input.metrics) metrics[m][i - from] = outcome.metrics[m];
    input.breachIds.forEach((id, b) => {
      if (outcome.breached.includes(id)) breachCounts[b]! += 1;
    });
    input.onProgress?.(i - from + 1, count);
  }
  return { metrics, breachCounts };
}

/** Percentiles and breach probabilities of every sample (batches in sample order). */
export function summarize<M extends string>(input: MonteCarloInput<M>, batches: ReadonlyArray<SampleBatch<M>>): UncertaintySummary<M> {
  const n = input.samples;
  const metrics = {} as Record<M, Spread>;
  for (const m of input.metrics) {
    const all = new Float64Array(n);
    let at = 0;
    for (const batch of batches) {
      all.set(batch.metrics[m], at);
      at += batch.metrics[m].length;
    }
    all.sort();
    metrics[m] = { p10: percentileOfSorted(all, 0.1), p50: percentileOfSorted(all, 0.5), p90: percentileOfSorted(all, 0.9) };
  }
  const breaches = input.breachIds.map((id, b) => {
    const probability = batches.reduce((sum, batch) => sum + batch.breachCounts[b]!, 0) / n;
    return { id, probability, standardError: Math.sqrt((probability * (1 - probability)) / n) };
  });
  return { samples: n, seed: input.seed, inputs: input.inputs.map(({ name, distribution }) => ({ name, distribution })), metrics, breaches };
}

/**
 * A whole run in this thread.
 * @throws RangeError when samples is not a whole number ≥ 1 (commands check it first)
 */
export function monteCarlo<M extends string>(input: MonteCarloInput<M>): UncertaintySummary<M> {
  if (!Number.isInteger(input.samples) || input.samples < 1) throw new RangeError(`samples must be a whole number ≥ 1; got ${input.samples}`);
  return summarize(input, [drawSamples(input)]);
}
