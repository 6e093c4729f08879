/**
 * Inverse questions: at what value of one assumption does a metric reach its target? ("What request rate keeps
 * phase 3 at 50,000 users within $1,500?")
 *
 * Method. Let m(x) be the metric with the assumption set to x (every other input as the catalog, or --set, has
 * it) and S = { x : m(x) ≤ target } (≥ for availability) the values that satisfy it. The answer is the edge of S
 * nearest the current value x₀:
 *  1. Bracket: sample m on a grid over the catalog's range for the assumption (widened to hold x₀), evenly or,
 *     across more than a decade, log-evenly; each pair of neighbours on opposite sides of the target brackets an
 *     edge. Without one, sample the assumption's whole domain (src/model/domains.ts; a domain open above is
 *     searched up to 1,000 × the range's top, and solve never tries negative values).
 *  2. Root-find the nearest bracket on each side of x₀ with Brent's method (./queueing/rootFind.ts), then step
 *     to the satisfying side of the root. A figure meets the target as reported (rounded as simulate rounds it:
 *     cents, 0.1 ms, …), so Brent aims at the rounding boundary next to the target.
 *  3. Instance counts are whole, so m is piecewise continuous and can jump over the target: Brent's method then
 *     converges on the jump (it falls back to bisection), and the answer is the value at the jump on the
 *     satisfying side, flagged `jump` when the figures either side of it differ by more than half the reporting
 *     resolution, with the figure on either side.
 *  4. Report the shortest decimal that stays on the satisfying side with the same reported figure (within 10⁻⁴
 *     of the target), so that `simulate --set NAME=<value>` reproduces `achieved` exactly.
 * A grid this coarse can miss a satisfying window narrower than its step (a latency saw-tooth): the answer is
 * the nearest edge the grid sees.
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { InputError } from './input-error.js';
import { groupedDecimal } from './decimal-text.js';
import { usdText } from './money.js';
import { checkOverrideValue, findSettable, overridesIn, withSettable, type Override, type Settable } from './overrides.js';
import type { Plan, Thresholds } from './plan.js';
import { floorCost } from './price-plan.js';
import { brentRoot } from './queueing/rootFind.js';
import { checkMetricFor, metricAt, metricUnit, reportedFigure, SOLVE_METRIC_RULES, type SolveMetric } from './solve-metrics.js';
import { assumptionsFor } from './workload.js';

export const SOLVE_SCHEMA_VERSION = 1 as const;

/** Grid points per bracketing stage: enough to see the steps of a phase's instance counts, few enough for 50 ms. */
const GRID_POINTS = 16;
/** How far past the range's top (or the current value) a domain open above is searched, and below it a domain open at 0. */
const DOMAIN_SPAN = 1000;
/** Brent's relative tolerance on the edge. */
const ROOT_TOLERANCE = 1e-8;
/** The reported value may move the reported figure by this share of the target, no more. */
const ROUNDING_TOLERANCE = 1e-4;

export interface SolveInput {
  /** The catalog with the run's --set overrides applied. */
  catalog: Catalog;
  phase: Phase;
  users: number;
  /** The assumption's name or YAML path (as --set takes it). */
  vary: string;
  target: { metric: SolveMetric; value: number };
  book: PriceLookup & { description: string };
  thresholds: Thresholds;
}

export interface SolveResult {
  schemaVersion: typeof SOLVE_SCHEMA_VERSION;
  command: 'solve';
  assumption: string;
  /** The edge of the satisfying values nearest the current one; the current value when every value satisfies; null when none does. */
  value: number | null;
  reachable: boolean;
  /** The metric jumps over the target at `value` (a whole instance added or removed). */
  jump: boolean;
  target: { metric: SolveMetric; value: number };
  /** The metric at `value`, rounded as simulate reports it; null when unreachable. */
  achieved: number | null;
  /** Why there is no edge, or what jumps; null for a plain crossing. */
  reason: string | null;
  comparison: '<=' | '>=';
  unit: string;
  /** False when the target holds at every value searched (no edge to find) or at none. */
  boundary: boolean;
  current: { value: number; achieved: number | null };
  /** At a jump: the figure on the far side, just past `value`, and the tiers whose instance-hours a day change there. */
  jumpTo: { achieved: number | null; tiers: Array<{ id: string; from: number; to: number }> } | null;
  /** Unreachable: the best figure seen, and where. */
  closest: { value: number; achieved: number | null } | null;
  phase: { id: number; name: string };
  users: number;
  /** The catalog's range for the assumption; null when it gives none. */
  range: [number, number] | null;
  /** The interval the answer was found in (or, unreachable, the whole domain searched). */
  bracket: { low: number; high: number; searched: 'range' | 'domain' };
  evaluations: number;
  pricing: { book: string; description: string };
  /** Other quantities set for this run with --set. */
  overrides: Override[];
}

