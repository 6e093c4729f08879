/** The versioned result of `cuenta-plan sensitivity`: the tornado ranking, each figure rounded as simulate reports it. */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { METRICS } from './metrics.js';
import { roundTo } from './money.js';
import { overridesIn, type Override } from './overrides.js';
import type { Thresholds } from './plan.js';
import { sensitivity } from './sensitivity.js';
import type { UncertainInput } from './uncertainty-inputs.js';
import type { Distribution } from './uncertainty-distribution.js';
import { roundMetric, simulateSample, type UncertainMetric } from './uncertainty-simulate.js';

export const SENSITIVITY_SCHEMA_VERSION = 1;

/** The metrics sensitivity ranks by (`margin`, the contribution margin, needs the catalog's revenue section). */
export const SENSITIVITY_METRICS = ['cost', 'cost-per-user', 'p95-ms', 'availability', 'margin'] as const satisfies readonly UncertainMetric[];
export type SensitivityMetric = (typeof SENSITIVITY_METRICS)[number];

export interface SensitivityResult {
  schemaVersion: typeof SENSITIVITY_SCHEMA_VERSION;
  command: 'sensitivity';
  users: number;
  phase: { id: number; name: string };
  metric: SensitivityMetric;
  unit: string;
  /** The metric with every uncertain input at its P50; null when unbounded. */
  baseline: number | null;
  method: string;
  overrides: Override[];
  /** Ranked by swing, largest first. */
  inputs: Array<{
    name: string;
    distribution: Distribution;
    p10: number;
    p50: number;
    p90: number;
    atP10: number | null;
    atP90: number | null;
    /** null when unbounded (one end's queue is unstable). */
    swing: number | null;
  }>;
}

export interface SensitivityRequest {
  catalog: Catalog;
  phase: Phase;
  users: number;
  metric: SensitivityMetric;
  inputs: readonly UncertainInput[];
  book: PriceLookup;
  thresholds: Thresholds;
}

const METHOD = "one at a time: each input at its P10, then its P90, the others at their P50; ranked by |metric(P90) − metric(P10)|";

/** An input's own quantile, to 6 significant digits: enough to read, and free of float tails. */
const inputFigure = (x: number): number => Number(x.toPrecision(6));

export function sensitivityResult(request: SensitivityRequest): SensitivityResult {
  const { metric } = request;
  const sample = simulateSample({ phaseId: request.phase.id, users: request.users, book: request.book, thresholds: request.thresholds });
  const tornado = sensitivity({ catalog: request.catalog, inputs: request.inputs, evaluate: (catalog) => sample(catalog).metrics[metric] });
  const round = (value: number) => roundMetric(metric, value);
  return {
    schemaVersion: SENSITIVITY_SCHEMA_VERSION,
    command: 'sensitivity',
    users: request.users,
    phase: { id: request.phase.id, name: request.phase.name },
    metric,
    unit: METRICS[metric].unit,
    baseline: round(tornado.baseline),
    method: METHOD,
    overrides: overridesIn(request.catalog),
    inputs: tornado.rows.map((row) => ({
      name: row.name,
      distribution: row.distribution.kind === 'lognormal' ? { ...row.distribution, sigma: roundTo(row.distribution.sigma, 6) } : row.distribution,
      p10: inputFigure(row.p10),
      p50: inputFigure(row.p50),
      p90: inputFigure(row.p90),
      atP10: round(row.atP10),
      atP90: round(row.atP90),
      swing: Number.isFinite(row.swing) ? round(row.swing) : null,
    })),
  };
}
