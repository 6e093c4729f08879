import type { AvailabilityResult } from './availability.js';
import type { CalibrationResult } from './calibrate-result.js';
import type { Catalog, Phase, Source, Tier } from './catalog-types.js';
import type { PriceLookup, PricedLine } from './cost.js';
import { findingsOf, verdictOf, type Finding } from './findings.js';
import { headroom, type Headroom } from './headroom.js';
import { roundCents, roundPerUser, roundTo } from './money.js';
import { sizePlan, type Check, type Thresholds, type TierPlan } from './plan.js';
import type { LineClass } from './line-class.js';
import type { CacheMemory, MemoryRow } from './memory.js';
import { floorCost, floorSplit, pricePlan, type ComponentCost, type CostResult, type PricesAsOf } from './price-plan.js';
import { pricePurchase, type PurchaseInput, type PurchaseResult } from './purchase.js';
import { overriddenQuantities } from './overrides.js';
import { revenueOf, revenueSection, type RevenueSection } from './revenue-result.js';
import { roundFinding } from './round-finding.js';
import { cheapestServingPhase, phaseCandidates } from './serving-phase.js';
import { assumptionsFor } from './workload.js';
import type { UncertaintySection } from './uncertainty-result.js';

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
  /** --purchase: price the bill under this strategy (and every strategy beside it); absent = on demand, no `purchase`. */
  purchase?: PurchaseInput;
  /** What --metrics set for the run (src/model/calibrate.ts), and the model-vs-observed findings it raised. */
  calibration?: CalibrationResult;
  calibrationFindings?: readonly Finding[];
}

export interface LineResult {
  description: string;
  priceKey: string;
  quantity: number;
  unit: string;
  usdPerUnit: number;
  /** The part of `quantity` a free allowance covers; only the rest is charged. */
  freeQuantity: number;
  monthlyUsd: number;
  class: LineClass;
  verified: boolean;
  source: string;
  /** Under --purchase, a committable line bought in parts (committed / on-demand / spot) that add up to monthlyUsd. */
  parts?: Array<{ part: 'committed' | 'on-demand' | 'spot'; priceKey: string; quantity: number; usdPerUnit: number; monthlyUsd: number; source: string }>;
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
    /** When this phase fails a capacity check at N: the cheapest phase that passes every one (advise's `byCapacity`); else null. */
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
    /** Worker tiers (off the request path): their queue at the peak hour, beside the request latency; null elsewhere. */
    worker: {
      eventsPerRequest: number;
      eventsPerS: number;
      secondsPerEvent: number;
      /** λ·S: concurrent executions (serverless) or servers busy on average (a pool). */
      concurrency: number;
      /** Servers of the shared queue; null for serverless. */
      servers: number | null;
      /** Wait before a server takes an event; null when the queue is unstable. */
      queueDelayMs: { mean: number | null; percentile: number | null };
    } | null;
  }>;
  /** Memory at the peak hour. */
  memory: {
    /** The catalog's memory alert, percent; null when it has none (memory is reported, not checked). */
    alertPercent: number | null;
    /** The cache's working set against its usable memory; null without a dedicated cache or its assumptions. */
    cache: CacheMemory | null;
    tiers: MemoryRow[];
  };
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
    expectedLowPercent: number;
    expectedHighPercent: number;
    slaPercent: number;
    targetPercent: number;
    pass: boolean;
    errorBudgetMinutes: number;
    expectedDowntimeMinutes: number;
    dominant: { id: string; expectedDowntimeMinutes: number; domain: 'instance' | 'zone' | 'region' | 'edge' } | null;
    singlePointsOfFailure: string[];
    components: Array<{
      id: string;
      dependency: 'hard' | 'soft';
      sla: number | null;
      copies: number;
      zones: number;
      regions: string[];
      recovery: 'managed' | 'pool' | 'standby' | 'single';
      expectedDowntimeMinutes: number | null;
    }>;
    softDependencies: Array<{ id: string; reason: string }>;
    unrated: string[];
    method: string;
  };
  cost: {
    book: string;
    totalUsd: number;
    perUserUsd: number;
    /** The cost at zero volume and load: the phase sized at 0 users, priced with the same book. */
    floorUsd: number;
    /** totalUsd − floorUsd. */
    variableUsd: number;
    /** totalUsd by line class (see ./line-class.ts). */
    byClassUsd: { fixed: number; perUser: number; perRequest: number };
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
  /** With --purchase only: the strategy's saving against on-demand and every strategy side by side. */
  purchase?: PurchaseResult;
  headroom: Headroom;
  /** MRR, fees and margins at N (docs/model.md § Revenue); absent when the catalog has no revenue section. */
  revenue?: RevenueSection;
  assumptions: Array<{ name: string; value: number; source: Source; note: string | null; scope: 'catalog' | 'phase' }>;
  /** The catalog validator's warnings; the engine's own remarks are `findings`. */
  warnings: string[];
  /** With `--samples` only: the Monte Carlo over the catalog's distributions (./uncertainty-result.ts). */
  uncertainty?: UncertaintySection;
  /** Present only when the run was calibrated from measurements (--metrics). */
  calibration?: CalibrationResult;
}

