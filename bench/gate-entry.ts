// What bench/gate.mjs measures in-process: the gate's engine and simulate's, on the bundled catalog and offline prices.
export { gate, DEFAULT_LIMITS } from '../src/model/gate.js';
export { simulate } from '../src/model/simulate-result.js';
export { thresholdsOf } from '../src/model/plan.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { seedPriceBook } from '../src/pricing/seed-book.js';
