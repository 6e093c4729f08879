/**
 * The `uncertainty` section of a result run with `--samples`, as table rows and sentences shared by the
 * terminal and markdown renderers (simulate today; forecast and breakeven reuse them).
 */
import type { UncertaintySection } from '../model/uncertainty-result.js';
import type { Distribution } from '../model/uncertainty-distribution.js';
import { formatMs, formatNumber, formatUsd, formatUsdPerUser } from './format.js';
import type { TableSpec } from './table.js';

type MetricName = keyof UncertaintySection['metrics'];

const LABELS: Record<MetricName, { label: string; format: (value: number) => string }> = {
  cost: { label: 'cost / month', format: formatUsd },
  'cost-per-user': { label: 'cost per user', format: formatUsdPerUser },
  'p95-ms': { label: 'latency at the SLO percentile', format: (ms) => formatMs(ms) },
  availability: { label: 'expected availability', format: (p) => `${formatNumber(p, 3)}%` },
  margin: { label: 'contribution margin', format: formatUsd },
};

const BREACH_LABELS: Record<UncertaintySection['breaches'][number]['id'], string> = {
  'latency-over-slo': 'latency SLO',
  'availability-short': 'availability SLO',
  'error-rate-over-slo': 'error-rate SLO',
  'over-budget': 'budget',
};

const figure = (metric: MetricName, value: number | null): string => (value === null ? 'unbounded' : LABELS[metric].format(value));

export function spreadRows(u: UncertaintySection): TableSpec {
  const metrics = (Object.keys(LABELS) as MetricName[]).filter((m) => u.metrics[m] !== undefined);
  return {
    head: ['figure', 'P10', 'P50', 'P90'],
    rows: metrics.map((m) => {
      const s = u.metrics[m]!;
      return [LABELS[m].label, figure(m, s.p10), figure(m, s.p50), figure(m, s.p90)];
    }),
    align: ['left', 'right', 'right', 'right'],
  };
}

const percent = (p: number) => `${formatNumber(p * 100, 1)}%`;

export function breachRows(u: UncertaintySection): TableSpec {
  return {
    head: ['breaks', 'probability', '± standard error'],
    rows: u.breaches.map((b) => [BREACH_LABELS[b.id], percent(b.probability), percent(b.standardError)]),
    align: ['left', 'right', 'right'],
  };
}

export function distributionText(d: Distribution): string {
  switch (d.kind) {
    case 'uniform':
      return `uniform ${d.min}–${d.max}`;
    case 'triangular':
      return `triangular ${d.min}–${d.max}, mode ${d.mode}`;
    case 'lognormal':
      return `lognormal P50 ${d.p50}, P90 ${d.p90} (σ ${d.sigma})`;
  }
}

/** One line: samples, seed and what was drawn. */
export function uncertaintyHeadline(u: UncertaintySection): string {
  const inputs = u.inputs.map((i) => `${i.name} (${distributionText(i.distribution)})`).join(', ');
  return `${formatNumber(u.samples, 0)} samples, seed ${u.seed}; drawn: ${inputs}`;
}
