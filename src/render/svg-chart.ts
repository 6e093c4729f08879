/**
 * Draws a ChartSpec as a standalone SVG file: a <title> and <desc> (what a screen reader or a GitHub preview
 * shows), both axes with their titles and units, round ticks from zero, and every data point as an element
 * of its own carrying its category and value (`data-category`, `data-value`) and a tooltip. Pure: the same
 * spec gives the same bytes.
 */
import type { ChartSeries, ChartSpec } from './report-chart-spec.js';
import { element, niceTicks, textElement } from './svg.js';

const WIDTH = 720;
const HEIGHT = 400;
const TOP = 56;
const BOTTOM = HEIGHT - 64;
const RIGHT = WIDTH - 24;
/** Room for the value labels and the rotated axis title left of a vertical chart. */
const LEFT = 96;
/** An average character of the 12 px labels, to leave room for category names left of horizontal bars. */
const CHAR_PX = 6.6;
const COLOURS = ['#2f6fb0', '#d9822b', '#3c9a5f', '#8e5ea2'];
const REFERENCE_COLOUR = '#9a9a9a';
const AXIS_COLOUR = '#333333';
const GRID_COLOUR = '#e3e3e3';

const dataSeries = (spec: ChartSpec) => spec.series.filter((s) => !s.reference);
const finite = (values: ReadonlyArray<number | null>): number[] => values.filter((v): v is number => v !== null && Number.isFinite(v));

/** A sentence with every value, for <desc>. */
function description(spec: ChartSpec): string {
  const labels = spec.categoryAxis.labels;
  const series = spec.series.map((s) => {
    const values = labels.map((label, i) => `${label}: ${s.values[i] == null ? 'no value' : spec.valueAxis.format(s.values[i]!)}`);
    return `${s.name} — ${values.join('; ')}`;
  });
  return `${spec.valueAxis.title} by ${spec.categoryAxis.title.toLowerCase()}. ${series.join('. ')}.`;
}

function legend(spec: ChartSpec): string[] {
  if (spec.series.length < 2) return [];
  let x = LEFT;
  return spec.series.map((s, i) => {
    const colour = s.reference ? REFERENCE_COLOUR : COLOURS[i % COLOURS.length]!;
    const item = element('g', { class: 'legend-item' }, [
      element('line', { x1: x, y1: 40, x2: x + 18, y2: 40, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': s.reference ? '5 4' : undefined }),
      textElement('text', { x: x + 24, y: 44 }, s.name),
    ]);
    x += 24 + s.name.length * CHAR_PX + 24;
    return item;
  });
}

/** A point's tooltip: "50k users — cost per user: $0.0196". */
const tip = (spec: ChartSpec, series: ChartSeries, i: number, value: number) => `${spec.categoryAxis.labels[i]} — ${series.name}: ${spec.valueAxis.format(value)}`;

/** Categories along x, values up y: lines (with a marker per point) or bars. */
function vertical(spec: ChartSpec): string[] {
  const labels = spec.categoryAxis.labels;
  const ticks = niceTicks(Math.max(0, ...spec.series.flatMap((s) => finite(s.values))));
  const top = ticks[ticks.length - 1]!;
  const band = (RIGHT - LEFT) / Math.max(1, labels.length);
  const x = (i: number) => LEFT + (i + 0.5) * band;
  const y = (v: number) => BOTTOM - (v / top) * (BOTTOM - TOP);
  const grid = ticks.map((t) =>
    element('g', { class: 'tick' }, [
      element('line', { x1: LEFT, y1: y(t), x2: RIGHT, y2: y(t), stroke: GRID_COLOUR }),
      textElement('text', { x: LEFT - 8, y: y(t) + 4, 'text-anchor': 'end' }, spec.valueAxis.format(t)),
    ]),
  );
  // Labels wider than their band (1,000,000 among eleven user counts) slant, so that neighbours do not overlap.
  const slant = Math.max(0, ...labels.map((l) => l.length)) * CHAR_PX > band - 4;
  const categories = labels.map((label, i) =>
    slant
      ? textElement('text', { x: x(i), y: BOTTOM + 14, 'text-anchor': 'end', transform: `rotate(-30 ${Math.round(x(i) * 10) / 10} ${BOTTOM + 14})` }, label)
      : textElement('text', { x: x(i), y: BOTTOM + 18, 'text-anchor': 'middle' }, label),
  );
  const axes = [
    element('g', { class: 'axis y-axis' }, [
      element('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: BOTTOM, stroke: AXIS_COLOUR }),
      ...grid,
      textElement('text', { class: 'axis-title', x: 18, y: (TOP + BOTTOM) / 2, transform: `rotate(-90 18 ${(TOP + BOTTOM) / 2})`, 'text-anchor': 'middle' }, spec.valueAxis.title),
    ]),
    element('g', { class: 'axis x-axis' }, [
      element('line', { x1: LEFT, y1: BOTTOM, x2: RIGHT, y2: BOTTOM, stroke: AXIS_COLOUR }),
      ...categories,
      textElement('text', { class: 'axis-title', x: (LEFT + RIGHT) / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, spec.categoryAxis.title),
    ]),
  ];
  const marks = spec.series.map((s, k) => {
    const colour = s.reference ? REFERENCE_COLOUR : COLOURS[k % COLOURS.length]!;
    if (spec.kind === 'bar') {
      const bars = dataSeries(spec);
      const width = (band * 0.7) / bars.length;
      return element(
        'g',
        { class: 'series', 'data-series': s.name, fill: colour },
        s.values.flatMap((v, i) =>
          v === null ? [] : [element('rect', { class: 'point', x: x(i) - band * 0.35 + k * width, y: y(v), width, height: BOTTOM - y(v), 'data-category': labels[i], 'data-value': String(v) }, [textElement('title', {}, tip(spec, s, i, v))])],
        ),
      );
    }
    // A null value breaks the line: the next point starts a new segment.
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) pen = false;
      else {
        path += `${pen ? 'L' : 'M'}${Math.round(x(i) * 10) / 10} ${Math.round(y(v) * 10) / 10}`;
        pen = true;
      }
    });
    const points = s.reference
      ? []
      : s.values.flatMap((v, i) => (v === null ? [] : [element('circle', { class: 'point', cx: x(i), cy: y(v), r: 3.5, fill: colour, 'data-category': labels[i], 'data-value': String(v) }, [textElement('title', {}, tip(spec, s, i, v))])]));
    return element('g', { class: s.reference ? 'series reference' : 'series', 'data-series': s.name }, [
      element('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-dasharray': s.reference ? '5 4' : undefined }),
      ...points,
    ]);
  });
  return [...axes, ...marks];
}

