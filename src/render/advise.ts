/** `advise` as a terminal page and as markdown. The one place the recommendation is worded. */
import type { AdviseResult } from '../model/advise.js';
import type { RenderOptions } from '../output.js';
import { calibrationLines, calibrationRows, calibrationTierRows, renderCalibrationMarkdown } from './calibration.js';
import { formatInt, formatNumber, formatUsd, formatUsdPerUser, overridesText } from './format.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type Align } from './table.js';

const phaseName = (r: AdviseResult, id: number | null): string => (id === null ? 'no phase' : `phase ${id}`);

/** The recommendation in one sentence, its reasons after the colon. */
export function recommendationText(r: AdviseResult): string {
  const { action, phase, reasons } = r.recommendation;
  const m = r.migration;
  const current = `phase ${r.current.phase}`;
  const growth = r.growthPercentPerMonth === null ? '' : ` at ${formatNumber(r.growthPercentPerMonth, 2)} %/month`;
  const lead = `${formatNumber(m.leadTime.minWeeks, 0)}–${formatNumber(m.leadTime.maxWeeks, 0)} weeks`;
  let text: string;
  if (reasons.includes('capacity-short')) {
    text = `migrate now to ${phaseName(r, phase)}: ${current} does not serve ${formatInt(r.users)} users (${r.headroom.limitedBy.join(', ') || 'no load passes'})`;
  } else if (action === 'migrate-now') {
    text = `migrate now to ${phaseName(r, phase)}: ${current} runs out on ${m.exhaustion}${growth}, sooner than the shortest migration (${formatNumber(m.leadTime.minWeeks, 0)} weeks) allows`;
  } else if (action === 'start-migrating') {
    text = `start migrating to ${phaseName(r, phase)} now: ${current} runs out on ${m.exhaustion}${growth} and the migration takes ${lead} (latest safe start ${m.latestSafeStart})`;
  } else if (action === 'plan-migration') {
    text = `start migrating to ${phaseName(r, phase)} by ${m.start} (latest safe start ${m.latestSafeStart}): ${current} runs out on ${m.exhaustion}${growth}, and the migration takes ${lead}`;
  } else if (reasons.includes('unbounded')) {
    text = `stay on ${current}: no capacity check fails at any load searched`;
  } else {
    text = `stay on ${current}: it serves up to ${formatInt(r.headroom.maxUsers ?? 0)} users; give --growth for the dates to migrate`;
  }
  if (reasons.includes('range-differs')) text += `; the document's ranges name phase ${r.byRange!.phase}, capacity needs only phase ${r.byCapacity!.phase}`;
  if (reasons.includes('next-cheaper')) text += `; phase ${r.nextPhaseCheaper!.to} costs less per user from ${formatInt(r.nextPhaseCheaper!.users!)} users`;
  return text;
}

function summaryLines(r: AdviseResult): string[] {
  const range = r.byRange ? `phase ${r.byRange.phase} "${r.byRange.name}"` : 'no phase (outside every range)';
  const capacity = r.byCapacity ? `phase ${r.byCapacity.phase} "${r.byCapacity.name}" (${formatUsd(r.byCapacity.totalUsd)}/month, ${formatUsdPerUser(r.byCapacity.perUserUsd)} per user)` : 'no phase passes every capacity check';
  const chosen = { option: '--phase', observations: 'the phase measured', capacity: 'the phase capacity needs', range: "the document's range", last: 'the largest phase' }[r.current.chosenBy];
  const h = r.headroom;
  const room =
    h.maxUsers === null
      ? `phase ${r.current.phase} fails a capacity check even at the bottom of its range (${h.limitedBy.join(', ')})`
      : h.unbounded
        ? `phase ${r.current.phase} serves every load searched (${formatInt(h.maxUsers)} users)`
        : `phase ${r.current.phase} serves up to ${formatInt(h.maxUsers)} users (${h.headroomPercent !== null && h.headroomPercent >= 0 ? '+' : ''}${formatNumber(h.headroomPercent ?? 0, 1)} %), then ${h.limitedBy.join(', ')} fails`;
  const m = r.migration;
  const dates =
    m.exhaustion === null
      ? r.growthPercentPerMonth === null
        ? 'no dates: give --growth'
        : 'no dates: at this growth the users never pass the limit'
      : `at ${formatNumber(r.growthPercentPerMonth ?? 0, 2)} %/month from ${r.asOf}: runs out ${m.exhaustion} (in ${formatNumber(m.daysToExhaustion ?? 0, 1)} days) · start migrating by ${m.start} (${formatNumber(m.leadTime.maxWeeks, 0)} weeks before) · latest safe start ${m.latestSafeStart} (${formatNumber(m.leadTime.minWeeks, 0)} weeks)${m.to === null ? '' : ` · to phase ${m.to}`}`;
  const n = r.nextPhaseCheaper;
  const cheaper =
    n === null ? [] : [n.users === null ? `phase ${n.to} stays dearer per user than phase ${n.from} up to ${formatInt(n.searchedTo)} users` : `phase ${n.to} becomes cheaper per user than phase ${n.from} at ${formatInt(n.users)} users`];
  return [
    `by capacity: ${capacity} · by the document's ranges: ${range}`,
    `today: phase ${r.current.phase} "${r.current.name}" (${chosen}) · headroom: ${room}`,
    `migration: ${dates}`,
    ...cheaper,
  ];
}

