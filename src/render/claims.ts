import type { ClaimRow, ClaimsResult } from '../model/claims.js';
import type { RenderOptions } from '../output.js';
import { formatInt, formatNumber, formatUsd, formatUsdPerUser, overridesText } from './format.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type Align } from './table.js';

/** A value in a claim's unit, as the document would write it. */
export function formatClaimValue(unit: string, value: number | null): string {
  if (value === null) return '—';
  switch (unit) {
    case 'usd':
      return Math.abs(value) < 1 ? formatUsdPerUser(value) : formatUsd(value);
    case 'ms':
      return `${formatNumber(value, 1)} ms`;
    case 'fraction':
      return `${formatNumber(value * 100, 2)}%`;
    case 'percent':
      return `${formatNumber(value, 3)}%`;
    case 'req/s':
      return `${formatInt(value)} req/s`;
    case 'users':
      return formatInt(value);
    case 'rank':
      return `#${formatInt(value)}`;
    default:
      return `${formatNumber(value, Number.isInteger(value) ? 0 : 4)} ${unit}`;
  }
}

const SYMBOLS: Readonly<Record<ClaimRow['comparison'], string>> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', approx: '≈' };

/** The document's side: "< $0.0800", "≈ $0.0100 ± 5%". */
function documentText(row: ClaimRow): string {
  const tolerance = row.tolerance === null ? '' : ` ± ${formatNumber(row.tolerance * 100, 0)}%`;
  return `${SYMBOLS[row.comparison]} ${formatClaimValue(row.unit, row.documentValue)}${tolerance}`;
}

/** One decimal, two below 0.1 % so a small gap does not print as "+0.0%". */
const signed = (percent: number) => `${percent > 0 ? '+' : ''}${formatNumber(percent, Math.abs(percent) < 0.1 ? 2 : 1)}%`;

/** holds / off by X % / cannot be evaluated. */
export function verdictText(row: ClaimRow): string {
  if (row.holds === null) return 'cannot be evaluated';
  if (row.holds) return row.offByPercent === null || row.offByPercent === 0 ? 'holds' : `holds (${signed(row.offByPercent)})`;
  // Equal to a strict limit ("< $0.08" at $0.08): off by nothing, and still not holding.
  if (row.offByPercent === null || row.offByPercent === 0) return 'does not hold';
  return `off by ${signed(row.offByPercent)}`;
}

function rows(r: ClaimsResult, mark: { ok: (t: string) => string; bad: (t: string) => string }) {
  const head = ['claim', 'document', 'model', 'verdict', 'reason'];
  const align: Align[] = ['left', 'right', 'right', 'left', 'left'];
  const body = r.claims.map((row) => {
    const verdict = verdictText(row);
    return [`${row.id}: ${row.text}`, documentText(row), formatClaimValue(row.unit, row.modelValue), row.holds === true ? mark.ok(verdict) : row.holds === false ? mark.bad(verdict) : verdict, row.reason];
  });
  return { head, body, align };
}

/** The KPIs read at every phase, one column per phase. */
function phaseRows(r: ClaimsResult) {
  const multi = r.claims.filter((row) => row.phases !== null);
  const ids = [...new Set(multi.flatMap((row) => row.phases!.map((p) => p.phase)))];
  const head = ['KPI', ...ids.map((id) => `phase ${id}`)];
  const align: Align[] = ['left', ...ids.map(() => 'right' as const)];
  const body = multi.map((row) => [
    `${row.id} (${documentText(row)})`,
    ...ids.map((id) => {
      const p = row.phases!.find((x) => x.phase === id);
      if (!p) return '';
      const flag = p.holds === false ? ' ✗' : p.holds === null ? ' ?' : '';
      return `${formatClaimValue(row.unit, p.modelValue)}${flag}`;
    }),
  ]);
  return { head, body, align, count: multi.length };
}

const summaryText = (r: ClaimsResult) =>
  `${r.claims.length} claims and KPIs: ${r.summary.holds} hold, ${r.summary.fails} do not, ${r.summary.notEvaluated} cannot be evaluated`;

const PHASE_NOTE = 'KPIs that name no phase, at the top of each phase (✗ does not hold, ? cannot be judged):';

export function renderClaimsTable(r: ClaimsResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const { head, body, align } = rows(r, { ok: (t) => c.green(t), bad: (t) => c.yellow(t) });
  const set = r.overrides.length > 0 ? [text(overridesText(r.overrides))] : [];
  const parts = [
    c.bold(text(`claims of the document against the model — ${summaryText(r)}`)),
    text(`pricing: ${r.pricing.description}`),
    ...set,
    fittedTable({ head, rows: body, align, flexible: [true, false, false, true, true], maxWidths: [34, undefined, undefined, 20, 60], minWidths: [16, undefined, undefined, 10, 20], dropOrder: [4] }, options),
  ];
  const phases = phaseRows(r);
  if (phases.count > 0) parts.push('', text(PHASE_NOTE), fittedTable({ head: phases.head, rows: phases.body, align: phases.align, flexible: phases.head.map((_, i) => i === 0) }, options));
  return parts.join('\n');
}

export function renderClaimsMarkdown(r: ClaimsResult): string {
  const { head, body, align } = rows(r, { ok: (t) => t, bad: (t) => `**${t}**` });
  const set = r.overrides.length > 0 ? [`${overridesText(r.overrides).replace(/^set/, 'Set')} (--set).`] : [];
  const parts = [`## cuenta-plan claims: ${summaryText(r)}`, `Pricing: ${r.pricing.description}`, ...set, markdownTable(head, body, align)];
  const phases = phaseRows(r);
  if (phases.count > 0) parts.push(PHASE_NOTE, markdownTable(phases.head, phases.body, phases.align));
  return parts.join('\n\n');
}
