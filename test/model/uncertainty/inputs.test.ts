/**
 * Which quantities a run draws (src/model/uncertainty-inputs.ts), on ../fixture-catalog.ts with distributions
 * added by hand: the phase's own assumption wins over the catalog-wide one, a quantity under another phase is
 * left out, one outside the phases counts for every phase.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, Phase, Quantity } from '../../../src/model/catalog-types.js';
import { catalogUncertainInputs, uncertainInputs, withInputValues } from '../../../src/model/uncertainty-inputs.js';
import { app, catalog as fixture, phase } from '../fixture-catalog.js';

const uniform = (value: number, min: number, max: number): Quantity => ({ value, source: 'assumption', distribution: { kind: 'uniform', min, max } });
const phaseWith = (id: number, availability: Quantity, assumptions: Phase['assumptions'] = {}): Phase => ({
  ...phase,
  id,
  assumptions,
  components: [{ ...app, availability }],
});
const catalog: Catalog = {
  ...fixture,
  workload: { ...fixture.workload, assumptions: { ...fixture.workload.assumptions, cache_hit_ratio: uniform(0.5, 0.4, 0.6), error_rate: uniform(0.001, 0, 0.002) } },
  availabilityModel: { ...fixture.availabilityModel!, instanceFailuresPerYear: uniform(1, 0.5, 2) },
  phases: [
    phaseWith(1, uniform(0.99, 0.98, 0.995), { error_rate: uniform(0.002, 0.001, 0.003) }),
    phaseWith(2, uniform(0.999, 0.998, 0.9995)),
  ],
};
const drawn = (inputs: ReturnType<typeof uncertainInputs>) => inputs.map((input) => [input.name, input.settable.kind, input.distribution]);

describe('uncertainInputs', () => {
  it("takes the phase's own assumption, its own components and the catalog-wide quantities: phase 1", () => {
    expect(drawn(uncertainInputs(catalog, catalog.phases[0]!))).toEqual([
      ['cache_hit_ratio', 'assumption', { kind: 'uniform', min: 0.4, max: 0.6 }],
      ['error_rate', 'assumption', { kind: 'uniform', min: 0.001, max: 0.003 }],
      ['availability_model.instance_failures_per_year', 'path', { kind: 'uniform', min: 0.5, max: 2 }],
      ['phases[0].components[0].availability', 'path', { kind: 'uniform', min: 0.98, max: 0.995 }],
    ]);
  });

  it("leaves out the other phase's quantities: phase 2", () => {
    expect(drawn(uncertainInputs(catalog, catalog.phases[1]!))).toEqual([
      ['cache_hit_ratio', 'assumption', { kind: 'uniform', min: 0.4, max: 0.6 }],
      ['error_rate', 'assumption', { kind: 'uniform', min: 0, max: 0.002 }],
      ['availability_model.instance_failures_per_year', 'path', { kind: 'uniform', min: 0.5, max: 2 }],
      ['phases[1].components[0].availability', 'path', { kind: 'uniform', min: 0.998, max: 0.9995 }],
    ]);
  });

  it('over every phase, names each input once, the first phase first', () => {
    expect(catalogUncertainInputs(catalog).map((input) => input.name)).toEqual([
      'cache_hit_ratio',
      'error_rate',
      'availability_model.instance_failures_per_year',
      'phases[0].components[0].availability',
      'phases[1].components[0].availability',
    ]);
  });
});

describe('withInputValues', () => {
  it('sets assumptions as assumptions and paths at their path, leaving the catalog given unchanged', () => {
    const inputs = uncertainInputs(catalog, catalog.phases[1]!);
    // cache_hit_ratio, error_rate, the failure rate and phase 2's app availability, in that order.
    const drawn = withInputValues(catalog, inputs, [0.45, 0.0015, 1.5, 0.9991]);
    expect(drawn.workload.assumptions.cache_hit_ratio!.value).toBe(0.45);
    expect(drawn.workload.assumptions.error_rate!.value).toBe(0.0015);
    expect(drawn.availabilityModel!.instanceFailuresPerYear.value).toBe(1.5);
    expect(drawn.phases[1]!.components[0]!.availability!.value).toBe(0.9991);
    expect(Object.keys(drawn.workload.assumptions)).toEqual(Object.keys(catalog.workload.assumptions));
    expect(catalog.workload.assumptions.cache_hit_ratio!.value).toBe(0.5);
    expect(catalog.phases[1]!.components[0]!.availability!.value).toBe(0.999);
  });

  it('with no assumption among the inputs, copies no assumptions', () => {
    const paths = uncertainInputs(catalog, catalog.phases[1]!).filter((input) => input.settable.kind === 'path');
    expect(withInputValues(catalog, paths, [2, 0.998]).workload).toBe(catalog.workload);
  });
});
