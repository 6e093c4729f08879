import { renderMermaidChart } from './mermaid.js';
import type { ChartSpec } from './report-chart-spec.js';
import { paragraph } from './report-text.js';

/** Where the SVG files are, relative to the markdown (`charts`), or undefined when none are written. */
export interface ChartLinks {
  chartsHref?: string | undefined;
}

/**
 * A chart in the markdown: the mermaid block GitHub draws, a line saying which line is which when there are
 * several, the categories the block leaves out, and a link to the SVG file when `--charts` writes one.
 */
export function chartMarkdown(spec: ChartSpec, links: ChartLinks): string {
  const { block, omitted } = renderMermaidChart(spec);
  const notes: string[] = [];
  if (spec.series.length > 1) notes.push(`Lines, in order: ${spec.series.map((s) => s.name + (s.reference ? ' (reference)' : '')).join(', ')}.`);
  if (omitted.length > 0) notes.push(`Left out of the chart for want of a finite value: ${omitted.join(', ')}.`);
  // The image is a paragraph of its own, never wrapped: its alt text is the chart's title on one line.
  const image = links.chartsHref === undefined ? [] : [`![${spec.title}](${encodeURI(links.chartsHref)}/${spec.id}.svg)`];
  return [block, ...(notes.length > 0 ? [paragraph(notes.join('  \n'))] : []), ...image].join('\n\n');
}
