import type { Catalog, Phase } from './catalog-types.js';
import { chargeOf, declareComponentLines, declareQuotedLine, evaluateAmount, priceLine, type DeclaredLine, type PriceLookup, type PricedLine, type PricingBasis } from './cost.js';
import { InputError } from './input-error.js';
import type { LineClass } from './line-class.js';
import { mapList, mapNumbers } from './lists.js';
import { fromMicros, roundCents, sumMoney, toMicros } from './money.js';
import { componentScope, pricingScope, sizePlan, type BillablePlan, type ComponentPlan, type Plan, type Thresholds } from './plan.js';

export interface ComponentCost {
  component: string;
  name: string;
  monthlyUsd: number;
  quotedUsd: number | null;
  /** Estimate − quote, when there is a quote. */
  differenceUsd: number | null;
  lines: PricedLine[];
}

/** How old the prices behind a cost are: the as-of dates of the lines priced (ISO dates compare as text). */
export interface PricesAsOf {
  oldest: string | null;
  newest: string | null;
  datedLines: number;
  undatedLines: number;
}

export interface CostResult {
  book: string;
  basis: PricingBasis;
  components: ComponentCost[];
  totalUsd: number;
  perUserUsd: number;
  /** The document's quote for the phase, when the catalog gives one. */
  quotedTotalUsd: number | null;
  budget: { minUsd: number; maxUsd: number; status: 'under' | 'within' | 'over' };
  /** Lines priced from estimates rather than verified prices. */
  unverifiedLines: number;
  asOf: PricesAsOf;
  /** The total split by what each line grows with (see ./line-class.ts); the three add up to totalUsd. */
  byClassUsd: Record<LineClass, number>;
}

/** The as-of span of a set of priced lines. */
function pricesAsOf(lines: Iterable<PricedLine>): PricesAsOf {
  let oldest: string | null = null;
  let newest: string | null = null;
  let datedLines = 0;
  let undatedLines = 0;
  for (const line of lines) {
    if (line.asOf === undefined) {
      undatedLines += 1;
      continue;
    }
    datedLines += 1;
    if (oldest === null || line.asOf < oldest) oldest = line.asOf;
    if (newest === null || line.asOf > newest) newest = line.asOf;
  }
  return { oldest, newest, datedLines, undatedLines };
}

/** The as-of span of several costs together (a sweep's or a comparison's plans). */
export function combinedAsOf(spans: readonly PricesAsOf[]): PricesAsOf {
  const dated = spans.filter((span) => span.oldest !== null && span.newest !== null);
  return {
    oldest: dated.reduce<string | null>((min, span) => (min === null || span.oldest! < min ? span.oldest : min), null),
    newest: dated.reduce<string | null>((max, span) => (max === null || span.newest! > max ? span.newest : max), null),
    datedLines: spans.reduce((sum, span) => sum + span.datedLines, 0),
    undatedLines: spans.reduce((sum, span) => sum + span.undatedLines, 0),
  };
}

/** `scope`: one object the components' formulas are evaluated in, in turn (each line is evaluated as it is declared). */
function declare(plan: BillablePlan, usage: ComponentPlan, basis: PricingBasis, scope: Record<string, number>): DeclaredLine[] {
  return basis === 'component-quote'
    ? [declareQuotedLine(plan.phase, usage.component)]
    : declareComponentLines(usage.component, componentScope(plan, usage, scope));
}

/**
 * Prices a sized plan with a book: each component's lines, declared as the book's basis says, priced by
 * `priceLine`; the total against the document's quote and the phase's budget. Pricing the same plan with
 * a second book needs no second sizing.
 */
export function pricePlan(plan: BillablePlan, book: PriceLookup): CostResult {
  const basis = book.basis ?? 'itemised';
  // A free allowance is the account's for the month: lines under one key share it, in catalog order.
  const freeUsed = new Map<string, number>();
  const priceShared = (line: DeclaredLine): PricedLine => {
    const priced = priceLine(line, book, freeUsed.get(line.priceKey) ?? 0);
    if (priced.freeQuantity > 0) freeUsed.set(line.priceKey, (freeUsed.get(line.priceKey) ?? 0) + priced.freeQuantity);
    return priced;
  };
  // One copy of the plan's variables that every component's formulas read in turn. A plain copy, not an object
  // inheriting from plan.scope: a fresh prototype each plan gives the formulas' property reads a new hidden class
  // each plan, so none of them stays cached across the plans a Monte Carlo or a sweep prices.
  const scope = pricingScope(plan);
  const components = mapList(plan.components, (usage) => {
    const lines = mapList(declare(plan, usage, basis, scope), priceShared);
    return { component: usage.component.id, name: usage.component.name, quotedUsd: usage.component.quoted?.usd ?? null, lines };
  });
  return costOf(plan, book.name, basis, components);
}

/**
 * A plan's cost from its components' priced lines: each component's total and its gap to the quote, the bill's
 * total against the phase's budget. `pricePlan` builds one from the book's prices; a purchase strategy
 * (./purchase.ts) rebuilds one from the same lines bought another way.
 */
