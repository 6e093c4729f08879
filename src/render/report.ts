/**
 * `cuenta-plan report`: a markdown document for people, the recommendation first. Pure:
 * `(result, options) => string`; the SVG files it links come from `reportChartFiles` (./report-charts.ts).
 */
import type { ReportResult } from '../model/report.js';
import type { Recommendation } from '../model/report-recommend.js';
import type { SimulateResult } from '../model/simulate-result.js';
import { formatInt, formatMs, formatNumber, formatUnitPrice, formatUsd, formatUsdPerUser, orDash, pricesAgeText, unitLabel } from './format.js';
import { chartMarkdown, type ChartLinks } from './report-chart-markdown.js';
import { costPerUserChart, latencyChart } from './report-charts.js';
import { breakevenSummary } from './report-money.js';
import { strategyLabel } from './purchase.js';
import { headroomSentence, pointMarkdown } from './report-point.js';
import { markdownTable } from './table.js';
import { linkUrls, listItem, paragraph } from './report-text.js';

export type ReportRenderOptions = ChartLinks;

const weeks = (min: number, max: number) =>
  min === max ? `${formatNumber(min, 0)} week${min === 1 ? '' : 's'}` : `${formatNumber(min, 0)}–${formatNumber(max, 0)} weeks`;

function actionText(rec: Recommendation, point: SimulateResult): string {
  const target = rec.targetPhase === null ? '' : ` to phase ${rec.targetPhase}`;
  if (rec.action === 'migrate') {
    return rec.targetPhase === null ? `phase ${rec.phase} runs out at this load and no phase of the catalog serves it` : `migrate${target} now: phase ${rec.phase} runs out at this load`;
  }
  if (rec.action === 'prepare-migration') return `stay on phase ${rec.phase}, ${point.phase.name}, and prepare to migrate${target}: its headroom is low`;
  return `stay on phase ${rec.phase}, ${point.phase.name}`;
}

function slosText(point: SimulateResult, rec: Recommendation): string {
  const l = point.latency;
  const a = point.availability;
  const detail = `P${l.percentile} ${formatMs(l.valueMs)} against < ${formatInt(l.targetMs)} ms, availability ${formatNumber(a.expectedPercent, 4)} % against ${a.targetPercent} %`;
  return `SLOs ${rec.slosHold ? 'hold' : 'are **missed**'} (${detail})`;
}

function budgetText(point: SimulateResult, rec: Recommendation): string {
  const b = point.cost.budget;
  return `budget ${rec.budgetHolds ? 'holds' : 'is **exceeded**'} (${formatUsd(b.minUsd)}–${formatUsd(b.maxUsd)})`;
}

function migrationText(r: ReportResult, rec: Recommendation): string {
  if (rec.targetPhase === null) return 'There is no later phase to migrate to.';
  if (r.migration === null) return `The catalog gives no migration steps, so no lead time for phase ${rec.targetPhase}.`;
  const lead = `Migrating to phase ${rec.targetPhase} takes ${weeks(r.migration.weeksMin, r.migration.weeksMax)} (${r.migration.steps.length} steps, see Migration lead time).`;
  if (rec.migrationDates === undefined) return lead;
  if (rec.migrationDates === null) return `${lead} At that growth the phase never reaches the most users it serves.`;
  const { exhaustion, start, latestSafeStart } = rec.migrationDates;
  const growth = r.growth === undefined ? 'At that growth' : `At ${formatNumber(r.growth.perMonth * 100, 1)} % a month from ${r.growth.asOf}`;
  return `${lead} ${growth} the phase runs out on ${exhaustion}: start migrating by ${start} (latest safe start ${latestSafeStart}).`;
}

