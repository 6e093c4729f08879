import type { SimulateResult } from '../model/simulate-result.js';
import { calibrationLines, calibrationRows, calibrationTierRows, renderCalibrationMarkdown } from './calibration.js';
import type { RenderOptions } from '../output.js';
import { remarkSentences, statusSentences, type FindingContext } from './findings.js';
import {
  countOf,
  formatInt,
  formatMs,
  formatNumber,
  formatQuantity,
  formatUnitPrice,
  formatUsd,
  formatUsdPerUser,
  orDash,
  overridesText,
  pricesAgeText,
  unitLabel,
} from './format.js';
import { revenueLine, revenuePlanRows } from './revenue.js';
import { commitmentLines, onDemandReasons, purchaseSummary, strategyLabel, strategyRows } from './purchase.js';
import { fittedTable, markdownTable, paint, verdict, withoutColumns, wrapToWidth, type TableSpec } from './table.js';
import { breachRows, spreadRows, uncertaintyHeadline } from './uncertainty.js';

/** `detail`: show the assumptions table on a terminal too (it is always in markdown and JSON). */
export type SimulateRenderOptions = RenderOptions & { detail?: boolean };

const percent = (value: number | null, decimals = 1) => (value === null ? '—' : `${formatNumber(value, decimals)}%`);

/** Checks whose value is a CPU share: without a value, the queue is past 100 % and the tier exhausted. */
const CPU_CHECKS = new Set(['cpu-over-scaling-target', 'cpu-over-alert']);

function headline(r: SimulateResult): string {
  const how = r.phase.selectedBy === 'range' ? 'its range holds N' : 'chosen with --phase';
  return `${countOf(r.users, 'user')} → phase ${r.phase.id} "${r.phase.name}" (${formatInt(r.phase.usersMin)}–${formatInt(r.phase.usersMax)} users; ${how})`;
}

const pricingText = (r: SimulateResult) => `${r.pricing.description} · ${pricesAgeText(r.pricing.asOf)}`;

/** The design peak beside the peak engagement implies, then the month's volume. */
function workloadLine(r: SimulateResult): string {
  const w = r.workload;
  const busiest = w.busiestDayFactor === 1 ? '' : ` on the busiest day (${formatNumber(w.busiestDayFactor, 2)}× an average day)`;
  const profile = w.dailyProfileFrom === 'phase' ? " (the phase's own daily profile)" : '';
  return (
    `${formatNumber(w.concurrentUsers, 0)} concurrent users at the design peak${profile}; engagement implies ${formatNumber(w.impliedPeakConcurrentUsers, 0)}${busiest} · ` +
    `${formatNumber(w.peakRequestsPerS, 1)} req/s peak · ${formatNumber(w.averageRequestsPerS, 1)} req/s average · ` +
    `${formatNumber(w.monthlyRequests / 1e6, 1)} M requests/month from ${formatNumber(w.dailyActiveUsers, 0)} daily active users`
  );
}

function tierRows(r: SimulateResult): TableSpec {
  const p = r.latency.percentile;
  return {
    head: ['tier', 'serves', 'instances peak', 'avg', 'min–max', 'vCPU', 'CPU peak', `P${p} visit`, 'adds to P' + p, 'sized by'],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    flexible: [true, false, false, false, false, false, false, false, false, true],
    // On a narrow terminal: the roles, the vCPUs and the visit percentile go first (the contribution stays).
    dropOrder: [1, 5, 7, 4, 3],
    rows: r.tiers.map((t) => [
      t.exhausted ? `${t.id} (exhausted)` : t.id,
      t.roles.join('+'),
      String(t.instances.peak),
      formatNumber(t.instances.average, 2),
      `${t.instances.min}–${t.instances.max}`,
      String(t.vcpusPerInstance),
      t.delay ? '—' : t.utilization === null ? 'exhausted' : percent(t.utilization * 100),
      t.worker ? '—' : formatMs(t.latencyMs.percentile, 2),
      t.worker ? 'off path' : formatMs(t.latencyMs.contribution, 2),
      t.sizedBy,
    ]),
  };
}

