/**
 * The forecast's charts, as specs for the report's chart code (./report-chart-spec.ts): users by month, and
 * infrastructure cost beside revenue by month. The markdown draws them as mermaid blocks, `--charts DIR` as SVG
 * files, and the terminal page as character charts.
 */
import type { ForecastResult } from '../model/forecast.js';
import { lineChart } from './chart.js';
import { formatInt, formatUsd } from './format.js';
import type { ChartSpec } from './report-chart-spec.js';
import { renderChartSvg } from './svg-chart.js';

const monthAxis = (r: ForecastResult) => ({ title: 'Month', labels: r.months.map((m) => m.date) });

export function usersChart(r: ForecastResult): ChartSpec {
  return {
    id: 'forecast-users',
    kind: 'line',
    title: `Users by month at ${formatInt(r.growthPercentPerMonth)} % a month`,
    categoryAxis: monthAxis(r),
    valueAxis: { title: 'Monthly active users', format: formatInt },
    series: [{ name: 'users', values: r.months.map((m) => m.users) }],
  };
}

export function moneyChart(r: ForecastResult): ChartSpec {
  return {
    id: 'forecast-cost-revenue',
    kind: 'line',
    title: 'Infrastructure cost and revenue by month',
    categoryAxis: monthAxis(r),
    valueAxis: { title: 'USD per month', format: formatUsd },
    series: [
      { name: 'infrastructure cost', values: r.months.map((m) => m.costUsd) },
      { name: 'revenue (MRR)', values: r.months.map((m) => m.mrrUsd) },
    ],
  };
}

export const forecastCharts = (r: ForecastResult): ChartSpec[] => [usersChart(r), moneyChart(r)];

/** The SVG files `--charts DIR` receives. */
export const forecastChartFiles = (r: ForecastResult): Array<{ name: string; text: string }> =>
  forecastCharts(r).map((spec) => ({ name: `${spec.id}.svg`, text: renderChartSvg(spec) }));

/**
 * Both charts for a terminal `width` columns wide, log-scaled: users (each mark the phase priced), then cost
 * (`c`) and revenue (`$`) on one grid.
 */
export function forecastTerminalCharts(r: ForecastResult, width: number): Array<{ title: string; chart: string }> {
  const months = r.months.map((m) => m.month);
  const monthLabel = (x: number) => r.months[Math.round(x)]?.date ?? '';
  const options = { width, height: 10, logY: true, formatX: monthLabel };
  return [
    {
      title: 'users by month (each mark is the phase priced)',
      chart: lineChart(months, r.months.map((m) => m.users), { ...options, formatY: formatInt, marks: r.months.map((m) => String(m.phase)) }),
    },
    {
      title: 'cost (c) and revenue ($) by month',
      chart: lineChart(
        [...months, ...months],
        [...r.months.map((m) => m.costUsd), ...r.months.map((m) => m.mrrUsd)],
        { ...options, formatY: formatUsd, marks: [...r.months.map(() => 'c'), ...r.months.map(() => '$')] },
      ),
    },
  ];
}
