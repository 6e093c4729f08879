/**
 * Draws a ChartSpec as a mermaid `xychart-beta` block, which GitHub renders in place
 * (https://mermaid.js.org/syntax/xyChart.html). The syntax has no gaps and no legend: a category where a
 * data series has no value is left out (the caller names them), and the caller says in words which line
 * is which.
 */
import type { ChartSpec } from './report-chart-spec.js';
import { niceTicks } from './svg.js';

/** Mermaid strings are double-quoted with no escape: a quote inside becomes a typographic one. */
const quoted = (text: string): string => `"${text.replace(/"/g, '”')}"`;

export interface MermaidChart {
  /** The fenced block, ready for markdown. */
  block: string;
  /** Category labels left out because a data series had no value there. */
  omitted: string[];
}

export function renderMermaidChart(spec: ChartSpec): MermaidChart {
  const labels = spec.categoryAxis.labels;
  const data = spec.series.filter((s) => !s.reference);
  const keep = labels.map((_, i) => data.every((s) => s.values[i] !== null && s.values[i] !== undefined));
  const kept = <T>(list: readonly T[]) => list.filter((_, i) => keep[i]);
  const values = spec.series.flatMap((s) => kept(s.values)).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(0, ...values));
  const lines = [
    spec.horizontal ? 'xychart-beta horizontal' : 'xychart-beta',
    `  title ${quoted(spec.title)}`,
    `  x-axis ${quoted(spec.categoryAxis.title)} [${kept(labels).map(quoted).join(', ')}]`,
    `  y-axis ${quoted(spec.valueAxis.title)} 0 --> ${ticks[ticks.length - 1]}`,
    // A reference series has a value wherever a data series does not need one: gaps there are drawn at 0.
    ...spec.series.map((s) => `  ${spec.kind === 'bar' && !s.reference ? 'bar' : 'line'} [${kept(s.values).map((v) => String(v ?? 0)).join(', ')}]`),
  ];
  return { block: ['```mermaid', ...lines, '```'].join('\n'), omitted: labels.filter((_, i) => !keep[i]) };
}