interface Point {
  x: number;
  value: number;
  /** Null when the model could not evaluate this value. */
  plan: Plan | null;
  ok: boolean;
}

/** The interval the assumption is searched over: its domain, bounded for a search (see the file comment). */
function domainBounds(settable: Settable, current: number, range: readonly [number, number] | undefined): [number, number] {
  const { domain } = settable;
  const scale = Math.max(current, range?.[1] ?? 0, Number.MIN_VALUE);
  const low = Math.max(domain.min, 0);
  const lowest = domain.exclusiveMin && domain.min === low ? Math.min(current, range?.[0] ?? current) / DOMAIN_SPAN || 1e-12 : low;
  const high = Number.isFinite(domain.max) ? domain.max : scale * DOMAIN_SPAN;
  return [lowest, high];
}

function grid(low: number, high: number, current: number): number[] {
  const logSpaced = low > 0 && high / low > 20;
  const points = new Set<number>([current]);
  for (let i = 0; i < GRID_POINTS; i++) {
    const t = i / (GRID_POINTS - 1);
    points.add(logSpaced ? low * (high / low) ** t : low + t * (high - low));
  }
  points.add(high);
  return [...points].filter((x) => x >= low && x <= high).sort((a, b) => a - b);
}

/** The metric's search as one object: every evaluation counted and remembered. */
class Search {
  private readonly cache = new Map<number, Point>();
  readonly rule: (typeof SOLVE_METRIC_RULES)[SolveMetric];
  constructor(
    private readonly input: SolveInput,
    private readonly settable: Settable,
    private readonly current: number,
  ) {
    this.rule = SOLVE_METRIC_RULES[input.target.metric];
  }

  get evaluations(): number {
    return this.cache.size;
  }

  at(x: number): Point {
    const known = this.cache.get(x);
    if (known) return known;
    const { catalog, phase, users, target, book, thresholds } = this.input;
    let point: Point;
    try {
      const { value, plan } = metricAt(withSettable(catalog, this.settable, x), phase.id, users, target.metric, book, thresholds);
      point = { x, value, plan, ok: this.satisfies(value) };
    } catch (error) {
      // A value the model cannot evaluate (a cost formula driven past its domain far out in the search) fails the target.
      if (!(error instanceof InputError) || x === this.current) throw error;
      point = { x, value: this.rule.comparison === '<=' ? Infinity : -Infinity, plan: null, ok: false };
    }
    this.cache.set(x, point);
    return point;
  }

  /** The figure as reported meets the target. */
  satisfies(value: number): boolean {
    const { metric, value: target } = this.input.target;
    const figure = reportedFigure(metric, value);
    return this.rule.comparison === '<=' ? figure <= target : figure >= target;
  }

  /** The unrounded figure where the reported one starts to fail: the rounding boundary next to the target. */
  private get threshold(): number {
    const unit = 10 ** -this.rule.decimals;
    const steps = this.input.target.value / unit;
    return this.rule.comparison === '<=' ? (Math.floor(steps + 1e-9) + 0.5) * unit : (Math.ceil(steps - 1e-9) - 0.5) * unit;
  }

  /** Distance past that boundary, positive when it fails; finite so that Brent's interpolation stays finite. */
  excess(x: number): number {
    const { value } = this.at(x);
    const signed = this.rule.comparison === '<=' ? value - this.threshold : this.threshold - value;
    const cap = 1e6 * Math.max(1, Math.abs(this.threshold));
    return Math.max(-cap, Math.min(cap, signed));
  }
}