/** One recommendation in a paragraph: what to do, cost, SLOs, budget, headroom, lead time. */
function recommendationItem(r: ReportResult, rec: Recommendation, point: SimulateResult): string {
  const head = `**${formatInt(rec.users)} users: ${actionText(rec, point)}.**`;
  const bought = point.purchase === undefined ? '' : `, bought ${strategyLabel(point.purchase)} against ${formatUsd(point.purchase.onDemandUsd)} on demand`;
  const cost = `${formatUsd(point.cost.totalUsd)} a month (${formatUsdPerUser(point.cost.perUserUsd)} per user)${bought}; ${slosText(point, rec)}; ${budgetText(point, rec)}.`;
  return listItem(`${head} ${cost} ${headroomSentence(point)} ${migrationText(r, rec)}`);
}

const ACTION_WORDS = { stay: 'stay', 'prepare-migration': 'prepare to migrate', migrate: 'migrate now' } as const;

function summaryTable(r: ReportResult): string {
  const rows = r.recommendations.map((rec, i) => {
    const p = r.points[i]!;
    return [
      formatInt(rec.users),
      String(rec.phase),
      ACTION_WORDS[rec.action] + (rec.action !== 'stay' && rec.targetPhase !== null ? ` (phase ${rec.targetPhase})` : ''),
      formatUsd(p.cost.totalUsd),
      formatUsdPerUser(p.cost.perUserUsd),
      rec.slosHold ? 'hold' : 'missed',
      rec.budgetHolds ? 'holds' : 'over',
      rec.headroomUsers === null ? '—' : formatInt(rec.headroomUsers),
    ];
  });
  return markdownTable(['users', 'phase', 'recommendation', 'monthly cost', 'per user', 'SLOs', 'budget', 'users left'], rows, ['right', 'right', 'left', 'right', 'right', 'left', 'left', 'right']);
}

