import { describe, expect, it } from 'vitest';
import { priceBookFromQuotes } from '../../src/pricing/index.js';

describe('priceBookFromQuotes', () => {
  // Documented default (src/pricing/price-book.ts): a book prices itemised lines unless told otherwise.
  it('prices itemised lines by default', () => {
    expect(priceBookFromQuotes('live', 'a live book', []).basis).toBe('itemised');
  });

  it('names itself in the unknown-key error', () => {
    const book = priceBookFromQuotes('live', 'a live book', [{ key: 'ec2:t3.micro', usdPerUnit: 0.0104, unit: 'hour', verified: false, source: 'x' }]);
    expect(() => book.price('ec2:t3.nano')).toThrow(expect.objectContaining({ bookName: 'live', suggestions: ['ec2:t3.micro'] }));
  });
});
