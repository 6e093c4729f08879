// What bench/solve.mjs measures: solve on the bundled catalog and offline prices.
export { solve } from '../src/model/solve.js';
export { thresholdsOf } from '../src/model/plan.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
