// What bench/purchase.mjs measures: the purchase strategies and the optimiser on the bundled catalog.
export { sizePlan, thresholdsOf } from '../src/model/plan.js';
export { pricePlan } from '../src/model/price-plan.js';
export { pricePurchase } from '../src/model/purchase.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { bookReservations } from '../src/pricing/book-reservations.js';
