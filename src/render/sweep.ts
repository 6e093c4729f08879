import type { SweepResult } from '../model/sweep.js';
import type { RenderOptions } from '../output.js';
import { lineChart } from './chart.js';
import { formatInt, formatMs, formatNumber, formatUsd, formatUsdPerUser, overridesText, pricesAgeText } from './format.js';
import { strategyLabel } from './purchase.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type Align } from './table.js';

const revenueCells = ({ revenue: r }: SweepResult['rows'][number]): string[] =>
  r ? [r.mrrUsd, r.grossMarginUsd, r.contributionMarginUsd].map(formatUsd) : ['—', '—', '—'];

function rows(r: SweepResult) {
  // A catalog with a revenue section adds MRR and both margins before the status.
  const revenue = r.rows.some((row) => row.revenue !== undefined);
  const head = ['users', 'phase', 'monthly cost', 'cost/user', `P${r.latencyPercentile}`, 'instances at peak', ...(revenue ? ['MRR', 'gross margin', 'contribution'] : []), 'status'];
  const align: Align[] = ['right', 'right', 'right', 'right', 'right', 'right', ...(revenue ? (['right', 'right', 'right'] as const) : []), 'left'];
  const body = r.rows.map((row) => [
    formatInt(row.users),
    String(row.phase),
    formatUsd(row.totalUsd),
    formatUsdPerUser(row.perUserUsd),
    formatMs(row.latencyMs),
    formatInt(row.instancesAtPeak),
    ...(revenue ? revenueCells(row) : []),
    row.exhausted ? 'exhausted' : row.ok ? 'ok' : 'attention',
  ]);
  const bought = r.rows[0]?.purchase;
  if (bought === undefined) return { head, body, align };
  // With --purchase the monthly cost is the bought bill: beside it, the on-demand bill and the saving.
  head.splice(3, 0, 'on demand', 'saving', 'upfront');
  align.splice(3, 0, 'right', 'right', 'right');
  r.rows.forEach((row, i) => {
    const p = row.purchase!;
    body[i]!.splice(3, 0, formatUsd(p.onDemandUsd), `${formatUsd(p.savingUsd)} (${formatNumber(p.savingPercent, 1)}%)`, formatUsd(p.upfrontUsd));
  });
  return { head, body, align };
}

const title = (r: SweepResult) => {
  const merged = r.rows.length < r.pointsAsked ? ` (of ${r.pointsAsked} asked: rounding to whole users made the rest equal)` : '';
  const bought = r.rows[0]?.purchase;
  // Without --upfront each point takes its own cheapest payment: name one only when every point agrees.
  const oneUpfront = new Set(r.rows.map((row) => row.purchase?.upfront)).size === 1;
  const strategy = bought === undefined ? '' : `, bought as ${oneUpfront ? strategyLabel(bought) : `${bought.strategy} (the cheapest payment at each point)`}`;
  const onPhase = r.selectedBy === 'option' && r.rows[0] ? `, all on phase ${r.rows[0].phase} (--phase)` : '';
  return `sweep ${formatInt(r.from)} → ${formatInt(r.to)} users, ${r.rows.length} points${r.log ? ' (log-spaced)' : ''}${onPhase}${strategy}${merged}`;
};

const pricingText = (r: SweepResult) => `${r.pricing.description} · ${pricesAgeText(r.pricing.asOf)}`;

/** The table, and below it a chart of cost per user when writing to a terminal. */
export function renderSweepTable(r: SweepResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const { head, body, align } = rows(r);
  const set = r.overrides.length > 0 ? [text(overridesText(r.overrides))] : [];
  const parts = [c.bold(text(title(r))), text(`pricing: ${pricingText(r)}`), ...set, fittedTable({ head, rows: body, align, dropOrder: [head.indexOf('instances at peak'), head.indexOf('upfront')].filter((i) => i >= 0) }, options)];
  if (options.columns !== undefined && r.rows.length > 1) {
    parts.push(
      '',
      c.bold('cost per user by users (each mark is the phase number)'),
      lineChart(
        r.rows.map((row) => row.users),
        r.rows.map((row) => row.perUserUsd),
        {
          width: Math.min(options.columns, 100),
          height: 12,
          logX: r.log,
          logY: true,
          formatX: formatInt,
          formatY: formatUsdPerUser,
          marks: r.rows.map((row) => String(row.phase)),
        },
      ),
    );
  }
  return parts.join('\n');
}

export function renderSweepMarkdown(r: SweepResult): string {
  const { head, body, align } = rows(r);
  const set = r.overrides.length > 0 ? [`${overridesText(r.overrides).replace(/^set/, 'Set')} (--set).`] : [];
  return [`## cuenta-plan ${title(r)}`, `Pricing: ${pricingText(r)}`, ...set, markdownTable(head, body, align)].join('\n\n');
}
