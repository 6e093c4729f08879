import type { GateCheck, GateResult, GateRow } from '../model/gate.js';
import type { FindingCodeName } from '../model/finding-codes.js';
import { increasePercent } from '../model/gate.js';
import { sumMoney } from '../model/money.js';
import type { RenderOptions } from '../output.js';
import { groupedDecimal } from '../model/decimal-text.js';
import { countOf, formatInt, formatMs, formatNumber, formatUsd, formatUsdPerUser, overridesText, pricesAgeText } from './format.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type Align } from './table.js';

/** The first line of the pull-request comment: a CI step finds its own comment by it and updates it. */
export const GATE_COMMENT_MARKER = '<!-- cuenta-plan-gate -->';

/** What each check asks, in a few words (the rows of the checks table). */
const CHECK_LABELS: Partial<Record<FindingCodeName, string>> = {
  'over-budget': "monthly cost ≤ the phase's budget ceiling",
  'cost-over-limit': 'monthly cost ≤ budget',
  'cost-per-user-over-limit': 'cost per user ≤ ceiling',
  'latency-over-slo': 'P95 under the SLO',
  'availability-short': 'expected availability ≥ the SLO',
  'headroom-under-minimum': 'headroom ≥ minimum',
  'cost-increase-over-limit': 'cost increase over the baseline ≤ limit',
  'migration-start-too-soon': 'weeks until the migration must start ≥ minimum',
};

/** The breaches a Monte Carlo counts, as a breach-probability check names them. */
const BREACH_NAMES: Partial<Record<FindingCodeName, string>> = {
  'latency-over-slo': 'the latency SLO',
  'availability-short': 'the availability SLO',
  'error-rate-over-slo': 'the error-rate SLO',
  'over-budget': "the phase's budget",
};

const breachName = (check: GateCheck): string => BREACH_NAMES[check.subject as FindingCodeName] ?? check.subject ?? 'a limit';

const label = (check: GateCheck): string =>
  check.id === 'breach-probability-over-limit' ? `odds of breaking ${breachName(check)} ≤ limit` : (CHECK_LABELS[check.id] ?? check.id);

/** A change with its sign; none on zero. */
const signed = (text: string, value: number): string => (value < 0 ? `-${text}` : value > 0 ? `+${text}` : text);

/** A percent limit as given: 10 → "10%", 12.5 → "12.5%". */
const percentText = (value: number): string => `${groupedDecimal(value, 0, 4)}%`;

/** A change in percent, signed, to at most 2 decimals: "+17.2%", "-0.05%". */
const signedPercent = (value: number): string => `${signed(groupedDecimal(Math.abs(value), 1, 2), value)}%`;

/** A check's figure (or, `asLimit`, its limit, unsigned) in its metric's unit; an em dash when there is none. */
function figure(check: GateCheck, value: number | null, asLimit = false): string {
  if (value === null) return '—';
  switch (check.metric) {
    case 'cost':
      return formatUsd(value);
    case 'cost-per-user':
      return formatUsdPerUser(value);
    case 'p95-ms':
      return formatMs(value);
    case 'availability':
      return `${groupedDecimal(value, 2, 5)}%`;
    case 'cost-increase':
      return asLimit ? percentText(value) : signedPercent(value);
    case 'weeks-to-migration':
      return `${asLimit ? groupedDecimal(value, 0, 4) : formatNumber(value, 1)} weeks`;
    case 'breach-probability':
      // A probability as a percent, to the 4 decimals of the 6 the result keeps: 0.0123 → 1.23%.
      return `${groupedDecimal(value * 100, 0, 4)}%`;
    default:
      return asLimit ? percentText(value) : `${formatNumber(value, 1)}%`;
  }
}

