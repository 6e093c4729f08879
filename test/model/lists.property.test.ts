/**
 * src/model/lists.ts builds the sizing's lists with one array literal each (so V8 keeps one element kind for them);
 * they must be `Array.prototype.map` and `filter` exactly, callbacks' indexes included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterList, mapList, mapNumbers } from '../../src/model/lists.js';

describe('mapNumbers, mapList and filterList', () => {
  it('give what map and filter give, in order, with the same indexes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true }))), (items) => {
        expect(mapNumbers(items, (x, i) => x * 2 + i)).toEqual(items.map((x, i) => x * 2 + i));
        expect(mapList(items, (x, i) => ({ x, i }))).toEqual(items.map((x, i) => ({ x, i })));
        expect(filterList(items, (x) => x > 0)).toEqual(items.filter((x) => x > 0));
      }),
    );
  });
});
