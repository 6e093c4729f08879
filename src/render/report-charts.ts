/**
 * The report's charts, as specs (src/render/report-chart-spec.ts): cost per user and latency across users,
 * and the cost by component at each reported user count. The markdown draws each as a mermaid block and
 * links its SVG file; `reportChartFiles` gives those files.
 */
import type { ReportResult } from '../model/report.js';
import type { SimulateResult } from '../model/simulate-result.js';
import { formatInt, formatMs, formatUsd, formatUsdPerUser } from './format.js';
import type { ChartSpec } from './report-chart-spec.js';
import { renderChartSvg } from './svg-chart.js';

const usersAxis = (r: ReportResult) => ({ title: 'Users', labels: r.series.rows.map((row) => formatInt(row.users)) });

export function costPerUserChart(r: ReportResult): ChartSpec {
  return {
    id: 'cost-per-user',
    kind: 'line',
    title: 'Cost per user across users',
    categoryAxis: usersAxis(r),
    valueAxis: { title: 'Cost per user, USD per month', format: formatUsdPerUser },
    series: [{ name: 'cost per user', values: r.series.rows.map((row) => row.perUserUsd) }],
  };
}

export function latencyChart(r: ReportResult): ChartSpec {
  const p = r.series.latencyPercentile;
  return {
    id: 'latency',
    kind: 'line',
    title: `P${p} latency across users`,
    categoryAxis: usersAxis(r),
    valueAxis: { title: `P${p} latency, ms`, format: (ms) => formatMs(ms, ms < 10 && ms > 0 ? 1 : 0) },
    series: [
      { name: `P${p} latency`, values: r.series.rows.map((row) => row.latencyMs) },
      { name: 'SLO target', values: r.series.rows.map((row) => row.latencyTargetMs), reference: true },
    ],
  };
}

/** The components by cost, largest first: the order a reader asks "where does the money go?" in. */
export function componentChart(point: SimulateResult): ChartSpec {
  const components = [...point.cost.components].sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.id.localeCompare(b.id));
  return {
    id: `cost-by-component-${point.users}`,
    kind: 'bar',
    horizontal: true,
    title: `Cost by component at ${formatInt(point.users)} users (phase ${point.phase.id})`,
    categoryAxis: { title: 'Component', labels: components.map((c) => c.id) },
    valueAxis: { title: 'Cost, USD per month', format: formatUsd },
    series: [{ name: 'monthly cost', values: components.map((c) => c.monthlyUsd) }],
  };
}

/** Every chart of the report, in the order the markdown shows them. */
export function reportCharts(r: ReportResult): ChartSpec[] {
  return [costPerUserChart(r), latencyChart(r), ...r.points.map(componentChart)];
}

/** The SVG files `--charts DIR` receives: a file name and its text, one per chart. */
export const reportChartFiles = (r: ReportResult): Array<{ name: string; text: string }> =>
  reportCharts(r).map((spec) => ({ name: `${spec.id}.svg`, text: renderChartSvg(spec) }));
