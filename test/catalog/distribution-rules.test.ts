import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { formatProblem, ProblemList } from '../../src/catalog/problems.js';
import { checkDistributions } from '../../src/catalog/rules/distributions.js';
import { checkProvenance, type LocatedProvenance } from '../../src/catalog/rules/provenance.js';
import { checkRange } from '../../src/catalog/rules/shared.js';
import type { Catalog, Quantity } from '../../src/model/catalog-types.js';

// The distribution and provenance rules (src/catalog/rules/distributions.ts, provenance.ts) on both sides of each
// limit: a bound met exactly passes, one step past it is reported, at the path of the field to fix.
const { catalog } = loadCatalog();

function report(check: (problems: ProblemList) => void): string[] {
  const problems = new ProblemList('phases.yaml');
  check(problems);
  return [...problems.errors, ...problems.warnings].map(formatProblem);
}

type Spec = NonNullable<Quantity['distribution']>;

/** The bundled catalog with its own distributions removed and one assumption given `spec` (and `value`, if given). */
function withAssumption(name: string, spec: Spec, value?: number): Catalog {
  const assumptions: Record<string, Quantity> = Object.fromEntries(Object.entries(catalog.workload.assumptions).map(([key, q]) => [key, { ...q, distribution: undefined }]));
  const quantity = assumptions[name]!;
  assumptions[name] = { ...quantity, value: value ?? quantity.value, distribution: spec };
  return { ...catalog, workload: { ...catalog.workload, assumptions } };
}

const distributionsOf = (changed: Catalog) => report((problems) => checkDistributions(changed, problems));

describe('distribution rules', () => {
  it('passes a degenerate uniform (min = max) and a triangular whose mode sits on either bound', () => {
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.8, max: 0.8 }))).toEqual([]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'triangular', min: 0.5, mode: 0.5, max: 0.95 }, 0.5))).toEqual([]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'triangular', min: 0.5, mode: 0.95, max: 0.95 }, 0.95))).toEqual([]);
  });

  it('refuses a mode just outside either bound, and bounds one step reversed', () => {
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'triangular', min: 0.5, mode: 0.49, max: 0.95 }, 0.49))).toEqual([
      'phases.yaml  workload.cache_hit_ratio.distribution  the mode 0.49 lies outside [0.5, 0.95]',
    ]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.81, max: 0.8 }))).toEqual([
      'phases.yaml  workload.cache_hit_ratio.distribution  min 0.81 is greater than max 0.8; swap them',
    ]);
  });

  it('says how to fix a lognormal on a bounded quantity, and only there', () => {
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'lognormal', p90: 0.9 }))).toEqual([
      'phases.yaml  workload.cache_hit_ratio.distribution  a lognormal is unbounded above, but this quantity must be a fraction from 0 to 1 (70 % is 0.7); narrow the distribution or use triangular or uniform',
    ]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.5, max: 1.01 }))).toEqual([
      'phases.yaml  workload.cache_hit_ratio.distribution  it draws values from 0.5 to 1.01, but this quantity must be a fraction from 0 to 1 (70 % is 0.7); narrow the distribution',
    ]);
  });

  it('lets a lognormal start at 0 on a quantity above 0, but not a uniform', () => {
    expect(distributionsOf(withAssumption('demand_app_s', { kind: 'lognormal', p50: 0.02, p90: 0.035 }, 0.02))).toEqual([]);
    const uniform = distributionsOf(withAssumption('demand_app_s', { kind: 'uniform', min: 0, max: 0.05 }, 0.02));
    expect(uniform).toEqual(['phases.yaml  workload.demand_app_s.distribution  it draws values from 0 to 0.05, but this quantity must be greater than 0; narrow the distribution']);
  });

  it('warns when value lies outside the draws, and not when it sits on a bound', () => {
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.5, max: 0.95 }, 0.5))).toEqual([]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.5, max: 0.95 }, 0.95))).toEqual([]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.5, max: 0.95 }, 0.96))).toEqual([
      'phases.yaml  workload.cache_hit_ratio.value  warning: value 0.96 lies outside what its distribution draws [0.5, 0.95]; runs without --samples use the value',
    ]);
  });

  it("warns when a lognormal's p50 or a triangular's mode is not the value, and not when it is", () => {
    expect(distributionsOf(withAssumption('demand_app_s', { kind: 'lognormal', p50: 0.03, p90: 0.05 }, 0.02))).toEqual([
      'phases.yaml  workload.demand_app_s.distribution  warning: the p50 0.03 differs from value 0.02, which runs without --samples use; leave p50 out to take the value',
    ]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'triangular', min: 0.5, mode: 0.8, max: 0.95 }, 0.8))).toEqual([]);
    expect(distributionsOf(withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.5, max: 0.95 }, 0.6))).toEqual([]);
  });

  it("checks a phase's own assumption at the phase's path", () => {
    const phases = catalog.phases.map((phase, i) =>
      i === 2 ? { ...phase, assumptions: { ...phase.assumptions, cache_hit_ratio: { value: 0.8, source: 'assumption' as const, note: 'n', distribution: { kind: 'uniform' as const, min: 0.9, max: 0.6 } } } } : phase,
    );
    const changed = withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.5, max: 0.95 });
    expect(distributionsOf({ ...changed, phases })).toEqual(['phases.yaml  phases[2].assumptions.cache_hit_ratio.distribution  min 0.9 is greater than max 0.6; swap them']);
  });

  it('checks a quantity under a YAML path (snake_case keys, array indexes) and refuses fractions where whole numbers go', () => {
    const withPrice = (spec: Spec): Catalog => {
      const base = withAssumption('cache_hit_ratio', { kind: 'uniform', min: 0.5, max: 0.95 });
      const premium = base.revenue!.premium!;
      const schedule = premium.priceSchedule!.map((step, i) => (i === 1 ? { ...step, fromUsers: { ...(step.fromUsers as Quantity), distribution: spec } } : step));
      return { ...base, revenue: { ...base.revenue!, premium: { ...premium, priceSchedule: schedule } } } as Catalog;
    };
    expect(distributionsOf(withPrice({ kind: 'uniform', min: 9000, max: 11000 }))).toEqual([
      'phases.yaml  revenue.premium.price_schedule[1].from_users.distribution  this quantity must be a whole number ≥ 0, and a distribution draws fractions; fix it with --set, or give it no distribution',
    ]);
    expect(distributionsOf(withPrice({ kind: 'uniform', min: 10001, max: 10001 }))).toEqual([]);
  });
});

