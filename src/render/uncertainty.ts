/**
 * The `uncertainty` section of a result run with `--samples`, as table rows and sentences shared by the
 * terminal and markdown renderers (simulate's, breakeven's and forecast's).
 */
import type { UncertaintySection } from '../model/uncertainty-result.js';
import type { BreakevenUncertainty } from '../model/uncertainty-breakeven.js';
import type { ForecastUncertainty } from '../model/uncertainty-forecast.js';
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

/** The break-even's spread (breakeven --samples): users, implied opex, and the odds of never breaking even. */
export function breakevenSpreadRows(u: BreakevenUncertainty): TableSpec {
  const users = (n: number | null) => (n === null ? 'beyond the catalog' : formatNumber(n, 0));
  const opex = (usd: number | null) => (usd === null ? '—' : formatUsd(usd));
  const b = u.metrics['breakeven-users'];
  const o = u.metrics['implied-opex'];
  const never = u.breaches.find((x) => x.id === 'no-breakeven');
  return {
    head: ['figure', 'P10', 'P50', 'P90'],
    rows: [
      ['break-even users (with opex)', users(b.p10), users(b.p50), users(b.p90)],
      ...(o ? [['implied opex / month', opex(o.p10), opex(o.p50), opex(o.p90)]] : []),
      ...(never ? [['never breaks even in range', `${percent(never.probability)} ± ${percent(never.standardError)}`, '', '']] : []),
    ],
    align: ['left', 'right', 'right', 'right'],
  };
}

/** The forecast's spread (forecast --samples): break-even month, funding, totals, and the odds of each breach. */
export function forecastSpreadRows(u: ForecastUncertainty): TableSpec {
  const month = (m: number | null) => (m === null ? 'beyond the months' : `month ${formatNumber(m, 0)}`);
  const usd = (row: string, s: ForecastUncertainty['metrics']['cost']) => [row, ...[s.p10, s.p50, s.p90].map((x) => (x === null ? '—' : formatUsd(x)))];
  const b = u.metrics['breakeven-month'];
  const labels: Record<ForecastUncertainty['breaches'][number]['id'], string> = {
    'no-breakeven': 'never breaks even within the months',
    'capacity-short': 'the phase priced runs short of capacity',
  };
  return {
    head: ['figure', 'P10', 'P50', 'P90'],
    rows: [
      ['break-even month (with opex)', month(b.p10), month(b.p50), month(b.p90)],
      usd('lowest cumulative cash', u.metrics['lowest-cash']),
      usd('total cost', u.metrics.cost),
      usd('total contribution margin', u.metrics.margin),
      ...u.breaches.map((x) => [labels[x.id], `${percent(x.probability)} ± ${percent(x.standardError)}`, '', '']),
    ],
    align: ['left', 'right', 'right', 'right'],
  };
}

/** One line: samples, seed and what was drawn. */
export function uncertaintyHeadline(u: Pick<UncertaintySection, 'samples' | 'seed' | 'inputs'>): string {
  const inputs = u.inputs.map((i) => `${i.name} (${distributionText(i.distribution)})`).join(', ');
  return `${formatNumber(u.samples, 0)} samples, seed ${u.seed}; drawn: ${inputs}`;
}
