/** The revenue section shared by the simulate renderers (table and markdown), and the sweep's revenue columns. */
import type { RevenueFigures, RevenueSection } from '../model/revenue-result.js';
import { formatInt, formatNumber, formatUsd } from './format.js';
import type { TableSpec } from './table.js';

/** One line from MRR to the contribution margin, with the infrastructure cost it subtracts. */
export function revenueLine(r: RevenueFigures, infrastructureUsd: number): string {
  return [
    `MRR ${formatUsd(r.mrrUsd)} − fees ${formatUsd(r.feesUsd)} − infrastructure ${formatUsd(infrastructureUsd)} = gross margin ${formatUsd(r.grossMarginUsd)}`,
    `− opex ${formatUsd(r.opexUsd)} = contribution margin ${formatUsd(r.contributionMarginUsd)}`,
  ].join(' ');
}

const payers = (p: RevenueSection['plans'][number]): string =>
  p.groups === null ? `${formatInt(p.users)} users` : `${formatInt(p.groups)} group${p.groups === 1 ? '' : 's'} (${formatNumber(p.users, Number.isInteger(p.users) ? 0 : 1)} users)`;

/** The paid plans: who pays, the price step at N, and the plan's MRR. */
export function revenuePlanRows(r: RevenueSection): TableSpec {
  return {
    head: ['plan', 'paying', 'price', 'MRR'],
    align: ['left', 'right', 'right', 'right'],
    rows: r.plans.map((p) => [p.name, payers(p), `${formatUsd(p.usdPerUnit)}/${p.per}`, formatUsd(p.mrrUsd)]),
  };
}
