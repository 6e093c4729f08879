import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTable, terminalTable, wrap, type TableSpec } from '../../src/render/table.js';

const plain = (columns?: number) => ({ color: false, columns });
const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

const spec: TableSpec = {
  head: ['tier', 'serves', 'instances peak', 'CPU peak', 'sized by'],
  align: ['left', 'left', 'right', 'right', 'left'],
  flexible: [true, false, false, false, true],
  dropOrder: [1],
  rows: [
    ['db.readers', 'app+db', '12', '34.7%', 'requests-per-target'],
    ['api (exhausted)', 'app', '600', 'exhausted', 'maximum'],
  ],
};

describe('wrap', () => {
  it('breaks between words, and inside a long word only after its hyphens', () => {
    expect(wrap('requests-per-target', 11)).toEqual(['requests-', 'per-target']);
    expect(wrap('one two three', 7)).toEqual(['one two', 'three']);
    // A minus sign is not a hyphen to break after.
    expect(wrap('-$22.50 x', 7)).toEqual(['-$22.50', 'x']);
  });
});

describe('fitTable', () => {
  it('draws the plain table when there is no terminal width', () => {
    expect(fitTable(spec, plain()).text).toBe(terminalTable(spec.head, spec.rows, plain(), spec.align));
    expect(fitTable(spec, plain()).dropped).toEqual([]);
  });

  it('keeps a table that fits as it is', () => {
    const natural = terminalTable(spec.head, spec.rows, plain(), spec.align);
    expect(fitTable(spec, plain(widest(natural))).text).toBe(natural);
  });

  it('wraps headers and flexible cells before it leaves a column out, figures stay whole', () => {
    // Natural width: 15 + 6 + 14 + 9 + 19 + 3 × 5 + 1 = 79; at 60 the headers and the flexible cells wrap.
    const { text, dropped } = fitTable(spec, plain(60));
    expect(dropped).toEqual([]);
    expect(widest(text)).toBeLessThanOrEqual(60);
    expect(text).toMatch(/│ +600 │/);
    expect(text).toMatch(/requests-/);
  });

  it('leaves out the columns in dropOrder, and says which, when wrapping is not enough', () => {
    const { text, dropped } = fitTable(spec, plain(50));
    expect(dropped).toEqual(['serves']);
    expect(widest(text)).toBeLessThanOrEqual(50);
    expect(text).not.toMatch(/app\+db/);
  });

  it('never draws a line wider than the terminal (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', '-', ' ', '1', '.'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), fc.integer({ min: 20, max: 120 }), (rows, columns) => {
        const table: TableSpec = { head: ['a', 'bb', 'ccc'], align: ['left', 'right', 'left'], flexible: [true, false, true], dropOrder: [1], rows };
        expect(widest(fitTable(table, plain(columns)).text)).toBeLessThanOrEqual(columns);
      }),
      { numRuns: 300 },
    );
  });
});
