import { leadTimeOf, migrationDates, weeksToMigrationStart } from './advise-dates.js';
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { FINDING_CODES, type FindingCodeName } from './finding-codes.js';
import { headroom } from './headroom.js';
import { InputError } from './input-error.js';
import { METRICS, type MetricName } from './metrics.js';
import { roundCents, roundPerUser, roundTo, sumMoney } from './money.js';
import { sizePlan, type Plan, type Thresholds } from './plan.js';
import { groupedDecimal } from './decimal-text.js';
import { combinedAsOf, pricePlan, type PricesAsOf } from './price-plan.js';
import { overridesIn, type Override } from './overrides.js';
import { phaseForUsers } from './select.js';
import type { UncertaintySection } from './uncertainty-result.js';

/** 1: the first gate result. */
export const GATE_SCHEMA_VERSION = 1;

/**
 * What the gate checks, each limit as the flag or policy gave it. `phaseBudget` and `slo` are the catalog's own
 * limits (the budget range's top, the latency and availability SLOs); the rest are the gate's.
 */
export interface GateLimits {
  phaseBudget: boolean;
  slo: boolean;
  budgetUsd?: number | undefined;
  maxCostPerUserUsd?: number | undefined;
  minHeadroomPercent?: number | undefined;
  maxIncreasePercent?: number | undefined;
  /** The fewest weeks from as-of until the migration must start (needs `GateInput.growth`). */
  minWeeksToMigrate?: number | undefined;
  /** The highest probability, 0 to 1, of breaking each SLO and the budget (needs `GateInput.breaches`). */
  maxBreachProbability?: number | undefined;
}

/** The limits a gate asked for nothing checks: the catalog's budget ceiling and its SLOs. */
export const DEFAULT_LIMITS: GateLimits = { phaseBudget: true, slo: true };

/** True when the limits ask for at least one check. */
export const asksForChecks = (limits: GateLimits): boolean =>
  limits.phaseBudget ||
  limits.slo ||
  [limits.budgetUsd, limits.maxCostPerUserUsd, limits.minHeadroomPercent, limits.maxIncreasePercent, limits.minWeeksToMigrate, limits.maxBreachProbability].some(
    (limit) => limit !== undefined,
  );

/** A saved or computed monthly cost to compare with, by user count. */
export interface BaselinePoint {
  users: number;
  totalUsd: number;
}

export interface GateBaseline {
  /** The file as the user named it. */
  source: string;
  /** What the file held: a saved result of one of these commands, or a catalog evaluated like this one. */
  kind: 'simulate' | 'sweep' | 'gate' | 'catalog';
  points: readonly BaselinePoint[];
}

export interface GateInput {
  catalog: Catalog;
  /** User counts to gate; each must lie in a phase's range. */
  users: readonly number[];
  book: PriceLookup & { description: string };
  thresholds: Thresholds;
  limits: GateLimits;
  baseline: GateBaseline | null;
  /** For `minWeeksToMigrate`: net monthly-active-user growth (0.1 = 10 %, > 0) and the day to count from (YYYY-MM-DD). */
  growth?: { perMonth: number; asOf: string };
  /** For `maxBreachProbability`: the Monte Carlo's breaches at each user count (the command runs it: it draws). */
  breaches?: ReadonlyArray<{ users: number; breaches: UncertaintySection['breaches'] }>;
}

export interface GateCheck {
  /** The finding code the check raises when it fails (FINDING_CODES). */
  id: FindingCodeName;
  users: number;
  metric: MetricName;
  /** What the check is about when the id alone does not say: the breach (its finding code) a breach-probability check counts. */
  subject?: string;
  /** In `unit`, rounded as printed; null when it cannot be evaluated (then the check fails). */
  value: number | null;
  limit: number | null;
  unit: string;
  pass: boolean;
}

export interface GateRow {
  users: number;
  phase: number;
  totalUsd: number;
  /** The baseline's monthly cost at this user count; null without a baseline or when it has none here. */
  baselineUsd: number | null;
}

export interface GateResult {
  schemaVersion: typeof GATE_SCHEMA_VERSION;
  command: 'gate';
  /** Every check passes. */
  ok: boolean;
  results: GateRow[];
  checks: GateCheck[];
  baseline: { source: string; kind: GateBaseline['kind'] } | null;
  pricing: { book: string; description: string; asOf: PricesAsOf };
  overrides: Override[];
}

