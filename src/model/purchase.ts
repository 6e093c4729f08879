import type { Discounts, Upfront } from './catalog-types.js';
import type { LinePart, PricedLine } from './cost.js';
import { InputError } from './input-error.js';
import { multiplyMoney, roundCents, roundTo, sumMoney } from './money.js';
import type { Plan, PurchasablePlan } from './plan.js';
import type { PriceLookup } from './cost.js';
import { costOf, pricePlan, type CostResult } from './price-plan.js';
import { analyseLines, type CommittableLine, type LineAnalysis } from './purchase-lines.js';
import { bestCommitment, candidateCommitments, stackCost, stackHours } from './purchase-optimize.js';
import { HOURS_PER_TERM_YEAR, UPFRONT_OPTIONS, type CommitmentKind, type CommitmentRate, type PurchaseStrategy, type ReservationLookup, type TermYears } from './purchase-rates.js';

/**
 * Prices a sized plan under a purchase strategy: which units to commit (reserved or savings plan), which to put on
 * spot, which to leave on demand, and every strategy side by side (docs/model.md § Purchase strategies).
 */

export interface PurchaseInput {
  strategy: PurchaseStrategy;
  /** The reservation's payment; absent = the cheapest monthly the book or the catalog gives. */
  upfront?: Upfront;
  discounts: Discounts;
  reservations: ReservationLookup;
}

/** One strategy (with one payment option) priced over the whole bill. */
export interface PurchaseStrategyRow {
  strategy: PurchaseStrategy;
  /** null for on-demand, spot and an unrestricted optimized (which mixes payments line by line). */
  upfront: Upfront | null;
  monthlyUsd: number;
  savingUsd: number;
  /** Saving against on-demand, percent (0–100). */
  savingPercent: number;
  /** Cash paid upfront for the commitments, USD. */
  upfrontUsd: number;
  /** Cash over 12 and 36 months: upfront fees at each term start (1-year terms renewed) + recurring charges. */
  oneYearUsd: number;
  threeYearUsd: number;
  /** The committed effective rate over the on-demand rate, cost-weighted over committed units (0–1); null without commitments. */
  breakEvenUtilization: number | null;
}

export interface PurchaseCommitment {
  component: string;
  priceKey: string;
  kind: CommitmentKind;
  termYears: TermYears;
  upfront: Upfront;
  /** Whole units committed, paid every hour of the month. */
  units: number;
  effectiveHourlyUsd: number;
  onDemandHourlyUsd: number;
  /** Cash upfront for these units over one term, USD. */
  upfrontUsd: number;
  source: CommitmentRate['source'];
}

export interface PurchaseResult extends Omit<PurchaseStrategyRow, 'monthlyUsd'> {
  /** The same bill all on demand (today's `cost.totalUsd` without --purchase). */
  onDemandUsd: number;
  strategies: PurchaseStrategyRow[];
  commitments: PurchaseCommitment[];
  /** Lines that stay wholly on demand under the chosen strategy, and why. */
  onDemandLines: Array<{ component: string; priceKey: string; monthlyUsd: number; reason: string }>;
  /** The assumptions behind the figures (catalog-derived rates, the spot allowance). */
  notes: string[];
}

interface LineChoice {
  rate: CommitmentRate | null;
  units: number;
  spot: boolean;
  /** Why the line stays on demand under this strategy, when it does for a reason other than cost. */
  reason: string | null;
}

interface Evaluated {
  row: PurchaseStrategyRow;
  choices: LineChoice[];
  /** The committable lines as bought, in the order of `LineAnalysis.committable`. */
  bought: PricedLine[];
}

const EPS = 1e-9;
const paymentsIn = (years: number, termYears: TermYears) => Math.ceil(years / termYears);

const SPOT_ONLY = 'spot only for EC2 lines of stateless autoscaled tiers (app, worker)';

function termOf(strategy: PurchaseStrategy): { kind: CommitmentKind; termYears: TermYears } | null {
  const match = /^(reserved|savings-plan)-(1|3)y$/.exec(strategy);
  return match === null ? null : { kind: match[1] as CommitmentKind, termYears: match[2] === '3' ? 3 : 1 };
}

