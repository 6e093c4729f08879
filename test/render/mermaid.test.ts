import { describe, expect, it } from 'vitest';
import { renderMermaidChart } from '../../src/render/mermaid.js';
import type { ChartSpec } from '../../src/render/report-chart-spec.js';
import { linkUrls, listItem, paragraph } from '../../src/render/report-text.js';

const spec: ChartSpec = {
  id: 'latency',
  kind: 'line',
  title: 'P95 "latency"',
  categoryAxis: { title: 'Users', labels: ['1,000', '10,000', '100,000'] },
  valueAxis: { title: 'P95 latency, ms', format: String },
  series: [
    { name: 'P95', values: [90, null, 428.4] },
    { name: 'target', values: [500, 500, 500], reference: true },
  ],
};

describe('renderMermaidChart', () => {
  it('writes an xychart-beta block: quoted title and labels, a round value axis from 0, one line per series', () => {
    const { block, omitted } = renderMermaidChart(spec);
    expect(block).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "P95 ”latency”"',
        '  x-axis "Users" ["1,000", "100,000"]',
        // Values up to 500: 500 / 4 = 125, and the first round step at or above it is 2 × 100 → ticks 0, 200, 400, 600.
        '  y-axis "P95 latency, ms" 0 --> 600',
        '  line [90, 428.4]',
        '  line [500, 500]',
        '```',
      ].join('\n'),
    );
    expect(omitted).toEqual(['10,000']);
  });

  it('draws bars across the page for a horizontal bar chart', () => {
    const bars: ChartSpec = { ...spec, kind: 'bar', horizontal: true, series: [{ name: 'cost', values: [3, 2, 1] }] };
    const { block } = renderMermaidChart(bars);
    expect(block.split('\n').slice(1, 2)).toEqual(['xychart-beta horizontal']);
    expect(block).toContain('  bar [3, 2, 1]');
    // 3 / 4 = 0.75 → 1 × 1: ticks 0, 1, 2, 3.
    expect(block).toContain('0 --> 3');
  });
});

describe('report prose', () => {
  it('wraps paragraphs at 80 columns without cutting words, and keeps hard breaks', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const wrapped = paragraph(`${words}  \nnext line`);
    expect(wrapped.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(wrapped.replace(/\n/g, ' ').replace(/ {3}/, '  \n')).toBe(`${words}  \nnext line`);
    expect(paragraph('x'.repeat(100))).toBe('x'.repeat(100));
  });

  it('never starts a line with a list, quote or heading marker', () => {
    const text = `${'a'.repeat(78)} - b 1. c`;
    expect(paragraph(text).split('\n').map((line) => line.split(' ')[0])).toEqual(['a'.repeat(78), 'b']);
  });

  it('indents a list item under its dash', () => {
    // 78 columns after the dash: 39 words of one letter and their 38 spaces take 77, a 40th would take 79.
    expect(listItem(`${'a '.repeat(40)}end`)).toBe(`- ${'a '.repeat(39).trim()}\n  a end`);
  });

  it('turns bare URLs into autolinks, leaving trailing punctuation outside', () => {
    expect(linkUrls('see https://example.com/a_b#c, and (http://x.org/y).')).toBe('see <https://example.com/a_b#c>, and (<http://x.org/y>).');
  });
});
