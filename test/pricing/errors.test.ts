import { describe, expect, it } from 'vitest';
import { InvalidPriceSnapshotError, UnknownPriceKeyError, priceBookFromQuotes } from '../../src/pricing/index.js';

// Contract (src/pricing/errors.ts): an unknown key's message names the key, the book and the closest known keys
// joined as a list, or says the book has none; a snapshot error's message is `origin: problem` and `details`
// holds one problem per line, none unless given. Each error class carries its own name (shown by Node in traces).
describe('UnknownPriceKeyError', () => {
  it('is named after its class', () => {
    expect(new UnknownPriceKeyError('a:b', 'seed', []).name).toBe('UnknownPriceKeyError');
  });

  it('says the book has no keys when there is nothing to suggest', () => {
    const error = new UnknownPriceKeyError('ec2:t3.nano', 'live', []);
    expect(error.message).toBe('unknown price key "ec2:t3.nano" in the live price book. The book has no keys.');
    expect(error.message).not.toContain('Closest known keys');
  });

  it('an empty book raises it with the no-keys hint', () => {
    const book = priceBookFromQuotes('live', 'an empty book', []);
    expect(() => book.price('ec2:t3.nano')).toThrow(/in the live price book\. The book has no keys\.$/);
  });

  it('lists the closest known keys separated by commas', () => {
    const error = new UnknownPriceKeyError('ec2:t3.nano', 'snapshot', ['ec2:t3.micro', 'ec2:t3.small']);
    expect(error.message).toBe('unknown price key "ec2:t3.nano" in the snapshot price book. Closest known keys: ec2:t3.micro, ec2:t3.small.');
    expect(error.suggestions).toEqual(['ec2:t3.micro', 'ec2:t3.small']);
    expect(error.bookName).toBe('snapshot');
  });
});

describe('InvalidPriceSnapshotError', () => {
  it('is named after its class', () => {
    expect(new InvalidPriceSnapshotError('f.json', 'bad').name).toBe('InvalidPriceSnapshotError');
  });

  it('has no detail lines unless given some, and names its origin', () => {
    const error = new InvalidPriceSnapshotError('f.json', 'cannot read the price snapshot');
    expect(error.details).toEqual([]);
    expect(error.message).toBe('f.json: cannot read the price snapshot');
    expect(error.origin).toBe('f.json');
  });

  it('keeps the detail lines it is given, in order', () => {
    const error = new InvalidPriceSnapshotError('f.json', 'invalid', ['region: empty', 'currency: not USD']);
    expect(error.details).toEqual(['region: empty', 'currency: not USD']);
  });
});