const workerTiers = (r: SimulateResult) => r.tiers.filter((t) => t.worker !== null);

/** Worker tiers' queues: what they take and how long an event waits, beside (not in) the request latency. */
function workerRows(r: SimulateResult): TableSpec {
  const p = r.latency.percentile;
  return {
    head: ['worker', 'events/s', 'per event', 'instances peak', 'busy (λ·S)', 'CPU peak', 'mean wait', `P${p} wait`],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    flexible: [true, false, false, false, false, false, false, false],
    dropOrder: [2, 4],
    rows: workerTiers(r).map((t) => {
      const w = t.worker!;
      return [
        t.exhausted ? `${t.id} (exhausted)` : t.id,
        formatNumber(w.eventsPerS, 2),
        formatMs(w.secondsPerEvent * 1000, 0),
        t.delay ? 'serverless' : String(t.instances.peak),
        formatNumber(w.concurrency, 2) + (t.delay ? ' concurrent' : ''),
        t.delay ? '—' : t.utilization === null ? 'exhausted' : percent(t.utilization * 100),
        formatMs(w.queueDelayMs.mean, 1),
        formatMs(w.queueDelayMs.percentile, 1),
      ];
    }),
  };
}

/** GB, or MB under a tenth of a GB (a few connections' memory would read "0.00 GB"). */
const gb = (value: number | null) => {
  if (value === null) return '—';
  return value < 0.1 ? `${formatNumber(value * 1024, 1)} MB` : `${formatNumber(value, value < 10 ? 2 : 1)} GB`;
};

function cacheMemoryLine(r: SimulateResult): string | undefined {
  const cache = r.memory.cache;
  if (cache === null) return undefined;
  const fits = cache.workingSetGb <= cache.capacityGb;
  const ratio = fits
    ? `fits: hit ratio ${percent(cache.catalogHitRatio * 100)}`
    : `does not fit: hit ratio ${percent(cache.catalogHitRatio * 100)} × ${formatNumber(cache.capacityGb, 2)}/${formatNumber(cache.workingSetGb, 2)} = ${percent(cache.effectiveHitRatio * 100)}, the misses go to the database`;
  return `cache working set ${gb(cache.workingSetGb)} (${formatNumber(cache.hotUsers, 0)} hot users) against ${gb(cache.capacityGb)} usable in ${cache.components.join(', ')}: ${ratio}`;
}

function memoryRowsTable(r: SimulateResult): TableSpec {
  const alert = r.memory.alertPercent;
  return {
    head: ['tier', 'used per instance', 'memory', 'share', 'what uses it'],
    align: ['left', 'right', 'right', 'right', 'left'],
    flexible: [true, false, false, false, true],
    dropOrder: [4],
    rows: r.memory.tiers.map((t) => [
      t.id,
      gb(t.usedGb),
      gb(t.capacityGb),
      t.fraction === null ? '—' : percent(t.fraction * 100) + (alert !== null && t.fraction * 100 > alert ? ' (over alert)' : ''),
      t.parts.map((part) => `${part.role} ${gb(part.usedGb)}`).join(' + '),
    ]),
  };
}

const hasMemory = (r: SimulateResult) => r.memory.cache !== null || r.memory.tiers.length > 0;

function checkValue(c: SimulateResult['checks'][number]): string {
  if (c.value === null) return CPU_CHECKS.has(c.code) ? 'exhausted (over 100 %)' : 'unbounded (unstable queue)';
  // Availability needs its nines; small shares need two decimals to show they are not zero.
  const decimals = c.name === 'availability' ? 4 : Math.abs(c.value) < 1 ? 2 : 1;
  return `${formatNumber(c.value, decimals)} ${c.unit}`;
}

