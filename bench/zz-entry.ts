export { componentScope, sizePlan, thresholdsOf } from '../src/model/plan.js';
export { pricePlan } from '../src/model/price-plan.js';
export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { uncertainInputs, withInputValues, inputQuantiles } from '../src/model/uncertainty-inputs.js';
export { quantileOf } from '../src/model/uncertainty-distribution.js';
