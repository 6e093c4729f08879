/**
 * The report's sections at one user count: the verdict, capacity per tier, the cost breakdown with its
 * chart, purchase options and revenue when the result carries them, and headroom. Pure markdown.
 */
import type { SimulateResult } from '../model/simulate-result.js';
import { remarkSentences, statusSentences } from './findings.js';
import { findingContext } from './simulate.js';
import { formatInt, formatMs, formatNumber, formatUsd, formatUsdPerUser } from './format.js';
import { componentChart } from './report-charts.js';
import { chartMarkdown, type ChartLinks } from './report-chart-markdown.js';
import type { ReportBreakeven } from '../model/report-breakeven.js';
import { purchaseMarkdown, revenueMarkdown } from './report-money.js';
import { strategyLabel } from './purchase.js';
import { markdownTable } from './table.js';
import { listItem, paragraph } from './report-text.js';

const percent = (value: number, decimals = 1) => `${formatNumber(value, decimals)} %`;

/** The heading of a point's section. */
const pointHeading = (r: SimulateResult): string => `At ${formatInt(r.users)} users: phase ${r.phase.id}, ${r.phase.name}`;

function capacityTable(r: SimulateResult): string {
  const p = r.latency.percentile;
  const rows = r.tiers.map((t) => [
    t.exhausted ? `${t.id} (exhausted)` : t.id,
    t.roles.join(' + '),
    String(t.instances.peak),
    `${t.instances.min}–${t.instances.max}`,
    t.delay ? '—' : t.utilization === null ? 'past 100 %' : percent(t.utilization * 100),
    t.worker ? 'off the request path' : formatMs(t.latencyMs.contribution, 1),
    t.sizedBy,
  ]);
  return markdownTable(['tier', 'serves', 'instances at peak', 'min–max', 'CPU at peak', `adds to P${p}`, 'sized by'], rows, ['left', 'left', 'right', 'right', 'right', 'right', 'left']);
}

function latencyLine(r: SimulateResult): string {
  const l = r.latency;
  const a = r.availability;
  return (
    `P${l.percentile} ${formatMs(l.valueMs)} against a target under ${formatInt(l.targetMs)} ms (${l.pass ? 'met' : 'missed'}); ` +
    `expected availability ${formatNumber(a.expectedPercent, 4)} % against ${a.targetPercent} % (${a.pass ? 'met' : 'missed'}).`
  );
}

function costLines(r: SimulateResult): string {
  const c = r.cost;
  const quote =
    c.quotedTotalUsd === null
      ? 'The document quotes no figure for this phase.'
      : `The document quotes ${formatUsd(c.quotedTotalUsd)} (${formatUsdPerUser(c.quotedPerUserUsd ?? 0)} per user); ` +
        (c.vsQuote === null ? 'no itemised estimate to compare.' : `the ${c.vsQuote.estimateBook} estimate is ${c.vsQuote.differenceUsd >= 0 ? '+' : ''}${formatUsd(c.vsQuote.differenceUsd)} against it.`);
  const bought = r.purchase === undefined ? '' : `, bought ${strategyLabel(r.purchase)}`;
  return [
    `${formatUsd(c.totalUsd)} a month (${c.book} prices${bought}), ${formatUsdPerUser(c.perUserUsd)} per user: a fixed floor of ${formatUsd(c.floorUsd)} ` +
      `(the phase at its smallest) and ${formatUsd(c.variableUsd)} that grows with users and requests.`,
    quote,
    `Budget ${formatUsd(c.budget.minUsd)}–${formatUsd(c.budget.maxUsd)}: ${c.budget.status}.`,
  ].join(' ');
}

function costTable(r: SimulateResult): string {
  const total = r.cost.totalUsd;
  const rows = r.cost.components.map((c) => [
    c.id,
    c.name,
    formatUsd(c.monthlyUsd),
    total > 0 ? percent((c.monthlyUsd / total) * 100) : '—',
    c.quotedUsd === null ? '—' : formatUsd(c.quotedUsd),
  ]);
  return markdownTable(['component', 'what it is', 'monthly', 'share', 'document quote'], rows, ['left', 'left', 'right', 'right', 'right']);
}

/** Headroom in words: the users left before a capacity check fails, and which one. */
export function headroomSentence(r: SimulateResult): string {
  const h = r.headroom;
  if (h.maxUsers === null) return `Phase ${r.phase.id} fails its capacity checks even at its smallest load (${h.limitedBy.join(', ')}).`;
  if (h.unbounded) return `Phase ${r.phase.id} serves more than ${formatInt(h.maxUsers)} users: no capacity limit found.`;
  const limited = h.limitedBy.length > 0 ? `; past that, limited by ${h.limitedBy.join(', ')}` : '';
  if ((h.headroomUsers ?? 0) < 0) return `Phase ${r.phase.id} serves at most ${formatInt(h.maxUsers)} users, fewer than ${formatInt(r.users)}${limited}.`;
  return `Phase ${r.phase.id} serves up to ${formatInt(h.maxUsers)} users: ${formatInt(h.headroomUsers ?? 0)} more (+${formatNumber(h.headroomPercent ?? 0, 1)} %) than today${limited}.`;
}

/** What the revenue section reads from the whole report: its break-even, and the catalog's top user count. */
export interface PointMoney {
  breakeven: ReportBreakeven | null | undefined;
  topUsers: number;
}

/** The sections at one user count, headed at level 2 with their parts at level 3. */
export function pointMarkdown(r: SimulateResult, links: ChartLinks, money: PointMoney): string {
  const ctx = findingContext(r);
  const verdict = r.status.ok ? 'Within capacity, budget and SLOs.' : `${statusSentences(r.findings, ctx).join('; ')}.`;
  const remarks = remarkSentences(r.findings, ctx);
  // Each point's headings name its user count: a report of several points has each heading once (MD024), and
  // each its own anchor.
  const at = ` at ${formatInt(r.users)} users`;
  const parts = [
    `## ${pointHeading(r)}`,
    paragraph(`${verdict[0]!.toUpperCase()}${verdict.slice(1)} ${latencyLine(r)}`),
    `### Capacity per tier${at}`,
    capacityTable(r),
    `### Cost breakdown${at}`,
    paragraph(costLines(r)),
    costTable(r),
    chartMarkdown(componentChart(r), links),
    ...purchaseMarkdown(r.purchase, at),
    ...revenueMarkdown(r, at, money.breakeven, money.topUsers),
    `### Headroom${at}`,
    paragraph(headroomSentence(r)),
    ...(remarks.length > 0 ? [`### Remarks${at}`, remarks.map(listItem).join('\n')] : []),
  ];
  return parts.join('\n\n');
}
