/**
 * `forecast`: month by month under net monthly-active-user growth (docs/model.md § Forecast). Month m has
 * START × (1 + g)^m users (./forecast-calendar.ts); the document's user ranges name the phase that prices it
 * (past the catalog's top, its last phase, flagged `extrapolated`), and advise's rule names the phase capacity
 * calls for (./forecast-capacity.ts). Each month's cost is the phase's plan — bought as the purchase strategy
 * says — plus the incoming phase during a migration window (./forecast-migrations.ts, on demand: nothing is
 * committed to a phase still being built) plus reservations stranded by an earlier phase
 * (./forecast-reservations.ts). Revenue and the contribution margin are ./revenue.ts's at the month's users and
 * cost; the cash flow is the margin with upfront fees paid when bought instead of spread over their term.
 * Pure: the start month, the book and the purchase strategy are inputs.
 */
import type { Catalog, Phase, Revenue } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { capacityByUsers } from './forecast-capacity.js';
import { addMonths, usersInMonth } from './forecast-calendar.js';
import { migrationWindows, type MigrationWindow } from './forecast-migrations.js';
import { planCache, type PricedPlan } from './forecast-plans.js';
import { ReservationLedger } from './forecast-reservations.js';
import { InputError } from './input-error.js';
import { roundCents, roundPerUser, roundTo } from './money.js';
import { overridesIn, type Override } from './overrides.js';
import type { Thresholds } from './plan.js';
import { pricePurchase, type PurchaseInput } from './purchase.js';
import type { Upfront } from './purchase-rates.js';
import { revenueAt } from './revenue.js';
import { phaseForUsers } from './select.js';
import type { ForecastUncertainty } from './uncertainty-forecast.js';

export const FORECAST_SCHEMA_VERSION = 1;

/** The most users a forecast sizes (as `--users` takes): past it, give fewer months or a slower growth. */
export const FORECAST_MAX_USERS = 1_000_000_000;

export interface ForecastInput {
  catalog: Catalog;
  revenue: Revenue;
  thresholds: Thresholds;
  book: PriceLookup & { description: string };
  startUsers: number;
  /** Net monthly-active-user growth per month (0.1 = 10 %). */
  growthPerMonth: number;
  /** Months after the start month: the forecast has months 0…months. */
  months: number;
  /** YYYY-MM. */
  start: string;
  purchase?: PurchaseInput;
  opexUsd: number;
}

export interface ForecastMonth {
  month: number;
  /** YYYY-MM. */
  date: string;
  users: number;
  /** The phase whose user range holds the users (the last phase past the catalog's top): the one priced. */
  phase: number;
  /** The cheapest phase that passes every capacity check (advise's rule); null when none does. */
  capacityPhase: number | null;
  /** The priced phase passes every capacity check at these users. */
  capacityOk: boolean;
  /** Users past the catalog's top (or below its bottom): the nearest phase is sized beyond its range. */
  extrapolated: boolean;
  /** Instances of the priced phase at its peak hour, summed over its tiers. */
  instances: number;
  /** phaseCostUsd + migrationUsd + strandedUsd. */
  costUsd: number;
  /** The priced phase's plan, bought as the purchase strategy says. */
  phaseCostUsd: number;
  /** The incoming phase during a migration window, on demand. */
  migrationUsd: number;
  /** Reservations held idle (their phase ended before their term). */
  strandedUsd: number;
  /** Reservation fees paid upfront this month (in the cash flow, spread over the term in the cost). */
  upfrontUsd: number;
  costPerUserUsd: number;
  mrrUsd: number;
  /** Contribution margin: MRR − payment fees − costUsd − opex. */
  marginUsd: number;
  /** marginUsd with upfront fees counted when paid rather than amortised. */
  cashFlowUsd: number;
  cumulativeCashUsd: number;
}

export interface ForecastMigration extends Omit<MigrationWindow, 'firstDoubleMonth'> {
  /** What the months of double running add (the incoming phase, on demand). */
  migrationUsd: number;
}

export interface ForecastResult {
  schemaVersion: typeof FORECAST_SCHEMA_VERSION;
  command: 'forecast';
  startUsers: number;
  growthPercentPerMonth: number;
  start: string;
  pricing: { book: string; description: string };
  /** null without --purchase (everything on demand). */
  purchase: { strategy: string; upfront: Upfront | null; reservations: 'stranded' } | null;
  opexUsd: number;
  months: ForecastMonth[];
  migrations: ForecastMigration[];
  /** The first month whose contribution margin is ≥ 0; null when none is. */
  breakEvenMonth: number | null;
  /** The first month whose cumulative cash is ≥ 0; null when none is. */
  paybackMonth: number | null;
  /** The lowest cumulative cash and its month: the funding the forecast needs. */
  lowestCash: { month: number; cumulativeCashUsd: number };
  /** The catalog's most users; months past it extrapolate its last phase. */
  catalogTopUsers: number;
  /** The first extrapolated month; null when none is. */
  extrapolatedFrom: number | null;
  totals: { costUsd: number; mrrUsd: number; migrationUsd: number; strandedUsd: number; upfrontUsd: number; marginUsd: number };
  overrides: Override[];
  /** With --samples: the spread of the break-even month, the funding needed, cost and margin (./uncertainty-forecast.ts). */
  uncertainty?: ForecastUncertainty;
}

/** The phase whose range holds N, else the nearest end of the catalog. */
function pricedPhase(catalog: Catalog, users: number): { phase: Phase; extrapolated: boolean } {
  const inRange = phaseForUsers(catalog, users);
  if (inRange) return { phase: inRange, extrapolated: false };
  const first = catalog.phases[0]!;
  return { phase: users < first.users.min ? first : catalog.phases[catalog.phases.length - 1]!, extrapolated: true };
}

