// What bench/plan.mjs measures: the engine on the bundled catalog and offline prices.
export { headroom } from '../src/model/headroom.js';
export { sizePlan, capacityAt, thresholdsOf } from '../src/model/plan.js';
export { pricePlan } from '../src/model/price-plan.js';
export { simulate } from '../src/model/simulate-result.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { seedPriceBook } from '../src/pricing/seed-book.js';
