import type { SimulateResult } from '../model/simulate-result.js';
import type { RenderOptions } from '../output.js';
import { countOf, formatInt, formatMs, formatNumber, formatQuantity, formatUnitPrice, formatUsd, formatUsdPerUser, orDash, unitLabel } from './format.js';
import { markdownTable, paint, terminalTable, verdict, type Align } from './table.js';

type Rows = { head: string[]; rows: string[][]; align: Align[]; maxWidths?: Array<number | undefined> };

const percent = (value: number | null, decimals = 1) => (value === null ? '—' : `${formatNumber(value, decimals)}%`);

function headline(r: SimulateResult): string {
  const how = r.phase.selectedBy === 'range' ? 'its range holds N' : 'chosen with --phase';
  return `${countOf(r.users, 'user')} → phase ${r.phase.id} "${r.phase.name}" (${formatInt(r.phase.usersMin)}–${formatInt(r.phase.usersMax)} users; ${how})`;
}

function workloadLine(r: SimulateResult): string {
  const w = r.workload;
  return (
    `${formatNumber(w.concurrentUsers, 0)} concurrent users at the peak hour · ${formatNumber(w.peakRequestsPerS, 1)} req/s peak · ` +
    `${formatNumber(w.averageRequestsPerS, 1)} req/s average · ${formatNumber(w.monthlyRequests / 1e6, 1)} M requests/month`
  );
}

function tierRows(r: SimulateResult): Rows {
  const p = r.latency.percentile;
  return {
    head: ['tier', 'serves', 'instances peak', 'avg', 'min–max', 'vCPU', 'CPU peak', `P${p} visit`, 'adds to P' + p, 'sized by'],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    rows: r.tiers.map((t) => [
      t.exhausted ? `${t.id} (exhausted)` : t.id,
      t.roles.join('+'),
      String(t.instances.peak),
      formatNumber(t.instances.average, 2),
      `${t.instances.min}–${t.instances.max}`,
      String(t.vcpusPerInstance),
      t.delay ? '—' : percent(t.utilization * 100),
      formatMs(t.latencyMs.percentile, 2),
      formatMs(t.latencyMs.contribution, 2),
      t.sizedBy,
    ]),
  };
}

function checkRows(r: SimulateResult, options: RenderOptions): Rows {
  return {
    head: ['check', 'value', 'limit', 'result'],
    align: ['left', 'right', 'right', 'left'],
    rows: r.checks.map((c) => {
      // Availability needs its nines; small shares need two decimals to show they are not zero.
      const decimals = c.name === 'availability' ? 4 : c.value !== null && Math.abs(c.value) < 1 ? 2 : 1;
      return [
        c.name,
        c.value === null ? 'unbounded (unstable queue)' : `${formatNumber(c.value, decimals)} ${c.unit}`,
        `${c.relation} ${formatNumber(c.limit, c.name === 'availability' ? 3 : 1)} ${c.unit}`,
        verdict(c.pass, options),
      ];
    }),
  };
}

function costRows(r: SimulateResult): Rows {
  const other = r.pricing.compareBook;
  return {
    head: ['component', `${r.cost.book}`, other, 'quoted', 'how it is priced'],
    align: ['left', 'right', 'right', 'right', 'left'],
    maxWidths: [undefined, undefined, undefined, undefined, 64],
    rows: r.cost.components.map((c) => [
      c.id,
      formatUsd(c.monthlyUsd),
      formatUsd(c.compareUsd),
      c.quotedUsd === null ? '—' : formatUsd(c.quotedUsd),
      c.lines.length === 0
        ? 'no charge of its own'
        : c.lines
            .map((l) => `${formatQuantity(l.quantity)} ${unitLabel(l.unit)} × ${formatUnitPrice(l.usdPerUnit)}${l.verified ? '' : ' (est.)'}`)
            .join(' + '),
    ]),
  };
}

function costSummary(r: SimulateResult): string {
  const c = r.cost;
  return (
    `total ${formatUsd(c.totalUsd)}/month (${c.book}) · ${formatUsdPerUser(c.perUserUsd)} per user · ` +
    `${r.pricing.compareBook} ${formatUsd(c.compareTotalUsd)} · document quote ${formatUsd(c.quotedTotalUsd)} · ` +
    `budget ${formatUsd(c.budget.minUsd)}–${formatUsd(c.budget.maxUsd)}: ${c.budget.status}`
  );
}

function quoteGapLine(r: SimulateResult): string {
  const { vsQuote } = r.cost;
  const sign = (usd: number) => (usd >= 0 ? `+${formatUsd(usd)}` : formatUsd(usd));
  if (vsQuote.drivers.length === 0) return `the ${vsQuote.estimateBook} estimate equals the document's quote`;
  const shown = vsQuote.drivers.slice(0, 4).map((d) => `${d.id} ${sign(d.differenceUsd)}${d.quoted ? '' : ' (no row in the document)'}`);
  const more = vsQuote.drivers.length > 4 ? `, ${vsQuote.drivers.length - 4} more` : '';
  return `${vsQuote.estimateBook} estimate vs the document's quote: ${sign(vsQuote.differenceUsd)} — ${shown.join(', ')}${more}`;
}

