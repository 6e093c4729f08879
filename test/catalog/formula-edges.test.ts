import { describe, expect, it } from 'vitest';
import { compileFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from '../../src/catalog/formula.js';

// The formula checks on both sides of their limits (formula.test.ts covers what is accepted and refused in
// general). Distances are counted by hand; arithmetic is by hand.
const known = new Set(['users', 'concurrent_users', 'instance_hours', 'x', 'y']);

function message(text: string, names: ReadonlySet<string> = known): string {
  const result = compileFormula(text, names);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  return result.message;
}

describe('formula length and nesting limits', () => {
  it(`accepts exactly ${MAX_FORMULA_LENGTH} characters and refuses one more`, () => {
    const exactly = `x${' + x'.repeat(124)}`.padEnd(MAX_FORMULA_LENGTH, ' '); // 1 + 4·124 = 497 characters, padded
    expect(exactly.length).toBe(MAX_FORMULA_LENGTH);
    expect(compileFormula(exactly, known).ok).toBe(true);
    expect(message(`${exactly} `)).toBe(`the formula is ${MAX_FORMULA_LENGTH + 1} characters long; at most ${MAX_FORMULA_LENGTH} are allowed`);
  });

  it.each([
    ['[', ']'],
    ['{', '}'],
  ])('counts %s%s as nesting too', (open, close) => {
    const deep = `${open.repeat(MAX_FORMULA_DEPTH + 1)}1${close.repeat(MAX_FORMULA_DEPTH + 1)}`;
    expect(message(deep)).toBe(`the formula nests brackets more than ${MAX_FORMULA_DEPTH} deep; simplify it`);
  });

  it('closing brackets end their depth: 34 groups in a row are not deep', () => {
    const groups = (group: string) => Array.from({ length: MAX_FORMULA_DEPTH + 2 }, () => group).join(' + ');
    expect(compileFormula(groups('(x)'), known).ok).toBe(true);
    expect(message(groups('[1]'))).toMatch(/a matrix or array/); // refused for what it is, not for depth
    expect(message(groups('{a: 1}'))).toMatch(/an object literal/);
  });
});

describe('did-you-mean suggestions (didYouMean, src/pricing/levenshtein.ts): edit distance up to max(2, ⌊length/3⌋)', () => {
  it('suggests a name 2 edits away from a short name', () => {
    expect(message('uzerz * 2')).toBe('unknown variable "uzerz" — did you mean "users"?'); // uzerz → users: 2 substitutions
  });

  it('suggests nothing 3 edits away from a short name, and lists what a formula may read', () => {
    expect(message('uzzrz * 2')).toBe(
      'unknown variable "uzzrz"; a formula may read: users, concurrent_users, instance_hours, x, y — or define "uzzrz" under workload:',
    );
  });

  it('allows ⌊length/3⌋ edits for long names: 5 for a 16-letter name, not 6', () => {
    expect(message('cXncXrrXnt_XsXrs')).toMatch(/did you mean "concurrent_users"\?/); // 5 substitutions
    expect(message('cXncXrrXnt_XsXXs')).toMatch(/a formula may read/); // 6 substitutions
  });

  it('lists the nearest names first, equally near ones in alphabetical order', () => {
    // "z" is 1 edit from both "x" and "y"; "userx" is 1 edit from "user" and "users", 4 from "x" (over the limit of 2)
    expect(message('z')).toBe('unknown variable "z" — did you mean "x" or "y"?');
    expect(message('userx', new Set(['x', 'users', 'user']))).toBe('unknown variable "userx" — did you mean "user" or "users"?');
  });
});

describe('round(x, n) decimals: whole numbers 0 to 15', () => {
  // Compiled in each test, not when the file is collected, so that npm run mutate counts these tests against the compiler.
  const round = () => {
    const compiled = compileFormula('round(x, y)', known);
    if (!compiled.ok) throw new Error(compiled.message);
    return compiled.formula;
  };
  it.each([
    [0, 3],
    [15, 2.675],
  ])('accepts n = %d', (n, expected) => {
    expect(round().evaluate({ x: 2.675, y: n })).toBeCloseTo(expected, 15);
  });

  it.each([16, -1, 1.5])('refuses n = %d', (n) => {
    expect(() => round().evaluate({ x: 2.675, y: n })).toThrow(`round(x, n) needs a whole number of decimals n from 0 to 15; got ${n}`);
  });
});

describe('function calls', () => {
  it.each([
    ['max(x, y, 3)', 7],
    ['floor((x + 4) / 3)', 2],
    ['ceil((x + 4) / 3)', 3],
    ['min(x, y)', 4],
  ])('%s with x = 4, y = 7 → %d (by hand)', (text, expected) => {
    const result = compileFormula(text, known);
    if (!result.ok) throw new Error(result.message);
    expect(result.formula.evaluate({ x: 4, y: 7 })).toBe(expected);
  });

  it.each([
    ['round(1, 2, 3)', 'round() takes 1 or 2 arguments; got 3'],
    ['log()', 'log() takes 1 or 2 arguments; got 0'],
    ['sqrt(1, 2)', 'sqrt() takes 1 argument; got 2'],
    ['max()', 'max() takes at least 1 arguments; got 0'],
  ])('%s: %s', (text, expected) => {
    expect(message(text)).toBe(expected);
  });
});
