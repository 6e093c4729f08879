/** `forecast` as a terminal page and as markdown: the summary in sentences, the months as a table, the charts. */
import type { ForecastMigration, ForecastResult } from '../model/forecast.js';
import type { RenderOptions } from '../output.js';
import { forecastCharts, forecastTerminalCharts } from './forecast-charts.js';
import { formatInt, formatNumber, formatUsd, formatUsdPerUser, overridesText } from './format.js';
import { strategyLabel } from './purchase.js';
import { chartMarkdown, type ChartLinks } from './report-chart-markdown.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type Align, type TableSpec } from './table.js';
import { forecastSpreadRows, uncertaintyHeadline } from './uncertainty.js';

const percent = (x: number) => formatNumber(x, Number.isInteger(x) ? 0 : 2);
const monthOf = (r: ForecastResult, m: number | null) => (m === null ? '' : `month ${m} (${r.months[m]!.date})`);

const title = (r: ForecastResult) => {
  const last = r.months[r.months.length - 1]!;
  return `forecast: ${formatInt(r.startUsers)} users growing ${percent(r.growthPercentPerMonth)} % a month, ${r.start} → ${last.date} (${last.month} months)`;
};

function migrationLine(r: ForecastResult, w: ForecastMigration): string {
  const { minWeeks, maxWeeks } = w.leadTime;
  const late = w.startsBeforeForecast ? '; that start is before the forecast begins: the migration is already late' : '';
  return (
    `phase ${w.from} → ${w.to} at ${monthOf(r, w.cutoverMonth)}: users pass phase ${w.from}'s most on ${w.exhaustion}; ` +
    `start migrating by ${w.start} (${formatNumber(maxWeeks, 0)} weeks before, the steps at their longest; latest safe start ${w.latestSafeStart}, ${formatNumber(minWeeks, 0)} weeks) — ` +
    `${w.doubleRunningMonths.high} months of double running (${w.doubleRunningMonths.low} at the shortest lead time), ${formatUsd(w.migrationUsd)} for phase ${w.to} meanwhile${late}`
  );
}

function summaryLines(r: ForecastResult): string[] {
  const lines = [`pricing: ${r.pricing.description}`];
  lines.push(
    r.purchase === null
      ? 'bought on demand (give --purchase for reservations, savings plans or spot)'
      : `bought as ${strategyLabel(r.purchase)}; reservations bought for a phase that ends before their term are charged as stranded until the term ends (${formatUsd(r.totals.strandedUsd)} in all; ${formatUsd(r.totals.upfrontUsd)} paid upfront)`,
  );
  if (r.overrides.length > 0) lines.push(overridesText(r.overrides));
  lines.push(...(r.migrations.length === 0 ? ['migrations: none within the forecast'] : r.migrations.map((w) => `migration: ${migrationLine(r, w)}`)));
  const best = r.months.reduce((a, b) => (b.marginUsd > a.marginUsd ? b : a));
  lines.push(
    r.breakEvenMonth === null
      ? `break-even: the contribution margin (opex ${formatUsd(r.opexUsd)}/month) stays below 0; at best ${formatUsd(best.marginUsd)} in ${monthOf(r, best.month)}`
      : `break-even: the contribution margin (opex ${formatUsd(r.opexUsd)}/month) reaches 0 in ${monthOf(r, r.breakEvenMonth)}`,
  );
  lines.push(
    `cash: lowest ${formatUsd(r.lowestCash.cumulativeCashUsd)} in ${monthOf(r, r.lowestCash.month)}; ` +
      (r.paybackMonth === null ? 'cumulative cash stays below 0' : `cumulative cash is back to ≥ 0 in ${monthOf(r, r.paybackMonth)}`),
  );
  if (r.extrapolatedFrom !== null) {
    lines.push(`extrapolated (*): from ${monthOf(r, r.extrapolatedFrom)} the users lie outside the catalog's ranges (top ${formatInt(r.catalogTopUsers)}); the nearest phase is sized beyond its range`);
  }
  const short = r.months.filter((m) => !m.capacityOk);
  if (short.length > 0) lines.push(`capacity (!): the phase priced fails a capacity check in ${short.length} months, first ${monthOf(r, short[0]!.month)}; the capacity column names the phase that passes`);
  return lines;
}

function notes(m: ForecastResult['months'][number], r: ForecastResult): string {
  const parts: string[] = [];
  for (const w of r.migrations) if (m.migrationUsd > 0 && m.month < w.cutoverMonth && m.month >= w.cutoverMonth - w.doubleRunningMonths.high) parts.push(`migrating ${w.from}→${w.to} +${formatUsd(m.migrationUsd)}`);
  if (m.strandedUsd > 0) parts.push(`stranded ${formatUsd(m.strandedUsd)}`);
  if (m.upfrontUsd > 0) parts.push(`upfront ${formatUsd(m.upfrontUsd)}`);
  return parts.join('; ');
}

function monthTable(r: ForecastResult): TableSpec {
  const head = ['month', 'date', 'users', 'phase', 'capacity', 'instances', 'cost', 'cost/user', 'MRR', 'margin', 'cumulative cash', 'notes'];
  const align: Align[] = ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'];
  const rows = r.months.map((m) => [
    String(m.month),
    m.date,
    formatInt(m.users),
    `${m.phase}${m.extrapolated ? '*' : ''}${m.capacityOk ? '' : '!'}`,
    m.capacityPhase === null ? '—' : String(m.capacityPhase),
    formatInt(m.instances),
    formatUsd(m.costUsd),
    formatUsdPerUser(m.costPerUserUsd),
    formatUsd(m.mrrUsd),
    formatUsd(m.marginUsd),
    formatUsd(m.cumulativeCashUsd),
    notes(m, r),
  ]);
  return { head, rows, align, flexible: head.map((_, i) => i === head.length - 1), dropOrder: [head.indexOf('instances'), head.indexOf('date')] };
}

export function renderForecastTable(r: ForecastResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const u = r.uncertainty;
  // Beside the summary it qualifies, before the long month table.
  const spread = u ? ['', c.bold('Uncertainty (Monte Carlo)'), text(uncertaintyHeadline(u)), fittedTable(forecastSpreadRows(u), options)] : [];
  const parts = [c.bold(text(title(r))), ...summaryLines(r).map(text), ...spread, '', fittedTable(monthTable(r), options)];
  if (options.columns !== undefined && r.months.length > 1) {
    for (const chart of forecastTerminalCharts(r, Math.min(options.columns, 100))) parts.push('', c.bold(chart.title), chart.chart);
  }
  return parts.join('\n');
}

export function renderForecastMarkdown(r: ForecastResult, links: ChartLinks = {}): string {
  const { head, rows, align } = monthTable(r);
  const u = r.uncertainty;
  const table = u ? forecastSpreadRows(u) : undefined;
  const spread = u && table ? ['### Uncertainty (Monte Carlo)', uncertaintyHeadline(u), markdownTable(table.head, table.rows, table.align)] : [];
  return [
    `## cuenta-plan ${title(r)}`,
    summaryLines(r).map((line) => `- ${line}`).join('\n'),
    ...spread,
    '### Months',
    markdownTable(head, rows, align),
    '### Charts',
    ...forecastCharts(r).map((spec) => chartMarkdown(spec, links)),
  ].join('\n\n');
}
