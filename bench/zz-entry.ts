export { loadCatalog } from '../src/catalog/index.js';
export { loadSnapshotPriceBook } from '../src/pricing/index.js';
export { thresholdsOf, sizePlan, capacityAt } from '../src/model/plan.js';
export { costSummary, pricePlan } from '../src/model/price-plan.js';
export { checkAndBudgetFindings } from '../src/model/findings.js';
export { revenueOf } from '../src/model/revenue-result.js';
export { uncertainInputs, withInputValues } from '../src/model/uncertainty-inputs.js';
export { quantileOf } from '../src/model/uncertainty-distribution.js';