function phaseRows(r: AdviseResult) {
  return {
    head: ['phase', 'capacity', 'cost/month', 'per user', 'fails'],
    rows: r.phases.map((p) => [String(p.phase), p.capacityOk ? 'serves N' : 'short', formatUsd(p.totalUsd), formatUsdPerUser(p.perUserUsd), p.failing.join(', ')]),
    align: ['right', 'left', 'right', 'right', 'left'] as Align[],
  };
}

function alertRows(r: AdviseResult) {
  const shown = (x: number | null, unit: string) => (x === null ? '—' : unit === '%' ? `${formatNumber(x, 2)}%` : `${formatNumber(x, 1)} ${unit}`);
  return {
    head: ['alert', 'threshold', `load at ${formatInt(r.users)}`, 'of threshold', 'where'],
    rows: r.alerts.map((a) => [a.id, shown(a.threshold, a.unit), shown(a.value, a.unit), a.usedPercent === null ? '—' : `${formatNumber(a.usedPercent, 1)}%`, a.subject ?? '']),
    align: ['left', 'right', 'right', 'right', 'left'] as Align[],
  };
}

const title = (r: AdviseResult) => `advise at ${formatInt(r.users)} users`;

export function renderAdviseTable(r: AdviseResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const table = (t: { head: string[]; rows: string[][]; align: Align[] }) => fittedTable({ ...t, flexible: t.head.map((_, i) => i === t.head.length - 1) }, options);
  const parts = [c.bold(text(`${title(r)}: ${recommendationText(r)}`)), text(`pricing: ${r.pricing.description}`)];
  if (r.overrides.length > 0) parts.push(text(overridesText(r.overrides)));
  parts.push(...summaryLines(r).map(text), '', c.bold('Phases at N'), table(phaseRows(r)), '', c.bold(`Alert thresholds (phase ${r.current.phase})`), table(alertRows(r)));
  if (r.calibration) {
    parts.push('', c.bold('Calibration'), ...calibrationLines(r.calibration).map(text), table(calibrationRows(r.calibration)));
    if (r.calibration.tiers.length > 0) parts.push(table(calibrationTierRows(r.calibration)));
  }
  return parts.join('\n');
}

export function renderAdviseMarkdown(r: AdviseResult): string {
  const p = phaseRows(r);
  const a = alertRows(r);
  return [
    `## cuenta-plan ${title(r)}`,
    `**${recommendationText(r)}**`,
    [`Pricing: ${r.pricing.description}`, ...(r.overrides.length > 0 ? [overridesText(r.overrides)] : []), ...summaryLines(r)].map((line) => `- ${line}`).join('\n'),
    '### Phases at N',
    markdownTable(p.head, p.rows, p.align),
    `### Alert thresholds (phase ${r.current.phase})`,
    markdownTable(a.head, a.rows, a.align),
    ...(r.calibration ? [renderCalibrationMarkdown(r.calibration)] : []),
  ].join('\n\n');
}
