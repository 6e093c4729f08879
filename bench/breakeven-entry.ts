// What bench/breakeven.mjs measures: the break-even search on the bundled catalog and offline prices.
export { breakeven } from '../src/model/breakeven.js';
export { thresholdsOf } from '../src/model/plan.js';
export { pricePlan } from '../src/model/price-plan.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
