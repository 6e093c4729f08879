import type { Catalog, Phase, Source, Tier } from './catalog-types.js';
import type { PriceLookup, PricedLine } from './cost.js';
import { findingsOf, verdictOf, type Finding } from './findings.js';
import { headroom, type Headroom } from './headroom.js';
import { roundCents, roundPerUser, roundTo } from './money.js';
import { capacityAt, sizePlan, type Check, type Thresholds, type TierPlan } from './plan.js';
import { pricePlan, type ComponentCost, type CostResult, type PricesAsOf } from './price-plan.js';
import { roundFinding } from './round-finding.js';
import { assumptionsFor } from './workload.js';

/** 2: `workload.monthlyRequests` comes from engagement (not the design peak all day) and is unrounded. */
export const SIMULATE_SCHEMA_VERSION = 2;

export interface SimulateInput {
  catalog: Catalog;
  phase: Phase;
  /** How the phase was chosen: its user range holds N, or --phase named it. */
  selectedBy: 'range' | 'option';
  users: number;
  /** The book that prices the plan (seed, snapshot or live). */
  book: PriceLookup & { description: string };
  /**
   * A second book for the side-by-side column (the seed quote when pricing from a snapshot, and vice versa): it prices
   * the same plan. Null when the catalog quotes no figures, so there is nothing to set beside the estimate.
   */
  compareBook: PriceLookup | null;
  thresholds: Thresholds;
  /** Warnings the catalog validator raised, already formatted; they lead the result's warnings. */
  catalogWarnings?: readonly string[];
}

export interface LineResult {
  description: string;
  priceKey: string;
  quantity: number;
  unit: string;
  usdPerUnit: number;
  monthlyUsd: number;
  verified: boolean;
  source: string;
}

export interface ComponentCostResult {
  id: string;
  name: string;
  monthlyUsd: number;
  /** The same component under the comparison book; null without one. */
  compareUsd: number | null;
  quotedUsd: number | null;
  /** monthlyUsd − quotedUsd. */
  differenceUsd: number | null;
  lines: LineResult[];
}

export interface SimulateResult {
  schemaVersion: typeof SIMULATE_SCHEMA_VERSION;
  command: 'simulate';
  users: number;
  phase: { id: number; name: string; usersMin: number; usersMax: number; selectedBy: 'range' | 'option' };
  /** `asOf`: the as-of dates of the prices the plan was priced with (the main book's lines). */
  pricing: { book: string; description: string; compareBook: string | null; asOf: PricesAsOf };
  /** Derived from `findings` alone. */
  status: {
    /** No finding fails. */
    ok: boolean;
    exhausted: boolean;
    overBudget: boolean;
    availabilityShort: boolean;
    /** A phase that serves N within its capacity checks when this one does not. */
    servedBy: number | null;
  };
  /** The verdict, one entry per condition (codes: FINDING_CODES); renderers write the sentences. */
  findings: Finding[];
  workload: {
    /** The design peak: concurrent users at the daily peak from the phase's concurrency range (what sizing uses). */
    concurrentUsers: number;
    peakRequestsPerS: number;
    /** monthlyRequests over the seconds of an average calendar month. */
    averageRequestsPerS: number;
    /** users × dau_per_mau × active_minutes_per_day × 60 × requests_per_active_user_per_s × 365.25 / 12, unrounded. */
    monthlyRequests: number;
    dailyActiveUsers: number;
    monthlyActiveMinutes: number;
    /** The peak concurrency engagement implies: the busiest day's active user-seconds × 1/Σ profile / 3600. */
    impliedPeakConcurrentUsers: number;
    /** The calendar's busiest and quietest day, as multiples of an average day (1 without a calendar). */
    busiestDayFactor: number;
    quietestDayFactor: number;
    dailyProfileFrom: 'phase' | 'workload';
    /** The cache hit ratio in force: 0 in a phase with no cache. */
    cacheHitRatio: number;
  };
  tiers: Array<{
    id: string;
    component: string;
    roles: readonly Tier[];
    autoscaled: boolean;
    delay: boolean;
    /** `hourly`: instances running in each hour of the daily profile. */
    instances: { min: number; max: number; peak: number; average: number; hourly: readonly number[] };
    vcpusPerInstance: number;
    /** At the peak hour, a fraction; null when the queue is unstable (the offered load is past its vCPUs). */
    utilization: number | null;
    latencyMs: { mean: number | null; percentile: number | null; contribution: number | null; atScaleOut: boolean };
    sizedBy: TierPlan['reason'];
    exhausted: boolean;
    connectionOccupancy: number | null;
  }>;
  latency: {
    percentile: number;
    valueMs: number | null;
    meanMs: number | null;
    targetMs: number;
    pass: boolean;
    method: string;
  };
  checks: Check[];
  availability: {
    expectedPercent: number;
    targetPercent: number;
    pass: boolean;
    errorBudgetMinutes: number;
    expectedDowntimeMinutes: number;
    singlePointsOfFailure: string[];
    components: Array<{ id: string; perInstance: number; copies: number; combined: number }>;
    unrated: string[];
  };
  cost: {
    book: string;
    totalUsd: number;
    perUserUsd: number;
    compareTotalUsd: number | null;
    /** The document's quote for the phase; null when the catalog gives none. */
    quotedTotalUsd: number | null;
    quotedPerUserUsd: number | null;
    /** The priced estimate (the non-seed book) against the document's quote, and what makes the gap. */
    vsQuote: {
      estimateBook: string;
      differenceUsd: number;
      /** Components by the size of their gap, largest first; `quoted: false` when the document has no row. */
      drivers: Array<{ id: string; differenceUsd: number; quoted: boolean }>;
    } | null;
    budget: { minUsd: number; maxUsd: number; status: 'under' | 'within' | 'over' };
    components: ComponentCostResult[];
    unverifiedLines: number;
  };
  headroom: Headroom;
  assumptions: Array<{ name: string; value: number; source: Source; note: string | null; scope: 'catalog' | 'phase' }>;
  /** The catalog validator's warnings; the engine's own remarks are `findings`. */
  warnings: string[];
}

