/**
 * The report's money sections: purchase options (every strategy against on-demand, with --purchase only, as
 * simulate shows them), revenue with its margins at each user count, and the break-even the report searched once.
 * The tables and sentences are simulate's and breakeven's own (./purchase.ts, ./revenue.ts), set as markdown.
 */
import type { ReportBreakeven, ReportBreakevenPoint } from '../model/report-breakeven.js';
import type { SimulateResult } from '../model/simulate-result.js';
import { countOf, formatInt, formatUsd } from './format.js';
import { commitmentLines, onDemandReasons, purchaseSummary, strategyRows } from './purchase.js';
import { revenuePlanRows } from './revenue.js';
import { listItem, paragraph } from './report-text.js';
import { markdownTable, type TableSpec } from './table.js';

const md = ({ head, rows, align }: TableSpec) => markdownTable(head, rows, align);

/** A signed amount: "+$1.00", "-$1.00". */
const signedUsd = (usd: number) => (usd >= 0 ? `+${formatUsd(usd)}` : formatUsd(usd));

const at = (p: ReportBreakevenPoint) => `${countOf(p.users!, 'user')} (${formatInt(p.premiumUsers!)} premium, phase ${p.phase})`;

/**
 * Where the report's plan breaks even, in one sentence: with opex, then infrastructure alone.
 * @param topUsers the catalog's last user count, where the search stops
 */
export function breakevenSentence(b: ReportBreakeven, topUsers: number): string {
  const opex = `${formatUsd(b.opexUsd)} opex a month`;
  const withOpex = b.withOpex.users === null ? `never breaks even with ${opex} up to ${formatInt(topUsers)} users` : `breaks even from ${at(b.withOpex)} with ${opex}`;
  const infrastructure = b.infrastructureOnly.users === null ? 'revenue never covers infrastructure alone' : `revenue covers infrastructure alone from ${at(b.infrastructureOnly)}`;
  return `The plan ${withOpex}; ${infrastructure}.`;
}

/** The summary's break-even line: where the plan breaks even, and the contribution margin at each reported count. */
export function breakevenSummary(b: ReportBreakeven, topUsers: number, points: readonly SimulateResult[]): string {
  const margins = points.filter((p) => p.revenue !== undefined).map((p) => `${signedUsd(p.revenue!.contributionMarginUsd)} at ${formatInt(p.users)} users`);
  const margin = margins.length === 0 ? '' : ` Contribution margin a month: ${margins.join(', ')}.`;
  return `**Break-even:** ${breakevenSentence(b, topUsers).replace(/^The plan/, 'the plan')}${margin}`;
}

/** The purchase options at one count, or nothing without --purchase (a report without it shows none, as simulate). */
export function purchaseMarkdown(purchase: SimulateResult['purchase'], heading: string): string[] {
  if (purchase === undefined) return [];
  const lines = [
    ...commitmentLines(purchase).map((line) => `commits ${line}`),
    ...onDemandReasons(purchase).map((line) => `stays on demand: ${line}`),
    ...purchase.notes.map((note) => `note: ${note}`),
  ];
  return [
    `### Purchase options${heading}`,
    paragraph(`${purchaseSummary(purchase)}.`),
    md(strategyRows(purchase)),
    ...(lines.length > 0 ? [lines.map(listItem).join('\n')] : []),
  ];
}

/**
 * The revenue and margins at one count, with the report's break-even; nothing for a catalog without revenue.
 * @param heading the heading's tail naming the user count (" at 50,000 users")
 */
export function revenueMarkdown(point: SimulateResult, heading: string, breakeven: ReportBreakeven | null | undefined, topUsers: number): string[] {
  const revenue = point.revenue;
  if (revenue === undefined) return [];
  const rows = [
    ['monthly recurring revenue', formatUsd(revenue.mrrUsd)],
    ['payment fees', formatUsd(revenue.feesUsd)],
    ['infrastructure', formatUsd(point.cost.totalUsd)],
    ['gross margin', formatUsd(revenue.grossMarginUsd)],
    ['operating expenses', formatUsd(revenue.opexUsd)],
    ['contribution margin', formatUsd(revenue.contributionMarginUsd)],
  ];
  const here = `The contribution margin is ${revenue.contributionMarginUsd >= 0 ? 'positive' : 'negative'} at ${formatInt(point.users)} users.`;
  const implied =
    breakeven?.impliedOpexUsd === null || breakeven?.impliedOpexUsd === undefined
      ? ''
      : ` The document's break-even at its claimed premium users implies ${formatUsd(breakeven.impliedOpexUsd)} opex a month.`;
  const searched = breakeven === null || breakeven === undefined ? '' : ` ${breakevenSentence(breakeven, topUsers)}${implied}`;
  return [
    `### Revenue and break-even${heading}`,
    md(revenuePlanRows(revenue)),
    markdownTable(['per month', 'amount'], rows, ['left', 'right']),
    paragraph(`${here}${searched}`),
  ];
}