/** Categories down the left (long names fit), one bar each across. */
function horizontal(spec: ChartSpec): string[] {
  const labels = spec.categoryAxis.labels;
  const series = dataSeries(spec)[0]!;
  const left = Math.min(WIDTH / 2, 48 + Math.max(0, ...labels.map((l) => l.length)) * CHAR_PX);
  const ticks = niceTicks(Math.max(0, ...finite(series.values)));
  const top = ticks[ticks.length - 1]!;
  const band = (BOTTOM - TOP) / Math.max(1, labels.length);
  const x = (v: number) => left + (v / top) * (RIGHT - left);
  const y = (i: number) => TOP + (i + 0.5) * band;
  const axes = [
    element('g', { class: 'axis x-axis' }, [
      element('line', { x1: left, y1: BOTTOM, x2: RIGHT, y2: BOTTOM, stroke: AXIS_COLOUR }),
      ...ticks.map((t) =>
        element('g', { class: 'tick' }, [
          element('line', { x1: x(t), y1: TOP, x2: x(t), y2: BOTTOM, stroke: GRID_COLOUR }),
          textElement('text', { x: x(t), y: BOTTOM + 18, 'text-anchor': 'middle' }, spec.valueAxis.format(t)),
        ]),
      ),
      textElement('text', { class: 'axis-title', x: (left + RIGHT) / 2, y: HEIGHT - 18, 'text-anchor': 'middle' }, spec.valueAxis.title),
    ]),
    element('g', { class: 'axis y-axis' }, [
      element('line', { x1: left, y1: TOP, x2: left, y2: BOTTOM, stroke: AXIS_COLOUR }),
      ...labels.map((label, i) => textElement('text', { x: left - 8, y: y(i) + 4, 'text-anchor': 'end' }, label)),
      textElement('text', { class: 'axis-title', x: 18, y: (TOP + BOTTOM) / 2, transform: `rotate(-90 18 ${(TOP + BOTTOM) / 2})`, 'text-anchor': 'middle' }, spec.categoryAxis.title),
    ]),
  ];
  const bars = element(
    'g',
    { class: 'series', 'data-series': series.name, fill: COLOURS[0] },
    series.values.flatMap((v, i) =>
      v === null ? [] : [element('rect', { class: 'point', x: left, y: y(i) - band * 0.35, width: x(v) - left, height: band * 0.7, 'data-category': labels[i], 'data-value': String(v) }, [textElement('title', {}, tip(spec, series, i, v))])],
    ),
  );
  return [...axes, bars];
}

/** The chart as an SVG document (with its XML declaration and a final newline). */
export function renderChartSvg(spec: ChartSpec): string {
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const body = spec.horizontal ? horizontal(spec) : vertical(spec);
  const svg = element(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    [
      textElement('title', { id: titleId }, spec.title),
      textElement('desc', { id: descId }, description(spec)),
      element('rect', { width: WIDTH, height: HEIGHT, fill: '#ffffff' }),
      element('g', { 'font-family': 'system-ui, -apple-system, Segoe UI, sans-serif', 'font-size': 12, fill: AXIS_COLOUR }, [
        textElement('text', { class: 'chart-title', x: WIDTH / 2, y: 24, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 'bold' }, spec.title),
        ...legend(spec),
        ...body,
      ]),
    ],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
