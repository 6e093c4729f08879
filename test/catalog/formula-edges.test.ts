import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaValueError, lazyFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, rememberFormulaTrees, type FormulaTree } from '../../src/catalog/formula.js';

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

// Remembered trees come from a trusted earlier run (the build's check, a verified cache), but they are data: each is
// checked as the parser's own tree would be. The texts below are names no other test compiles, so remembering them
// changes nothing elsewhere.
describe('remembered trees are checked like parsed ones', () => {
  const constant = (value: unknown) => ({ type: 'ConstantNode', value });
  const symbol = (name?: string) => ({ type: 'SymbolNode', ...(name === undefined ? {} : { name }) });
  const operator = (op: string, fn: string, args: unknown[]) => ({ type: 'OperatorNode', op, fn, implicit: false, args });
  const call = (fn: unknown, args: unknown[]) => ({ type: 'FunctionNode', fn, args });
  const remembered = (text: string, tree: unknown, names: ReadonlySet<string> = known) => {
    rememberFormulaTrees({ [text]: tree as FormulaTree });
    return compileFormula(text, names);
  };
  const refused = (text: string, tree: unknown) => {
    const result = remembered(text, tree);
    if (result.ok) throw new Error(`expected the tree of "${text}" to be refused`);
    return result.message;
  };

  it('stands in for the parser: the text is never parsed', () => {
    const result = remembered('remembered forty-two', constant(42));
    expect(result.ok && result.formula.evaluate({})).toBe(42);
  });

  it.each([
    ['an operator mathjs has but formulas do not', operator('mod', 'mod', [constant(7), constant(2)]), 'the operator "mod" is not allowed; use + - * / ^'],
    ['a symbol that is not its function\'s', operator('-', 'add', [constant(1), constant(2)]), 'the operator "-" is not allowed; use + - * / ^'],
    ['an operator with no operand', operator('+', 'add', []), 'the operator "+" has no operand'],
    ['a binary operator with one operand', operator('*', 'multiply', [constant(2)]), 'the operator "*" needs two operands'],
    ['a binary operator with three operands', operator('/', 'divide', [constant(1), constant(2), constant(3)]), 'the operator "/" needs two operands'],
    ['a call of something that is not a name', call({ type: 'ConstantNode', value: 1 }, [constant(1)]), 'only the named functions min, max, ceil, floor, round, sqrt, log, exp, abs may be called'],
    ['a call with no callee', { type: 'FunctionNode', args: [constant(1)] }, 'only the named functions min, max, ceil, floor, round, sqrt, log, exp, abs may be called'],
    ['a constant that is text', constant('5'), 'only finite numbers may appear as constants; found "5"'],
    ['a constant with no value', { type: 'ConstantNode' }, 'only finite numbers may appear as constants; found undefined'],
    ['a symbol with no name', symbol(), 'unknown variable "" \u2014 did you mean "x" or "y"?'],
    ['indexing', { type: 'IndexNode' }, 'indexing is not allowed in a formula; use numbers, variables, + - * / ^, parentheses and min, max, ceil, floor, round, sqrt, log, exp, abs()'],
    ['a node type mathjs may add later', { type: 'WeirdNode' }, 'a WeirdNode is not allowed in a formula; use numbers, variables, + - * / ^, parentheses and min, max, ceil, floor, round, sqrt, log, exp, abs()'],
  ])('refuses %s', (what, tree, expected) => {
    expect(refused(`remembered ${what}`, tree)).toBe(expected);
  });

  it.each([
    ['ceil', 0, 'ceil() takes 1 argument; got 0'],
    ['ceil', 2, 'ceil() takes 1 argument; got 2'],
    ['round', 3, 'round() takes 1 or 2 arguments; got 3'],
    ['max', 0, 'max() takes at least 1 arguments; got 0'],
  ])('%s() with %i arguments', (name, count, expected) => {
    expect(refused(`remembered ${name} of ${count}`, call(symbol(name), Array.from({ length: count }, () => constant(1))))).toBe(expected);
  });

  it('a unary minus and plus need only one operand', () => {
    const minus = remembered('remembered minus', operator('-', 'unaryMinus', [constant(3)]));
    const plus = remembered('remembered plus', operator('+', 'unaryPlus', [constant(3)]));
    expect([minus.ok && minus.formula.evaluate({}), plus.ok && plus.formula.evaluate({})]).toEqual([-3, 3]);
  });
});

describe('lazyFormula', () => {
  it('compiles on first use, once: a tree remembered later does not change it', () => {
    rememberFormulaTrees({ 'lazy once': { type: 'ConstantNode', value: 1 } as FormulaTree });
    const formula = lazyFormula('lazy once');
    expect(formula.evaluate({})).toBe(1);
    rememberFormulaTrees({ 'lazy once': { type: 'ConstantNode', value: 2 } as FormulaTree });
    expect(formula.evaluate({})).toBe(1);
    expect(formula.variables).toEqual([]);
  });

  it('a checked formula that no longer compiles is a bug, said with the formula and the reason', () => {
    rememberFormulaTrees({ 'lazy broken': { type: 'WeirdNode' } as FormulaTree });
    expect(() => lazyFormula('lazy broken').evaluate({})).toThrow(/^checked catalog formula "=lazy broken" no longer compiles: a WeirdNode is not allowed in a formula/);
  });
});

describe('FormulaValueError', () => {
  it('is named for what it is, and carries the formula and the value', () => {
    const result = compileFormula('1 / x', known);
    if (!result.ok) throw new Error(result.message);
    let thrown: unknown;
    try {
      result.formula.evaluate({ x: 0 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FormulaValueError);
    expect(thrown).toMatchObject({ name: 'FormulaValueError', value: Infinity, formula: { text: '1 / x' } });
  });
});