const round = (x: number | null, decimals: number): number | null => (x === null ? null : roundTo(x, decimals));

function availabilityResult(a: AvailabilityResult): SimulateResult['availability'] {
  return {
    expectedPercent: roundTo(a.expectedPercent, 5),
    expectedLowPercent: roundTo(a.expectedLowPercent, 5),
    expectedHighPercent: roundTo(a.expectedHighPercent, 5),
    slaPercent: roundTo(a.slaPercent, 5),
    targetPercent: a.targetPercent,
    pass: a.pass,
    errorBudgetMinutes: roundTo(a.errorBudgetMinutes, 1),
    expectedDowntimeMinutes: roundTo(a.expectedDowntimeMinutes, 2),
    dominant: a.dominant && { id: a.dominant.component, expectedDowntimeMinutes: roundTo(a.dominant.downtimeMinutes, 2), domain: a.dominant.domain },
    singlePointsOfFailure: a.components.filter((c) => c.singlePointOfFailure).map((c) => c.component),
    components: a.components.map((c) => ({
      id: c.component,
      dependency: c.dependency,
      sla: c.sla,
      copies: c.copies,
      zones: c.zones,
      regions: [...c.regions],
      recovery: c.recovery,
      expectedDowntimeMinutes: round(c.downtimeMinutes, 2),
    })),
    softDependencies: a.softDependencies.map((s) => ({ id: s.component, reason: s.reason })),
    unrated: a.unrated,
    method:
      'expected: Π over instance, zone, region and edge-network failures of (1 − rate × lost seconds / year), zone/region/edge outages common-mode, soft dependencies left out; SLA floor: Π of the hard dependencies’ SLAs',
  };
}

