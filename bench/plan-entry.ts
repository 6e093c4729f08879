// What bench/plan.mjs measures: the engine on the bundled catalog and offline prices.
export { headroom } from '../src/model/headroom.js';
export { evaluatePlan, capacityAt, thresholdsOf } from '../src/model/plan.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