describe('provenance rules', () => {
  const entry = (over: Partial<LocatedProvenance['entry']>): LocatedProvenance => ({
    entry: { path: 'workload.x', value: 5, source: 'assumption', note: 'why', ...over } as LocatedProvenance['entry'],
    owner: ['workload', 'x'],
  });
  const provenanceOf = (located: LocatedProvenance[]) => report((problems) => checkProvenance(located, problems));

  it('takes a range whose ends meet, with the value on it, and the value on either end of a range', () => {
    expect(provenanceOf([entry({ range: [5, 5] })])).toEqual([]);
    expect(provenanceOf([entry({ range: [5, 9] }), entry({ range: [1, 5] })])).toEqual([]);
  });

  it('reports a reversed range, and a value one step outside either end', () => {
    expect(provenanceOf([entry({ range: [6, 4] })])).toEqual(['phases.yaml  workload.x.range  range [6, 4] is reversed: write [low, high]']);
    expect(provenanceOf([entry({ range: [1, 4] })])).toEqual(['phases.yaml  workload.x.value  warning: value 5 lies outside its own range [1, 4]']);
    expect(provenanceOf([entry({ range: [6, 9] })])).toEqual(['phases.yaml  workload.x.value  warning: value 5 lies outside its own range [6, 9]']);
  });

  it('asks an assumption why and a seed figure where, once per owner, and nothing of other sources or noted ones', () => {
    expect(provenanceOf([entry({ note: undefined }), entry({ note: '  ' })])).toEqual([
      'phases.yaml  workload.x.source  warning: an assumption without a note: add a one-line note saying why this value',
    ]);
    expect(provenanceOf([entry({ source: 'seed', note: undefined })])).toEqual([
      'phases.yaml  workload.x.source  warning: a seed figure without a note: add a note saying where in the document it is',
    ]);
    expect(provenanceOf([entry({ source: 'measured', note: undefined }), entry({ note: 'because' })])).toEqual([]);
    // Owners are told apart by their whole path: ['a', 'bc'] and ['ab', 'c'] are two owners.
    const two = [
      { ...entry({ note: undefined }), owner: ['a', 'bc'] },
      { ...entry({ note: undefined }), owner: ['ab', 'c'] },
    ];
    expect(provenanceOf(two)).toHaveLength(2);
  });
});

describe('shared rules', () => {
  it('reports min above max at min, and passes min = max', () => {
    expect(report((problems) => checkRange({ min: 3, max: 3 }, ['phases', 0, 'users'], problems, 'users'))).toEqual([]);
    expect(report((problems) => checkRange({ min: 4, max: 3 }, ['phases', 0, 'users'], problems, 'users'))).toEqual([
      'phases.yaml  phases[0].users.min  users: min 4 is greater than max 3; swap them',
    ]);
  });
});
