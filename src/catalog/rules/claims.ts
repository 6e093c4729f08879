/**
 * The metrics of `claims` and `kpis` must be ones `cuenta-plan claims` reads (src/model/claims-metrics.ts).
 * A warning, not an error: the audit list is still usable, `claims` reports such an entry as not evaluable,
 * and no other command reads it — but a typo is seen at load rather than as a silent "cannot be evaluated".
 */
import type { Catalog } from '../../model/catalog-types.js';
import { metricProblem, type MetricUse } from '../../model/claims-metrics.js';
import type { ProblemList } from '../problems.js';
import type { Path } from './shared.js';

function check(use: MetricUse, at: Path, problems: ProblemList): void {
  const problem = metricProblem(use);
  if (problem) problems.warning([...at, problem.field], problem.message);
}

export function checkClaimMetrics(catalog: Catalog, problems: ProblemList): void {
  (catalog.claims ?? []).forEach((claim, i) => check({ ...claim, kind: 'claim' }, ['claims', i], problems));
  for (const group of ['technical', 'business'] as const) {
    (catalog.kpis?.[group] ?? []).forEach((kpi, i) => check({ ...kpi, kind: 'kpi' }, ['kpis', group, i], problems));
  }
}
