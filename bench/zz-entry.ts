export { loadCatalog } from '../src/catalog/index.js';
export { catalogToJson, catalogFromJson } from '../src/catalog/catalog-json.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { thresholdsOf, sizePlan } from '../src/model/plan.js';
export { pricePlan } from '../src/model/price-plan.js';
export { drawSamples } from '../src/model/uncertainty.js';
export { uncertainInputs } from '../src/model/uncertainty-inputs.js';
export { simulateSample, BREACH_IDS } from '../src/model/uncertainty-simulate.js';