/** The pairs of neighbouring grid points on opposite sides of the target, nearest x₀ first, at most one per side. */
function nearestCrossings(points: readonly Point[], current: number): Array<[Point, Point]> {
  const pairs: Array<[Point, Point]> = [];
  for (let i = 1; i < points.length; i++) if (points[i - 1]!.ok !== points[i]!.ok) pairs.push([points[i - 1]!, points[i]!]);
  const below = pairs.filter(([, b]) => b.x <= current).at(-1);
  const above = pairs.find(([a]) => a.x >= current);
  return [below, above].filter((pair): pair is [Point, Point] => pair !== undefined);
}

interface Edge {
  /** The satisfying point at the edge, and the first failing one past it. */
  inside: Point;
  outside: Point;
}

/** Brent's root between a satisfying and a failing point, then the nearest evaluated points on either side of it. */
function edgeIn(search: Search, a: Point, b: Point): Edge {
  const [good, bad] = a.ok ? [a, b] : [b, a];
  const root = brentRoot((x) => search.excess(x), Math.min(a.x, b.x), Math.max(a.x, b.x), ROOT_TOLERANCE);
  // Brent stops within its tolerance of the edge, on either side: step out from the root, growing the step,
  // until inside (towards `good`), then from there until outside (towards `bad`); the ends bound both walks.
  const toward = Math.sign(good.x - bad.x);
  const first = Math.max(Math.abs(root) * ROOT_TOLERANCE, Number.MIN_VALUE);
  const towardGood = (x: number) => search.at(toward > 0 ? Math.min(x, good.x) : Math.max(x, good.x));
  const towardBad = (x: number) => search.at(toward > 0 ? Math.max(x, bad.x) : Math.min(x, bad.x));
  let inside = search.at(root);
  for (let step = first; !inside.ok; step *= 4) inside = towardGood(root + toward * step);
  let outside = towardBad(inside.x - toward * first);
  for (let step = first * 4; outside.ok; step *= 4) outside = towardBad(inside.x - toward * step);
  return { inside, outside };
}

/**
 * The shortest decimal near the edge that meets the target with the same reported figure (what a user would type):
 * at each number of significant digits, the edge rounded to nearest, then rounded towards the satisfying side.
 */
function shortestValue(search: Search, edge: Edge, metric: SolveMetric, target: number, low: number, high: number): Point {
  const { inside } = edge;
  const toward = Math.sign(inside.x - edge.outside.x);
  const figure = reportedFigure(metric, inside.value);
  for (let digits = 1; digits < 17; digits++) {
    const step = 10 ** (Math.floor(Math.log10(Math.abs(inside.x))) - digits + 1);
    const directed = (toward > 0 ? Math.ceil(inside.x / step) : Math.floor(inside.x / step)) * step;
    for (const x of [Number(inside.x.toPrecision(digits)), Number(directed.toPrecision(digits))]) {
      if (x < low || x > high) continue;
      const point = search.at(x);
      if (point.ok && Math.abs(reportedFigure(metric, point.value) - figure) <= ROUNDING_TOLERANCE * Math.abs(target)) return point;
    }
  }
  return inside;
}

/** The tiers whose instance-hours a day differ between two plans (where a whole instance comes or goes). */
function changedTiers(from: Plan | null, to: Plan | null): Array<{ id: string; from: number; to: number }> {
  if (from === null || to === null) return [];
  const daily = (hourly: readonly number[]) => hourly.reduce((sum, n) => sum + n, 0);
  return from.tiers.flatMap((tier, i) => {
    const other = to.tiers[i];
    if (!other) return [];
    const [before, after] = [daily(tier.instances.hourly), daily(other.instances.hourly)];
    return before !== after ? [{ id: tier.id, from: before, to: after }] : [];
  });
}

