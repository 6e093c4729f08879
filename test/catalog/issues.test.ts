/** zod issues → catalog problems (src/catalog/issues.ts), on small schemas: each kind of issue and its message. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { reportZodIssues } from '../../src/catalog/issues.js';
import { ProblemList } from '../../src/catalog/problems.js';

/** The problems `schema` gives `data`, as [path, message]. */
function problemsOf(schema: z.ZodType, data: unknown, prefix: ReadonlyArray<string | number> = [], root: unknown = data): Array<[string, string]> {
  const parsed = schema.safeParse(data);
  expect(parsed.success).toBe(false);
  const problems = new ProblemList('plan.yaml');
  reportZodIssues(parsed.error!.issues, root, schema, problems, prefix);
  expect(problems.items.every((p) => p.severity === 'error')).toBe(true);
  return problems.items.map((p) => [p.path, p.message]);
}

describe('types', () => {
  const schema = z.object({ a: z.number() });

  it('names a missing key and what to add', () => {
    expect(problemsOf(schema, {})).toEqual([['a', 'missing required key "a": add it (a number)']]);
    expect(problemsOf(z.object({ n: z.int() }), {})).toEqual([['n', 'missing required key "n": add it (a number)']]);
    expect(problemsOf(z.object({ on: z.boolean() }), {})).toEqual([['on', 'missing required key "on": add it (true or false)']]);
  });

  it.each([
    ['x', 'the text "x"'],
    ['a'.repeat(41), `the text "${'a'.repeat(40)}…"`],
    [[1], 'a list'],
    [{ b: 1 }, 'a mapping'],
    [null, 'null'],
    [true, 'boolean true'],
  ])('says what it got instead of a number: %j', (value, got) => {
    expect(problemsOf(schema, { a: value })).toEqual([['a', `expected a number; got ${got}`]]);
  });

  it('names the other types in words', () => {
    expect(problemsOf(z.object({ s: z.string(), l: z.array(z.number()), m: z.object({}) }), { s: 1, l: 1, m: 1 })).toEqual([
      ['s', 'expected text; got 1'],
      ['l', 'expected a list; got 1'],
      ['m', 'expected a mapping (key: value); got 1'],
    ]);
  });

  it('puts the problems of a part under its path in the whole document', () => {
    const root = { phases: [{}, {}, { a: 'x' }] };
    expect(problemsOf(schema, root.phases[2], ['phases', 2], root)).toEqual([['phases[2].a', 'expected a number; got the text "x"']]);
  });
});

describe('values', () => {
  const schema = z.object({ kind: z.enum(['compute', 'database', 'cache']) });

  it('lists the allowed values, with the closest when it is a misspelling', () => {
    expect(problemsOf(schema, { kind: 'databse' })).toEqual([['kind', 'must be one of compute, database, cache; got the text "databse" — did you mean "database"?']]);
    expect(problemsOf(schema, { kind: 'queue-of-jobs' })).toEqual([['kind', 'must be one of compute, database, cache; got the text "queue-of-jobs"']]);
    expect(problemsOf(schema, { kind: 3 })).toEqual([['kind', 'must be one of compute, database, cache; got 3']]);
  });

  it('names a missing key with the values it may take', () => {
    expect(problemsOf(schema, {})).toEqual([['kind', 'missing required key "kind": add it (one of compute, database, cache)']]);
  });

  it('a single allowed value: "must be", or the schema’s own message', () => {
    expect(problemsOf(z.object({ version: z.literal(1) }), { version: 2 })).toEqual([['version', 'must be 1; got 2']]);
    expect(problemsOf(z.object({ version: z.literal(1, { error: 'only version 1 exists' }) }), { version: 2 })).toEqual([['version', 'only version 1 exists; got 2']]);
  });
});

describe('unions', () => {
  const quantity = z.union([z.number(), z.object({ value: z.number(), source: z.string() })]);

  it('reports inside the branch the author wrote', () => {
    expect(problemsOf(z.object({ q: quantity }), { q: { value: 'x', source: 'seed' } })).toEqual([['q.value', 'expected a number; got the text "x"']]);
  });

  it('lists every branch when the value fits none of their types', () => {
    expect(problemsOf(z.object({ q: quantity }), { q: 'x' })).toEqual([['q', 'expected a number or a mapping (key: value); got the text "x"']]);
    expect(problemsOf(z.object({ u: z.union([z.literal('a'), z.literal('b')]) }), { u: 'c' })).toEqual([['u', 'expected "a" or "b"; got the text "c"']]);
  });
});

describe('limits', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['must be at least 0; got -1', z.number().min(0), -1],
    ['must be greater than 0; got 0', z.number().gt(0), 0],
    ['must be at most 10; got 11', z.number().max(10), 11],
    ['must be less than 10; got 10', z.number().lt(10), 10],
    ['must be at least 2 items; got a list', z.array(z.number()).min(2), [1]],
    ['must be at most 1 items; got a list', z.array(z.number()).max(1), [1, 2]],
    ['a count cannot be negative; got -1', z.number().min(0, { error: 'a count cannot be negative' }), -1],
  ])('%s', (message, field, value) => {
    expect(problemsOf(z.object({ x: field }), { x: value })).toEqual([['x', message]]);
  });

  it('passes the schema’s own message through for custom checks and formats', () => {
    expect(problemsOf(z.object({ x: z.number().refine(() => false, 'no number fits here') }), { x: 1 })).toEqual([['x', 'no number fits here']]);
    expect(problemsOf(z.object({ x: z.string().regex(/^=/, 'a formula starts with "="') }), { x: 'a' })).toEqual([['x', 'a formula starts with "="; got the text "a"']]);
  });
});

describe('unknown keys', () => {
  const schema = z.object({
    items: z.array(z.strictObject({ id: z.string(), size: z.number() })).optional(),
    byName: z.record(z.string(), z.strictObject({ weight: z.number() })).default({}),
    either: z.union([z.strictObject({ alpha: z.number() }), z.strictObject({ beta: z.number() })]).optional(),
    piped: z
      .strictObject({ kilobytes: z.number() })
      .transform((x) => x.kilobytes * 1000)
      .nullable()
      .optional(),
  });

  it('suggests the closest key, or lists the keys allowed where the key stands', () => {
    expect(problemsOf(schema, { items: [{ id: 'a', size: 1, sise: 2 }] })).toEqual([['items[0].sise', 'unknown key "sise": fix its spelling or remove it — did you mean "size"?']]);
    expect(problemsOf(schema, { items: [{ id: 'a', size: 1, colour: 'red' }] })).toEqual([['items[0].colour', 'unknown key "colour": fix its spelling or remove it (allowed here: id, size)']]);
  });

  it('finds the allowed keys through records, unions, transforms and optional values', () => {
    expect(problemsOf(schema, { byName: { web: { weight: 1, colour: 1 } } })).toEqual([['byName.web.colour', 'unknown key "colour": fix its spelling or remove it (allowed here: weight)']]);
    expect(problemsOf(schema, { either: { alpha: 1, colour: 1 } })).toEqual([['either.colour', 'unknown key "colour": fix its spelling or remove it (allowed here: alpha, beta)']]);
    expect(problemsOf(schema, { piped: { kilobytes: 1, colour: 1 } })).toEqual([['piped.colour', 'unknown key "colour": fix its spelling or remove it (allowed here: kilobytes)']]);
  });
});