function choose(line: CommittableLine, strategy: PurchaseStrategy, upfront: Upfront | null): LineChoice {
  if (strategy === 'on-demand') return { rate: null, units: 0, spot: false, reason: null };
  if (strategy === 'spot') return { rate: null, units: 0, spot: line.spotEligible, reason: line.spotEligible ? null : SPOT_ONLY };
  if (strategy === 'optimized') {
    const profile = line.profile;
    const od = { onDemandUsd: line.line.usdPerUnit, spotUsd: line.spotUsd };
    let best: LineChoice = { rate: null, units: 0, spot: line.spotEligible, reason: null };
    let bestUsd = stackCost(profile, 0, 0, od);
    const candidates = candidateCommitments(profile);
    for (const rate of line.rates) {
      if (upfront !== null && rate.upfront !== upfront) continue;
      const found = bestCommitment(profile, rate.effectiveHourlyUsd, od, candidates);
      if (found.units > 0 && found.monthlyUsd < bestUsd - EPS * Math.max(1, bestUsd)) {
        best = { rate, units: found.units, spot: line.spotEligible, reason: null };
        bestUsd = found.monthlyUsd;
      }
    }
    return best;
  }
  const term = termOf(strategy)!;
  const rate = line.rates.find((r) => r.kind === term.kind && r.termYears === term.termYears && r.upfront === upfront);
  if (rate === undefined) {
    const reason =
      term.kind === 'savings-plan' && line.service !== 'ec2'
        ? 'savings plans (Compute) cover EC2 only here; databases and caches take reservations'
        : `no ${term.termYears}-year ${upfront}-upfront ${term.kind} rate in the book or the catalog`;
    return { rate: null, units: 0, spot: false, reason };
  }
  // The daily minimum is never idle: commit it, leave the rest on demand.
  const units = Math.floor(Math.min(...line.profile.units) + EPS);
  return { rate, units, spot: false, reason: units > 0 ? null : 'no unit runs in every hour: nothing to commit at the daily minimum' };
}

const part = (kind: LinePart['part'], priceKey: string, quantity: number, usdPerUnit: number, source: string): LinePart => ({
  part: kind,
  priceKey,
  quantity,
  usdPerUnit,
  monthlyUsd: multiplyMoney(quantity, usdPerUnit),
  source,
});

/** The line bought as chosen, in parts; the line itself, unchanged, when all of it stays on demand. */
function boughtLine(line: CommittableLine, choice: LineChoice, spotNote: string): PricedLine {
  if (choice.units === 0 && !choice.spot) return line.line;
  const hours = stackHours(choice.spot ? line.profile : line.withoutSpot, choice.units);
  const parts: LinePart[] = [];
  const { priceKey, usdPerUnit, source } = line.line;
  if (choice.rate !== null && choice.units > 0) {
    const rate = choice.rate;
    parts.push(part('committed', rate.priceKey, hours.committedHours, rate.effectiveHourlyUsd, `${rate.source}: ${rate.note}`));
  }
  if (hours.spotHours > EPS) parts.push(part('spot', `${priceKey} spot`, hours.spotHours, line.spotUsd, spotNote));
  if (hours.onDemandHours > EPS || parts.length === 0) parts.push(part('on-demand', priceKey, hours.onDemandHours, usdPerUnit, source));
  // Object.assign onto an empty object: V8 takes microseconds to add `parts` to a spread copy, and a forecast bought
  // with a strategy prices every committable line of every month this way.
  return Object.assign({}, line.line, { monthlyUsd: sumMoney(parts), parts });
}

function spotNoteOf(discounts: Discounts): string {
  const { discount, interruptionRate } = discounts.spot;
  return (
    `catalog discount: od × ((1 − ${interruptionRate.value}) × (1 − ${discount.value}) + ${interruptionRate.value}): ` +
    `${roundTo(discount.value * 100, 2)} % off on-demand (discounts.spot.discount), ${roundTo(interruptionRate.value * 100, 2)} % of spot hours reclaimed and run on demand (discounts.spot.interruption_rate)`
  );
}

