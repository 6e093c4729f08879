// What bench/claims.mjs measures: the claims audit on the bundled catalog and offline prices.
export { auditClaims } from '../src/model/claims.js';
export { thresholdsOf } from '../src/model/plan.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { seedPriceBook } from '../src/pricing/seed-book.js';
