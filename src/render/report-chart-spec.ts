/**
 * A chart as data: what the report draws twice, as a mermaid `xychart-beta` block (rendered by GitHub) and as
 * an SVG file (src/render/svg-chart.ts). One spec for both, so the two pictures cannot disagree.
 */

/** A series of values over the chart's categories; null where there is no finite value (a gap in the line). */
export interface ChartSeries {
  name: string;
  values: ReadonlyArray<number | null>;
  /** A dashed reference line (a target), drawn under the data series. */
  reference?: boolean;
}

export interface ChartSpec {
  /** File name without extension, for the SVG: `cost-per-user`. */
  id: string;
  kind: 'line' | 'bar';
  title: string;
  /** The category axis: its title, and one label per category. */
  categoryAxis: { title: string; labels: readonly string[] };
  /** The value axis: its title with the unit, and how a value is written in a label or a tooltip. */
  valueAxis: { title: string; format: (value: number) => string };
  series: readonly ChartSeries[];
  /** Bars run across the page (long category names, as components have). */
  horizontal?: boolean;
}
