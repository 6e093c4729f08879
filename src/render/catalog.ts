/** Renderers for the `catalog` commands: pure functions of their result objects. */
import type { RenderOptions } from '../output.js';
import { formatProblem, type CatalogProblem } from '../catalog/problems.js';
import type { CatalogShowResult, CatalogValidateResult, PhaseSummary } from '../catalog/summary.js';
import { groupedDecimal } from '../model/decimal-text.js';
import { countOf, formatFraction, formatInt, formatUsd } from './format.js';
import { markdownTable, paint, terminalTable, type Align } from './table.js';

type Rows = { head: string[]; rows: string[][]; align: Align[] };

/** Per-user money with 2 to 4 decimals, as the document's cost-per-user table writes it: $0.25, $0.0335. */
export const formatUsdPerUserShort = (usd: number): string => `$${groupedDecimal(usd, 2, 4)}`;

const usdRange = (r: { min: number; max: number }) => `${formatUsd(r.min)}–${formatUsd(r.max)}`;
const intRange = (r: { min: number; max: number }) => `${formatInt(r.min)}–${formatInt(r.max)}`;
/** 99.95 → "99.95%": availability targets keep every digit they were written with. */
const percent = (value: number) => `${value}%`;

const orDash = (usd: number | null, format: (usd: number) => string) => (usd === null ? '—' : format(usd));

/** The overview; the quote columns only when the catalog quotes a document's costs. */
function overviewRows(result: CatalogShowResult): Rows {
  const quoted = result.catalog.quoted;
  return {
    head: ['phase', 'name', 'users', 'concurrent', 'latency', 'availability', ...(quoted ? ['quoted/month', 'per user (top)'] : []), 'budget/month'],
    align: ['right', 'left', 'right', 'right', 'right', 'right', ...(quoted ? (['right', 'right'] as const) : []), 'right'],
    rows: result.phases.map((p) => [
      String(p.id),
      p.name,
      intRange(p.users),
      intRange(p.concurrentUsers),
      `P${p.slo.latencyPercentile} < ${formatInt(p.slo.latencyTargetMs)} ms`,
      percent(p.slo.availabilityPercent),
      ...(quoted ? [orDash(p.quotedTotalUsd, formatUsd), orDash(p.quotedCostPerUserUsd, formatUsdPerUserShort)] : []),
      usdRange(p.budgetUsd),
    ]),
  };
}

function componentRows(p: PhaseSummary, quoted: boolean): Rows {
  return {
    head: ['component', 'kind', 'provider', 'serves', 'instance', 'count', ...(quoted ? ['quoted/month'] : [])],
    align: ['left', 'left', 'left', 'left', 'left', 'left', 'right'],
    rows: [
      ...p.components.map((c) => [
        quoted && !c.inCostTable ? `${c.id} *` : c.id,
        c.kind,
        c.provider,
        c.serves.length > 0 ? c.serves.join('+') : '—',
        c.instance ?? '—',
        c.count,
        ...(quoted ? [c.quoted ? formatUsd(c.quoted.usd) : '—'] : []),
      ]),
      ...(quoted && p.quotedTotalUsd !== null ? [['quoted total', '', '', '', '', '', formatUsd(p.quotedTotalUsd)]] : []),
    ],
  };
}

function facts(p: PhaseSummary): Array<[string, string]> {
  const slo = p.slo;
  const lines: Array<[string, string]> = [
    ['users', `${intRange(p.users)}${p.users.note ? `  (${p.users.note})` : ''}`],
    ['concurrent users', `${intRange(p.concurrentUsers)} at the daily peak`],
    ['latency target', `P${slo.latencyPercentile} < ${formatInt(slo.latencyTargetMs)} ms`],
    ['availability', percent(slo.availabilityPercent)],
  ];
  if (slo.errorRate !== null) lines.push(['error rate', `< ${formatFraction(slo.errorRate, 1)}`]);
  if (p.quotedTotalUsd !== null && p.quotedCostPerUserUsd !== null) {
    lines.push(['quoted', `${formatUsd(p.quotedTotalUsd)}/month = ${formatUsdPerUserShort(p.quotedCostPerUserUsd)} per user at ${formatInt(p.users.max)} users`]);
  }
  lines.push(['budget', `${usdRange(p.budgetUsd)}/month`]);
  if (p.regions.length > 0) lines.push(['regions', p.regions.join(', ')]);
  return lines;
}