const buy = ({ plan, onDemand }: PricedPlan, purchase: PurchaseInput) => pricePurchase(plan, onDemand, purchase, { alone: true });

const firstIndex = (months: readonly ForecastMonth[], ok: (m: ForecastMonth) => boolean): number | null => months.find(ok)?.month ?? null;

export function forecast(input: ForecastInput): ForecastResult {
  const { catalog, revenue, thresholds, book, purchase, opexUsd } = input;
  const plans = planCache(catalog, thresholds, book);
  const users = Array.from({ length: input.months + 1 }, (_, m) => usersInMonth(input.startUsers, input.growthPerMonth, m));
  const past = users.findIndex((n) => !(n <= FORECAST_MAX_USERS));
  if (past === 0) throw new InputError(`forecast: ${input.startUsers.toLocaleString('en-US')} users to start with is past the ${FORECAST_MAX_USERS.toLocaleString('en-US')} the model sizes`);
  if (past > 0) {
    throw new InputError(
      `forecast: at ${roundTo(input.growthPerMonth * 100, 6)} % a month the users pass ${FORECAST_MAX_USERS.toLocaleString('en-US')} in month ${past}; ` +
        `give at most ${past - 1} months (--months) or a slower --growth`,
    );
  }
  const priced = users.map((n) => pricedPhase(catalog, n));
  const capacity = capacityByUsers(catalog, users, thresholds, book, plans);
  const windows = migrationWindows(catalog, input.start, input.startUsers, input.growthPerMonth, priced.map((p) => p.phase));
  const ledger = new ReservationLedger(catalog.hoursPerMonth);
  const migrationUsd = new Map<MigrationWindow, number>(windows.map((w) => [w, 0]));

  let cumulative = 0;
  const months = users.map((n, m): ForecastMonth => {
    const { phase, extrapolated } = priced[m]!;
    // A purchase strategy reads the plan's lines; on demand, its total is enough.
    const bought = purchase === undefined ? null : buy(plans.full(phase, n), purchase);
    const month = plans.summary(phase, n);
    const phaseCostUsd = roundCents(bought?.cost.totalUsd ?? month.onDemand.totalUsd);
    const reserved = ledger.month(m, bought?.purchase.commitments ?? []);
    let incoming = 0;
    for (const w of windows) {
      if (m < w.firstDoubleMonth || m >= w.cutoverMonth) continue;
      const usd = roundCents(plans.summary(catalog.phases.find((p) => p.id === w.to)!, n).onDemand.totalUsd);
      migrationUsd.set(w, migrationUsd.get(w)! + usd);
      incoming += usd;
    }
    const strandedUsd = roundCents(reserved.strandedUsd);
    const costUsd = roundCents(phaseCostUsd + incoming + strandedUsd);
    const money = revenueAt(revenue, n, costUsd, opexUsd);
    const marginUsd = roundCents(money.contributionMarginUsd);
    const upfrontUsd = roundCents(reserved.upfrontPaidUsd);
    const cashFlowUsd = roundCents(marginUsd + reserved.amortisedUsd - upfrontUsd);
    cumulative = roundCents(cumulative + cashFlowUsd);
    return {
      month: m,
      date: addMonths(input.start, m),
      users: n,
      phase: phase.id,
      capacityPhase: capacity.capacityPhase(n),
      capacityOk: capacity.serves(phase, n),
      extrapolated,
      instances: month.instancesAtPeak,
      costUsd,
      phaseCostUsd,
      migrationUsd: roundCents(incoming),
      strandedUsd,
      upfrontUsd,
      costPerUserUsd: roundPerUser(costUsd / n),
      mrrUsd: roundCents(money.mrrUsd),
      marginUsd,
      cashFlowUsd,
      cumulativeCashUsd: cumulative,
    };
  });

  const total = (pick: (m: ForecastMonth) => number) => roundCents(months.reduce((sum, m) => sum + pick(m), 0));
  const lowest = months.reduce((low, m) => (m.cumulativeCashUsd < low.cumulativeCashUsd ? m : low), months[0]!);
  return {
    schemaVersion: FORECAST_SCHEMA_VERSION,
    command: 'forecast',
    startUsers: input.startUsers,
    growthPercentPerMonth: roundTo(input.growthPerMonth * 100, 6),
    start: input.start,
    pricing: { book: book.name, description: book.description },
    purchase: purchase === undefined ? null : { strategy: purchase.strategy, upfront: purchase.upfront ?? null, reservations: 'stranded' },
    opexUsd,
    months,
    migrations: windows.map((window) => {
      const { firstDoubleMonth: _first, ...w } = window;
      return { ...w, migrationUsd: roundCents(migrationUsd.get(window)!) };
    }),
    breakEvenMonth: firstIndex(months, (m) => m.marginUsd >= 0),
    paybackMonth: firstIndex(months, (m) => m.cumulativeCashUsd >= 0),
    lowestCash: { month: lowest.month, cumulativeCashUsd: lowest.cumulativeCashUsd },
    catalogTopUsers: catalog.phases[catalog.phases.length - 1]!.users.max,
    extrapolatedFrom: firstIndex(months, (m) => m.extrapolated),
    totals: {
      costUsd: total((m) => m.costUsd),
      mrrUsd: total((m) => m.mrrUsd),
      migrationUsd: total((m) => m.migrationUsd),
      strandedUsd: total((m) => m.strandedUsd),
      upfrontUsd: total((m) => m.upfrontUsd),
      marginUsd: total((m) => m.marginUsd),
    },
    overrides: overridesIn(catalog),
  };
}
