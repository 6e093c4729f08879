import { describe, expect, it } from 'vitest';
import { streamRandom } from '../../../src/model/random.js';
import { normalQuantile } from '../../../src/model/random-normal.js';

const draws = (seed: number, stream: number, n: number) => {
  const random = streamRandom(seed, stream);
  return Array.from({ length: n }, () => random.next());
};

describe('streamRandom (sfc32)', () => {
  it('repeats a stream exactly for the same seed, and differs for another seed or stream', () => {
    expect(draws(42, 3, 50)).toEqual(draws(42, 3, 50));
    expect(draws(43, 3, 50)).not.toEqual(draws(42, 3, 50));
    expect(draws(42, 4, 50)).not.toEqual(draws(42, 3, 50));
    // The seed's high 32 bits count too: 1 and 2^32 + 1 share their low word.
    expect(draws(2 ** 32 + 1, 0, 10)).not.toEqual(draws(1, 0, 10));
  });

  it('draws strictly inside (0, 1), uniformly: mean within 4σ of 1/2 and a χ² over 10 cells under its 0.999 quantile', () => {
    const n = 100_000;
    const xs = draws(7, 0, n);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // The mean of n uniforms has σ = √(1/12/n) ≈ 0.000913 at n = 100,000.
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    const cells = Array<number>(10).fill(0);
    for (const x of xs) cells[Math.floor(x * 10)]! += 1;
    const chi2 = cells.reduce((sum, c) => sum + (c - n / 10) ** 2 / (n / 10), 0);
    // χ²(9) 0.999 quantile = 27.877 (any χ² table).
    expect(chi2).toBeLessThan(27.877);
  });

  it('refuses a seed that is not a whole number from 0 to 2^53 − 1 and a stream outside 32 bits', () => {
    expect(() => streamRandom(-1, 0)).toThrow(RangeError);
    expect(() => streamRandom(1.5, 0)).toThrow(RangeError);
    expect(() => streamRandom(2 ** 53, 0)).toThrow(RangeError);
    expect(() => streamRandom(1, 2 ** 32)).toThrow('stream must be a whole number from 0 to 2^32 − 1; got 4294967296');
    expect(() => streamRandom(1, -1)).toThrow('stream must be a whole number from 0 to 2^32 − 1; got -1');
    expect(() => streamRandom(1, 0.5)).toThrow('stream must be a whole number from 0 to 2^32 − 1; got 0.5');
    expect(() => streamRandom(-1, 0)).toThrow('seed must be a whole number from 0 to 2^53 − 1; got -1');
  });

  it('takes the ends of both ranges: seed 0 and 2^53 − 1, stream 0 and 2^32 − 1', () => {
    for (const [seed, stream] of [[0, 0], [2 ** 53 - 1, 2 ** 32 - 1]] as const) {
      const x = streamRandom(seed, stream).next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('normalQuantile (Wichura AS 241)', () => {
  // Values from published tables of the standard normal (Abramowitz & Stegun table 26.5; R's qnorm agrees).
  // Φ⁻¹(p) to 22 digits by mpmath (40-digit arithmetic: the root of log Φ(x) = log p), rounded to doubles here.
  // Wichura's AS241 is good to about 1e-16 relative; the tests allow 1e-14 in each of its three regions:
  // |p − ½| ≤ 0.425, then r = √(−ln min(p, 1 − p)) ≤ 5, then r > 5 (p < e^-25 ≈ 1.4e-11).
  it.each([
    [0.5, 0],
    [0.9, 1.281551565544600466965],
    [0.975, 1.959963984540054235525],
    [0.1, -1.281551565544600466965],
    [0.02, -2.053748910631823052937],
    [0.001, -3.09023230616781354154],
    [1e-5, -4.264890793922824628499],
    [1e-8, -5.61200124417478873155],
    [1e-12, -7.03448382530113192981],
    [1e-15, -7.941345326170996780967],
    [1e-20, -9.262340089798407573717],
    [1e-50, -14.93333753478848898117],
    [1e-300, -37.04709629936119923722],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-14 * Math.abs(z));
    // Symmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p), while 1 − p is still close to its double (not so for p = 1e-12).
    if (p >= 1e-5) expect(Math.abs(normalQuantile(1 - p) + z)).toBeLessThanOrEqual(1e-9);
  });

  it('refuses p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow('a normal quantile needs p in (0, 1); got 0');
    expect(() => normalQuantile(1)).toThrow('a normal quantile needs p in (0, 1); got 1');
  });
});
