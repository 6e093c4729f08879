import { describe, expect, it } from 'vitest';
import { formatProblem, ProblemList } from '../../src/catalog/problems.js';
import { checkClaimMetrics } from '../../src/catalog/rules/claims.js';
import type { Catalog } from '../../src/model/catalog-types.js';

// The claims rule warns at each claim's and each KPI's own line (src/catalog/rules/claims.ts), in both KPI groups,
// with the KPI's message where a KPI differs from a claim (a KPI has no tolerance field).
function warnings(catalog: Pick<Catalog, 'claims' | 'kpis'>): string[] {
  const problems = new ProblemList('c.yaml');
  checkClaimMetrics(catalog as Catalog, problems);
  return problems.warnings.map(formatProblem);
}

const kpi = (metric: string, comparison = '<') => ({ id: metric, text: metric, metric, comparison, value: 1, unit: 'fraction', source: 'seed' });

describe('claim and KPI metrics', () => {
  it('warns at the metric of a KPI in either group that claims cannot read', () => {
    const found = warnings({ kpis: { technical: [kpi('error_rate')], business: [kpi('error_rate'), kpi('churn_rate')] } } as never);
    expect(found).toEqual([expect.stringMatching(/kpis\.business\[1\]\.metric +warning: unknown metric "churn_rate"/)]);
    expect(warnings({ kpis: { technical: [kpi('latncy')], business: [] } } as never)).toEqual([expect.stringMatching(/kpis\.technical\[0\]\.metric +warning: unknown metric "latncy"/)]);
  });

  it('tells a KPI compared approx that it has no tolerance, and a claim that it needs one', () => {
    const approxKpi = warnings({ kpis: { technical: [kpi('error_rate', 'approx')], business: [] } } as never);
    expect(approxKpi).toEqual([expect.stringMatching(/kpis\.technical\[0\]\.comparison +warning: a KPI has no tolerance, so approx cannot be judged/)]);
    const claim = { id: 'c', text: 'c', metric: 'error_rate', comparison: 'approx', value: 0.01, source: 'seed' };
    expect(warnings({ claims: [claim] } as never)).toEqual([expect.stringMatching(/claims\[0\]\.comparison +warning: comparison approx needs a tolerance/)]);
  });

  it('warns at the unit of a KPI written in another unit than its metric is read in', () => {
    const inPercent = { ...kpi('error_rate'), unit: 'percent' };
    expect(warnings({ kpis: { technical: [inPercent], business: [] } } as never)).toEqual([
      expect.stringMatching(/kpis\.technical\[0\]\.unit +warning: error_rate is read in "fraction", not "percent"; write the value in fraction$/),
    ]);
  });
});