function checkRows(r: SimulateResult, options: RenderOptions): TableSpec {
  return {
    head: ['check', 'value', 'limit', 'result'],
    align: ['left', 'right', 'right', 'left'],
    flexible: [true, true, false, false],
    rows: r.checks.map((c) => [
      c.name,
      checkValue(c),
      `${c.relation} ${formatNumber(c.limit, c.name === 'availability' ? 3 : 1)} ${c.unit}`,
      verdict(c.pass, options),
    ]),
  };
}

type CostLine = SimulateResult['cost']['components'][number]['lines'][number];

/** `1,250 GB × $0.085`; with a free allowance `1,250 GB (1,024 free) × $0.085`, or `8 mo free` when it covers all. */
function lineText(l: CostLine): string {
  if (l.parts !== undefined) return l.parts.map((p) => `${p.part} ${formatQuantity(p.quantity)} ${unitLabel(l.unit)} × ${formatUnitPrice(p.usdPerUnit)}`).join(' + ');
  const quantity = `${formatQuantity(l.quantity)} ${unitLabel(l.unit)}`;
  if (l.freeQuantity > 0 && l.freeQuantity >= l.quantity) return `${quantity} free`;
  const free = l.freeQuantity > 0 ? ` (${formatQuantity(l.freeQuantity)} free)` : '';
  return `${quantity}${free} × ${formatUnitPrice(l.usdPerUnit)}${l.verified ? '' : ' (est.)'}`;
}

function costRows(r: SimulateResult): TableSpec {
  const other = r.pricing.compareBook;
  const spec: TableSpec = {
    head: ['component', `${r.cost.book}`, other ?? '', 'quoted', 'how it is priced'],
    align: ['left', 'right', 'right', 'right', 'left'],
    maxWidths: [undefined, undefined, undefined, undefined, 64],
    flexible: [false, false, false, false, true],
    minWidths: [undefined, undefined, undefined, undefined, 24],
    dropOrder: [3],
    rows: r.cost.components.map((c) => [
      c.id,
      formatUsd(c.monthlyUsd),
      c.compareUsd === null ? '—' : formatUsd(c.compareUsd),
      c.quotedUsd === null ? '—' : formatUsd(c.quotedUsd),
      c.lines.length === 0 ? 'no charge of its own' : c.lines.map(lineText).join(' + '),
    ]),
  };
  // A catalog that quotes nothing has no second book and no quotes: those two columns would be all dashes.
  const unquoted = other === null && r.cost.components.every((c) => c.quotedUsd === null);
  return unquoted ? withoutColumns(spec, [2, 3]) : spec;
}

function costSummary(r: SimulateResult): string {
  const c = r.cost;
  return [
    `total ${formatUsd(c.totalUsd)}/month (${c.book}${r.purchase === undefined ? '' : `, bought ${strategyLabel(r.purchase)}`}): floor ${formatUsd(c.floorUsd)} + variable ${formatUsd(c.variableUsd)}`,
    `${formatUsdPerUser(c.perUserUsd)} per user`,
    ...(r.pricing.compareBook === null || c.compareTotalUsd === null ? [] : [`${r.pricing.compareBook} ${formatUsd(c.compareTotalUsd)}`]),
    ...(c.quotedTotalUsd === null ? [] : [`document quote ${formatUsd(c.quotedTotalUsd)}`]),
    `budget ${formatUsd(c.budget.minUsd)}–${formatUsd(c.budget.maxUsd)}: ${c.budget.status}`,
  ].join(' · ');
}

function quoteGapLine(r: SimulateResult): string | undefined {
  const { vsQuote } = r.cost;
  if (vsQuote === null) return undefined;
  const sign = (usd: number) => (usd >= 0 ? `+${formatUsd(usd)}` : formatUsd(usd));
  if (vsQuote.drivers.length === 0) return `the ${vsQuote.estimateBook} estimate equals the document's quote`;
  const shown = vsQuote.drivers.slice(0, 4).map((d) => `${d.id} ${sign(d.differenceUsd)}${d.quoted ? '' : ' (no row in the document)'}`);
  const more = vsQuote.drivers.length > 4 ? `, ${vsQuote.drivers.length - 4} more` : '';
  return `${vsQuote.estimateBook} estimate vs the document's quote: ${sign(vsQuote.differenceUsd)} — ${shown.join(', ')}${more}`;
}

