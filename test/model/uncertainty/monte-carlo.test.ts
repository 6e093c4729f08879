import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/index.js';
import type { Catalog, Phase } from '../../../src/model/catalog-types.js';
import { findSettable } from '../../../src/model/overrides.js';
import { thresholdsOf } from '../../../src/model/plan.js';
import { simulate } from '../../../src/model/simulate-result.js';
import { monteCarlo, drawSamples, summarize, type MonteCarloInput } from '../../../src/model/uncertainty.js';
import { uncertainInputs, type UncertainInput } from '../../../src/model/uncertainty-inputs.js';
import { uncertaintySection } from '../../../src/model/uncertainty-result.js';
import { BREACH_IDS, simulateSample } from '../../../src/model/uncertainty-simulate.js';
import { loadSnapshotPriceBook } from '../../../src/pricing/index.js';

const { catalog } = loadCatalog();
const book = loadSnapshotPriceBook();
const thresholds = thresholdsOf(catalog);
const phaseOf = (id: number): Phase => catalog.phases.find((p) => p.id === id)!;
const METRICS = ['cost', 'cost-per-user', 'p95-ms', 'availability'] as const;

const run = (phase: Phase, users: number, inputs: readonly UncertainInput[], samples: number, seed: number, on: Catalog = catalog): MonteCarloInput<(typeof METRICS)[number]> => ({
  catalog: on,
  inputs,
  samples,
  seed,
  metrics: METRICS,
  breachIds: BREACH_IDS,
  evaluate: simulateSample({ phaseId: phase.id, users, book, thresholds }),
});

describe('monteCarlo on the bundled catalog', () => {
  // Built inside each test, not when the file is collected: a mutation test (npm run mutate) counts a test as
  // covering only the code it runs itself.
  const subject = () => {
    const phase = phaseOf(2);
    const inputs = uncertainInputs(catalog, phase);
    return { phase, inputs };
  };

  it('draws the bundled distributions: the same seed gives the same summary, another seed another', () => {
    const { phase, inputs } = subject();
    expect(inputs.map((i) => i.name)).toContain('cache_hit_ratio');
    const a = monteCarlo(run(phase, 5000, inputs, 60, 11));
    const b = monteCarlo(run(phase, 5000, inputs, 60, 11));
    const c = monteCarlo(run(phase, 5000, inputs, 60, 12));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.metrics.cost).not.toEqual(a.metrics.cost);
  });

  it('splits into batches without changing a figure (sample i always draws from stream i)', () => {
    const { phase, inputs } = subject();
    const input = run(phase, 5000, inputs, 40, 5);
    const whole = summarize(input, [drawSamples(input)]);
    const split = summarize(input, [drawSamples(input, 0, 13), drawSamples(input, 13, 40)]);
    expect(split).toEqual(whole);
  });

  it("reports a lognormal input's σ to 6 decimals, and other inputs as drawn", () => {
    const { phase, inputs } = subject();
    // σ = ln(P90 / P50) / z₀.₉ = ln 2 / 1.2815515655446004 = 0.5408656… (python3: math.log(2) / 1.2815515655446004)
    const value = inputs[0]!.settable.quantity.value;
    const lognormal = { ...inputs[0]!, distribution: { kind: 'lognormal' as const, p50: value, p90: 2 * value, sigma: Math.LN2 / 1.2815515655446004 } };
    const section = uncertaintySection(monteCarlo(run(phase, 5000, [lognormal, inputs[1]!], 5, 1)));
    expect(section.inputs.map((i) => i.distribution)).toEqual([{ ...lognormal.distribution, sigma: 0.540866 }, inputs[1]!.distribution]);
  });

  it('with every distribution degenerate, each percentile is the deterministic simulate figure', () => {
    const { phase, inputs } = subject();
    const degenerate = inputs.map((i) => ({ ...i, distribution: { kind: 'uniform' as const, min: i.settable.quantity.value, max: i.settable.quantity.value } }));
    const section = uncertaintySection(monteCarlo(run(phase, 5000, degenerate, 25, 3)));
    const result = simulate({ catalog, phase, selectedBy: 'range', users: 5000, book, compareBook: null, thresholds });
    for (const p of ['p10', 'p50', 'p90'] as const) {
      expect(section.metrics.cost[p]).toBe(result.cost.totalUsd);
      expect(section.metrics['cost-per-user'][p]).toBe(result.cost.perUserUsd);
      expect(section.metrics['p95-ms'][p]).toBe(result.latency.valueMs);
      expect(section.metrics.availability[p]).toBe(result.availability.expectedPercent);
    }
    const failing = new Set(result.findings.map((f) => f.code));
    for (const breach of section.breaches) expect(breach.probability).toBe(failing.has(breach.id) ? 1 : 0);
  });
});

describe('a breach probability known analytically', () => {
  it('error_rate ~ uniform(0, 0.004) against an SLO of 0.001 breaks it with p = (0.004 − 0.001) / 0.004 = 0.75, within 3 standard errors', () => {
    const phase = phaseOf(1);
    // The check passes when error_rate < the SLO (src/model/checks.ts), so it fails for U ≥ 0.001: 3/4 of the interval.
    expect(phase.slo.errorRate).toBe(0.001);
    const errorRate: UncertainInput = { name: 'error_rate', settable: findSettable(catalog, 'error_rate'), distribution: { kind: 'uniform', min: 0, max: 0.004 } };
    const n = 2000;
    const summary = monteCarlo(run(phase, 500, [errorRate], n, 2027));
    const breach = summary.breaches.find((b) => b.id === 'error-rate-over-slo')!;
    const standardError = Math.sqrt((0.75 * 0.25) / n);
    expect(Math.abs(breach.probability - 0.75)).toBeLessThan(3 * standardError);
    expect(breach.standardError).toBeCloseTo(Math.sqrt((breach.probability * (1 - breach.probability)) / n), 12);
  });
});

describe('uncertainInputs', () => {
  it('leaves out a quantity fixed with --set (its source is override)', async () => {
    const { withOverrides } = await import('../../../src/model/overrides.js');
    const fixed = withOverrides(catalog, [{ name: 'cache_hit_ratio', value: 0.9 }]);
    const names = uncertainInputs(fixed, fixed.phases[2]!).map((i) => i.name);
    expect(names).not.toContain('cache_hit_ratio');
    expect(names).toContain('dau_per_mau');
  });

  it('refuses a sample count below 1', () => {
    expect(() => monteCarlo(run(phaseOf(2), 5000, [], 0, 1))).toThrow(RangeError);
  });
});
