/**
 * Findings → sentences. The engine says what it found as data (src/model/findings.ts); this is the one
 * place that words it, for the status line and the warnings of every command.
 */
import type { Finding, FindingCodeName } from '../model/findings.js';
import { groupedDecimal } from '../model/decimal-text.js';
import { PEAK_MISMATCH_FACTOR } from '../model/finding-codes.js';
import { roundTo } from '../model/money.js';
import { formatInt, formatUsd } from './format.js';

/** What a sentence may need beyond the finding itself, from the result it belongs to. */
export interface FindingContext {
  phaseId: number;
  users: number;
  /** A phase that serves N when this one does not. */
  servedBy: number | null;
  latencyPercentile: number;
  budget: { minUsd: number; maxUsd: number };
  headroomMaxUsers: number | null;
  /** The book the plan was priced with. */
  book: string;
  tiers: ReadonlyArray<{ id: string; instances: { max: number } }>;
  /** The checks table: a tier's CPU at the peak, in percent (null when exhausted). */
  checks: ReadonlyArray<{ code: FindingCodeName; subject: string; value: number | null }>;
  /** The hard dependency that causes most of the expected downtime, and where it is placed. */
  availabilityCause?: { id: string; domain: 'instance' | 'zone' | 'region' | 'edge'; zones: number; regions: readonly string[]; recovery: string } | null;
}

const FAILURE_WORDS = { instance: 'instance failures', zone: 'zone outages', region: 'region outages', edge: 'CDN network incidents' } as const;

/** Why the dominant component's downtime is architectural, when its placement says so. */
function placementReason(cause: NonNullable<FindingContext['availabilityCause']>): string {
  if (cause.domain === 'region' && cause.regions.length === 1) return `; it runs only in ${cause.regions[0]}`;
  if (cause.domain === 'edge' && cause.regions.length === 1) return `; one CDN network (${cause.regions[0]}) with nothing to switch to`;
  if (cause.domain === 'zone' && cause.zones === 1) return '; it sits in one zone';
  if (cause.domain === 'instance' && cause.recovery === 'single') return '; one copy with nothing to fail over to';
  return '';
}

function availabilitySentence(finding: Finding, ctx: FindingContext): string {
  const short = `availability ${roundTo(finding.value ?? 0, 4)}% is short of the ${finding.limit}% target`;
  const cause = ctx.availabilityCause;
  if (!cause || cause.id !== finding.subject) return short;
  return `${short} — ${cause.id} causes most of the expected downtime (${FAILURE_WORDS[cause.domain]}${placementReason(cause)})`;
}

/** The check a capacity finding comes from, as the checks table names it. */
function checkName(finding: Finding, ctx: FindingContext): string {
  switch (finding.code) {
    case 'latency-over-slo':
      return `latency P${ctx.latencyPercentile}`;
    case 'cpu-over-scaling-target':
      return `${finding.subject} CPU (scaling target)`;
    case 'cpu-over-alert':
      return `${finding.subject} CPU (CPU alert)`;
    case 'memory-over-alert':
      return `${finding.subject} memory`;
    default:
      return `${finding.subject} connections`;
  }
}

const CHECK_CODES: readonly FindingCodeName[] = ['latency-over-slo', 'cpu-over-scaling-target', 'cpu-over-alert', 'connections-over-alert', 'memory-over-alert'];

function capacitySentence(findings: readonly Finding[], ctx: FindingContext): string | undefined {
  const failing = findings.filter((f) => CHECK_CODES.includes(f.code)).map((f) => checkName(f, ctx));
  const exhausted = findings.some((f) => f.code === 'tier-exhausted' || f.code === 'latency-over-slo');
  const users = formatInt(ctx.users);
  if (exhausted) {
    const other = ctx.servedBy === null ? '; no other phase serves this load either' : `; phase ${ctx.servedBy} serves it`;
    const which = failing.length > 0 ? ` (${failing.join(', ')})` : '';
    return `phase ${ctx.phaseId} is exhausted at ${users} users${which}: start migrating${other}`;
  }
  return failing.length > 0 ? `phase ${ctx.phaseId} breaks an alert threshold at ${users} users: ${failing.join(', ')}` : undefined;
}

/**
 * The status line's sentences, in order: capacity, budget, availability, error rate, then the headroom
 * warning. Empty when nothing fails or needs attention.
 */
