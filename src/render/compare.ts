import type { CompareMetric, CompareResult } from '../model/compare.js';
import type { RenderOptions } from '../output.js';
import { formatInt, formatNumber, formatUsd, formatUsdPerUser, overridesText, pricesAgeText } from './format.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type Align } from './table.js';

function formatValue(metric: CompareMetric, value: number | null, signed = false): string {
  if (value === null) return '—';
  const sign = signed && value > 0 ? '+' : '';
  switch (metric.unit) {
    case 'USD':
      return sign + (metric.metric === 'cost-per-user' ? formatUsdPerUser(value).replace('$-', '-$') : formatUsd(value));
    case '%':
      return `${sign}${formatNumber(value, metric.metric === 'availability' || metric.metric === 'availability-sla' ? 4 : 3)}%`;
    case 'ms':
      return `${sign}${formatNumber(value, 1)} ms`;
    default:
      return sign + formatInt(value);
  }
}

function rows(r: CompareResult, mark: (text: string) => string) {
  const first = r.phases[0]!;
  const head = ['metric', ...r.phases.map((p) => `phase ${p.id}`), ...r.phases.slice(1).map((p) => `Δ ${p.id}−${first.id}`), 'better'];
  const align: Align[] = ['left', ...r.phases.map(() => 'right' as const), ...r.phases.slice(1).map(() => 'right' as const), 'left'];
  const body = r.metrics.map((m) => [
    `${m.name}${m.better ? ` (${m.better} is better)` : ''}`,
    ...m.values.map((v, i) => (m.best !== null && r.phases[i]!.id === m.best ? mark(formatValue(m, v)) : formatValue(m, v))),
    ...m.deltas.slice(1).map((d) => formatValue(m, d, true)),
    m.best === null ? (m.better ? 'tie' : '') : `phase ${m.best}`,
  ]);
  body.push([
    'verdict',
    ...r.phases.map((p) => (p.exhausted ? 'exhausted' : p.ok ? 'ok' : 'attention')),
    ...r.phases.slice(1).map(() => ''),
    '',
  ]);
  return { head, body, align };
}

function title(r: CompareResult): string {
  const names = r.phases.map((p) => `${p.id} "${p.name}"${p.inRange ? '' : ' (outside its range)'}`).join(' vs ');
  const why = r.usersDefaulted ? ' (the top of the first phase’s range; set it with --users)' : '';
  return `phases ${names} at ${formatInt(r.users)} users${why}`;
}

function failures(r: CompareResult): string[] {
  return r.phases.filter((p) => p.failing.length > 0).map((p) => `phase ${p.id} fails: ${p.failing.join(', ')}`);
}

const pricingText = (r: CompareResult) => `${r.pricing.description} · ${pricesAgeText(r.pricing.asOf)}`;

export function renderCompareTable(r: CompareResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const { head, body, align } = rows(r, (cell) => c.green(cell));
  const table = fittedTable({ head, rows: body, align, flexible: head.map((_, i) => i === 0) }, options);
  const set = r.overrides.length > 0 ? [text(overridesText(r.overrides))] : [];
  return [c.bold(text(title(r))), text(`pricing: ${pricingText(r)}`), ...set, table, ...failures(r).map((f) => c.yellow(text(`! ${f}`)))].join('\n');
}

export function renderCompareMarkdown(r: CompareResult): string {
  const { head, body, align } = rows(r, (text) => `**${text}**`);
  const notes = failures(r).map((f) => `- ${f}`);
  const set = r.overrides.length > 0 ? [`${overridesText(r.overrides).replace(/^set/, 'Set')} (--set).`] : [];
  return [`## cuenta-plan compare: ${title(r)}`, `Pricing: ${pricingText(r)}`, ...set, markdownTable(head, body, align), ...(notes.length ? [notes.join('\n')] : [])].join('\n\n');
}