const round = (x: number | null, decimals: number): number | null => (x === null ? null : roundTo(x, decimals));

function lineResult(line: PricedLine): LineResult {
  return {
    description: line.description,
    priceKey: line.priceKey,
    quantity: roundTo(line.quantity, 4),
    unit: line.unit,
    usdPerUnit: line.usdPerUnit,
    monthlyUsd: roundCents(line.monthlyUsd),
    verified: line.verified,
    source: line.source,
  };
}

function componentResult(cost: ComponentCost, compare: ComponentCost | undefined): ComponentCostResult {
  return {
    id: cost.component,
    name: cost.name,
    monthlyUsd: roundCents(cost.monthlyUsd),
    compareUsd: compare === undefined ? null : roundCents(compare.monthlyUsd),
    quotedUsd: cost.quotedUsd,
    differenceUsd: cost.differenceUsd === null ? null : roundCents(cost.differenceUsd),
    lines: cost.lines.map(lineResult),
  };
}

function vsQuote(estimate: CostResult, quotedTotalUsd: number): NonNullable<SimulateResult['cost']['vsQuote']> {
  const drivers = estimate.components
    .map((c) => ({ id: c.component, differenceUsd: roundCents(c.monthlyUsd - (c.quotedUsd ?? 0)), quoted: c.quotedUsd !== null }))
    .filter((d) => d.differenceUsd !== 0)
    .sort((a, b) => Math.abs(b.differenceUsd) - Math.abs(a.differenceUsd));
  return { estimateBook: estimate.book, differenceUsd: roundCents(estimate.totalUsd - quotedTotalUsd), drivers };
}

/** The first other phase (later phases first) whose capacity checks pass at N users. */
function servingPhase(input: SimulateInput): number | null {
  const { catalog, phase, users, thresholds } = input;
  const later = catalog.phases.filter((p) => p.id > phase.id);
  const earlier = catalog.phases.filter((p) => p.id < phase.id).reverse();
  for (const candidate of [...later, ...earlier]) {
    if (capacityAt(catalog, candidate, users, thresholds).ok) return candidate.id;
  }
  return null;
}