export function costOf(plan: Pick<Plan, 'phase' | 'users'>, book: string, basis: PricingBasis, priced: ReadonlyArray<Omit<ComponentCost, 'monthlyUsd' | 'differenceUsd'>>): CostResult {
  const components = mapList(priced, (c): ComponentCost => {
    const monthlyUsd = sumMoney(c.lines);
    return { component: c.component, name: c.name, monthlyUsd, quotedUsd: c.quotedUsd, differenceUsd: c.quotedUsd === null ? null : monthlyUsd - c.quotedUsd, lines: c.lines };
  });
  const totalUsd = sumMoney(mapNumbers(components, (c) => c.monthlyUsd));
  const lines = components.flatMap((c) => c.lines);
  let unverifiedLines = 0;
  for (const line of lines) if (!line.verified) unverifiedLines += 1;
  return {
    book,
    basis,
    components,
    totalUsd,
    perUserUsd: perUser(plan, totalUsd),
    quotedTotalUsd: plan.phase.quotedTotalUsd ?? null,
    budget: budgetOf(plan, totalUsd),
    unverifiedLines,
    asOf: pricesAsOf(lines),
    byClassUsd: byClass(lines),
  };
}

const perUser = (plan: Pick<Plan, 'users'>, totalUsd: number): number => (plan.users > 0 ? totalUsd / plan.users : 0);

/** The bill, rounded to the cent, against the phase's budget. */
function budgetOf(plan: Pick<Plan, 'phase'>, totalUsd: number): CostResult['budget'] {
  const rounded = roundCents(totalUsd);
  const { min, max } = plan.phase.budgetUsd;
  return { minUsd: min, maxUsd: max, status: rounded > max ? 'over' : rounded < min ? 'under' : 'within' };
}

/** What a Monte Carlo sample reads of a bill: its total, per user, against the budget, and its unverified lines. */
export type CostSummary = Pick<CostResult, 'totalUsd' | 'perUserUsd' | 'budget' | 'unverifiedLines'>;

/**
 * `pricePlan`'s summary without its lines: each line charged (./cost.ts `chargeOf`) and added up in micro-dollars,
 * which is what `pricePlan`'s sums of sums come to (a component's total converts back to the same micro-dollars),
 * so every field equals `pricePlan`'s exactly (test/model/cost-summary.property.test.ts). A Monte Carlo sample
 * builds no line objects: ~40 a plan, most of its pricing time and garbage.
 */
export function costSummary(plan: BillablePlan, book: PriceLookup): CostSummary {
  const quoted = book.basis === 'component-quote';
  const freeUsed = new Map<string, number>();
  const scope = quoted ? undefined : pricingScope(plan);
  let micros = 0;
  let unverifiedLines = 0;
  const charge = (line: Pick<DeclaredLine, 'component' | 'priceKey' | 'quantity' | 'unit'>) => {
    const used = freeUsed.get(line.priceKey) ?? 0;
    const charged = chargeOf(line, book, used);
    if (charged.freeQuantity > 0) freeUsed.set(line.priceKey, used + charged.freeQuantity);
    micros += charged.micros;
    if (!charged.quote.verified) unverifiedLines += 1;
  };
  for (const usage of plan.components) {
    if (quoted) {
      charge(declareQuotedLine(plan.phase, usage.component));
      continue;
    }
    const variables = componentScope(plan, usage, scope);
    const component = usage.component.id;
    for (const line of usage.component.cost) charge({ component, priceKey: line.priceKey, quantity: evaluateAmount(line.quantity, variables), unit: line.unit });
  }
  if (!Number.isSafeInteger(micros)) throw new InputError('money sum is too large to count exactly');
  const totalUsd = fromMicros(micros);
  return { totalUsd, perUserUsd: perUser(plan, totalUsd), budget: budgetOf(plan, totalUsd), unverifiedLines };
}

/** The lines' total by class, each the exact micro-dollar sum `sumMoney` gives of that class's lines, in one pass. */
function byClass(lines: readonly PricedLine[]): Record<LineClass, number> {
  const micros: Record<LineClass, number> = { fixed: 0, 'per-user': 0, 'per-request': 0 };
  for (const line of lines) micros[line.class] += toMicros(line.monthlyUsd);
  return { fixed: fromMicros(micros.fixed), 'per-user': fromMicros(micros['per-user']), 'per-request': fromMicros(micros['per-request']) };
}

/**
 * A phase's floor: what it costs with no users and no load — the plan sized at 0 users (every autoscaled tier at
 * its minimum, fixed counts as they are, storage and volumes at what zero users leave) and priced with the book.
 * It depends on the phase and the book, not on N; the rest of a bill at N users is its variable part.
 */
export function floorCost(catalog: Catalog, phase: Phase, thresholds: Thresholds, book: PriceLookup): CostResult {
  return pricePlan(sizePlan(catalog, phase, 0, thresholds), book);
}

/** A bill split into its floor and the variable rest, to the cent, so that floor + variable = total exactly. */
export function floorSplit(totalUsd: number, floorUsd: number): { floorUsd: number; variableUsd: number } {
  const floor = roundCents(floorUsd);
  return { floorUsd: floor, variableUsd: roundCents(roundCents(totalUsd) - floor) };
}
