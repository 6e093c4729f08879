/**
 * A seeded pseudo-random generator: the engine's only source of randomness (never `Math.random`), so a Monte
 * Carlo run is the same on every machine for a given seed.
 *
 * sfc32, Chris Doty-Humphrey's "small fast chaotic" generator from PractRand (0.94, `RNGs/sfc.cpp`): 128 bits of
 * state (a, b, c and a counter that guarantees a period of at least 2^32), 32-bit additions, shifts and rotations
 * only, so JavaScript's int32 arithmetic reproduces it bit for bit. It passes PractRand to 2^42+ bytes and
 * BigCrush (shifts 21, 9, 3 as in PractRand's current sfc32).
 */

/** Seeds are whole numbers from 0 to 2^53 − 1 (every integer a JSON number holds exactly). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export interface Random {
  /** A uniform draw in the open interval (0, 1): never 0 or 1, so an inverse CDF never returns ±∞. */
  next(): number;
}

const TWO_32 = 4294967296;

/**
 * The generator for one stream of a seed: Monte Carlo sample i draws from stream i, so a sample's draws do not
 * depend on how many samples come before it or which thread computes it — the result of a seed is the same
 * split over any number of workers. Seeded as PractRand's three-word `sfc32::seed(s1, s2, s3)`: a = the stream,
 * b and c = the seed's low and high 32 bits, counter = 1, then 15 outputs discarded to mix them.
 * @throws RangeError for a seed that is not a whole number from 0 to 2^53 − 1, or a stream outside 0 … 2^32 − 1
 *   (a caller's bug: commands check the seed)
 * @example streamRandom(42, 0).next() // the same value in every run on every machine
 */
export function streamRandom(seed: number, stream: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be a whole number from 0 to 2^53 − 1; got ${seed}`);
  if (!Number.isInteger(stream) || stream < 0 || stream >= TWO_32) throw new RangeError(`stream must be a whole number from 0 to 2^32 − 1; got ${stream}`);
  let a = stream | 0;
  let b = seed % TWO_32 | 0;
  let c = Math.floor(seed / TWO_32) | 0;
  let d = 1;
  const raw = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) raw();
  // (k + 0.5) / 2^32 for k in 0 … 2^32 − 1: the midpoints of 2^32 equal cells, strictly inside (0, 1).
  return { next: () => (raw() + 0.5) / TWO_32 };
}
