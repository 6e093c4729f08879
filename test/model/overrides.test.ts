import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { catalogSchema } from '../../src/catalog/schema.js';
import { defaultCatalogPath } from '../../src/paths.js';
import { ASSUMPTION_DOMAINS, DOMAINS, inDomain, PATH_DOMAINS } from '../../src/model/domains.js';
import { assumptionSettable, findSettable, overriddenQuantities, overridesIn, pathSettables, settableNames, valueAt, withOverrides, withSettable, yamlPath } from '../../src/model/overrides.js';
import { workloadAt } from '../../src/model/workload.js';
import { MEMORY_ASSUMPTIONS, REQUIRED_ASSUMPTIONS } from '../../src/model/variables.js';
import type { Catalog } from '../../src/model/catalog-types.js';
import { catalog as fixture, phase as fixturePhase } from './fixture-catalog.js';

const { catalog } = loadCatalog();

describe('withOverrides', () => {
  it('sets a workload assumption for the run, marked override, keeping its range, without changing the catalog given', () => {
    const before = structuredClone(catalog.workload.assumptions.cache_hit_ratio);
    const next = withOverrides(catalog, [{ name: 'cache_hit_ratio', value: 0.9 }]);
    expect(next.workload.assumptions.cache_hit_ratio).toEqual({
      value: 0.9,
      source: 'override',
      note: 'set with --set for this run; the catalog has 0.8 (assumption)',
      range: [0.5, 0.95],
    });
    expect(catalog.workload.assumptions.cache_hit_ratio).toEqual(before);
    expect(overridesIn(next)).toEqual([{ name: 'cache_hit_ratio', value: 0.9 }]);
    expect(overridesIn(catalog)).toEqual([]);
  });

  it("wins over a phase's own value", () => {
    // The fixture's phase gets its own request rate, 0.3; --set 0.05 must win there too.
    const own = { ...fixture, phases: [{ ...fixturePhase, assumptions: { requests_per_active_user_per_s: { value: 0.3, source: 'assumption' as const } } }] };
    const next = withOverrides(own, [{ name: 'requests_per_active_user_per_s', value: 0.05 }]);
    // Phase 1 of the fixture at 6,000 users: 100 + (1,100 − 100)·(6,000 − 1,000)/(11,000 − 1,000) = 600 concurrent at the peak;
    // 600 × 0.05 = 30 requests/s.
    expect(workloadAt(next, next.phases[0]!, 6000).peakRequestsPerS).toBeCloseTo(30, 12);
    expect(next.phases[0]!.assumptions.requests_per_active_user_per_s!.source).toBe('override');
  });

  it('sets any other sourced quantity by its YAML path', () => {
    const next = withOverrides(catalog, [
      { name: 'revenue.free_share', value: 0.6 },
      { name: 'discounts.reserved.options[1].discount', value: 0.5 },
    ]);
    expect(next.revenue!.freeShare).toMatchObject({ value: 0.6, source: 'override' });
    expect(next.discounts!.reserved.options[1]!.discount).toMatchObject({ value: 0.5, source: 'override' });
    // Only the path is copied: a sibling is the same object.
    expect(next.discounts!.reserved.options[0]).toBe(catalog.discounts!.reserved.options[0]);
    expect(next.phases).toBe(catalog.phases);
    expect(catalog.revenue!.freeShare!.value).toBe(0.7);
  });

  it('lists what a run set, paths in the order they were set, each once, without walking the catalog', () => {
    const first = withOverrides(catalog, [
      { name: 'discounts.reserved.options[1].discount', value: 0.5 },
      { name: 'revenue.free_share', value: 0.6 },
    ]);
    expect(first.overriddenPaths).toEqual([
      ['discounts', 'reserved', 'options', 1, 'discount'],
      ['revenue', 'freeShare'],
    ]);
    // Set again (as solve does at every step) and with an assumption on top: still one entry per path, the last value.
    const again = withSettable(withSettable(first, findSettable(first, 'revenue.free_share'), 0.55), findSettable(first, 'cache_hit_ratio'), 0.9);
    expect(overridesIn(again)).toEqual([
      { name: 'cache_hit_ratio', value: 0.9 },
      { name: 'discounts.reserved.options[1].discount', value: 0.5 },
      { name: 'revenue.free_share', value: 0.55 },
    ]);
    expect(catalog.overriddenPaths).toBeUndefined();
    expect(again.overriddenPaths).toHaveLength(2);
    // Set twice, a quantity keeps the note of its first setting: what the catalog had, not the first override.
    expect(again.revenue!.freeShare!.note).toBe(first.revenue!.freeShare!.note);
    expect(again.revenue!.freeShare!.note).toBe(`set with --set for this run; the catalog has 0.7 (${catalog.revenue!.freeShare!.source})`);
  });

  it('sets an assumption that only a phase has, there, leaving the workload as it is', () => {
    // events_per_request is phase 4's own (data/phases.yaml); the workload has none.
    expect(catalog.workload.assumptions.events_per_request).toBeUndefined();
    const settable = findSettable(catalog, 'events_per_request');
    expect(settable).toMatchObject({ kind: 'assumption', keys: [], quantity: catalog.phases[4]!.assumptions.events_per_request });
    const next = withSettable(catalog, settable, 0.3);
    expect(next.workload).toBe(catalog.workload);
    expect(next.phases[4]!.assumptions.events_per_request).toMatchObject({ value: 0.3, source: 'override' });
    expect(next.phases[3]).toBe(catalog.phases[3]);
  });

  it.each([
    [[{ name: 'cache_hit_rate', value: 0.9 }], /^--set cache_hit_rate: the catalog has no assumption or sourced quantity of that name — did you mean "cache_hit_ratio"\?/],
    [[{ name: 'revenue.free_shares', value: 0.5 }], /did you mean "revenue\.free_share"\?/],
    [[{ name: 'nothing_like_it', value: 1 }], /^--set nothing_like_it: the catalog has no assumption or sourced quantity of that name \(names:/],
    [[{ name: 'cache_hit_ratio', value: 1.01 }], /^--set cache_hit_ratio=1\.01: cache_hit_ratio must be a fraction from 0 to 1/],
    [[{ name: 'requests_per_active_user_per_s', value: 0 }], /^--set requests_per_active_user_per_s=0: requests_per_active_user_per_s must be greater than 0$/],
    [[{ name: 'demand_db_read_s', value: -0.001 }], /must be at least 0 \(not negative\)$/],
    [[{ name: 'revenue.premium.price_schedule[1].from_users', value: 10.5 }], /must be a whole number ≥ 0$/],
    [[{ name: 'phases[3].components[0].availability', value: 0 }], /must be a fraction above 0 and up to 1/],
    [[{ name: 'error_rate', value: 0.1 }, { name: 'error_rate', value: 0.2 }], /^--set error_rate is given twice/],
  ])('refuses %j', (overrides, message) => {
    expect(() => withOverrides(catalog, overrides)).toThrow(message);
  });

  it('accepts the edges of each domain: a fraction of 0 and of 1, any non-negative amount from 0', () => {
    expect(() => withOverrides(catalog, [{ name: 'cache_hit_ratio', value: 0 }, { name: 'db_read_fraction', value: 1 }, { name: 'demand_db_read_s', value: 0 }])).not.toThrow();
  });
});

describe('the domain table', () => {
  it.each([
    ['positive', 0, false],
    ['positive', Number.MIN_VALUE, true],
    ['fraction', 1, true],
    ['fraction', 1 + Number.EPSILON, false],
    ['fraction', -0, true],
    ['openFraction', 0, false],
    ['wholeNonNegative', 2, true],
    ['wholeNonNegative', 2.5, false],
    ['number', -1e300, true],
    ['number', Number.NaN, false],
    ['nonNegative', Infinity, false],
  ] as const)('%s holds %d: %s', (domain, value, holds) => {
    expect(inDomain(DOMAINS[domain], value)).toBe(holds);
  });

  it('gives every assumption the engine reads a domain (the schema builds its checks from it)', () => {
    expect(Object.keys(ASSUMPTION_DOMAINS).sort()).toEqual(Object.keys({ ...REQUIRED_ASSUMPTIONS, ...MEMORY_ASSUMPTIONS }).sort());
  });

  // The schema writes the bounds of the other sourced quantities itself: each entry of PATH_DOMAINS is held to it here,
  // with a value just outside the domain (refused) and one at its edge (accepted), on the bundled catalog's file.
  const file = parse(readFileSync(defaultCatalogPath, 'utf8')) as Record<string, unknown>;
  const paths = settableNames(catalog).filter((name) => !/^[a-z0-9_]+$/.test(name));
  const OUTSIDE = { fraction: 1.5, openFraction: 0, positive: 0, nonNegative: -1, wholeNonNegative: 0.5, percent: 101, minutesOfDay: 1441, weeksOfYear: 53, number: Number.NaN } as const;
  const EDGE = { fraction: 1, openFraction: 1, positive: 1e-9, nonNegative: 0, wholeNonNegative: 0, percent: 100, minutesOfDay: 1440, weeksOfYear: 52, number: 0 } as const;

  /** The file with the number at `name` (a YAML path) replaced. */
  function fileWith(name: string, value: number): unknown {
    const copy = structuredClone(file);
    const keys = name.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
    let node = copy as Record<string | number, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = keys.at(-1)!;
    const leaf = node[last];
    if (typeof leaf === 'object' && leaf !== null) (leaf as { value: number }).value = value;
    else node[last] = value;
    return copy;
  }

  it('covers every sourced quantity of the bundled catalog', () => {
    const patterns = new Set(paths.map((p) => p.replace(/\[\d+\]/g, '[]')));
    expect([...patterns].filter((pattern) => !Object.hasOwn(PATH_DOMAINS, pattern))).toEqual([]);
  });

  it.each(paths.map((name) => [name]))('%s: the schema agrees', (name) => {
    const domain = PATH_DOMAINS[name.replace(/\[\d+\]/g, '[]')]!;
    const schema = catalogSchema();
    expect(schema.safeParse(fileWith(name, EDGE[domain])).success).toBe(true);
    expect(schema.safeParse(fileWith(name, OUTSIDE[domain])).success).toBe(false);
    expect(findSettable(catalog, name).domain).toBe(DOMAINS[domain]);
  });

  it('names paths as the YAML writes them', () => {
    expect(yamlPath(['discounts', 'savingsPlans', 0, 'discount'])).toBe('discounts.savings_plans[0].discount');
  });
});

describe('finding sourced quantities in a catalog-shaped object', () => {
  // A hand-made object shaped like a catalog: only what the walk looks at.
  const quantity = (value: number, source = 'seed') => ({ value, source });
  const shaped = () =>
    ({
      workload: { assumptions: { dau_per_mau: quantity(0.3) } },
      settings: { ignored: quantity(1) },
      phases: [
        {
          assumptions: { error_rate: quantity(0.001) },
          components: [
            {
              availability: quantity(0.995),
              // Not quantities: a claim has more keys, a value must be a number, an array is a list.
              claim: { ...quantity(2), metric: 'p95-ms' },
              text: { value: '3', source: 'seed' },
              list: [null, 5, quantity(7, 'aws'), [quantity(8)]],
            },
          ],
        },
      ],
      // A compiled formula is not walked, whatever it holds.
      formula: { evaluate: () => 1, inner: quantity(9) },
      revenue: { freeShare: quantity(0.8), opexUsdPerMonth: { ...quantity(100), note: 'n', range: [50, 150], unit: 'usd', distribution: 'range' } },
    }) as unknown as Catalog;

  it('walks objects and lists, skipping assumptions, settings, formulas and anything that is not exactly a quantity', () => {
    const found = pathSettables(shaped(), () => true);
    expect(found.map((s) => [s.name, s.kind, s.quantity.value])).toEqual([
      ['phases[0].components[0].availability', 'path', 0.995],
      ['phases[0].components[0].list[2]', 'path', 7],
      ['phases[0].components[0].list[3][0]', 'path', 8],
      ['revenue.free_share', 'path', 0.8],
      ['revenue.opex_usd_per_month', 'path', 100],
    ]);
    expect(found[2]!.keys).toEqual(['phases', 0, 'components', 0, 'list', 3, 0]);
  });

  it('each path gets the domain of its pattern (indexes left out), a finite number when it has none', () => {
    const byName = new Map(pathSettables(shaped(), () => true).map((s) => [s.name, s.domain]));
    expect(byName.get('phases[0].components[0].availability')).toBe(DOMAINS.openFraction);
    expect(byName.get('revenue.free_share')).toBe(DOMAINS.fraction);
    expect(byName.get('phases[0].components[0].list[2]')).toBe(DOMAINS.number);
  });

  it('keeps only what the filter keeps', () => {
    expect(pathSettables(shaped(), (q) => q.source === 'aws').map((s) => s.name)).toEqual(['phases[0].components[0].list[2]']);
  });

  it('an assumption is settable by name, with its own domain or any finite number', () => {
    expect(assumptionSettable('dau_per_mau', { value: 0.3, source: 'seed' })).toEqual({ name: 'dau_per_mau', kind: 'assumption', quantity: { value: 0.3, source: 'seed' }, domain: DOMAINS.fraction, keys: [] });
    expect(assumptionSettable('my_own_factor', { value: 3, source: 'assumption' }).domain).toBe(DOMAINS.number);
  });

  it('valueAt follows keys and indexes, and is undefined where the path leaves the data', () => {
    const data = { a: [{ b: 1 }], c: null, d: 'text' };
    expect(valueAt(data, ['a', 0, 'b'])).toBe(1);
    expect(valueAt(data, ['c', 'x'])).toBeUndefined();
    expect(valueAt(data, ['d', 'length', 'x'])).toBeUndefined();
    expect(valueAt(data, [])).toBe(data);
  });
});

describe('overridden quantities', () => {
  it('names each override once, with its kind: assumptions first, then paths in the order set', () => {
    const catalog = loadCatalog(defaultCatalogPath).catalog;
    const set = withOverrides(catalog, [
      { name: 'revenue.free_share', value: 0.9 },
      { name: 'cache_hit_ratio', value: 0.9 },
    ]);
    expect(overriddenQuantities(set).map(({ name, kind, quantity }) => [name, kind, quantity.value])).toEqual([
      ['cache_hit_ratio', 'assumption', 0.9],
      ['revenue.free_share', 'path', 0.9],
    ]);
    expect(overriddenQuantities(catalog)).toEqual([]);
  });
});
