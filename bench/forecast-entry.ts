// What bench/forecast.mjs measures: a forecast on the bundled catalog and offline prices.
export { forecast } from '../src/model/forecast.js';
export { thresholdsOf } from '../src/model/plan.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { bookReservations } from '../src/pricing/book-reservations.js';
