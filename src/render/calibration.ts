/** The calibration section of a result, as lines and tables (simulate and advise; report after issue 10). */
import type { CalibrationResult } from '../model/calibrate-result.js';
import { formatInt, formatMs, formatNumber } from './format.js';
import { markdownTable, type Align } from './table.js';

const HEAD = ['assumption', 'measured', 'catalog had'];
const TIER_HEAD = ['tier', 'CPU mean', 'vCPUs busy', 'with no load', 'req/s', 'demand', 'method'];
const TIER_ALIGN: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'left'];

/** The lines above the tables: window, users, request count and peak, P95, what was left out. */
export function calibrationLines(c: CalibrationResult): string[] {
  const users = `${formatInt(c.users)} users (${c.usersFrom === 'observations' ? 'from the observations' : "the run's --users: the observations give none"})`;
  const lines = [
    `from ${c.source}: ${c.window.start} – ${c.window.end} (${formatNumber(c.window.days, 1)} days, ${c.window.periodSeconds / 60}-min periods), ${users}, phase ${c.phase}`,
    `requests: ${formatInt(c.requests.total)} in ${formatInt(c.requests.periods)} periods, ${formatNumber(c.requests.averagePerS, 2)} req/s mean, ` +
      `${formatNumber(c.requests.peakPerS, 2)} req/s at the peak (${c.requests.peakAt}) → design peak ${formatNumber(c.designPeak.concurrentUsers, 1)} concurrent users ` +
      `(${formatNumber(c.designPeak.perUser * 100, 3)} % of monthly users, every phase)${c.dailyProfile ? '; 24-hour profile measured' : ''}`,
  ];
  const l = c.latency;
  if (l) {
    const error = l.errorPercent === null ? 'no model figure (a tier is unstable)' : `${l.errorPercent > 0 ? '+' : ''}${formatNumber(l.errorPercent, 1)} %`;
    const verdict = l.errorPercent !== null && Math.abs(l.errorPercent) <= l.marginPercent ? 'within' : 'outside';
    lines.push(`P95: model ${formatMs(l.modelP95Ms)} against ${formatMs(l.observedP95Ms)} observed over the ${l.peakPeriods} busiest periods: ${error}, ${verdict} ±${l.marginPercent} %`);
  }
  for (const s of c.skipped) lines.push(`not calibrated: ${s.what} (${s.reason})`);
  return lines;
}

const value = (x: number): string => (Math.abs(x) >= 0.01 ? String(Number(x.toPrecision(4))) : x.toExponential(3));

export function calibrationRows(c: CalibrationResult): { head: string[]; rows: string[][]; align: Align[] } {
  return { head: HEAD, rows: c.assumptions.map((a) => [a.name, value(a.value), value(a.previous)]), align: ['left', 'right', 'right'] };
}

export function calibrationTierRows(c: CalibrationResult): { head: string[]; rows: string[][]; align: Align[] } {
  return {
    head: TIER_HEAD,
    rows: c.tiers.map((t) => [
      `${t.tier} (${t.component})`,
      `${formatNumber(t.utilizationPercent, 2)}%`,
      formatNumber(t.busyVcpus, 3),
      formatNumber(t.backgroundVcpus, 3),
      formatNumber(t.requestsPerS, 2),
      `${formatNumber(t.demandS * 1000, 3)} ms`,
      t.method === 'regression' ? 'fit busy = B + X·S' : 'S = busy / X (upper bound)',
    ]),
    align: TIER_ALIGN,
  };
}

export function renderCalibrationMarkdown(c: CalibrationResult): string {
  const a = calibrationRows(c);
  const t = calibrationTierRows(c);
  return [
    '### Calibration',
    calibrationLines(c).map((line) => `- ${line}`).join('\n'),
    markdownTable(a.head, a.rows, a.align),
    ...(c.tiers.length > 0 ? [markdownTable(t.head, t.rows, t.align)] : []),
  ].join('\n\n');
}
