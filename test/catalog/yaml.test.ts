import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/catalog/problems.js';
import { parseCatalogYaml } from '../../src/catalog/yaml.js';

/** Parses `text` and returns the result with the problems it reported. */
function parse(text: string) {
  const problems = new ProblemList('plan.yaml');
  const result = parseCatalogYaml(text, problems);
  return { result, problems: problems.items.map(({ severity, line, column, message }) => ({ severity, line, column, message })) };
}

describe('stage 2: YAML to data', () => {
  it('returns the data of a well-formed file, with no problems', () => {
    const { result, problems } = parse('a: 1\nb: [x, y]\n');
    expect(result.ok).toBe(true);
    expect(result.ok && result.data).toEqual({ a: 1, b: ['x', 'y'] });
    expect(problems).toEqual([]);
  });

  it('reports a syntax error at its line and column, without the parser’s own "at line" suffix or code frame', () => {
    const { result, problems } = parse('a: 1\nb: [1, 2\n');
    expect(result.ok).toBe(false);
    expect(result.doc).toBeDefined();
    expect(result.lineCounter).toBeDefined();
    expect(problems).toEqual([
      { severity: 'error', line: 3, column: 1, message: 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]' },
    ]);
  });

  it('refuses a duplicate key where the second one is', () => {
    const { result, problems } = parse('a: 1\na: 2\n');
    expect(result.ok).toBe(false);
    expect(problems).toEqual([{ severity: 'error', line: 2, column: 1, message: 'YAML syntax error: Map keys must be unique' }]);
  });

  it('keeps a warning (an unknown tag) as a warning, at its position, and still returns the data', () => {
    const { result, problems } = parse('a: 1\nb: !money 5\n');
    expect(result.ok).toBe(true);
    expect(problems).toEqual([{ severity: 'warning', line: 2, column: 4, message: 'YAML: Unresolved tag: !money' }]);
  });

  it('stops an alias bomb at the first alias', () => {
    const bomb = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', ''].join('\n');
    const { result, problems } = parse(bomb);
    expect(result.ok).toBe(false);
    expect(result.doc).toBeDefined();
    expect(problems).toEqual([
      {
        severity: 'error',
        line: 2,
        column: 8,
        message: 'the YAML expands aliases more than 100 times (a "billion laughs" alias bomb?); write the values out instead of nesting *aliases',
      },
    ]);
  });

  it('names an alias with no anchor as that, at that alias, not as an alias bomb', () => {
    const { result, problems } = parse('a: &base [1]\nb: *base\nc: *other\n');
    expect(result.ok).toBe(false);
    expect(problems).toEqual([{ severity: 'error', line: 3, column: 4, message: 'the alias *other names no anchor set before it; define &other first or fix the name' }]);
  });
});