function availabilityLine(r: SimulateResult): string {
  const a = r.availability;
  const spof = a.singlePointsOfFailure.length ? a.singlePointsOfFailure.join(', ') : 'none';
  return (
    `expected ${formatNumber(a.expectedPercent, 4)}% (target ${a.targetPercent}%) · error budget ${formatNumber(a.errorBudgetMinutes, 1)} min/month · ` +
    `expected downtime ${formatNumber(a.expectedDowntimeMinutes, 1)} min/month · single points of failure: ${spof}`
  );
}

function headroomLine(r: SimulateResult): string {
  const h = r.headroom;
  if (h.maxUsers === null) return `none: the phase fails its capacity checks even at its smallest load (${h.limitedBy.join(', ')})`;
  if (h.unbounded) return `the phase serves more than ${formatInt(h.maxUsers)} users; no capacity limit found`;
  const sign = (h.headroomUsers ?? 0) >= 0 ? '+' : '';
  return (
    `serves up to ${formatInt(h.maxUsers)} users (${sign}${formatInt(h.headroomUsers ?? 0)}, ${sign}${percent(h.headroomPercent)} of today's load); ` +
    `then limited by ${h.limitedBy.join(', ') || '—'}`
  );
}

function assumptionRows(r: SimulateResult): Rows {
  return {
    head: ['assumption', 'value', 'source', 'why'],
    align: ['left', 'right', 'left', 'left'],
    maxWidths: [undefined, undefined, undefined, 64],
    rows: r.assumptions.map((a) => [a.name, String(a.value), a.scope === 'phase' ? `${a.source} (phase)` : a.source, orDash(a.note)]),
  };
}

function statusLine(r: SimulateResult): string {
  if (r.status.ok) return 'OK: within capacity, budget and availability target';
  return r.status.messages.join('; ') || 'attention needed';
}

/** The human-readable report of `simulate` for a terminal. */
export function renderSimulateTable(r: SimulateResult, options: RenderOptions): string {
  const c = paint(options);
  const table = ({ head, rows, align, maxWidths }: Rows) => terminalTable(head, rows, options, align, maxWidths);
  const section = (title: string) => `\n${c.bold(title)}`;
  const lines = [
    c.bold(headline(r)),
    `pricing: ${r.pricing.description}`,
    (r.status.ok ? c.green : c.yellow)(`status: ${statusLine(r)}`),
    section('Workload'),
    workloadLine(r),
    section('Tiers at the peak hour'),
    table(tierRows(r)),
    section('Latency'),
    `P${r.latency.percentile} ${formatMs(r.latency.valueMs)} (target < ${r.latency.targetMs} ms) ${verdict(r.latency.pass, options)} · mean ${formatMs(r.latency.meanMs)}`,
    section('Checks'),
    table(checkRows(r, options)),
    section('Availability'),
    availabilityLine(r),
    section('Cost per month'),
    table(costRows(r)),
    costSummary(r),
    quoteGapLine(r),
    section('Headroom'),
    headroomLine(r),
    section('Assumptions'),
    table(assumptionRows(r)),
  ];
  if (r.warnings.length) lines.push(section('Warnings'), ...r.warnings.map((w) => c.yellow(`! ${w}`)));
  return lines.join('\n');
}

/** The same report as markdown (for pull requests and `report`). */
export function renderSimulateMarkdown(r: SimulateResult): string {
  const md = ({ head, rows, align }: Rows) => markdownTable(head, rows, align);
  const plain: RenderOptions = { color: false };
  const parts = [
    `## cuenta-plan: ${headline(r)}`,
    `**Status:** ${statusLine(r)}  \n**Pricing:** ${r.pricing.description}`,
    '### Workload',
    workloadLine(r),
    '### Tiers at the peak hour',
    md(tierRows(r)),
    '### Latency',
    `P${r.latency.percentile} ${formatMs(r.latency.valueMs)} (target < ${r.latency.targetMs} ms): **${r.latency.pass ? 'pass' : 'FAIL'}** · mean ${formatMs(r.latency.meanMs)}  \nMethod: ${r.latency.method}.`,
    '### Checks',
    md(checkRows(r, plain)),
    '### Availability',
    availabilityLine(r),
    '### Cost per month',
    md(costRows(r)),
    `${costSummary(r)}  \n${quoteGapLine(r)}`,
    '### Headroom',
    headroomLine(r),
    '### Assumptions',
    md(assumptionRows(r)),
  ];
  if (r.warnings.length) parts.push('### Warnings', r.warnings.map((w) => `- ${w}`).join('\n'));
  return parts.join('\n\n');
}