/** One user count on the phase whose range holds it: the plan and its cost. */
export interface GatePoint {
  phase: Phase;
  plan: Plan;
  totalUsd: number;
  perUserUsd: number;
  asOf: PricesAsOf;
}

/**
 * Sizes and prices `users` on the phase whose range holds them; undefined when no phase does.
 */
export function gatePoint(catalog: Catalog, users: number, book: PriceLookup, thresholds: Thresholds): GatePoint | undefined {
  const phase = phaseForUsers(catalog, users);
  if (!phase) return undefined;
  const plan = sizePlan(catalog, phase, users, thresholds);
  const cost = pricePlan(plan, book);
  return { phase, plan, totalUsd: roundCents(cost.totalUsd), perUserUsd: roundPerUser(cost.perUserUsd), asOf: cost.asOf };
}

/** A catalog as a baseline: its cost at each user count one of its phases holds (the others stay missing, and fail). */
export function catalogBaselinePoints(catalog: Catalog, users: readonly number[], book: PriceLookup, thresholds: Thresholds): BaselinePoint[] {
  return users.flatMap((n) => {
    const point = gatePoint(catalog, n, book, thresholds);
    return point ? [{ users: n, totalUsd: point.totalUsd }] : [];
  });
}

function check(id: FindingCodeName, users: number, value: number | null, limit: number | null, pass: (value: number, limit: number) => boolean): GateCheck {
  const { metric } = FINDING_CODES[id];
  return { id, users, metric, value, limit, unit: METRICS[metric].unit, pass: value !== null && limit !== null && pass(value, limit) };
}

const atMost = (value: number, limit: number) => value <= limit;
const atLeast = (value: number, limit: number) => value >= limit;

/**
 * Growth of `totalUsd` over `baseUsd` in percent, to 2 decimals; null when the baseline is $0 and the cost is not
 * (no finite growth). The difference is taken in exact cents first, so $110 over $100 is 10 %, not 10.000000000000002.
 */
export function increasePercent(totalUsd: number, baseUsd: number): number | null {
  const difference = sumMoney([totalUsd, -baseUsd]);
  if (baseUsd === 0) return difference === 0 ? 0 : null;
  return roundTo((difference * 100) / baseUsd, 2);
}

/**
 * Weeks from as-of until the migration must start, to 0.1 week: the phase runs out when growth passes the most
 * users its headroom search finds (advise's dates, ./advise-dates.ts). A phase unbounded to the search limit counts
 * the weeks to reach that limit, a lower bound. Null when the phase does not serve even its smallest load.
 */
function weeksToMigrate(input: GateInput, users: number, growth: NonNullable<GateInput['growth']>, maxUsers: number | null): number | null {
  if (maxUsers === null) return null;
  const dates = migrationDates(growth.asOf, users, maxUsers, growth.perMonth, leadTimeOf(input.catalog.migration));
  // Growth is checked to be positive (gate()), so the users always reach maxUsers.
  return roundTo(weeksToMigrationStart(growth.asOf, dates!), 1);
}

