/** The edit distance and the one "did you mean" rule live with the engine, which suggests names too (src/model/overrides.ts). */
export { closestMatches, didYouMean, levenshtein } from '../model/levenshtein.js';
