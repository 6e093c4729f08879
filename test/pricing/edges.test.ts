import { describe, expect, it } from 'vitest';
import { closestMatches, effectiveHourlyUsd, levenshtein, parseReservedKey } from '../../src/pricing/index.js';

// Expected values are counted by hand from the definitions (edit distance: Levenshtein 1965; reserved keys and
// the amortised rate: src/pricing/reserved.ts and AWS-NOTES.md).
describe('levenshtein', () => {
  it.each([
    ['abc', 'xyabc', 2], // two insertions in front: the first row (0, 1, 2, …) is what charges for them
    ['xyabc', 'abc', 2],
    ['a', 'bcd', 3], // one substitution, two insertions
    ['saturday', 'sunday', 3], // delete a, t; substitute r → n
    ['ab', 'ba', 2], // no transpositions in Levenshtein's distance
  ])('%s → %s = %d', (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
  });
});

describe('closestMatches', () => {
  it('orders by distance, then alphabetically, whatever the input order', () => {
    expect(closestMatches('ab', ['zz', 'ae', 'ad', 'ac'])).toEqual(['ac', 'ad', 'ae']);
    expect(closestMatches('ab', ['ac', 'ab', 'zz'], 2)).toEqual(['ab', 'ac']);
  });

  it('ignores case but returns the candidates as written', () => {
    expect(closestMatches('EC2:T3.MEDIUM', ['ec2:t3.large', 'ec2:t3.medium', 'rds:db.t3.medium'], 1)).toEqual(['ec2:t3.medium']);
  });
});

describe('parseReservedKey', () => {
  it('reads every field of a 3-year convertible all-upfront key, and adds no part it was not given', () => {
    expect(parseReservedKey('ec2:m6i.large:ri-3y-convertible-all-upfront')).toStrictEqual({
      baseKey: 'ec2:m6i.large',
      termYears: 3,
      offeringClass: 'convertible',
      purchaseOption: 'all-upfront',
    });
  });

  it('reads a 1-year standard no-upfront key and the upfront half of a partial-upfront price', () => {
    expect(parseReservedKey('ec2:t3.medium:ri-1y-standard-no-upfront')).toStrictEqual({
      baseKey: 'ec2:t3.medium',
      termYears: 1,
      offeringClass: 'standard',
      purchaseOption: 'no-upfront',
    });
    expect(parseReservedKey('ec2:t3.medium:ri-1y-standard-partial-upfront:upfront')?.part).toBe('upfront');
  });

  it('is undefined for anything else', () => {
    for (const key of ['ec2:t3.medium:ri-2y-standard-no-upfront', 'ec2:t3.medium:ri-1y-standard-no-upfront:monthly', ':ri-1y-standard-no-upfront']) {
      expect(parseReservedKey(key), key).toBeUndefined();
    }
  });
});

describe('effectiveHourlyUsd at its limits', () => {
  it('accepts zero fees on either side', () => {
    expect(effectiveHourlyUsd({ hourlyUsd: 0.05, upfrontUsd: 0, termYears: 1 })).toBe(0.05);
    expect(effectiveHourlyUsd({ hourlyUsd: 0, upfrontUsd: 0, termYears: 3 })).toBe(0);
    expect(effectiveHourlyUsd({ hourlyUsd: 0, upfrontUsd: 8760, termYears: 1 })).toBe(1); // 8760 / (8760 × 1)
  });

  it.each([
    [{ hourlyUsd: 0, upfrontUsd: -0.01 }, 'reservation fees must be finite and ≥ 0; got hourly 0, upfront -0.01'],
    [{ hourlyUsd: Number.POSITIVE_INFINITY, upfrontUsd: 0 }, 'got hourly Infinity, upfront 0'],
    [{ hourlyUsd: 0, upfrontUsd: Number.POSITIVE_INFINITY }, 'got hourly 0, upfront Infinity'],
  ])('refuses %o', (fees, message) => {
    expect(() => effectiveHourlyUsd({ ...fees, termYears: 1 })).toThrow(RangeError);
    expect(() => effectiveHourlyUsd({ ...fees, termYears: 1 })).toThrow(message);
  });
});
