import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { sizePlan, sizeSample, thresholdsOf } from '../../src/model/plan.js';
import { quantileOf } from '../../src/model/uncertainty-distribution.js';
import { uncertainInputs, withInputValues } from '../../src/model/uncertainty-inputs.js';

// A Monte Carlo sample sizes a phase with `sizeSample`, which leaves out what no sample figure reads. Whatever the
// draw, what it keeps must be `sizePlan`'s own: the same hours, latency, availability and SLO checks.
const { catalog } = loadCatalog();
const thresholds = thresholdsOf(catalog);
const SLO_CODES = new Set(['latency-over-slo', 'availability-short', 'error-rate-over-slo']);

describe.each(catalog.phases.map((phase) => [phase.id, phase] as const))('sizeSample of bundled phase %i', (_id, phase) => {
  const inputs = uncertainInputs(catalog, phase);
  it("equals sizePlan's workload, hours, latency, availability, SLO checks, peak instances and tiers' roles at any draw of its uncertain inputs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * phase.users.max }),
        fc.array(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: inputs.length, maxLength: inputs.length }),
        (users, probabilities) => {
          const drawn = withInputValues(catalog, inputs, probabilities.map((p, i) => quantileOf(inputs[i]!.distribution, p)));
          const drawnPhase = drawn.phases.find((p) => p.id === phase.id)!;
          const full = sizePlan(drawn, drawnPhase, users, thresholds);
          const sample = sizeSample(drawn, drawnPhase, users, thresholds);
          expect(sample).toEqual({
            phase: full.phase,
            users: full.users,
            hoursPerMonth: full.hoursPerMonth,
            workload: full.workload,
            components: full.components,
            scope: full.scope,
            latency: full.latency,
            availability: full.availability,
            checks: full.checks.filter((check) => SLO_CODES.has(check.code)),
            instancesAtPeak: full.tiers.reduce((sum, tier) => sum + tier.instances.peak, 0),
            tiers: full.tiers.map((tier) => ({ component: tier.component, roles: tier.roles })),
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
