/**
 * Where a problem's path points in the YAML (src/catalog/problems.ts, Locator): lines and columns counted by hand on
 * the document below (1-based, as an editor shows them).
 */
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { Locator, ProblemList } from '../../src/catalog/problems.js';

const TEXT = [
  'name: demo', //                 line 1
  'phases:', //                    line 2
  '  - id: small', //              line 3: the item's map starts at column 5
  '    users: [0, 500]', //        line 4: the sequence at column 12, 500 at column 16
  '    empty:', //                 line 5: a key with an empty value (a null scalar after the colon, column 11)
  '  - id: large', //              line 6
  '200: two hundred', //           line 7: a number as a key
  'list:', //                      line 8
  '  - plain', //                  line 9: a scalar item at column 5
  '? lonely', //                   line 10: an explicit key with no value at all
].join('\n');

function locator(): Locator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(TEXT, { lineCounter });
  return new Locator(doc, lineCounter);
}

describe('Locator', () => {
  it.each([
    [['name'], 1, 7],
    [['phases', 0, 'id'], 3, 9],
    [['phases', 0, 'users'], 4, 12],
    [['phases', 0, 'users', 1], 4, 16],
    [['phases', 1], 6, 5],
    [['list', 0], 9, 5],
  ] as const)('%j is at line %i, column %i', (path, line, column) => {
    expect(locator().locate(path)).toEqual({ line, column });
  });

  it('a key written as a number is found by its text', () => {
    expect(locator().locate(['200'])).toEqual({ line: 7, column: 6 });
  });

  it('an empty value is where the value would be; a key with no value at all is the key', () => {
    expect(locator().locate(['phases', 0, 'empty'])).toEqual({ line: 5, column: 11 });
    expect(locator().locate(['lonely'])).toEqual({ line: 10, column: 3 });
  });

  it('a path that does not exist points at its deepest existing ancestor', () => {
    expect(locator().locate(['phases', 0, 'missing'])).toEqual({ line: 3, column: 5 });
    expect(locator().locate(['phases', 7])).toEqual({ line: 3, column: 3 });
    // Past a scalar: the scalar itself.
    expect(locator().locate(['name', 'deeper'])).toEqual({ line: 1, column: 7 });
  });

  it('onKey points at the last key, not its value', () => {
    expect(locator().locate(['phases', 0, 'users'], true)).toEqual({ line: 4, column: 5 });
    // Only the last segment: an earlier key on the way is passed through.
    expect(locator().locate(['phases', 0, 'id'], true)).toEqual({ line: 3, column: 5 });
  });

  it('without a document, or for the empty path of an empty document, there is no position', () => {
    expect(new Locator(undefined, undefined).locate(['name'])).toEqual({});
    const lineCounter = new LineCounter();
    expect(new Locator(parseDocument('', { lineCounter }), lineCounter).locate([])).toEqual({});
  });
});

describe('ProblemList', () => {
  it('locates each problem by its path and formats the path', () => {
    const lineCounter = new LineCounter();
    const list = new ProblemList('plan.yaml', new Locator(parseDocument(TEXT, { lineCounter }), lineCounter));
    list.error(['phases', 0, 'users', 1], 'too many users');
    list.add('warning', ['phases', 0, 'users'], 'unknown key', { onKey: true });
    expect(list.items).toEqual([
      { severity: 'error', file: 'plan.yaml', line: 4, column: 16, path: 'phases[0].users[1]', message: 'too many users' },
      { severity: 'warning', file: 'plan.yaml', line: 4, column: 5, path: 'phases[0].users', message: 'unknown key' },
    ]);
  });
});
