import type { CompareMetric, CompareResult } from '../model/compare.js';
import type { RenderOptions } from '../output.js';
import { formatInt, formatNumber, formatUsd, formatUsdPerUser, overridesText, pricesAgeText } from './format.js';
import { strategiesByPlan, strategyLabel } from './purchase.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type Align, type TableSpec } from './table.js';

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

/** With --purchase: the strategies table across the phases, and what the chosen one saves in each. */
function purchaseParts(r: CompareResult): { title: string; table: TableSpec; lines: string[] } | null {
  const plans = r.phases.flatMap((p) => (p.purchase === undefined ? [] : [{ label: `phase ${p.id}`, purchase: p.purchase, id: p.id }]));
  if (plans.length === 0) return null;
  return {
    title: `Purchase strategies (monthly cost is bought as ${strategyLabel(plans[0]!.purchase)})`,
    table: strategiesByPlan(plans),
    lines: plans.map(
      ({ id, purchase: p }) =>
        `phase ${id}: ${formatUsd(p.savingUsd)} saved against ${formatUsd(p.onDemandUsd)} on demand, ${formatUsd(p.upfrontUsd)} upfront; ` +
        `${p.onDemandLines.length} line${p.onDemandLines.length === 1 ? '' : 's'} stay on demand (--format json lists them with the reason)`,
    ),
  };
}

export function renderCompareTable(r: CompareResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const { head, body, align } = rows(r, (cell) => c.green(cell));
  const table = fittedTable({ head, rows: body, align, flexible: head.map((_, i) => i === 0) }, options);
  const set = r.overrides.length > 0 ? [text(overridesText(r.overrides))] : [];
  const purchase = purchaseParts(r);
  const bought = purchase === null ? [] : ['', c.bold(text(purchase.title)), fittedTable(purchase.table, options), ...purchase.lines.map(text)];
  return [c.bold(text(title(r))), text(`pricing: ${pricingText(r)}`), ...set, table, ...failures(r).map((f) => c.yellow(text(`! ${f}`))), ...bought].join('\n');
}

export function renderCompareMarkdown(r: CompareResult): string {
  const { head, body, align } = rows(r, (text) => `**${text}**`);
  const notes = failures(r).map((f) => `- ${f}`);
  const set = r.overrides.length > 0 ? [`${overridesText(r.overrides).replace(/^set/, 'Set')} (--set).`] : [];
  const purchase = purchaseParts(r);
  const bought =
    purchase === null ? [] : [`### ${purchase.title}`, markdownTable(purchase.table.head, purchase.table.rows, purchase.table.align), purchase.lines.map((l) => `- ${l}`).join('\n')];
  return [
    `## cuenta-plan compare: ${title(r)}`,
    `Pricing: ${pricingText(r)}`,
    ...set,
    markdownTable(head, body, align),
    ...(notes.length ? [notes.join('\n')] : []),
    ...bought,
  ].join('\n\n');
}