/** The current value of the assumption for this phase: its own, else the catalog's. */
function currentQuantity(input: SolveInput, settable: Settable) {
  if (settable.kind === 'path') return settable.quantity;
  const phase = input.catalog.phases.find((p) => p.id === input.phase.id) ?? input.phase;
  return assumptionsFor(input.catalog, phase)[settable.name] ?? settable.quantity;
}

/**
 * Finds the value of one assumption at which a metric reaches its target (see the file comment for the method).
 * @throws InputError for an unknown name (with the closest names), a whole-number quantity, or a latency target on
 *   a phase whose SLO is not at P95 (exit 2)
 */
export function solve(input: SolveInput): SolveResult {
  const { catalog, phase, users, target, vary } = input;
  const settable = findSettable(catalog, vary, '--vary');
  if (settable.domain.integer) throw new InputError(`--vary ${vary}: solve varies quantities that take any value in a range; ${vary} is a whole number`);
  checkMetricFor(target.metric, phase);
  const quantity = currentQuantity(input, settable);
  const current = quantity.value;
  checkOverrideValue(settable, current, '--vary');
  const search = new Search(input, settable, current);
  const rule = search.rule;
  const format = (value: number) => figureText(target.metric, value);
  const [domainLow, domainHigh] = domainBounds(settable, current, quantity.range);
  const stages: Array<{ searched: 'range' | 'domain'; low: number; high: number }> = [];
  if (quantity.range) {
    stages.push({ searched: 'range', low: Math.max(domainLow, Math.min(quantity.range[0], current)), high: Math.min(domainHigh, Math.max(quantity.range[1], current)) });
  }
  stages.push({ searched: 'domain', low: domainLow, high: domainHigh });

  const base = {
    comparison: rule.comparison,
    unit: metricUnit(target.metric),
    current: { value: current, achieved: finiteOrNull(target.metric, search.at(current).value) },
    phase: { id: phase.id, name: phase.name },
    users,
    range: quantity.range ? ([quantity.range[0], quantity.range[1]] as [number, number]) : null,
    pricing: { book: input.book.name, description: input.book.description },
    overrides: overridesIn(catalog).filter((o) => o.name !== vary),
  };

  let points: Point[] = [];
  for (const stage of stages) {
    points = grid(stage.low, stage.high, current).map((x) => search.at(x));
    const edges = nearestCrossings(points, current).map(([a, b]) => edgeIn(search, a, b));
    if (edges.length === 0) continue;
    const { inside, outside } = edges.reduce((best, edge) => (Math.abs(edge.inside.x - current) < Math.abs(best.inside.x - current) ? edge : best));
    const jump = !(Math.abs(outside.value - inside.value) <= 10 ** -rule.decimals / 2);
    const answer = shortestValue(search, { inside, outside }, target.metric, target.value, stage.low, stage.high);
    const achieved = reportedFigure(target.metric, answer.value);
    const beyond = finiteOrNull(target.metric, outside.value);
    const tiers = changedTiers(answer.plan, outside.plan);
    const tiersText = tiers.length > 0 ? ` (${tiers.map((t) => `${t.id} ${t.from} → ${t.to} instance-hours a day`).join(', ')})` : '';
    return ordered(input, {
      ...base,
      value: answer.x,
      reachable: true,
      jump,
      achieved,
      reason: jump
        ? `${target.metric} jumps over the target at ${vary} = ${answer.x}: ${format(achieved)} on this side, ${beyond === null ? 'no finite figure' : format(beyond)} just past it${tiersText}`
        : null,
      boundary: true,
      jumpTo: jump ? { achieved: beyond, tiers } : null,
      closest: null,
      bracket: { low: stage.low, high: stage.high, searched: stage.searched },
      evaluations: search.evaluations,
    });
  }

  const stage = stages.at(-1)!;
  const where = `${vary} from ${stage.low} to ${stage.high}`;
  const values = points.filter((p) => Number.isFinite(p.value));
  const worst = values.reduce<Point | undefined>((w, p) => (w === undefined || (rule.comparison === '<=' ? p.value > w.value : p.value < w.value) ? p : w), undefined);
  const best = values.reduce<Point | undefined>((b, p) => (b === undefined || (rule.comparison === '<=' ? p.value < b.value : p.value > b.value) ? p : b), undefined);
  const bound = rule.comparison === '<=' ? 'at most' : 'at least';
  if (points.every((p) => p.ok)) {
    const least = worst === undefined ? '' : ` (${rule.comparison === '<=' ? 'highest' : 'lowest'}: ${format(reportedFigure(target.metric, worst.value))} at ${worst.x})`;
    return ordered(input, {
      ...base,
      value: current,
      reachable: true,
      jump: false,
      achieved: base.current.achieved,
      reason: `${target.metric} stays ${bound} ${format(target.value)} for every ${where}${least}: the target does not bind, so the current value stands`,
      boundary: false,
      jumpTo: null,
      closest: null,
      bracket: { low: stage.low, high: stage.high, searched: 'domain' },
      evaluations: search.evaluations,
    });
  }
  const closestText =
    best === undefined
      ? `${target.metric} has no finite figure anywhere in it`
      : `the ${rule.comparison === '<=' ? 'lowest' : 'highest'} ${target.metric} is ${format(reportedFigure(target.metric, best.value))}, at ${vary} = ${best.x}, ${rule.comparison === '<=' ? 'above' : 'below'} ${format(target.value)}`;
  return ordered(input, {
    ...base,
    value: null,
    reachable: false,
    jump: false,
    achieved: null,
    reason: `no value of ${where} brings ${target.metric} to ${bound} ${format(target.value)}: ${floorText(input, format) ?? closestText}`,
    boundary: false,
    jumpTo: null,
    closest: best === undefined ? null : { value: best.x, achieved: reportedFigure(target.metric, best.value) },
    bracket: { low: stage.low, high: stage.high, searched: 'domain' },
    evaluations: search.evaluations,
  });
}

