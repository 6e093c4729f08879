import type { Check } from './checks.js';
import { phaseSubject } from './checks.js';
import { FINDING_CODES, HEADROOM_WARNING_PERCENT, PEAK_MISMATCH_FACTOR, type FindingCodeName, type Severity } from './finding-codes.js';
import type { Headroom } from './headroom.js';
import { METRICS, type MetricName } from './metrics.js';
import { roundCents } from './money.js';
import type { Plan, TierPlan } from './plan.js';
import type { CostResult } from './price-plan.js';
import type { WorkloadAt } from './workload.js';

export { FINDING_CODES, HEADROOM_WARNING_PERCENT, type FindingCodeName, type Severity } from './finding-codes.js';

/**
 * One thing the verdict says about a plan, as data: renderers write the sentence, gates compare `value`
 * with `limit`. `subject` is `phase:<id>`, a station id (`db.writer`) or a component id.
 */
export interface Finding {
  code: FindingCodeName;
  severity: Severity;
  subject: string;
  metric: MetricName;
  /** In `unit`; null when the model has no finite value (an unstable queue, an unrated component). */
  value: number | null;
  limit: number | null;
  unit: string;
}

/** A sized plan with what else the verdict reads: its cost under one book, and its headroom when searched. */
export interface EvaluatedPlan {
  plan: Plan;
  cost: CostResult;
  headroom?: Headroom;
}

export const isFailing = (finding: Finding): boolean => finding.severity === 'fail';

function finding(code: FindingCodeName, subject: string, value: number | null, limit: number | null): Finding {
  const { severity, metric } = FINDING_CODES[code];
  return { code, severity, subject, metric, value, limit, unit: METRICS[metric].unit };
}

const failed = (checks: readonly Check[]): Finding[] =>
  checks.filter((check) => !check.pass).map((check) => finding(check.code, check.subject, check.value, check.limit));

/** A station as the exhaustion rule sees it. */
export interface TierLimit {
  id: string;
  exhausted: boolean;
  peak: number;
  max: number;
}

/** Failing capacity checks, then one `tier-exhausted` per exhausted tier: all a peak-hour sizing can say. */
export function capacityFindings(checks: readonly Check[], tiers: readonly TierLimit[]): Finding[] {
  const findings = failed(checks.filter((check) => check.kind === 'capacity'));
  for (const tier of tiers) if (tier.exhausted) findings.push(finding('tier-exhausted', tier.id, tier.peak, tier.max));
  return findings;
}

/** Requests per instance per minute at the peak, when a tier at its maximum takes more than its scaling rule's cap. */
function requestsPerTargetOver(tier: TierPlan): Finding | undefined {
  const cap = tier.requestsPerTargetPerMin;
  if (cap === undefined || tier.instances.peak < tier.instances.max) return undefined;
  const perMinute = (tier.arrivalPerInstancePerS / tier.visitsPerRequest) * 60;
  return perMinute > cap ? finding('requests-per-target-over', tier.id, perMinute, cap) : undefined;
}

/** The design peak (value) against the engagement-implied peak (limit), when one is over twice the other. */
function peakMismatch(phase: string, workload: WorkloadAt): Finding | undefined {
  const design = workload.concurrentUsers;
  const implied = workload.impliedPeakConcurrentUsers;
  if (implied > PEAK_MISMATCH_FACTOR * design) return finding('design-peak-under-implied', phase, design, implied);
  if (design > PEAK_MISMATCH_FACTOR * implied) return finding('design-peak-over-implied', phase, design, implied);
  return undefined;
}

/** The findings of a plan's checks (capacity, the SLOs) and of its bill against the phase's budget: the first part of `findingsOf`. */
function checkAndBudgetFindings(plan: Plan, cost: Pick<CostResult, 'totalUsd' | 'budget'>): Finding[] {
  const findings = capacityFindings(plan.checks, plan.tiers.map((t) => ({ id: t.id, exhausted: t.exhausted, peak: t.instances.peak, max: t.instances.max })));
  findings.push(...failed(plan.checks.filter((check) => check.kind !== 'capacity')));
  if (cost.budget.status === 'over') findings.push(finding('over-budget', phaseSubject(plan.phase), roundCents(cost.totalUsd), cost.budget.maxUsd));
  return findings;
}

/**
 * The verdict on an evaluated plan, as findings: capacity (failing checks, exhausted tiers), availability,
 * error rate, budget, headroom, then what qualifies the figures (design vs implied peak, unrated components, unverified prices,
 * scaling-rule overruns, missing quotes). The one place a plan is judged; commands derive their status from it.
 */
export function findingsOf({ plan, cost, headroom }: EvaluatedPlan): Finding[] {
  const phase = phaseSubject(plan.phase);
  const findings = checkAndBudgetFindings(plan, cost);
  const room = headroom?.headroomPercent;
  if (headroom?.maxUsers != null && room != null && room >= 0 && room < HEADROOM_WARNING_PERCENT) {
    findings.push(finding('headroom-low', phase, room, HEADROOM_WARNING_PERCENT));
  }
  const cache = plan.memory.cache;
  if (cache && cache.effectiveHitRatio < cache.catalogHitRatio) {
    findings.push(finding('cache-hit-ratio-reduced', cache.components.join('+'), cache.effectiveHitRatio * 100, cache.catalogHitRatio * 100));
  }
  const mismatch = peakMismatch(phase, plan.workload);
  if (mismatch) findings.push(mismatch);
  for (const id of plan.availability.unrated) findings.push(finding('availability-unrated', id, null, null));
  if (cost.unverifiedLines > 0) findings.push(finding('unverified-prices', phase, cost.unverifiedLines, null));
  for (const tier of plan.tiers) {
    const over = requestsPerTargetOver(tier);
    if (over) findings.push(over);
  }
  if (cost.basis === 'component-quote') {
    for (const c of cost.components) if (c.quotedUsd === null) findings.push(finding('unquoted-component', c.component, 0, null));
  }
  return findings;
}

/** What a command's status says, derived from findings alone. */
export interface Verdict {
  /** No finding fails. */
  ok: boolean;
  /** A tier is exhausted or latency cannot be brought under the SLO: start migrating. */
  exhausted: boolean;
  /** No capacity finding fails: the phase serves this load. */
  capacityOk: boolean;
  overBudget: boolean;
  availabilityShort: boolean;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  const has = (code: FindingCodeName) => findings.some((f) => f.code === code);
  return {
    ok: !findings.some(isFailing),
    exhausted: has('tier-exhausted') || has('latency-over-slo'),
    capacityOk: !findings.some((f) => isFailing(f) && FINDING_CODES[f.code].group === 'capacity'),
    overBudget: has('over-budget'),
    availabilityShort: has('availability-short'),
  };
}