function evaluate(plan: Pick<Plan, 'hoursPerMonth'>, cost: CostResult, analysis: LineAnalysis, strategy: PurchaseStrategy, upfront: Upfront | null, spotNote: string): Evaluated {
  const choices = analysis.committable.map((line) => choose(line, strategy, upfront));
  const bought = analysis.committable.map((line, i) => boughtLine(line, choices[i]!, spotNote));
  // The bill is a sum of lines in micro-dollars (sumMoney), so swapping the bought lines in is exact.
  const monthlyUsd = cost.totalUsd - sumMoney(analysis.committable.map((l) => l.line)) + sumMoney(bought);
  let amortisedUsd = 0;
  let oneYearUpfront = 0;
  let threeYearUpfront = 0;
  let upfrontUsd = 0;
  let committedUsd = 0;
  let committedAtOnDemandUsd = 0;
  analysis.committable.forEach((line, i) => {
    const choice = choices[i]!;
    if (choice.rate === null || choice.units === 0) return;
    const hours = choice.units * plan.hoursPerMonth;
    const cash = choice.units * choice.rate.upfrontUsd;
    upfrontUsd += cash;
    oneYearUpfront += cash * paymentsIn(1, choice.rate.termYears);
    threeYearUpfront += cash * paymentsIn(3, choice.rate.termYears);
    amortisedUsd += (cash * plan.hoursPerMonth) / (HOURS_PER_TERM_YEAR * choice.rate.termYears);
    committedUsd += hours * choice.rate.effectiveHourlyUsd;
    committedAtOnDemandUsd += hours * line.line.usdPerUnit;
  });
  const recurringUsd = monthlyUsd - amortisedUsd;
  const savingUsd = cost.totalUsd - monthlyUsd;
  return {
    choices,
    bought,
    row: {
      strategy,
      upfront,
      monthlyUsd: roundCents(monthlyUsd),
      savingUsd: roundCents(savingUsd),
      savingPercent: cost.totalUsd > 0 ? roundTo((savingUsd / cost.totalUsd) * 100, 2) : 0,
      upfrontUsd: roundCents(upfrontUsd),
      oneYearUsd: roundCents(12 * recurringUsd + oneYearUpfront),
      threeYearUsd: roundCents(36 * recurringUsd + threeYearUpfront),
      breakEvenUtilization: committedAtOnDemandUsd > 0 ? roundTo(committedUsd / committedAtOnDemandUsd, 4) : null,
    },
  };
}

/** The payments the catalog lists for a commitment's term, in the order none, partial, all. */
function upfrontsFor(discounts: Discounts, kind: CommitmentKind, termYears: TermYears): Upfront[] {
  const options = kind === 'reserved' ? discounts.reserved.options : discounts.savingsPlans;
  return UPFRONT_OPTIONS.filter((u) => options.some((o) => o.termYears === termYears && o.upfront === u));
}

/** Every strategy with every payment it can take, in table order. */
function rowsToPrice(discounts: Discounts): Array<{ strategy: PurchaseStrategy; upfront: Upfront | null }> {
  const rows: Array<{ strategy: PurchaseStrategy; upfront: Upfront | null }> = [{ strategy: 'on-demand', upfront: null }];
  for (const strategy of ['reserved-1y', 'reserved-3y', 'savings-plan-1y', 'savings-plan-3y'] as const) {
    const term = termOf(strategy)!;
    for (const upfront of upfrontsFor(discounts, term.kind, term.termYears)) rows.push({ strategy, upfront });
  }
  rows.push({ strategy: 'spot', upfront: null }, { strategy: 'optimized', upfront: null });
  return rows;
}

/** Cheapest monthly first; on a tie, the one that asks less cash upfront. */
const cheaper = (a: Evaluated, b: Evaluated) => a.row.monthlyUsd - b.row.monthlyUsd || a.row.upfrontUsd - b.row.upfrontUsd;

function chosenOf(evaluated: Evaluated[], input: PurchaseInput, restricted: Evaluated | null): Evaluated {
  const { strategy, upfront } = input;
  if (strategy === 'optimized' && restricted !== null) return restricted;
  if (strategy === 'on-demand' || strategy === 'spot' || strategy === 'optimized') return evaluated.find((e) => e.row.strategy === strategy)!;
  const term = termOf(strategy)!;
  const candidates = evaluated.filter((e) => e.row.strategy === strategy && (upfront === undefined || e.row.upfront === upfront));
  if (candidates.length === 0) {
    const listed = upfrontsFor(input.discounts, term.kind, term.termYears);
    const what = term.kind === 'reserved' ? 'discounts.reserved.options' : 'discounts.savings_plans';
    throw new InputError(
      `--purchase ${strategy}${upfront === undefined ? '' : ` --upfront ${upfront}`}: the catalog's ${what} list no ${term.termYears}-year option` +
        (upfront === undefined ? '' : ` paid ${upfront} upfront`) +
        (listed.length > 0 ? ` (it lists ${listed.map((u) => `${u} upfront`).join(', ')})` : '') +
        `; add one to the catalog or choose another ${upfront === undefined ? 'strategy' : 'payment'}`,
    );
  }
  return [...candidates].sort(cheaper)[0]!;
}