/** Why a failing check failed, in a sentence (without the user count); `baselineUsd` tells a missing baseline figure from $0. */
export function failureText(check: GateCheck, baselineUsd: number | null = null): string {
  const value = figure(check, check.value);
  const limit = figure(check, check.limit, true);
  switch (check.id) {
    case 'over-budget':
      return `monthly cost ${value} is over the phase's budget ceiling of ${limit}`;
    case 'cost-over-limit':
      return `monthly cost ${value} is over the budget of ${limit}`;
    case 'cost-per-user-over-limit':
      return `cost per user ${value} is over the ceiling of ${limit}`;
    case 'latency-over-slo':
      return check.value === null ? `P95 has no finite value (a tier's queue is unstable); the SLO is ${limit}` : `P95 ${value} is not under the SLO of ${limit}`;
    case 'availability-short':
      return check.value === null ? 'the expected availability cannot be evaluated' : `expected availability ${value} is short of the SLO of ${limit}`;
    case 'headroom-under-minimum':
      return check.value === null ? `the phase does not serve even its smallest load, so it has no headroom; the minimum is ${limit}` : `headroom ${value} is under the minimum of ${limit}`;
    case 'cost-increase-over-limit':
      return check.value === null
        ? baselineUsd === null
          ? `the baseline has no cost at this user count to compare with; the limit is ${limit}`
          : `the baseline costs $0.00 here, so the growth has no finite percent; the limit is ${limit}`
        : `monthly cost grew ${figure(check, check.value, true)} over the baseline, more than the ${limit} allowed`;
    case 'migration-start-too-soon':
      return check.value === null
        ? `the phase does not serve even its smallest load, so the migration is already late; the minimum is ${limit}`
        : check.value < 0
          ? `the migration should have started ${formatNumber(-check.value, 1)} weeks ago; the minimum is ${limit} ahead`
          : `the migration must start in ${value}, sooner than the minimum of ${limit}`;
    case 'breach-probability-over-limit':
      return `${breachName(check)} is broken in ${value} of the samples, more than the ${limit} allowed`;
    default:
      return `${check.metric} ${value} against ${limit}`;
  }
}

/** The row with the largest change against the baseline (the higher user count on a tie); undefined when none has a figure. */
function largestChange(rows: readonly GateRow[]): (GateRow & { baselineUsd: number }) | undefined {
  let best: (GateRow & { baselineUsd: number }) | undefined;
  let bestSize = -1;
  for (const row of rows) {
    if (row.baselineUsd === null) continue;
    const size = Math.abs(sumMoney([row.totalUsd, -row.baselineUsd]));
    if (size >= bestSize) {
      best = { ...row, baselineUsd: row.baselineUsd };
      bestSize = size;
    }
  }
  return best;
}

/** "+$1,402.00 (+17.2%)": a cost change against a baseline figure. */
export function changeText(totalUsd: number, baselineUsd: number): string {
  const difference = sumMoney([totalUsd, -baselineUsd]);
  const percent = increasePercent(totalUsd, baselineUsd);
  const money = signed(formatUsd(Math.abs(difference)), difference);
  return percent === null ? money : `${money} (${signedPercent(percent)})`;
}

/** "monthly cost +$1,402.00 (+17.2%) at 50,000 users against the baseline", or undefined without a baseline. */
export function baselineHeadline(r: GateResult): string | undefined {
  if (r.baseline === null) return undefined;
  const row = largestChange(r.results);
  if (!row) return 'the baseline has no cost at these user counts';
  const at = `at ${countOf(row.users, 'user')}`;
  if (row.totalUsd === row.baselineUsd) return `monthly cost unchanged (${formatUsd(row.totalUsd)}) ${at} against the baseline`;
  return `monthly cost ${changeText(row.totalUsd, row.baselineUsd)} ${at} against the baseline`;
}

const usersList = (r: GateResult): string => {
  const counts = r.results.map((row) => formatInt(row.users));
  return counts.length === 1 ? counts[0]! : `${counts.slice(0, -1).join(', ')} and ${counts[counts.length - 1]}`;
};

/** "2 of 6 checks fail at 10,000 and 50,000 users" / "all 6 checks pass at 50,000 users". */
export function verdictText(r: GateResult): string {
  const failing = r.checks.filter((c) => !c.pass).length;
  const total = r.checks.length;
  const users = `at ${usersList(r)} ${r.results.length === 1 && r.results[0]!.users === 1 ? 'user' : 'users'}`;
  if (failing === 0) return `${total === 1 ? 'the check passes' : `all ${total} checks pass`} ${users}`;
  if (total === 1) return `the check fails ${users}`;
  return `${failing} of ${countOf(total, 'check')} ${failing === 1 ? 'fails' : 'fail'} ${users}`;
}

const baselineAt = (r: GateResult, users: number): number | null => r.results.find((row) => row.users === users)?.baselineUsd ?? null;

/** What exit 1 prints on standard error: each failing check in a line. */
export function gateFailureText(r: GateResult): string {
  const lines = r.checks.filter((c) => !c.pass).map((c) => `  ${c.id} at ${countOf(c.users, 'user')}: ${failureText(c, baselineAt(r, c.users))}`);
  return [`gate failed: ${verdictText(r)}`, ...lines].join('\n');
}

/** Failing checks first, each group in the engine's order (by user count, then check). */
const failingFirst = (checks: readonly GateCheck[]): GateCheck[] => [...checks.filter((c) => !c.pass), ...checks.filter((c) => c.pass)];