/** The result with its fields in the published order: the answer first, then how it was found. */
function ordered(input: SolveInput, p: Omit<SolveResult, 'schemaVersion' | 'command' | 'assumption' | 'target'>): SolveResult {
  return {
    schemaVersion: SOLVE_SCHEMA_VERSION,
    command: 'solve',
    assumption: input.vary,
    value: p.value,
    reachable: p.reachable,
    jump: p.jump,
    target: input.target,
    achieved: p.achieved,
    reason: p.reason,
    comparison: p.comparison,
    unit: p.unit,
    boundary: p.boundary,
    current: p.current,
    jumpTo: p.jumpTo,
    closest: p.closest,
    phase: p.phase,
    users: p.users,
    range: p.range,
    bracket: p.bracket,
    evaluations: p.evaluations,
    pricing: p.pricing,
    overrides: p.overrides,
  };
}

const finiteOrNull = (metric: SolveMetric, value: number): number | null => (Number.isFinite(value) ? reportedFigure(metric, value) : null);

/**
 * For a cost target under the phase's floor (its cost at zero volume and load, autoscaled minimums included), the
 * floor is the reason: no workload assumption moves it. Null otherwise.
 */
function floorText(input: SolveInput, format: (value: number) => string): string | null {
  const { metric, value } = input.target;
  if (metric !== 'cost' && metric !== 'cost-per-user') return null;
  const floorUsd = floorCost(input.catalog, input.phase, input.thresholds, input.book).totalUsd;
  const floor = metric === 'cost' ? floorUsd : floorUsd / input.users;
  if (reportedFigure(metric, floor) <= value) return null;
  const what = metric === 'cost' ? 'the fixed floor alone is' : `the fixed floor alone, over ${groupedDecimal(input.users, 0)} users, is`;
  return `${what} ${format(reportedFigure(metric, floor))}, above ${format(value)} (the cost at zero volume and load, autoscaled minimums included)`;
}

/** A figure in its unit, for the reason sentences: "$1,210.00", "$0.0196", "480.2 ms", "99.95%". */
export function figureText(metric: SolveMetric, value: number): string {
  switch (metric) {
    case 'cost':
      return usdText(value);
    case 'cost-per-user':
      return `$${value}`;
    case 'p95-ms':
      return `${value} ms`;
    case 'availability':
      return `${value}%`;
  }
}
