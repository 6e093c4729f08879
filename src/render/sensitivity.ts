/**
 * `sensitivity` as a ranked table and a tornado chart: one bar per input, from the metric at one end of its
 * range to the other, around the baseline (every input at P50). Text bars, so the chart reads the same in a
 * terminal and in a markdown code block.
 */
import type { SensitivityMetric, SensitivityResult } from '../model/sensitivity-result.js';
import type { RenderOptions } from '../output.js';
import { countOf, formatMs, formatNumber, formatUsd, formatUsdPerUser, overridesText } from './format.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type TableSpec } from './table.js';
import { distributionText } from './uncertainty.js';

const FORMATS: Record<SensitivityMetric, (value: number) => string> = {
  cost: formatUsd,
  'cost-per-user': formatUsdPerUser,
  'p95-ms': (ms) => formatMs(ms),
  availability: (p) => `${formatNumber(p, 3)}%`,
  margin: formatUsd,
};

const figure = (r: SensitivityResult, value: number | null): string => (value === null ? 'unbounded' : FORMATS[r.metric](value));
const inputFigure = (x: number): string => formatNumber(x, Math.max(0, Math.min(6, 3 - Math.floor(Math.log10(Math.abs(x) || 1)))));

function headline(r: SensitivityResult): string {
  return `sensitivity of ${r.metric} at ${countOf(r.users, 'user')} on phase ${r.phase.id} "${r.phase.name}": baseline ${figure(r, r.baseline)} (every input at its P50)`;
}

function rows(r: SensitivityResult): TableSpec {
  return {
    head: ['#', 'assumption', 'distribution', 'P10 → metric', 'P90 → metric', 'swing'],
    rows: r.inputs.map((input, i) => [
      String(i + 1),
      input.name,
      distributionText(input.distribution),
      `${inputFigure(input.p10)} → ${figure(r, input.atP10)}`,
      `${inputFigure(input.p90)} → ${figure(r, input.atP90)}`,
      figure(r, input.swing),
    ]),
    align: ['right', 'left', 'left', 'right', 'right', 'right'],
    flexible: [false, false, true, false, false, false],
    dropOrder: [2],
  };
}

/**
 * The tornado: each bar spans [min(atP10, atP90), max(…)] on one scale for all rows, `|` marks the baseline.
 * An unbounded end draws to the chart's edge with "…".
 * @example tornadoChart(result, 30) // "cache_hit_ratio  ······████|███······"
 */
export function tornadoChart(r: SensitivityResult, width: number): string {
  if (r.inputs.length === 0 || r.baseline === null) return '';
  const finite = r.inputs.flatMap((i) => [i.atP10, i.atP90]).filter((v): v is number => v !== null);
  const lo = Math.min(r.baseline, ...finite);
  const hi = Math.max(r.baseline, ...finite);
  const label = Math.max(...r.inputs.map((i) => i.name.length));
  const cells = Math.max(10, width - label - 2);
  const at = (value: number | null, unbounded: number) => (value === null ? unbounded : hi === lo ? 0 : Math.round(((value - lo) / (hi - lo)) * (cells - 1)));
  const base = at(r.baseline, 0);
  return r.inputs
    .map((input) => {
      const ends = [at(input.atP10, input.atP10 === null ? cells - 1 : 0), at(input.atP90, cells - 1)];
      const [from, to] = [Math.min(...ends), Math.max(...ends)];
      const bar = Array.from({ length: cells }, (_, k) => (k === base ? '|' : k >= from && k <= to ? '█' : '·'));
      const unbounded = input.atP10 === null || input.atP90 === null ? '…' : '';
      return `${input.name.padEnd(label)}  ${bar.join('')}${unbounded}`;
    })
    .concat(`${' '.repeat(label)}  ${figure(r, lo)} … ${figure(r, hi)}; | = baseline`)
    .join('\n');
}

export function renderSensitivityTable(r: SensitivityResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const lines = [c.bold(text(headline(r)))];
  if (r.overrides.length > 0) lines.push(text(overridesText(r.overrides)));
  lines.push(fittedTable(rows(r), options), '', tornadoChart(r, Math.min(options.columns ?? 80, 100)), '', text(`method: ${r.method}`));
  return lines.join('\n');
}

export function renderSensitivityMarkdown(r: SensitivityResult): string {
  const { head, rows: body, align } = rows(r);
  const parts = [`## cuenta-plan: ${headline(r)}`];
  if (r.overrides.length > 0) parts.push(overridesText(r.overrides));
  parts.push(markdownTable(head, body, align), `\`\`\`text\n${tornadoChart(r, 80)}\n\`\`\``, `Method: ${r.method}.`);
  return parts.join('\n\n');
}
