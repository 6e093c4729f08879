import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds, offByPercent, worse } from '../../src/model/claims-verdict.js';

describe('holds: model <comparison> document', () => {
  it.each([
    // [comparison, document, model, expected]: both sides of each limit, and the limit itself
    ['<', 0.08, 0.0799, true],
    ['<', 0.08, 0.08, false],
    ['<=', 0.08, 0.08, true],
    ['<=', 0.08, 0.0801, false],
    ['>', 1000, 1000.01, true],
    ['>', 1000, 1000, false],
    ['>=', 1000, 1000, true],
    ['>=', 1000, 999.99, false],
  ] as const)('%s %d with model %d → %s', (comparison, document, model, expected) => {
    expect(holds(comparison, document, model)).toBe(expected);
  });

  it('approx: within the relative tolerance, the limit included', () => {
    // 0.01 ± 5 % is [0.0095, 0.0105]; the document's own quote $980 / 100,000 = 0.0098 is inside.
    expect(holds('approx', 0.01, 0.0098, 0.05)).toBe(true);
    expect(holds('approx', 0.01, 0.0095, 0.05)).toBe(true);
    expect(holds('approx', 0.01, 0.0105, 0.05)).toBe(true);
    expect(holds('approx', 0.01, 0.00949, 0.05)).toBe(false);
    expect(holds('approx', 0.01, 0.01051, 0.05)).toBe(false);
    // 50,000 ± 25 % is [37,500, 62,500].
    expect(holds('approx', 50_000, 37_500, 0.25)).toBe(true);
    expect(holds('approx', 50_000, 37_499, 0.25)).toBe(false);
  });
});

describe('offByPercent', () => {
  it('is (model − document) ÷ document × 100, to two decimals', () => {
    // (0.0335 − 0.03) / 0.03 × 100 = 11.666… → 11.67
    expect(offByPercent(0.03, 0.0335)).toBe(11.67);
    // (16,876 − 50,000) / 50,000 × 100 = −66.248 → −66.25
    expect(offByPercent(50_000, 16_876)).toBe(-66.25);
    expect(offByPercent(0.08, 0.08)).toBe(0);
  });

  it('is null against a document value of 0', () => {
    expect(offByPercent(0, 5)).toBeNull();
  });
});

describe('worse', () => {
  it('is the larger against a ceiling, the smaller against a floor, the further away for approx', () => {
    expect(worse('<', 0.01, 0.25, 0.0036)).toBe(0.25);
    expect(worse('>=', 1000, 74.5, 10_500)).toBe(74.5);
    expect(worse('approx', 0.01, 0.0098, 0.0111)).toBe(0.0111);
  });
});

describe('invariants', () => {
  const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
  it('a ceiling holds exactly when the model is below the document, a floor when at or above it', () => {
    fc.assert(
      fc.property(positive, positive, (document, model) => {
        expect(holds('<', document, model)).toBe(model < document);
        expect(holds('>=', document, model)).toBe(!holds('<', document, model));
        expect(holds('<=', document, model)).toBe(!holds('>', document, model));
      }),
    );
  });

  it('approx holds when |offByPercent| is within the tolerance (to the two decimals it is rounded to)', () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 0, max: 1, noNaN: true }), (document, model, tolerance) => {
        const off = Math.abs(offByPercent(document, model)!);
        if (Math.abs(off - tolerance * 100) > 0.01) expect(holds('approx', document, model, tolerance)).toBe(off < tolerance * 100);
      }),
    );
  });
});
