import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phaseAvailability } from '../../src/model/availability.js';
import type { Component, Quantity } from '../../src/model/catalog-types.js';
import type { FailureModel } from '../../src/model/failure-model.js';
import { component, countAtFloor, phaseOf } from './availability-fixture.js';

/** A sourced input with a range around its value (the value may sit anywhere in it). */
const ranged = (max: number): fc.Arbitrary<Quantity> =>
  fc
    .tuple(fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([a, b, t]) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return { value: lo + t * (hi - lo), source: 'assumption' as const, range: [lo, hi] as const };
    });

const pair = (max: number) => fc.record({ detectionS: ranged(max), switchS: ranged(max) });

const failureModel: fc.Arbitrary<FailureModel> = fc.record({
  zoneOutagesPerYear: ranged(5),
  zoneOutageHours: ranged(48),
  regionOutagesPerYear: ranged(5),
  regionOutageHours: ranged(48),
  edgeOutagesPerYear: ranged(5),
  edgeOutageHours: ranged(24),
  instanceFailuresPerYear: ranged(50),
  instanceRecoveryMinutes: ranged(600),
  manualRecoveryMinutes: ranged(6000),
  failover: fc.record({ loadBalancer: pair(600), database: pair(600), cache: pair(600), region: pair(3600), cdn: pair(3600) }),
});

const regions = fc.constantFrom(['r1'], ['r2'], ['r1', 'r2'], ['r2', 'r1'], ['edge:a'], ['edge:a', 'edge:b']);

/** A request-path component of any recovery kind, placement and dependency. */
const pathComponent = (id: string): fc.Arbitrary<Component> =>
  fc
    .record({
      shape: fc.constantFrom('managed', 'pool', 'single', 'database', 'cache'),
      copies: fc.integer({ min: 1, max: 6 }),
      zones: fc.integer({ min: 1, max: 3 }),
      regions,
      autoscaled: fc.boolean(),
      soft: fc.boolean(),
      sla: fc.double({ min: 0.9, max: 1, noNaN: true }),
    })
    .map(({ shape, copies, zones, regions: where, autoscaled, soft, sla }) =>
      component(id, {
        copies,
        autoscaled,
        self: shape !== 'managed',
        availability: { value: sla, source: 'assumption' },
        placement: { zones, regions: [...where] },
        ...(shape === 'database' ? { kind: 'database', serves: ['db'], database: { readers: copies - 1, failover: 'automatic' } } : {}),
        ...(shape === 'cache' ? { kind: 'cache', serves: ['cache'] } : {}),
        ...(soft ? { dependency: { type: 'soft', reason: 'test' } } : {}),
      }),
    );

const architecture = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => pathComponent(`c${i}`))));

const evaluate = (components: Component[], model: FailureModel) =>
  phaseAvailability(phaseOf(components), { countAtFloor, hoursPerMonth: 730, model, defaultRegion: 'r1' });

describe('availability invariants (fast-check)', () => {
  it('a zone more for any component never lowers the expected availability', () => {
    fc.assert(
      fc.property(architecture, failureModel, fc.nat(), (components, model, pick) => {
        const i = pick % components.length;
        const target = components[i]!;
        const wider = components.map((c, j) => (j === i ? { ...c, placement: { ...target.placement!, zones: target.placement!.zones + 1 } } : c));
        expect(evaluate(wider, model).expectedPercent).toBeGreaterThanOrEqual(evaluate(components, model).expectedPercent - 1e-9);
      }),
    );
  });

  it('low ≤ expected ≤ high, and every figure is a percentage', () => {
    fc.assert(
      fc.property(architecture, failureModel, (components, model) => {
        const a = evaluate(components, model);
        expect(a.expectedLowPercent).toBeLessThanOrEqual(a.expectedPercent + 1e-9);
        expect(a.expectedPercent).toBeLessThanOrEqual(a.expectedHighPercent + 1e-9);
        for (const x of [a.expectedLowPercent, a.expectedPercent, a.expectedHighPercent, a.slaPercent]) {
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(100);
        }
        expect(a.expectedDowntimeMinutes).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('the SLA floor never exceeds 100 % and never rises when a hard dependency is added', () => {
    fc.assert(
      fc.property(architecture, pathComponent('extra'), failureModel, (components, extra, model) => {
        const a = evaluate(components, model);
        const b = evaluate([...components, { ...extra, dependency: undefined }], model);
        expect(a.slaPercent).toBeLessThanOrEqual(100);
        expect(b.slaPercent).toBeLessThanOrEqual(a.slaPercent + 1e-9);
      }),
    );
  });

  it('a soft dependency changes neither figure', () => {
    fc.assert(
      fc.property(architecture, pathComponent('extra'), failureModel, (components, extra, model) => {
        const a = evaluate(components, model);
        const b = evaluate([...components, { ...extra, dependency: { type: 'soft', reason: 'test' } }], model);
        expect(b.expectedPercent).toBe(a.expectedPercent);
        expect(b.slaPercent).toBe(a.slaPercent);
      }),
    );
  });
});
