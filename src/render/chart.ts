/**
 * A small terminal line chart: one mark per point on a character grid, optional log axes.
 * Pure: the caller decides whether a chart belongs in the output (a TTY) and how wide it is.
 */
export interface ChartOptions {
  width: number;
  height: number;
  logX?: boolean;
  logY?: boolean;
  /** Formats an axis value for the labels. */
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** One character per point (e.g. the phase digit); defaults to "•". */
  marks?: readonly string[];
}

export function lineChart(xs: readonly number[], ys: readonly number[], options: ChartOptions): string {
  const points = xs.map((x, i) => [x, ys[i]!] as const).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!options.logX || x > 0) && (!options.logY || y > 0));
  if (points.length === 0) return '';
  const tx = (x: number) => (options.logX ? Math.log10(x) : x);
  const ty = (y: number) => (options.logY ? Math.log10(y) : y);
  const [x0, x1] = [Math.min(...points.map(([x]) => tx(x))), Math.max(...points.map(([x]) => tx(x)))];
  const [y0, y1] = [Math.min(...points.map(([, y]) => ty(y))), Math.max(...points.map(([, y]) => ty(y)))];
  const labelsY = [options.formatY(options.logY ? 10 ** y1 : y1), options.formatY(options.logY ? 10 ** y0 : y0)];
  const gutter = Math.max(...labelsY.map((l) => l.length));
  const width = Math.max(10, options.width - gutter - 2);
  const height = Math.max(3, options.height);
  const grid = Array.from({ length: height }, () => Array<string>(width).fill(' '));
  points.forEach(([x, y], i) => {
    const col = x1 === x0 ? 0 : Math.round(((tx(x) - x0) / (x1 - x0)) * (width - 1));
    const row = y1 === y0 ? height - 1 : height - 1 - Math.round(((ty(y) - y0) / (y1 - y0)) * (height - 1));
    grid[row]![col] = options.marks?.[i] ?? '•';
  });
  const lines = grid.map((cells, row) => {
    const label = row === 0 ? labelsY[0]! : row === height - 1 ? labelsY[1]! : '';
    return `${label.padStart(gutter)} │${cells.join('').trimEnd()}`;
  });
  const left = options.formatX(options.logX ? 10 ** x0 : x0);
  const right = options.formatX(options.logX ? 10 ** x1 : x1);
  lines.push(`${' '.repeat(gutter)} └${'─'.repeat(width)}`);
  lines.push(`${' '.repeat(gutter + 2)}${left}${right.padStart(width - left.length)}`);
  return lines.join('\n');
}