const FAILURES = { instance: 'instance failures', zone: 'zone outages', region: 'region outages', edge: 'CDN network incidents' } as const;

function availabilityLine(r: SimulateResult): string {
  const a = r.availability;
  const list = (ids: readonly string[]) => (ids.length ? ids.join(', ') : 'none');
  const most = a.dominant === null ? '' : `, most from ${a.dominant.id} (${formatNumber(a.dominant.expectedDowntimeMinutes, 1)} min, ${FAILURES[a.dominant.domain]})`;
  return [
    `expected ${formatNumber(a.expectedPercent, 4)}% (${formatNumber(a.expectedLowPercent, 4)}–${formatNumber(a.expectedHighPercent, 4)}% with every input at an end of its range)`,
    `SLA floor ${formatNumber(a.slaPercent, 4)}%`,
    `target ${a.targetPercent}% ${a.pass ? 'met' : 'missed'}`,
    `error budget ${formatNumber(a.errorBudgetMinutes, 1)} min/month`,
    `expected downtime ${formatNumber(a.expectedDowntimeMinutes, 1)} min/month${most}`,
    `single points of failure: ${list(a.singlePointsOfFailure)}`,
    `soft dependencies: ${list(a.softDependencies.map((d) => d.id))}`,
  ].join(' · ');
}

function availabilityRows(r: SimulateResult): TableSpec {
  return {
    head: ['component', 'dependency', 'SLA', 'zones', 'regions', 'recovery', 'downtime/month'],
    align: ['left', 'left', 'right', 'right', 'left', 'left', 'right'],
    flexible: [false, false, false, false, true, false, false],
    dropOrder: [3, 5],
    // A soft dependency's placement changes nothing: only its SLA is shown.
    rows: r.availability.components.map((c) => {
      const hard = c.dependency === 'hard';
      return [
        c.id,
        c.dependency,
        c.sla === null ? '—' : `${formatNumber(c.sla * 100, 3)}%`,
        hard ? String(c.zones) : '—',
        hard ? c.regions.join(', ') : '—',
        hard ? c.recovery : '—',
        c.expectedDowntimeMinutes === null ? '—' : `${formatNumber(c.expectedDowntimeMinutes, 2)} min`,
      ];
    }),
  };
}

function headroomLine(r: SimulateResult): string {
  const h = r.headroom;
  if (h.maxUsers === null) return `none: the phase fails its capacity checks even at its smallest load (${h.limitedBy.join(', ')})`;
  if (h.unbounded) return `the phase serves more than ${formatInt(h.maxUsers)} users; no capacity limit found`;
  const limited = `limited by ${h.limitedBy.join(', ') || '—'}`;
  // Past the limit, "−998,950,001 users" says nothing the limit itself does not.
  if ((h.headroomUsers ?? 0) < 0) {
    const state = r.status.exhausted ? 'exhausted' : 'none';
    return `${state}: the phase serves at most ${formatInt(h.maxUsers)} users, fewer than the ${formatInt(r.users)} asked; ${limited}`;
  }
  return `serves up to ${formatInt(h.maxUsers)} users (+${formatInt(h.headroomUsers ?? 0)}, +${percent(h.headroomPercent)} of today's load); then ${limited}`;
}

function assumptionRows(r: SimulateResult): TableSpec {
  return {
    head: ['assumption', 'value', 'source', 'why'],
    align: ['left', 'right', 'left', 'left'],
    maxWidths: [undefined, undefined, undefined, 64],
    flexible: [false, false, true, true],
    minWidths: [undefined, undefined, undefined, 30],
    dropOrder: [2],
    rows: r.assumptions.map((a) => [a.name, String(a.value), a.scope === 'phase' ? `${a.source} (phase)` : a.source, orDash(a.note)]),
  };
}

