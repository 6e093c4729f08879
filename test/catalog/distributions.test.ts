import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCatalogText } from '../../src/catalog/validate.js';

const bundled = readFileSync(new URL('../../data/phases.yaml', import.meta.url), 'utf8');

/** The bundled catalog with cache_hit_ratio's distribution line replaced. */
function withCacheDistribution(line: string) {
  const text = bundled.replace(/(  cache_hit_ratio:\n(?:    .*\n)*?)    distribution: .*\n/, `$1    ${line}\n`);
  expect(text).not.toBe(bundled);
  return validateCatalogText(text, 'phases.yaml');
}

const lineOf = (needle: string, text: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('distributions in the catalog', () => {
  it('the bundled catalog carries distributions and passes without a warning about them', () => {
    const result = validateCatalogText(bundled, 'phases.yaml');
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.path.includes('distribution'))).toEqual([]);
    expect(result.catalog!.workload.assumptions.cache_hit_ratio!.distribution).toEqual({ kind: 'triangular' });
  });

  it('accepts the shorthand `distribution: range`', () => {
    const result = withCacheDistribution('distribution: range');
    expect(result.errors).toEqual([]);
    expect(result.catalog!.workload.assumptions.cache_hit_ratio!.distribution).toEqual({ kind: 'range' });
  });

  it('refuses draws outside what the quantity may be, at the distribution\'s line', () => {
    const result = withCacheDistribution('distribution: { kind: uniform, min: 0.5, max: 1.2 }');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: 'workload.cache_hit_ratio.distribution' });
    expect(result.errors[0]!.message).toMatch(/from 0.5 to 1.2.*fraction from 0 to 1/);
    expect(result.errors[0]!.line).toBe(lineOf('min: 0.5, max: 1.2', bundled.replace(/(  cache_hit_ratio:\n(?:    .*\n)*?)    distribution: .*\n/, '$1    distribution: { kind: uniform, min: 0.5, max: 1.2 }\n')));
  });

  it('refuses a lognormal on a fraction (unbounded above) and reversed bounds', () => {
    expect(withCacheDistribution('distribution: { kind: lognormal, p90: 0.9 }').errors[0]!.message).toMatch(/lognormal is unbounded above/);
    expect(withCacheDistribution('distribution: { kind: uniform, min: 0.9, max: 0.6 }').errors[0]!.message).toMatch(/min 0.9 is greater than max 0.6/);
    expect(withCacheDistribution('distribution: { kind: triangular, mode: 0.99 }').errors[0]!.message).toMatch(/mode 0.99 lies outside \[0.5, 0.95\]/);
    expect(withCacheDistribution('distribution: { kind: poisson }').errors.length).toBeGreaterThan(0);
  });

  it('warns when value is not the mode the runs without --samples use, or lies outside the draws', () => {
    const mode = withCacheDistribution('distribution: { kind: triangular, mode: 0.7 }');
    expect(mode.errors).toEqual([]);
    expect(mode.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/mode 0.7 differs from value 0.8/));
    const outside = withCacheDistribution('distribution: { kind: uniform, min: 0.85, max: 0.95 }');
    expect(outside.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/value 0.8 lies outside what its distribution draws/));
  });

  it('a range distribution needs a range', () => {
    const text = bundled.replace('    range: [0.5, 0.95]\n    distribution: { kind: triangular }', '    distribution: range');
    expect(text).not.toBe(bundled);
    const result = validateCatalogText(text, 'phases.yaml');
    expect(result.errors[0]!.message).toMatch(/needs the quantity's range/);
  });
});