function phasesTable(r: ReportResult): string {
  const reported = (id: number) => r.points.filter((p) => p.phase.id === id).map((p) => formatInt(p.users));
  const rows = r.catalog.phases.map((p) => [
    String(p.id),
    p.name,
    `${formatInt(p.usersMin)}–${formatInt(p.usersMax)}`,
    `P${formatNumber(p.latencyPercentile, 0)} < ${formatInt(p.latencyTargetMs)} ms`,
    `${p.availabilityTargetPercent} %`,
    `${formatUsd(p.budgetMinUsd)}–${formatUsd(p.budgetMaxUsd)}`,
    p.quotedTotalUsd === null ? '—' : formatUsd(p.quotedTotalUsd),
    String(p.components),
    reported(p.id).join(', ') || '—',
  ]);
  return markdownTable(
    ['phase', 'name', 'users', 'latency SLO', 'availability SLO', 'budget / month', 'document quote', 'components', 'reported at'],
    rows,
    ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
}

function seriesSection(r: ReportResult, links: ChartLinks): string[] {
  const basis =
    r.series.basis === 'users'
      ? 'At the user counts of this report.'
      : 'On a ladder through the phases (the middle and the top of each phase’s range) with the user count of this report: each phase sized and priced where its range holds the count.';
  const rows = r.series.rows.map((row) => [formatInt(row.users), String(row.phase), formatUsd(row.totalUsd), formatUsdPerUser(row.perUserUsd), formatMs(row.latencyMs), `< ${formatInt(row.latencyTargetMs)} ms`]);
  const p = r.series.latencyPercentile;
  return [
    '## Cost and latency across users',
    paragraph(basis),
    chartMarkdown(costPerUserChart(r), links),
    chartMarkdown(latencyChart(r), links),
    markdownTable(['users', 'phase', 'monthly cost', 'per user', `P${p}`, 'target'], rows, ['right', 'right', 'right', 'right', 'right', 'right']),
  ];
}

function migrationSection(r: ReportResult): string[] {
  if (r.migration === null) return ['## Migration lead time', 'The catalog gives no migration steps.'];
  const m = r.migration;
  const rows = m.steps.map((s) => [s.id, s.name, weeks(s.weeksMin, s.weeksMax)]);
  rows.push(['total', '—', weeks(m.weeksMin, m.weeksMax)]);
  return ['## Migration lead time', paragraph('From the catalog’s migration steps; the date to start follows from a growth rate, which this report does not assume.'), markdownTable(['step', 'name', 'lead time'], rows, ['left', 'left', 'right'])];
}

/** Each assumption once, with the phases it was used in when a phase sets its own value. */
function assumptionsTable(r: ReportResult): string {
  const seen = new Map<string, { a: SimulateResult['assumptions'][number]; phases: Set<number> }>();
  for (const point of r.points) {
    for (const a of point.assumptions) {
      const key = JSON.stringify([a.name, a.value, a.source, a.note, a.scope]);
      const entry = seen.get(key) ?? { a, phases: new Set<number>() };
      entry.phases.add(point.phase.id);
      seen.set(key, entry);
    }
  }
  const rows = [...seen.values()].map(({ a, phases }) => [a.name, String(a.value), a.source, a.scope === 'phase' ? `phase ${[...phases].join(', ')}` : 'catalog', linkUrls(orDash(a.note))]);
  return markdownTable(['assumption', 'value', 'source', 'set for', 'why'], rows, ['left', 'right', 'left', 'left', 'left']);
}

/** Each price used once: its key, unit price, whether it is verified, and where it comes from. */
function pricesTable(r: ReportResult): string {
  const seen = new Map<string, string[]>();
  for (const point of r.points) {
    for (const component of point.cost.components) {
      for (const line of component.lines) {
        const key = `${line.priceKey} ${line.usdPerUnit}`;
        if (!seen.has(key)) seen.set(key, [line.priceKey, `${formatUnitPrice(line.usdPerUnit)} / ${unitLabel(line.unit)}`, line.verified ? 'yes' : 'estimate', linkUrls(line.source)]);
      }
    }
  }
  return markdownTable(['price', 'unit price', 'verified', 'source'], [...seen.values()], ['left', 'right', 'left', 'left']);
}

/** The report as markdown: GitHub renders its tables and mermaid charts; `--charts` adds linked SVG files. */
export function renderReportMarkdown(r: ReportResult, options: ReportRenderOptions = {}): string {
  const points = r.points;
  const warnings = points[0]!.warnings;
  const topUsers = r.catalog.phases[r.catalog.phases.length - 1]!.usersMax;
  // Every point is bought the same way (one --purchase per report): the first says how.
  const purchase = points[0]!.purchase;
  const bought = purchase === undefined ? '' : ` Every bill is bought ${strategyLabel(purchase)}: reservations and savings plans amortised, the strategies side by side at each user count.`;
  const parts = [
    `# Capacity and cost report: ${r.catalog.name}`,
    paragraph(`Priced with the ${r.pricing.description}; ${pricesAgeText(r.pricing.asOf)}.${bought}`),
    '## Summary',
    r.recommendations.map((rec, i) => recommendationItem(r, rec, points[i]!)).join('\n'),
    ...(r.breakeven ? [paragraph(breakevenSummary(r.breakeven, topUsers, points))] : []),
    summaryTable(r),
    '## Phases',
    phasesTable(r),
    ...seriesSection(r, options),
    ...points.map((p) => pointMarkdown(p, options, { breakeven: r.breakeven, topUsers })),
    ...migrationSection(r),
    '## Assumptions and sources',
    assumptionsTable(r),
    '### Prices',
    paragraph(`${pricesAgeText(r.pricing.asOf)[0]!.toUpperCase()}${pricesAgeText(r.pricing.asOf).slice(1)}, over every plan this report priced. ${r.pricing.description}.`),
    pricesTable(r),
    ...(warnings.length > 0 ? ['## Catalog warnings', warnings.map((w) => listItem(linkUrls(w))).join('\n')] : []),
  ];
  return `${parts.join('\n\n')}\n`;
}