/** What the shared finding sentences need to know about the result (src/render/findings.ts). */
export function findingContext(r: SimulateResult): FindingContext {
  return {
    phaseId: r.phase.id,
    users: r.users,
    servedBy: r.status.servedBy,
    latencyPercentile: r.latency.percentile,
    budget: r.cost.budget,
    headroomMaxUsers: r.headroom.maxUsers,
    book: r.cost.book,
    tiers: r.tiers,
    checks: r.checks,
    availabilityCause: availabilityCause(r),
  };
}

function availabilityCause(r: SimulateResult): FindingContext['availabilityCause'] {
  const dominant = r.availability.dominant;
  const placed = dominant && r.availability.components.find((c) => c.id === dominant.id);
  return dominant && placed ? { id: dominant.id, domain: dominant.domain, zones: placed.zones, regions: placed.regions, recovery: placed.recovery } : null;
}

function statusLine(r: SimulateResult): string {
  if (r.status.ok) return 'OK: within capacity, budget and availability target';
  return statusSentences(r.findings, findingContext(r)).join('; ') || 'attention needed';
}

/** The assumptions set with --set, for the header: the assumptions table says so too, but waits for --detail. */
const overridden = (r: SimulateResult) => r.assumptions.filter((a) => a.source === 'override');

const warningsOf = (r: SimulateResult): string[] => [...r.warnings, ...remarkSentences(r.findings, findingContext(r))];

/**
 * The human-readable report of `simulate`. On a terminal (`options.columns` set) every line fits its width:
 * prose wraps, tables wrap or leave out columns (and say which), and the assumptions table waits for `detail`.
 */
export function renderSimulateTable(r: SimulateResult, options: SimulateRenderOptions): string {
  const c = paint(options);
  const width = options.columns;
  const text = (line: string) => wrapToWidth(line, width);
  const table = (spec: TableSpec) => fittedTable(spec, options);
  const section = (title: string) => `\n${c.bold(title)}`;
  const onTerminal = width !== undefined;
  const lines = [
    c.bold(text(headline(r))),
    text(`pricing: ${pricingText(r)}`),
    ...(overridden(r).length > 0 ? [text(overridesText(overridden(r)))] : []),
    (r.status.ok ? c.green : c.yellow)(text(`status: ${statusLine(r)}`)),
    section('Workload'),
    text(workloadLine(r)),
    section('Tiers at the peak hour'),
    table(tierRows(r)),
    section('Latency'),
    `P${r.latency.percentile} ${formatMs(r.latency.valueMs)} (target < ${r.latency.targetMs} ms) ${verdict(r.latency.pass, options)} · mean ${formatMs(r.latency.meanMs)}`,
    ...(workerTiers(r).length ? [section('Worker queues (off the request path)'), table(workerRows(r))] : []),
    ...(hasMemory(r) ? [section('Memory at the peak hour'), ...[cacheMemoryLine(r)].filter((line) => line !== undefined).map(text), ...(r.memory.tiers.length ? [table(memoryRowsTable(r))] : [])] : []),
    section('Checks'),
    table(checkRows(r, options)),
    section('Availability'),
    text(availabilityLine(r)),
    table(availabilityRows(r)),
    section('Cost per month'),
    table(costRows(r)),
    text(costSummary(r)),
    ...[quoteGapLine(r)].filter((line) => line !== undefined).map(text),
    ...(r.revenue ? [section('Revenue per month'), table(revenuePlanRows(r.revenue)), text(revenueLine(r.revenue, r.cost.totalUsd))] : []),
    ...(r.purchase === undefined
      ? []
      : [
          section('Purchase strategies'),
          text(purchaseSummary(r.purchase)),
          table(strategyRows(r.purchase)),
          ...commitmentLines(r.purchase).map((line) => text(`commits ${line}`)),
          ...onDemandReasons(r.purchase).map((line) => text(`stays on demand — ${line}`)),
          ...r.purchase.notes.map((note) => text(`note: ${note}`)),
        ]),
    section('Headroom'),
    text(headroomLine(r)),
    section('Assumptions'),
    onTerminal && !options.detail ? text(`${r.assumptions.length} in force; --detail lists them (--format md and json always do)`) : table(assumptionRows(r)),
    ...(r.uncertainty ? [section('Uncertainty (Monte Carlo)'), text(uncertaintyHeadline(r.uncertainty)), table(spreadRows(r.uncertainty)), table(breachRows(r.uncertainty))] : []),
  ];
  if (r.calibration) {
    lines.push(section('Calibration'), ...calibrationLines(r.calibration).map(text), table(calibrationRows(r.calibration)));
    if (r.calibration.tiers.length > 0) lines.push(table(calibrationTierRows(r.calibration)));
  }
  const warnings = warningsOf(r);
  if (warnings.length) lines.push(section('Warnings'), ...warnings.map((w) => c.yellow(text(`! ${w}`))));
  return lines.join('\n');
}