export function statusSentences(findings: readonly Finding[], ctx: FindingContext): string[] {
  const of = (code: FindingCodeName) => findings.find((f) => f.code === code);
  const sentences: string[] = [];
  const capacity = capacitySentence(findings, ctx);
  if (capacity) sentences.push(capacity);
  const budget = of('over-budget');
  if (budget?.value != null) {
    sentences.push(`over budget: ${formatUsd(budget.value)}/month against the phase's ${formatUsd(ctx.budget.minUsd)}–${formatUsd(ctx.budget.maxUsd)}`);
  }
  const availability = of('availability-short');
  if (availability?.value != null) sentences.push(availabilitySentence(availability, ctx));
  const errors = of('error-rate-over-slo');
  if (errors?.value != null) {
    sentences.push(`error rate ${roundTo(errors.value, 4)}% is not under the phase's SLO of ${errors.limit}%`);
  }
  const headroom = of('headroom-low');
  if (headroom && ctx.headroomMaxUsers !== null) {
    sentences.push(`less than ${headroom.limit}% headroom: the phase serves at most ${formatInt(ctx.headroomMaxUsers)} users`);
  }
  return sentences;
}

function requestsPerTargetSentence(finding: Finding, ctx: FindingContext): string {
  const tier = ctx.tiers.find((t) => t.id === finding.subject);
  const check = ctx.checks.find((c) => (c.code === 'cpu-over-scaling-target' || c.code === 'cpu-over-alert') && c.subject === finding.subject);
  const cpu = check?.value == null ? 'exhausted, over 100 %' : `${roundTo(check.value, 1)}%`;
  const maximum = tier ? `its maximum of ${tier.instances.max} instances` : 'its maximum';
  return (
    `${finding.subject}: at ${maximum} each takes ${formatInt(Math.round(finding.value ?? 0))} requests/min, ` +
    `over the scaling rule's ${groupedDecimal(finding.limit ?? 0, 0, 3)}/min (CPU ${cpu}): raise the maximum or the rule's threshold`
  );
}

/** The design peak (value) against the engagement-implied peak (limit), saying which way they differ. */
function peakSentence(finding: Finding): string {
  const design = formatInt(Math.round(finding.value ?? 0));
  const implied = formatInt(Math.round(finding.limit ?? 0));
  return finding.code === 'design-peak-under-implied'
    ? `engagement implies ${implied} concurrent users at the peak, over ${PEAK_MISMATCH_FACTOR}× the design peak of ${design} that sizing uses: the phase may be sized for too little`
    : `the design peak of ${design} concurrent users is over ${PEAK_MISMATCH_FACTOR}× the ${implied} that engagement implies: sizing has room to spare, or the engagement assumptions are low`;
}

/** Sentences for what qualifies the figures (the warnings section): one per code, subjects listed together. */
export function remarkSentences(findings: readonly Finding[], ctx: FindingContext): string[] {
  const sentences: string[] = [];
  const subjects = (code: FindingCodeName) => findings.filter((f) => f.code === code).map((f) => f.subject).join(', ');
  const seen = new Set<FindingCodeName>();
  for (const finding of findings) {
    if (finding.code === 'requests-per-target-over') {
      sentences.push(requestsPerTargetSentence(finding, ctx));
      continue;
    }
    if (finding.code === 'cache-hit-ratio-reduced') {
      sentences.push(
        `${finding.subject}: the working set does not fit the usable memory, so the hit ratio falls from ${roundTo(finding.limit ?? 0, 1)}% to ` +
          `${roundTo(finding.value ?? 0, 1)}% and the misses go to the database: a larger cache node keeps them off it`,
      );
      continue;
    }
    if (seen.has(finding.code)) continue;
    seen.add(finding.code);
    if (finding.code === 'availability-unrated') {
      sentences.push(`no SLA figure for ${subjects(finding.code)}: left out of the SLA floor`);
    } else if (finding.code === 'unverified-prices') {
      sentences.push(`${finding.value} cost line(s) use unverified prices (estimates): see "verified" in the cost lines`);
    } else if (finding.code === 'design-peak-under-implied' || finding.code === 'design-peak-over-implied') {
      sentences.push(peakSentence(finding));
    } else if (finding.code === 'unquoted-component') {
      sentences.push(`the document's cost table has no row for ${subjects(finding.code)}: they cost $0 under the ${ctx.book} book`);
    }
  }
  return sentences;
}