/** Sizes N users on a phase once, prices it with both books, and assembles the versioned `simulate` result (money rounded to the cent). */
export function simulate(input: SimulateInput): SimulateResult {
  const { catalog, phase, users, book, compareBook, thresholds } = input;
  const plan = sizePlan(catalog, phase, users, thresholds);
  const cost = pricePlan(plan, book);
  const compare = compareBook === null ? null : pricePlan(plan, compareBook);
  const room = headroom(catalog, phase, users, thresholds);
  const findings = findingsOf({ plan, cost, headroom: room });
  const verdict = verdictOf(findings);
  const servedBy = verdict.capacityOk ? null : servingPhase(input);
  const assumptions = assumptionsFor(catalog, phase);
  // The gap to the document's quote is measured on an itemised estimate: a book that charges the quotes has none.
  const estimate = cost.basis === 'component-quote' ? compare : cost;
  const quoted = phase.quotedTotalUsd;

  return {
    schemaVersion: SIMULATE_SCHEMA_VERSION,
    command: 'simulate',
    users,
    phase: { id: phase.id, name: phase.name, usersMin: phase.users.min, usersMax: phase.users.max, selectedBy: input.selectedBy },
    pricing: { book: book.name, description: book.description, compareBook: compareBook?.name ?? null, asOf: cost.asOf },
    status: {
      ok: verdict.ok,
      exhausted: verdict.exhausted,
      overBudget: verdict.overBudget,
      availabilityShort: verdict.availabilityShort,
      servedBy,
    },
    findings: findings.map(roundFinding),
    workload: {
      concurrentUsers: roundTo(plan.workload.concurrentUsers, 1),
      peakRequestsPerS: roundTo(plan.workload.peakRequestsPerS, 2),
      averageRequestsPerS: roundTo(plan.workload.avgRequestsPerS, 2),
      monthlyRequests: plan.workload.monthlyRequests,
      dailyActiveUsers: roundTo(plan.workload.dailyActiveUsers, 1),
      monthlyActiveMinutes: roundTo(plan.workload.monthlyActiveMinutes, 1),
      impliedPeakConcurrentUsers: roundTo(plan.workload.impliedPeakConcurrentUsers, 1),
      busiestDayFactor: roundTo(plan.workload.busiestDayFactor, 4),
      quietestDayFactor: roundTo(plan.workload.quietestDayFactor, 4),
      dailyProfileFrom: plan.workload.dailyProfileFrom,
      cacheHitRatio: plan.workload.cacheHitRatio,
    },
    tiers: plan.tiers.map((tier) => ({
      id: tier.id,
      component: tier.component,
      roles: tier.roles,
      autoscaled: tier.autoscaled,
      delay: tier.delay,
      instances: { ...tier.instances, average: roundTo(tier.instances.average, 2) },
      vcpusPerInstance: tier.vcpusPerInstance,
      utilization: tier.stable ? roundTo(tier.utilization, 4) : null,
      latencyMs: { mean: round(tier.meanMs, 2), percentile: round(tier.percentileMs, 2), contribution: round(tier.contributionMs, 2), atScaleOut: tier.latencyAtScaleOut },
      sizedBy: tier.reason,
      exhausted: tier.exhausted,
      connectionOccupancy: round(tier.connectionOccupancy, 4),
    })),
    latency: {
      percentile: plan.latency.percentile,
      valueMs: round(plan.latency.valueMs, 1),
      meanMs: round(plan.latency.meanMs, 1),
      targetMs: plan.latency.targetMs,
      pass: plan.latency.pass,
      method: 'network overhead + Σ per tier ⌈visits⌉ × visit percentile (conservative for p ≥ 90)',
    },
    checks: plan.checks.map((check) => ({ ...check, value: round(check.value, check.kind === 'availability' ? 5 : 3) })),
    availability: {
      expectedPercent: roundTo(plan.availability.expectedPercent, 5),
      targetPercent: plan.availability.targetPercent,
      pass: plan.availability.pass,
      errorBudgetMinutes: roundTo(plan.availability.errorBudgetMinutes, 1),
      expectedDowntimeMinutes: roundTo(plan.availability.expectedDowntimeMinutes, 1),
      singlePointsOfFailure: plan.availability.components.filter((c) => c.singlePointOfFailure).map((c) => c.component),
      components: plan.availability.components.map((c) => ({
        id: c.component,
        perInstance: c.perInstance,
        copies: c.copies,
        combined: roundTo(c.combined, 7),
      })),
      unrated: plan.availability.unrated,
    },
    cost: {
      book: book.name,
      totalUsd: roundCents(cost.totalUsd),
      perUserUsd: roundPerUser(cost.perUserUsd),
      compareTotalUsd: compare === null ? null : roundCents(compare.totalUsd),
      quotedTotalUsd: quoted ?? null,
      quotedPerUserUsd: quoted === undefined ? null : roundPerUser(users > 0 ? quoted / users : 0),
      budget: cost.budget,
      components: cost.components.map((c) => componentResult(c, compare?.components.find((x) => x.component === c.component))),
      vsQuote: estimate === null || quoted === undefined ? null : vsQuote(estimate, quoted),
      unverifiedLines: cost.unverifiedLines,
    },
    headroom: {
      ...room,
      headroomPercent: round(room.headroomPercent, 1),
    },
    assumptions: Object.entries(assumptions).map(([name, q]) => ({
      name,
      value: q.value,
      source: q.source,
      note: q.note ?? null,
      scope: name in phase.assumptions ? ('phase' as const) : ('catalog' as const),
    })),
    warnings: [...(input.catalogWarnings ?? [])],
  };
}