function lineResult(line: PricedLine): LineResult {
  return {
    description: line.description,
    priceKey: line.priceKey,
    quantity: roundTo(line.quantity, 4),
    unit: line.unit,
    usdPerUnit: line.usdPerUnit,
    freeQuantity: roundTo(line.freeQuantity, 4),
    monthlyUsd: roundCents(line.monthlyUsd),
    class: line.class,
    verified: line.verified,
    source: line.source,
    ...(line.parts === undefined
      ? {}
      : { parts: line.parts.map((p) => ({ ...p, quantity: roundTo(p.quantity, 4), usdPerUnit: roundTo(p.usdPerUnit, 8), monthlyUsd: roundCents(p.monthlyUsd) })) }),
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

/** The phase capacity needs when this one fails a capacity check: the cheapest that passes them all (./serving-phase.ts). */
function servingPhase({ catalog, users, thresholds, book }: SimulateInput): number | null {
  return cheapestServingPhase(phaseCandidates(catalog, users, thresholds, book))?.phase ?? null;
}

/** The phase's floor bought the same way as the bill, so that floor + variable = total under a strategy too. */
function purchasedFloor({ catalog, phase, thresholds, book, purchase }: SimulateInput): CostResult {
  if (purchase === undefined) return floorCost(catalog, phase, thresholds, book);
  const plan = sizePlan(catalog, phase, 0, thresholds);
  return pricePurchase(plan, pricePlan(plan, book), purchase).cost;
}

/** Sizes N users on a phase once, prices it with both books, and assembles the versioned `simulate` result (money rounded to the cent). */
export function simulate(input: SimulateInput): SimulateResult {
  const { catalog, phase, users, book, compareBook, thresholds } = input;
  const plan = sizePlan(catalog, phase, users, thresholds);
  const onDemand = pricePlan(plan, book);
  const bought = input.purchase === undefined ? null : pricePurchase(plan, onDemand, input.purchase);
  const cost = bought?.cost ?? onDemand;
  const compare = compareBook === null ? null : pricePlan(plan, compareBook);
  const floor = purchasedFloor(input);
  const room = headroom(catalog, phase, users, thresholds);
  const findings = [...findingsOf({ plan, cost, headroom: room }), ...(input.calibrationFindings ?? [])];
  const verdict = verdictOf(findings);
  const servedBy = verdict.capacityOk ? null : servingPhase(input);
  const assumptions = assumptionsFor(catalog, phase);
  // The gap to the document's quote is measured on an itemised estimate: a book that charges the quotes has none.
  const estimate = cost.basis === 'component-quote' ? compare : cost;
  const quoted = phase.quotedTotalUsd;
  const revenue = revenueOf(catalog, users, cost.totalUsd);

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
      worker: tier.worker && {
        eventsPerRequest: roundTo(tier.worker.eventsPerRequest, 6),
        eventsPerS: roundTo(tier.worker.arrivalPerS, 3),
        secondsPerEvent: roundTo(tier.worker.serviceTimeS, 6),
        concurrency: roundTo(tier.worker.concurrency, 3),
        servers: tier.worker.servers,
        queueDelayMs: {
          mean: tier.worker.meanWaitS === null ? null : roundTo(tier.worker.meanWaitS * 1000, 3),
          percentile: tier.worker.percentileWaitS === null ? null : roundTo(tier.worker.percentileWaitS * 1000, 3),
        },
      },
    })),
    memory: {
      alertPercent: thresholds.memoryUtilization === undefined ? null : roundTo(thresholds.memoryUtilization * 100, 4),
      cache: plan.memory.cache && {
        ...plan.memory.cache,
        hotUsers: roundTo(plan.memory.cache.hotUsers, 1),
        workingSetGb: roundTo(plan.memory.cache.workingSetGb, 4),
        capacityGb: roundTo(plan.memory.cache.capacityGb, 4),
        effectiveHitRatio: roundTo(plan.memory.cache.effectiveHitRatio, 4),
      },
      tiers: plan.memory.tiers.map((row) => ({
        id: row.id,
        component: row.component,
        usedGb: round(row.usedGb, 4),
        capacityGb: roundTo(row.capacityGb, 4),
        fraction: round(row.fraction, 4),
        parts: row.parts.map((part) => ({ role: part.role, usedGb: round(part.usedGb, 4) })),
      })),
    },
    latency: {
      percentile: plan.latency.percentile,
      valueMs: round(plan.latency.valueMs, 1),
      meanMs: round(plan.latency.meanMs, 1),
      targetMs: plan.latency.targetMs,
      pass: plan.latency.pass,
      method: 'network overhead + Σ per tier ⌈visits⌉ × visit percentile (conservative for p ≥ 90)',
    },
    checks: plan.checks.map((check) => ({ ...check, value: round(check.value, check.kind === 'availability' ? 5 : 3) })),
    availability: availabilityResult(plan.availability),
    cost: {
      book: book.name,
      totalUsd: roundCents(cost.totalUsd),
      perUserUsd: roundPerUser(cost.perUserUsd),
      ...floorSplit(cost.totalUsd, floor.totalUsd),
      byClassUsd: {
        fixed: roundCents(cost.byClassUsd.fixed),
        perUser: roundCents(cost.byClassUsd['per-user']),
        perRequest: roundCents(cost.byClassUsd['per-request']),
      },
      compareTotalUsd: compare === null ? null : roundCents(compare.totalUsd),
      quotedTotalUsd: quoted ?? null,
      quotedPerUserUsd: quoted === undefined ? null : roundPerUser(users > 0 ? quoted / users : 0),
      budget: cost.budget,
      components: cost.components.map((c) => componentResult(c, compare?.components.find((x) => x.component === c.component))),
      vsQuote: estimate === null || quoted === undefined ? null : vsQuote(estimate, quoted),
      unverifiedLines: cost.unverifiedLines,
    },
    ...(bought === null ? {} : { purchase: bought.purchase }),
    headroom: {
      ...room,
      headroomPercent: round(room.headroomPercent, 1),
    },
    ...(revenue && { revenue: revenueSection(revenue) }),
    assumptions: Object.entries(assumptions).map(([name, q]) => ({
      name,
      value: q.value,
      source: q.source,
      note: q.note ?? null,
      scope: name in phase.assumptions ? ('phase' as const) : ('catalog' as const),
    })).concat(
      // Other quantities set with --set (revenue.free_share, …) are listed by their YAML path.
      overriddenQuantities(catalog)
        .filter((o) => o.kind === 'path')
        .map(({ name, quantity: q }) => ({ name, value: q.value, source: q.source, note: q.note ?? null, scope: 'catalog' as const })),
    ),
    warnings: [...(input.catalogWarnings ?? [])],
    ...(input.calibration ? { calibration: input.calibration } : {}),
  };
}