function notesOf(chosen: Evaluated, analysis: LineAnalysis, spotNote: string): string[] {
  const notes: string[] = [];
  const rates = chosen.choices.filter((c) => c.rate !== null && c.units > 0).map((c) => c.rate!);
  if (rates.some((r) => r.source === 'catalog discount')) {
    notes.push('rates marked "catalog discount" are on-demand × (1 − the catalog\'s discount): the price book has no such reservation or plan');
  }
  if (rates.some((r) => r.source === 'catalog discount' && r.upfront === 'partial')) {
    notes.push('a catalog-derived partial-upfront rate pays half of the term upfront and half by the hour (an assumption: AWS splits it roughly so)');
  }
  if (rates.some((r) => r.note.includes('clamped'))) notes.push("some catalog-derived rates are clamped to keep AWS's order (all ≤ partial ≤ none upfront; 3 y ≤ 1 y)");
  if (chosen.choices.some((c, i) => c.spot && analysis.committable[i]!.spotEligible)) notes.push(`spot: ${spotNote}`);
  return notes;
}

/**
 * Prices the plan's bill under a purchase strategy, and every strategy beside it.
 * @param cost the plan priced on demand (`pricePlan`): what every saving is measured against
 * @param options.alone price only the strategy asked for (its `strategies` list holds just its own rows): what a
 *   search over many plans needs, at a fraction of the cost of the whole table
 * @throws InputError for a book that charges quoted figures (nothing to commit), or a strategy or payment the
 *   catalog does not list
 */
export function pricePurchase(plan: PurchasablePlan, cost: CostResult, input: PurchaseInput, options: { alone?: boolean } = {}): { cost: CostResult; purchase: PurchaseResult } {
  if (cost.basis !== 'itemised') {
    throw new InputError(`purchase strategies need an itemised price book; "${cost.book}" charges each component a quoted figure, not rates to commit`);
  }
  const analysis = analyseLines(plan, cost, input.discounts, input.reservations);
  const spotNote = spotNoteOf(input.discounts);
  const rows = rowsToPrice(input.discounts).filter((row) => !options.alone || row.strategy === input.strategy);
  const evaluated = rows.map(({ strategy, upfront }) => evaluate(plan, cost, analysis, strategy, upfront, spotNote));
  // optimized with --upfront: only reservations paid that way, priced as one more row.
  const extra = input.strategy === 'optimized' && input.upfront !== undefined ? evaluate(plan, cost, analysis, 'optimized', input.upfront, spotNote) : null;
  const chosen = chosenOf(evaluated, input, extra);
  const table = [...evaluated, ...(extra === null ? [] : [extra])].map((e) => e.row);
  const { monthlyUsd: _monthly, ...row } = chosen.row;
  const commitments = analysis.committable.flatMap((line, i): PurchaseCommitment[] => {
    const choice = chosen.choices[i]!;
    if (choice.rate === null || choice.units === 0) return [];
    const rate = choice.rate;
    return [
      {
        component: line.line.component,
        priceKey: line.line.priceKey,
        kind: rate.kind,
        termYears: rate.termYears,
        upfront: rate.upfront,
        units: choice.units,
        effectiveHourlyUsd: roundTo(rate.effectiveHourlyUsd, 6),
        onDemandHourlyUsd: line.line.usdPerUnit,
        upfrontUsd: roundCents(choice.units * rate.upfrontUsd),
        source: rate.source,
      },
    ];
  });
  const strategyOnDemand = analysis.committable.flatMap((line, i) => {
    const reason = chosen.choices[i]!.reason;
    return reason === null ? [] : [{ component: line.line.component, priceKey: line.line.priceKey, monthlyUsd: roundCents(line.line.monthlyUsd), reason }];
  });
  const components = cost.components.map((c) => ({ ...c, lines: [...c.lines] }));
  analysis.committable.forEach((line, i) => {
    components[line.componentIndex]!.lines[line.lineIndex] = chosen.bought[i]!;
  });
  return {
    cost: costOf(plan, cost.book, cost.basis, components),
    purchase: {
      ...row,
      onDemandUsd: roundCents(cost.totalUsd),
      strategies: table,
      commitments,
      onDemandLines: [...strategyOnDemand, ...analysis.onDemand.map((l) => ({ ...l, monthlyUsd: roundCents(l.monthlyUsd) }))],
      notes: notesOf(chosen, analysis, spotNote),
    },
  };
}

/**
 * A plan's monthly bill as bought: priced with the book, then under the purchase strategy when there is one.
 * What every search over user counts (break-even, forecast) charges for infrastructure.
 */
export function boughtTotalUsd(book: PriceLookup, purchase?: PurchaseInput): (plan: Plan) => number {
  return (plan) => {
    const onDemand = pricePlan(plan, book);
    return purchase === undefined ? onDemand.totalUsd : pricePurchase(plan, onDemand, purchase, { alone: true }).cost.totalUsd;
  };
}
