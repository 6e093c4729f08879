/**
 * The report's optional money sections: purchase options (reserved, savings plans, spot against on-demand)
 * and revenue with its margins. A simulate result carries them when the run computed them; without them the
 * report leaves the sections out. The shapes are the fields the report reads, so a result with more fields
 * still renders.
 */
import { formatInt, formatNumber, formatUsd } from './format.js';
import { paragraph } from './report-text.js';
import { markdownTable } from './table.js';

/** One purchase strategy, as the report reads it. */
export interface PurchaseStrategyRow {
  strategy: string;
  monthlyUsd?: number;
  savingUsd?: number;
  savingPercent?: number;
  upfrontUsd?: number;
}

export interface PurchaseSection {
  /** The strategy the run priced with. */
  strategy: string;
  onDemandUsd: number;
  savingUsd: number;
  savingPercent: number;
  upfrontUsd: number;
  strategies?: readonly PurchaseStrategyRow[];
}

export interface RevenueSection {
  mrrUsd: number;
  premiumUsers: number;
  enterpriseSchools: number;
  feesUsd: number;
  opexUsd: number;
  grossMarginUsd: number;
  contributionMarginUsd: number;
}

/** The optional sections a simulate result may carry. */
export interface MoneySections {
  purchase?: PurchaseSection | null | undefined;
  revenue?: RevenueSection | null | undefined;
}

const orDash = (usd: number | undefined, format: (n: number) => string = formatUsd) => (usd === undefined ? '—' : format(usd));
const percent = (value: number) => `${formatNumber(value, 1)} %`;

/** The purchase options section, or nothing when the result has none. */
/** @param at the heading's tail naming the user count (" at 50,000 users") */
export function purchaseMarkdown(purchase: PurchaseSection | null | undefined, at: string): string[] {
  if (purchase === null || purchase === undefined) return [];
  const summary =
    `Priced as ${purchase.strategy}: ${formatUsd(purchase.savingUsd)} a month less than on-demand (${formatUsd(purchase.onDemandUsd)}), ` +
    `${percent(purchase.savingPercent)} saved, ${formatUsd(purchase.upfrontUsd)} paid upfront.`;
  const rows = (purchase.strategies ?? []).map((s) => [s.strategy, orDash(s.monthlyUsd), orDash(s.savingUsd), orDash(s.savingPercent, percent), orDash(s.upfrontUsd)]);
  const table = rows.length > 0 ? [markdownTable(['strategy', 'monthly', 'saving', 'saving %', 'upfront'], rows, ['left', 'right', 'right', 'right', 'right'])] : [];
  return [`### Purchase options${at}`, paragraph(summary), ...table];
}

/** The revenue section, or nothing when the result has none. */
/** @param at the heading's tail naming the user count */
export function revenueMarkdown(revenue: RevenueSection | null | undefined, at: string): string[] {
  if (revenue === null || revenue === undefined) return [];
  const rows = [
    ['monthly recurring revenue', formatUsd(revenue.mrrUsd)],
    ['premium users', formatInt(revenue.premiumUsers)],
    ['enterprise schools', formatInt(revenue.enterpriseSchools)],
    ['payment fees', formatUsd(revenue.feesUsd)],
    ['gross margin', formatUsd(revenue.grossMarginUsd)],
    ['operating expenses', formatUsd(revenue.opexUsd)],
    ['contribution margin', formatUsd(revenue.contributionMarginUsd)],
  ];
  const verdict = revenue.contributionMarginUsd >= 0 ? 'The contribution margin is positive: at this count the plan breaks even.' : 'The contribution margin is negative: at this count the plan does not break even yet.';
  return [`### Revenue and break-even${at}`, markdownTable(['per month', 'amount'], rows, ['left', 'right']), paragraph(verdict)];
}
