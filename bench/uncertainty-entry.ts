// What bench/uncertainty.mjs measures in process: simulate's Monte Carlo sample on the bundled catalog.
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { thresholdsOf } from '../src/model/plan.js';
export { drawSamples } from '../src/model/uncertainty.js';
export { uncertainInputs } from '../src/model/uncertainty-inputs.js';
export { simulateSample, BREACH_IDS } from '../src/model/uncertainty-simulate.js';
