import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bookStamp, catalogFromChecked, checkedCatalogOf } from '../../src/catalog/checked.js';
import { collectProvenance } from '../../src/catalog/provenance.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { catalogFromJson, catalogToJson, formulaPathsOf, MissingSectionError, requireSection, validateCatalogText } from '../../src/catalog/index.js';
import type { Catalog, Formula } from '../../src/model/catalog-types.js';
import { minimalText, variantText } from './fixtures.js';

const checked = (text: string): Catalog => {
  const v = validateCatalogText(text, 'x.yaml');
  if (!v.catalog) throw new Error(v.errors.map((e) => e.message).join('\n'));
  return v.catalog;
};

describe('a checked catalog as JSON and back (the cache, a catalog checked at build time)', () => {
  it('round-trips the catalog, formulas as their text, compiled on first use', () => {
    const catalog = checked(minimalText);
    const json = catalogToJson(catalog);
    expect(JSON.stringify(json)).toContain('{"$formula":"instance_hours"}');
    const copy: unknown = JSON.parse(JSON.stringify(json));
    const paths = formulaPathsOf(copy);
    expect(paths).toContainEqual(['phases', 1, 'components', 0, 'cost', 0, 'quantity']);
    const back = catalogFromJson(copy, paths);
    expect(catalogToJson(back)).toEqual(json);
    expect(catalogFromJson(copy, paths)).toBe(back);
    const line = back.phases[1]!.components[0]!.cost[0]!.quantity as Formula;
    expect(line.text).toBe('instance_hours');
    expect(line.evaluate({ instance_hours: 1460 })).toBe(1460);
    expect(line.variables).toEqual(['instance_hours']);
  });
});

describe('what counts as a formula in the JSON', () => {
  it('writes a formula as its text and leaves nulls, objects with a text (a claim) and other functions as they are', () => {
    const f: Formula = { text: 'users / 2', variables: ['users'], evaluate: (scope) => (scope.users ?? 0) / 2 };
    const data = { a: null, claim: { text: 'Break-even: ~50K', value: 50_000 }, odd: { text: 7, evaluate: () => 1 }, f };
    expect(catalogToJson(data as unknown as Catalog)).toEqual({ a: null, claim: { text: 'Break-even: ~50K', value: 50_000 }, odd: { text: 7 }, f: { $formula: 'users / 2' } });
  });

  it('finds markers alone in their object, in arrays too, past nulls', () => {
    const data = { a: null, b: [{ $formula: 'x' }], c: { $formula: 'y', other: 1 }, d: { e: { $formula: 'z' } } };
    expect(formulaPathsOf(data)).toEqual([['b', 0], ['d', 'e']]);
  });
});

describe('checked data (src/catalog/checked.ts)', () => {
  it('keeps the JSON, its formula paths, each formula’s parsed tree and a copy of the warnings, and gives the catalog back', () => {
    const catalog = checked(minimalText);
    const warnings = [{ severity: 'warning' as const, file: 'x.yaml', path: 'name', message: 'a warning' }];
    const data = checkedCatalogOf(catalog, warnings);
    expect(data.catalog).toEqual(catalogToJson(catalog));
    expect(data.formulaPaths).toEqual(formulaPathsOf(data.catalog));
    expect(Object.keys(data.formulas).sort()).toEqual(['ceil(instances) * 20', 'instance_hours', 'instances']);
    expect(data.warnings).toEqual(warnings);
    expect(data.warnings).not.toBe(warnings);
    const back = catalogFromChecked(JSON.parse(JSON.stringify(data)) as typeof data);
    expect(catalogToJson(back.catalog)).toEqual(data.catalog);
    expect(back.warnings).toEqual(warnings);
  });

  it('stamps a book by its origin, region and every key with its unit', () => {
    const book = loadSnapshotPriceBook();
    const stamp = bookStamp(book).split('\n');
    expect(stamp.slice(0, 2)).toEqual([book.meta.origin, 'us-east-1']);
    expect(stamp.slice(2)).toEqual(book.keys().map((key) => `${key}=${book.price(key).unit}`));
    expect(stamp).toContain('ec2:t3.medium=hour');
    expect(bookStamp(undefined)).toBe('no book');
  });
});

describe('requireSection', () => {
  it('returns a section that is there and names one that is not (exit 2)', () => {
    const catalog = checked(minimalText);
    expect(() => requireSection(catalog, 'revenue', 'break-even')).toThrow(MissingSectionError);
    expect(() => requireSection(catalog, 'revenue', 'break-even')).toThrow(/the catalog has no revenue: section, which break-even needs; add one/);
    expect(() => requireSection(catalog, 'kpis')).toThrow(/^the catalog has no kpis: section, which this command needs;/);
    expect(() => requireSection(catalog, 'kpis')).toThrow(expect.objectContaining({ name: 'MissingSectionError', section: 'kpis' }));
    const withMigration = checked(variantText('alerts:\n', 'migration:\n  steps:\n    - { id: prep, name: Prep, weeks: { min: 1, max: 2 } }\nalerts:\n'));
    expect(requireSection(withMigration, 'migration').steps.map((s) => s.weeks)).toEqual([{ min: 1, max: 2, source: 'assumption' }]);
  });
});

describe('provenance', () => {
  it('lists every number written with a source, by its YAML path', () => {
    const paths = collectProvenance(parse(minimalText)).map((p) => p.entry.path);
    expect(paths).toContain('workload.demand_app_s');
    expect(paths).toContain('phases[0].concurrent_users.min');
    expect(paths).toContain('phases[0].components[0].availability');
    expect(paths).toContain('alerts[0].threshold');
  });
});