function checkRows(r: GateResult, passText: string, failText: string, code: (id: string) => string) {
  const head = ['result', 'check', 'users', 'value', 'limit', 'id'];
  const align: Align[] = ['left', 'left', 'right', 'right', 'right', 'left'];
  const body = failingFirst(r.checks).map((c) => [c.pass ? passText : failText, label(c), formatInt(c.users), figure(c, c.value), figure(c, c.limit, true), code(c.id)]);
  return { head, body, align };
}

function costRows(r: GateResult) {
  const withBaseline = r.baseline !== null;
  const head = ['users', 'phase', 'monthly cost', 'cost/user', ...(withBaseline ? ['baseline', 'change'] : [])];
  const align: Align[] = ['right', 'right', 'right', 'right', 'right', 'right'];
  const body = r.results.map((row) => [
    formatInt(row.users),
    String(row.phase),
    formatUsd(row.totalUsd),
    formatUsdPerUser(row.totalUsd / row.users),
    ...(withBaseline ? [row.baselineUsd === null ? '—' : formatUsd(row.baselineUsd), row.baselineUsd === null ? '—' : changeText(row.totalUsd, row.baselineUsd)] : []),
  ]);
  return { head, body, align: align.slice(0, head.length) };
}

const KIND_NAMES: Record<NonNullable<GateResult['baseline']>['kind'], string> = {
  simulate: 'a saved simulate result',
  sweep: 'a saved sweep result',
  gate: 'a saved gate result',
  catalog: 'a catalog, evaluated with the same price book',
};

const baselineText = (r: GateResult): string | undefined => r.baseline === null ? undefined : `${r.baseline.source} (${KIND_NAMES[r.baseline.kind]})`;

const pricingText = (r: GateResult) => `${r.pricing.description} · ${pricesAgeText(r.pricing.asOf)}`;

/** The terminal table: the verdict, the checks (failing first), then the cost at each user count. */
export function renderGateTable(r: GateResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const headline = [`gate: ${r.ok ? 'pass' : 'FAIL'} — ${verdictText(r)}`, baselineHeadline(r)].filter((part) => part !== undefined).join('; ');
  const checks = checkRows(r, 'pass', c.red.bold('FAIL'), (id) => id);
  const costs = costRows(r);
  const baseline = baselineText(r);
  return [
    c.bold(text(headline)),
    text(`pricing: ${pricingText(r)}`),
    ...(baseline ? [text(`baseline: ${baseline}`)] : []),
    ...(r.overrides.length > 0 ? [text(overridesText(r.overrides))] : []),
    fittedTable({ head: checks.head, rows: checks.body, align: checks.align, dropOrder: [5] }, options),
    '',
    'Cost at each user count',
    fittedTable({ head: costs.head, rows: costs.body, align: costs.align, dropOrder: [3] }, options),
  ].join('\n');
}

/**
 * The pull-request comment: the marker line, a one-line headline (pass or fail, and the cost change against the
 * baseline when there is one), the failing checks in sentences, every check in a table (failing first), and the
 * costs, prices and settings folded in `<details>`.
 */
export function renderGateMarkdown(r: GateResult): string {
  const headline = [`${r.ok ? '✅' : '❌'} **cuenta-plan gate ${r.ok ? 'passed' : 'failed'}**: ${verdictText(r)}`, baselineHeadline(r)]
    .filter((part) => part !== undefined)
    .join(' — ');
  const failing = r.checks.filter((c) => !c.pass).map((c) => `- \`${c.id}\` at ${countOf(c.users, 'user')}: ${failureText(c, baselineAt(r, c.users))}`);
  const checks = checkRows(r, '✅ pass', '❌ fail', (id) => `\`${id}\``);
  const costs = costRows(r);
  const baseline = baselineText(r);
  const details = [
    '<details>\n<summary>Cost at each user count, prices and settings</summary>',
    markdownTable(costs.head, costs.body, costs.align),
    `Pricing: ${pricingText(r)}`,
    ...(baseline ? [`Baseline: ${baseline}.`] : []),
    ...(r.overrides.length > 0 ? [`${overridesText(r.overrides).replace(/^set/, 'Set')} (--set).`] : []),
    'Each check is named by the finding code it raises when it fails (docs/commands.md § Findings).',
    '</details>',
  ];
  return [GATE_COMMENT_MARKER, headline, ...(failing.length > 0 ? [failing.join('\n')] : []), markdownTable(checks.head, checks.body, checks.align), ...details].join('\n\n');
}