/** The same report as markdown (for pull requests and `report`). */
export function renderSimulateMarkdown(r: SimulateResult): string {
  const md = ({ head, rows, align }: TableSpec) => markdownTable(head, rows, align);
  const plain: RenderOptions = { color: false };
  const parts = [
    `## cuenta-plan: ${headline(r)}`,
    `**Status:** ${statusLine(r)}  \n**Pricing:** ${pricingText(r)}${overridden(r).length > 0 ? `  \n**${overridesText(overridden(r)).replace(/^set/, 'Set')}** (--set)` : ''}`,
    '### Workload',
    workloadLine(r),
    '### Tiers at the peak hour',
    md(tierRows(r)),
    '### Latency',
    `P${r.latency.percentile} ${formatMs(r.latency.valueMs)} (target < ${r.latency.targetMs} ms): **${r.latency.pass ? 'pass' : 'FAIL'}** · mean ${formatMs(r.latency.meanMs)}  \nMethod: ${r.latency.method}.`,
    ...(workerTiers(r).length ? ['### Worker queues (off the request path)', md(workerRows(r))] : []),
    ...(hasMemory(r) ? ['### Memory at the peak hour', ...[cacheMemoryLine(r)].filter((line) => line !== undefined), ...(r.memory.tiers.length ? [md(memoryRowsTable(r))] : [])] : []),
    '### Checks',
    md(checkRows(r, plain)),
    '### Availability',
    availabilityLine(r),
    md(availabilityRows(r)),
    '### Cost per month',
    md(costRows(r)),
    [costSummary(r), quoteGapLine(r)].filter((line) => line !== undefined).join('  \n'),
    ...(r.revenue ? ['### Revenue per month', md(revenuePlanRows(r.revenue)), revenueLine(r.revenue, r.cost.totalUsd)] : []),
    ...(r.purchase === undefined
      ? []
      : [
          '### Purchase strategies',
          purchaseSummary(r.purchase),
          md(strategyRows(r.purchase)),
          [
            ...commitmentLines(r.purchase).map((line) => `- commits ${line}`),
            ...onDemandReasons(r.purchase).map((line) => `- stays on demand — ${line}`),
            ...r.purchase.notes.map((note) => `- note: ${note}`),
          ].join('\n'),
        ]),
    '### Headroom',
    headroomLine(r),
    '### Assumptions',
    md(assumptionRows(r)),
    ...(r.uncertainty ? ['### Uncertainty (Monte Carlo)', uncertaintyHeadline(r.uncertainty), md(spreadRows(r.uncertainty)), md(breachRows(r.uncertainty))] : []),
    ...(r.calibration ? [renderCalibrationMarkdown(r.calibration)] : []),
  ];
  const warnings = warningsOf(r);
  if (warnings.length) parts.push('### Warnings', warnings.map((w) => `- ${w}`).join('\n'));
  return parts.join('\n\n');
}