/** The checks at one user count, in a fixed order: the catalog's budget and SLOs, then the gate's own limits. */
function checksAt(input: GateInput, users: number, point: GatePoint, baselineUsd: number | null): GateCheck[] {
  const { limits } = input;
  const { plan } = point;
  // One headroom search serves both checks that need it.
  let room: ReturnType<typeof headroom> | undefined;
  const roomAt = () => (room ??= headroom(input.catalog, plan.phase, users, input.thresholds));
  const checks: GateCheck[] = [];
  if (limits.phaseBudget) checks.push(check('over-budget', users, point.totalUsd, plan.phase.budgetUsd.max, atMost));
  if (limits.budgetUsd !== undefined) checks.push(check('cost-over-limit', users, point.totalUsd, limits.budgetUsd, atMost));
  if (limits.maxCostPerUserUsd !== undefined) checks.push(check('cost-per-user-over-limit', users, point.perUserUsd, limits.maxCostPerUserUsd, atMost));
  if (limits.slo) {
    // The engine judges both SLOs (latency strictly under its target); the gate reports its figures and verdict.
    const latency = plan.latency.valueMs === null ? null : roundTo(plan.latency.valueMs, 1);
    checks.push(check('latency-over-slo', users, latency, plan.latency.targetMs, () => plan.latency.pass));
    const availability = plan.checks.find((c) => c.code === 'availability-short');
    const value = availability?.value == null ? null : roundTo(availability.value, 5);
    checks.push(check('availability-short', users, value, availability?.limit ?? null, () => availability?.pass === true));
  }
  if (limits.minHeadroomPercent !== undefined) {
    const percent = roomAt().headroomPercent;
    checks.push(check('headroom-under-minimum', users, percent === null ? null : roundTo(percent, 1), limits.minHeadroomPercent, atLeast));
  }
  if (limits.maxIncreasePercent !== undefined) {
    const growth = baselineUsd === null ? null : increasePercent(point.totalUsd, baselineUsd);
    checks.push(check('cost-increase-over-limit', users, growth, limits.maxIncreasePercent, atMost));
  }
  if (limits.minWeeksToMigrate !== undefined && input.growth !== undefined) {
    const weeks = weeksToMigrate(input, users, input.growth, roomAt().maxUsers);
    checks.push(check('migration-start-too-soon', users, weeks, limits.minWeeksToMigrate, atLeast));
  }
  if (limits.maxBreachProbability !== undefined) {
    const limit = limits.maxBreachProbability;
    const found = input.breaches?.find((b) => b.users === users)?.breaches ?? [];
    for (const breach of found) checks.push({ ...check('breach-probability-over-limit', users, breach.probability, limit, atMost), subject: breach.id });
  }
  return checks;
}

/**
 * The gate: sizes and prices each user count on the phase whose range holds it and checks it against the limits.
 * A check that cannot be evaluated (no finite latency, no headroom, no baseline figure at that count) fails.
 * Figures are compared as printed (cost to the cent, cost per user to 4 decimals, headroom to 0.1 %, growth to 0.01 %,
 * weeks to 0.1, probabilities to 6 decimals), so what a report shows is what was judged.
 * @throws InputError when no phase of the catalog holds a user count, or a limit lacks what it compares with (a
 *   baseline, a positive growth rate, the breaches) (exit 2)
 */
export function gate(input: GateInput): GateResult {
  const { catalog, book, thresholds, limits, baseline } = input;
  if (limits.maxIncreasePercent !== undefined && baseline === null) {
    throw new InputError('--max-increase compares with a baseline: give --baseline FILE (a saved simulate, sweep or gate result, or a catalog)');
  }
  if (limits.minWeeksToMigrate !== undefined && !(input.growth !== undefined && input.growth.perMonth > 0)) {
    throw new InputError('--min-weeks-to-migrate needs a growth rate above 0: give --growth PCT (e.g. 10%); without growth the phase never runs out');
  }
  if (limits.maxBreachProbability !== undefined && input.breaches === undefined) {
    throw new InputError('--max-breach-probability needs the Monte Carlo breaches at each user count');
  }
  const users = [...new Set(input.users)].sort((a, b) => a - b);
  if (users.length === 0) throw new InputError('the gate needs at least one user count: give --users N (repeatable) or users: in the policy');
  const spans: PricesAsOf[] = [];
  const results: GateRow[] = [];
  const checks: GateCheck[] = [];
  for (const n of users) {
    const point = gatePoint(catalog, n, book, thresholds);
    if (!point) throw new InputError(outsideMessage(catalog, n));
    spans.push(point.asOf);
    const baselineUsd = baseline?.points.find((p) => p.users === n)?.totalUsd ?? null;
    results.push({ users: n, phase: point.phase.id, totalUsd: point.totalUsd, baselineUsd });
    checks.push(...checksAt(input, n, point, baselineUsd));
  }
  return {
    schemaVersion: GATE_SCHEMA_VERSION,
    command: 'gate',
    ok: checks.every((c) => c.pass),
    results,
    checks,
    baseline: baseline && { source: baseline.source, kind: baseline.kind },
    pricing: { book: book.name, description: book.description, asOf: combinedAsOf(spans) },
    overrides: overridesIn(catalog),
  };
}

function outsideMessage(catalog: Catalog, users: number): string {
  const first = catalog.phases[0]!;
  const last = catalog.phases[catalog.phases.length - 1]!;
  const n = groupedDecimal(users, 0);
  return (
    `--users ${n}: no phase of the catalog holds ${n} users (its phases cover ${groupedDecimal(first.users.min, 0)}–${groupedDecimal(last.users.max, 0)}); ` +
    'gate user counts inside them'
  );
}