function footnote(p: PhaseSummary): string {
  const unquoted = p.components.length - p.quotedComponentCount;
  const rows = `${p.quotedComponentCount} quoted row${p.quotedComponentCount === 1 ? '' : 's'}`;
  const sum = `the document's ${rows} ${p.quotedComponentCount === 1 ? 'is' : 'sum to'} ${formatUsd(p.quotedComponentsUsd)}`;
  return unquoted > 0 ? `* not in the document's cost table (${unquoted} of ${p.components.length} components); ${sum}` : `${sum[0]!.toUpperCase()}${sum.slice(1)}`;
}

function warningLines(warnings: readonly CatalogProblem[]): string[] {
  return warnings.length === 0 ? [] : ['', `${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`, ...warnings.map((w) => `  ${formatProblem(w)}`)];
}

export function renderCatalogShowTable(result: CatalogShowResult, options: RenderOptions): string {
  const c = paint(options);
  const out: string[] = [];
  if (result.phases.length !== 1) {
    const t = overviewRows(result);
    out.push(c.bold(`${result.catalog.name}: ${result.phases.length} phases`), terminalTable(t.head, t.rows, options, t.align));
    if (result.catalog.quoted) out.push('', 'Per user = the quoted monthly total over the users at the top of the range.');
    out.push('Run `cuenta-plan catalog show <phase>` for a phase\'s components.');
  } else {
    const p = result.phases[0]!;
    out.push(c.bold(`Phase ${p.id} · ${p.name}`));
    if (p.summary) out.push(p.summary);
    out.push('');
    const width = Math.max(...facts(p).map(([k]) => k.length));
    for (const [key, value] of facts(p)) out.push(`  ${key.padEnd(width)}  ${value}`);
    out.push('');
    const t = componentRows(p, result.catalog.quoted);
    out.push(terminalTable(t.head, t.rows, options, t.align));
    if (result.catalog.quoted) out.push(c.dim(footnote(p)));
  }
  out.push(...warningLines(result.warnings).map((line) => (line.startsWith('  ') ? c.yellow(line) : line)));
  return `${out.join('\n')}\n`;
}

export function renderCatalogShowMarkdown(result: CatalogShowResult): string {
  const out: string[] = [];
  if (result.phases.length !== 1) {
    const t = overviewRows(result);
    out.push(`## ${result.catalog.name}: ${result.phases.length} phases`, '', markdownTable(t.head, t.rows, t.align), '');
    if (result.catalog.quoted) out.push('Per user = the quoted monthly total over the users at the top of the range.');
  } else {
    const p = result.phases[0]!;
    out.push(`## Phase ${p.id} · ${p.name}`, '');
    if (p.summary) out.push(p.summary, '');
    for (const [key, value] of facts(p)) out.push(`- **${key}**: ${value}`);
    const t = componentRows(p, result.catalog.quoted);
    out.push('', markdownTable(t.head, t.rows, t.align));
    if (result.catalog.quoted) out.push('', footnote(p).replace(/^\* /, '\\* '));
  }
  out.push(...warningLines(result.warnings));
  return `${out.join('\n')}\n`;
}

export function renderCatalogValidateTable(result: CatalogValidateResult, options: RenderOptions): string {
  const c = paint(options);
  const head = result.valid
    ? c.green(`${result.file} is valid: ${result.phases} phases, ${result.components} components, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`)
    : c.red(`${result.file} is invalid: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`);
  const lines = [head, ...[...result.errors, ...result.warnings].map((p) => `  ${formatProblem(p)}`)];
  return `${lines.join('\n')}\n`;
}

export function renderCatalogValidateMarkdown(result: CatalogValidateResult): string {
  const title = result.valid
    ? `**${result.file}** is valid: ${result.phases} phases, ${result.components} components, ${countOf(result.warnings.length, 'warning')}.`
    : `**${result.file}** is invalid: ${countOf(result.errors.length, 'error')}, ${countOf(result.warnings.length, 'warning')}.`;
  const problems = [...result.errors, ...result.warnings];
  if (problems.length === 0) return `${title}\n`;
  const rows = problems.map((p) => [p.severity, p.line !== undefined ? `${p.line}:${p.column ?? 1}` : '—', p.path || '—', p.message]);
  return `${title}\n\n${markdownTable(['severity', 'line:col', 'path', 'message'], rows)}\n`;
}
