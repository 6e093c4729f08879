import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/render/report-chart-spec.js';
import { renderChartSvg } from '../../src/render/svg-chart.js';
import { element, escapeXml, niceTicks, px } from '../../src/render/svg.js';
import { svgChartParts } from './svg-parts.js';

describe('niceTicks', () => {
  it.each([
    // max / 4 → the first of 1, 2, 2.5, 5, 10 × 10^k at or above it; ticks from 0 until one reaches max.
    [100, [0, 25, 50, 75, 100]], // 25 → 2.5 × 10
    [1234, [0, 500, 1000, 1500]], // 308.5 → 5 × 100
    [0.48, [0, 0.2, 0.4, 0.6]], // 0.12 → 2 × 0.1
    [428.4, [0, 200, 400, 600]], // 107.1 → 2 × 100
    [8, [0, 2, 4, 6, 8]], // 2 → 2 × 1
  ])('niceTicks(%d) = %j', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it('gives an axis of 0 to 1 when there is nothing above zero to show', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('SVG building blocks', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('writes attributes in order, leaves undefined ones out, rounds numbers to a tenth, and closes empty elements', () => {
    expect(element('circle', { cx: 1.26, cy: 2, r: undefined, title: 'a"b' })).toBe('<circle cx="1.3" cy="2" title="a&quot;b"/>');
    expect(element('g', {}, ['<x/>'])).toBe('<g><x/></g>');
    expect(px(10.04)).toBe('10');
  });
});

const lineSpec: ChartSpec = {
  id: 'demo',
  kind: 'line',
  title: 'Latency & load <demo>',
  categoryAxis: { title: 'Users', labels: ['1', '2', '3'] },
  valueAxis: { title: 'P95 latency, ms', format: (v) => `${v} ms` },
  series: [
    { name: 'P95', values: [0, 50, null] },
    { name: 'target', values: [100, 100, 100], reference: true },
  ],
};

describe('renderChartSvg: a line chart', () => {
  const svg = renderChartSvg(lineSpec);
  const parts = svgChartParts(svg);

  it('is well-formed XML with an SVG root, a <title> and a <desc> that lists every value', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(parts.title).toBe('Latency & load <demo>');
    expect(parts.desc).toContain('P95 — 1: 0 ms; 2: 50 ms; 3: no value');
  });

  it('titles both axes, the value axis with its unit', () => {
    expect(parts.axisTitles).toEqual(['P95 latency, ms', 'Users']);
  });

  it('draws one marker per finite value, at the position worked out by hand', () => {
    // Ticks 0–100 (max 100 → step 25); the plot runs from y 336 (0) up to 56 (100), x 96–696 in three bands of 200.
    expect(parts.points).toEqual([
      { category: '1', value: 0, x: 196, y: 336 },
      { category: '2', value: 50, x: 396, y: 196 },
    ]);
  });

  it('breaks the line where a value is missing and draws the target dashed without markers', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as unknown;
    const text = JSON.stringify(parsed);
    expect(text).toContain('"d":"M196 336L396 196"');
    expect(text).toContain('"d":"M196 56L396 56L596 56","fill":"none","stroke":"#9a9a9a","stroke-width":"2","stroke-dasharray":"5 4"');
  });

  it('labels the value axis at each tick', () => {
    expect(parts.tickLabels).toEqual(['0 ms', '25 ms', '50 ms', '75 ms', '100 ms', '1', '2', '3']);
  });
});

describe('renderChartSvg: horizontal bars', () => {
  const spec: ChartSpec = {
    id: 'bars',
    kind: 'bar',
    horizontal: true,
    title: 'Cost by component',
    categoryAxis: { title: 'Component', labels: ['api', 'db'] },
    valueAxis: { title: 'Cost, USD per month', format: (v) => `$${v}` },
    series: [{ name: 'monthly cost', values: [40, 10] }],
  };
  const svg = renderChartSvg(spec);
  const parts = svgChartParts(svg);

  it('is well-formed, titled, with both axis titles and a bar per component', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(parts.title).toBe('Cost by component');
    expect(parts.axisTitles).toEqual(['Cost, USD per month', 'Component']);
    expect(parts.points.map(({ category, value }) => ({ category, value }))).toEqual([
      { category: 'api', value: 40 },
      { category: 'db', value: 10 },
    ]);
  });

  it('sizes the bars in proportion, from the axis', () => {
    // Labels of 3 characters: the plot starts at 48 + 3 × 6.6 = 67.8; ticks 0–40 (step 10) span 67.8–696.
    const widths = [...svg.matchAll(/<rect class="point" x="67.8" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([628.2, 157.1]);
  });
});
