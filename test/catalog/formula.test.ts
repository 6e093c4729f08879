import { describe, expect, it } from 'vitest';
import type { Formula } from '../../src/model/catalog-types.js';
import { compileFormula, FormulaValueError, lazyFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, unknownVariable } from '../../src/catalog/formula.js';

const known = new Set(['users', 'concurrent_users', 'instance_hours', 'x', 'y']);

function compile(text: string): Formula {
  const result = compileFormula(text, known);
  if (!result.ok) throw new Error(`expected "${text}" to compile: ${result.message}`);
  return result.formula;
}

function rejection(text: string): string {
  const result = compileFormula(text, known);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  return result.message;
}

describe('compileFormula: what it accepts', () => {
  // Expected values are plain arithmetic, worked by hand.
  it.each([
    ['ceil(concurrent_users / 250)', { concurrent_users: 1001 }, 5],
    ['users * 0.05', { users: 10000 }, 500],
    ['2 ^ 3 ^ 2', {}, 512], // right-associative, as in mathematics: 2^(3^2)
    ['-x + +y', { x: 2, y: 5 }, 3],
    ['(x + y) * 2', { x: 1, y: 2 }, 6],
    ['min(x, y, 3)', { x: 4, y: 7 }, 3],
    ['max(x)', { x: 4 }, 4],
    ['floor(x / 3)', { x: 10 }, 3],
    ['round(x)', { x: 2.5 }, 3],
    ['round(x)', { x: -2.5 }, -3], // half away from zero, as mathjs
    ['round(x, 2)', { x: 1.005 * 1000 }, 1005],
    ['sqrt(x)', { x: 16 }, 4],
    ['log(x)', { x: Math.E }, 1],
    ['log(x, 10)', { x: 1000 }, 3],
    ['exp(0)', {}, 1],
    ['abs(x)', { x: -3 }, 3],
    ['1e3 + 0x10', {}, 1016],
    ['50%', {}, 0.5],
  ])('%s with %j = %d', (text, scope, expected) => {
    expect(compile(text).evaluate(scope)).toBeCloseTo(expected, 10);
  });

  it('lists the variables it reads, once each', () => {
    expect(compile('users * x + x / users').variables).toEqual(['users', 'x']);
    expect(compile('3 * 4').variables).toEqual([]);
  });

  it('keeps the text and compiles once: evaluating never re-parses', () => {
    const formula = compile('instance_hours / 3');
    expect(formula.text).toBe('instance_hours / 3');
    for (let i = 0; i < 1000; i++) expect(formula.evaluate({ instance_hours: 3 * i })).toBe(i);
  });

  it('throws RangeError (exit 2 at the CLI) when a value is not finite', () => {
    expect(() => compile('x / y').evaluate({ x: 1, y: 0 })).toThrow(RangeError);
    expect(() => compile('sqrt(x)').evaluate({ x: -1 })).toThrow(/evaluates to NaN/);
    expect(() => compile('round(x, y)').evaluate({ x: 1, y: 0.5 })).toThrow(RangeError);
  });

  it('says which formula is not finite, and its value, so the validator can point at its line', () => {
    const formula = compile('x / y');
    let error: unknown;
    try {
      formula.evaluate({ x: 1, y: 0 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormulaValueError);
    expect(error).toMatchObject({ formula, value: Infinity });
  });

  it('without a set of known names accepts any and lists them: the schema compiles before it knows the phase', () => {
    const result = compileFormula('anything * users');
    expect(result.ok && result.formula.variables).toEqual(['anything', 'users']);
    expect(compileFormula('ceil * 2').ok).toBe(false); // a function name is never a variable
    expect(unknownVariable('instance_hourz', known)).toBe('unknown variable "instance_hourz" — did you mean "instance_hours"?');
    expect(unknownVariable('users', known)).toBeUndefined();
  });

  it('compiles a checked formula on first use', () => {
    const formula = lazyFormula('users * 2');
    expect(formula.text).toBe('users * 2');
    expect(formula.evaluate({ users: 21 })).toBe(42);
    expect(formula.variables).toEqual(['users']);
  });

  it('throws a plain Error (a bug in the engine) when a checked variable is not bound', () => {
    const formula = compile('users + 1');
    expect(() => formula.evaluate({})).toThrow(/has no value/);
    expect(() => formula.evaluate({})).not.toThrow(RangeError);
    // Object.prototype's members are not numbers, so they never pass for a variable (x is a known name here).
    expect(() => compile('x + 1').evaluate({ x: Object.prototype.toString } as unknown as Record<string, number>)).toThrow(/has no value/);
    expect(() => compile('x').evaluate(Object.create(Object.prototype) as Record<string, number>)).toThrow(/has no value/);
    // A component's scope inherits the plan's workload variables (componentScope): inherited numbers resolve.
    expect(compile('users * x').evaluate(Object.assign(Object.create({ users: 3 }) as Record<string, number>, { x: 2 }))).toBe(6);
  });
});

describe('compileFormula: what it rejects, and says why', () => {
  it.each([
    ['import("fs", {})', /function "import" is not allowed/],
    ['evaluate("1 + 1")', /function "evaluate" is not allowed/],
    ['createUnit("lol")', /function "createUnit" is not allowed/],
    ['parse("1")', /function "parse" is not allowed/],
    ['compile("1")', /function "compile" is not allowed/],
    ['sin(x)', /function "sin" is not allowed/],
    ['x = 1', /assignment/],
    ['f(x) = x', /defining a function/],
    ['users.constructor', /property or index access/],
    ['x[1]', /property or index access|indexing/],
    ['{a: 1}', /object literal/],
    ['[1, 2]', /matrix or array/],
    ['x; y', /more than one expression/],
    ['x\ny', /more than one expression/],
    ['x ? 1 : 2', /conditional/],
    ['1:3', /range/],
    ['x % y', /operator "%" is not allowed/],
    ['x mod y', /operator "mod" is not allowed/],
    ['x == y', /operator "==" is not allowed/],
    ['x!', /operator "!" is not allowed/],
    ['x and y', /operator "and" is not allowed/],
    ['x .* y', /operator "\.\*" is not allowed/],
    ['x to cm', /operator "to" is not allowed/],
    ['2 x', /multiplication explicitly/],
    ['(ceil)(x)', /multiplication explicitly|named functions/],
    ['"text"', /only finite numbers/],
    ['true', /only finite numbers/],
    ['1e400', /only finite numbers/],
    ['pi * x', /unknown variable "pi"/],
    ['userz * 2', /did you mean "users"/],
    ['ceil', /is a function: call it/],
    ['ceil(1, 2)', /ceil\(\) takes 1 argument; got 2/],
    ['min()', /min\(\) takes at least 1 arguments; got 0/],
    ['x +', /does not parse/],
    ['', /empty/],
    ['   ', /empty/],
  ])('%j', (text, message) => {
    expect(rejection(text)).toMatch(message);
  });

  it('bounds length and nesting before parsing', () => {
    expect(rejection('x + '.repeat(MAX_FORMULA_LENGTH))).toMatch(/characters long/);
    expect(rejection(`${'('.repeat(MAX_FORMULA_DEPTH + 1)}x${')'.repeat(MAX_FORMULA_DEPTH + 1)}`)).toMatch(/nests brackets/);
    expect(compileFormula(`${'('.repeat(MAX_FORMULA_DEPTH)}x${')'.repeat(MAX_FORMULA_DEPTH)}`, known).ok).toBe(true);
  });
});
