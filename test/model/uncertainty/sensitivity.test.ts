import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/model/catalog-types.js';
import { sensitivity } from '../../../src/model/sensitivity.js';
import type { UncertainInput } from '../../../src/model/uncertainty-inputs.js';
import { catalog as fixture } from '../fixture-catalog.js';

describe('sensitivity (one at a time)', () => {
  it('moves each input to its P10 and P90 with the others at P50, and ranks by swing', async () => {
    const { findSettable } = await import('../../../src/model/overrides.js');
    const catalog = fixture;
    const names = Object.keys(catalog.workload.assumptions).slice(0, 2);
    expect(names).toHaveLength(2);
    const [a, b] = names as [string, string];
    // a ~ uniform(0, 10): P10 = 1, P50 = 5, P90 = 9; b ~ uniform(0, 1): P10 = 0.1, P50 = 0.5, P90 = 0.9.
    const inputs: UncertainInput[] = [
      { name: a, settable: findSettable(catalog, a), distribution: { kind: 'uniform', min: 0, max: 10 } },
      { name: b, settable: findSettable(catalog, b), distribution: { kind: 'uniform', min: 0, max: 1 } },
    ];
    // metric = a + 100 b: a swings 9 − 1 = 8, b swings 100 × 0.8 = 80, so b ranks first; baseline 5 + 50 = 55.
    const evaluate = (c: Catalog) => c.workload.assumptions[a]!.value + 100 * c.workload.assumptions[b]!.value;
    const result = sensitivity({ catalog, inputs, evaluate });
    expect(result.baseline).toBeCloseTo(55, 9);
    expect(result.rows.map((r) => r.name)).toEqual([b, a]);
    expect(result.rows[0]).toMatchObject({ p10: 0.1, p50: 0.5 });
    expect(result.rows[0]!.atP10).toBeCloseTo(5 + 10, 9);
    expect(result.rows[0]!.atP90).toBeCloseTo(5 + 90, 9);
    expect(result.rows[0]!.swing).toBeCloseTo(80, 9);
    expect(result.rows[1]!.atP10).toBeCloseTo(1 + 50, 9);
    expect(result.rows[1]!.swing).toBeCloseTo(8, 9);
  });
});

describe('sensitivity where the metric is unbounded at both ends', () => {
  it('swings by 0, not NaN: an input that leaves the metric infinite does not move it', async () => {
    const { findSettable } = await import('../../../src/model/overrides.js');
    const name = Object.keys(fixture.workload.assumptions)[0]!;
    const inputs: UncertainInput[] = [{ name, settable: findSettable(fixture, name), distribution: { kind: 'uniform', min: 0, max: 10 } }];
    const result = sensitivity({ catalog: fixture, inputs, evaluate: () => Infinity });
    expect(result.rows[0]).toMatchObject({ atP10: Infinity, atP90: Infinity, swing: 0 });
  });
});

describe('simulateSample', () => {
  it('names a phase the sampled catalog does not have', async () => {
    const { simulateSample } = await import('../../../src/model/uncertainty-simulate.js');
    const { book, thresholds } = await import('../fixture-catalog.js');
    expect(() => simulateSample({ phaseId: 9, users: 100, book, thresholds })(fixture)).toThrow('phase 9 is not in the catalog');
  });
});

describe('sensitivityResult', () => {
  it("reports a lognormal input's σ to 6 decimals and leaves other distributions as given", async () => {
    const { findSettable } = await import('../../../src/model/overrides.js');
    const { sensitivityResult } = await import('../../../src/model/sensitivity-result.js');
    const { book, phase, thresholds } = await import('../fixture-catalog.js');
    // σ = ln(P90 / P50) / z₀.₉ = ln 2 / 1.2815515655446004 = 0.5408656…
    const inputs: UncertainInput[] = [
      { name: 'demand_app_s', settable: findSettable(fixture, 'demand_app_s'), distribution: { kind: 'lognormal', p50: 0.05, p90: 0.1, sigma: Math.LN2 / 1.2815515655446004 } },
      { name: 'error_rate', settable: findSettable(fixture, 'error_rate'), distribution: { kind: 'uniform', min: 0, max: 0.001 } },
    ];
    const result = sensitivityResult({ catalog: fixture, phase, users: 5000, metric: 'p95-ms', inputs, book, thresholds });
    const byName = Object.fromEntries(result.inputs.map((row) => [row.name, row.distribution]));
    expect(byName).toEqual({
      demand_app_s: { kind: 'lognormal', p50: 0.05, p90: 0.1, sigma: 0.540866 },
      error_rate: { kind: 'uniform', min: 0, max: 0.001 },
    });
  });
});
