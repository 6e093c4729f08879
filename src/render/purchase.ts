import type { PurchaseResult } from '../model/purchase.js';
import { formatNumber, formatUsd } from './format.js';
import type { TableSpec } from './table.js';

/** The strategy's name with its payment: `reserved-3y (all upfront)`. */
export const strategyLabel = (s: { strategy: string; upfront: string | null }): string => (s.upfront === null ? s.strategy : `${s.strategy} (${s.upfront} upfront)`);

const percentText = (value: number) => `${formatNumber(value, 1)}%`;

/** Every strategy side by side; the chosen one is marked. */
export function strategyRows(p: PurchaseResult): TableSpec {
  return {
    head: ['strategy', 'monthly', 'saving', 'saving %', 'upfront', '1 year', '3 years', 'break-even use'],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    dropOrder: [7, 5, 3],
    rows: p.strategies.map((s) => [
      `${s.strategy === p.strategy && s.upfront === p.upfront ? '▸ ' : ''}${strategyLabel(s)}`,
      formatUsd(s.monthlyUsd),
      formatUsd(s.savingUsd),
      percentText(s.savingPercent),
      formatUsd(s.upfrontUsd),
      formatUsd(s.oneYearUsd),
      formatUsd(s.threeYearUsd),
      s.breakEvenUtilization === null ? '—' : percentText(s.breakEvenUtilization * 100),
    ]),
  };
}

/** The chosen strategy in one sentence: its bill against on-demand and the cash it asks. */
export function purchaseSummary(p: PurchaseResult): string {
  return [
    `${strategyLabel(p)}: saves ${formatUsd(p.savingUsd)}/month (${percentText(p.savingPercent)}) against ${formatUsd(p.onDemandUsd)} on demand`,
    `upfront ${formatUsd(p.upfrontUsd)}`,
    `1 year ${formatUsd(p.oneYearUsd)} · 3 years ${formatUsd(p.threeYearUsd)}`,
    ...(p.breakEvenUtilization === null ? [] : [`commitments pay off above ${percentText(p.breakEvenUtilization * 100)} use`]),
  ].join(' · ');
}

/** What is committed, one phrase per line: `api 5 × ec2:m5.large reserved 3y all upfront (price book)`. */
export function commitmentLines(p: PurchaseResult): string[] {
  return p.commitments.map(
    (c) => `${c.component}: ${c.units} × ${c.priceKey} ${c.kind} ${c.termYears}y ${c.upfront} upfront at $${formatNumber(c.effectiveHourlyUsd, 4)}/h vs $${formatNumber(c.onDemandHourlyUsd, 4)} (${c.source})`,
  );
}

/** The lines that stay on demand, grouped by reason: `comp key, comp key ($12.34): reason`. */
export function onDemandReasons(p: PurchaseResult): string[] {
  const byReason = new Map<string, Array<{ component: string; priceKey: string; monthlyUsd: number }>>();
  for (const line of p.onDemandLines) byReason.set(line.reason, [...(byReason.get(line.reason) ?? []), line]);
  return [...byReason].map(([reason, lines]) => {
    const usd = lines.reduce((sum, l) => sum + l.monthlyUsd, 0);
    const names = lines.map((l) => `${l.component} ${l.priceKey}`);
    const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
    return `${shown} (${formatUsd(usd)}): ${reason}`;
  });
}

/**
 * Several plans' strategies side by side (compare): one row per strategy, each plan's monthly bill and saving.
 * Every plan is priced with the same catalog, so their strategy lists match row for row.
 */
export function strategiesByPlan(plans: ReadonlyArray<{ label: string; purchase: PurchaseResult }>): TableSpec {
  const first = plans[0]!.purchase;
  return {
    head: ['strategy', ...plans.flatMap((p) => [p.label, 'saving'])],
    align: ['left', ...plans.flatMap(() => ['right', 'right'] as const)],
    rows: first.strategies.map((s, i) => [
      `${s.strategy === first.strategy && s.upfront === first.upfront ? '▸ ' : ''}${strategyLabel(s)}`,
      ...plans.flatMap(({ purchase }) => {
        const row = purchase.strategies[i]!;
        return [formatUsd(row.monthlyUsd), `${formatUsd(row.savingUsd)} (${percentText(row.savingPercent)})`];
      }),
    ]),
  };
}
