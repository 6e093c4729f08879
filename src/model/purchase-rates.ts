import type { CommitmentOption, Discounts, Upfront } from './catalog-types.js';
import type { UnitPrice } from './cost.js';
import { roundTo } from './money.js';

/**
 * What a commitment costs per unit (one instance or node running one hour), from the price book where it has the
 * reservation and from the catalog's discount where it does not — and which lines can be committed at all.
 */

export const PURCHASE_STRATEGIES = ['on-demand', 'reserved-1y', 'reserved-3y', 'savings-plan-1y', 'savings-plan-3y', 'spot', 'optimized'] as const;
export type PurchaseStrategy = (typeof PURCHASE_STRATEGIES)[number];
export const UPFRONT_OPTIONS = ['none', 'partial', 'all'] as const satisfies readonly Upfront[];
export type { Upfront };
export type TermYears = 1 | 3;
export type CommitmentKind = 'reserved' | 'savings-plan';

/** Hours in a reserved year: AWS amortises an upfront fee over 365 × 24 hours a year of the term. */
export const HOURS_PER_TERM_YEAR = 8760;

/** A reservation as a price book quotes it, for one unit over one term. */
export interface BookReservation {
  /** The book's keys that make up the price (partial upfront: the hourly and the upfront key). */
  keys: readonly string[];
  /** Recurring fee, USD per unit-hour. */
  hourlyUsd: number;
  /** Fee paid at the start of the term, USD per unit for the whole term. */
  upfrontUsd: number;
  /** upfrontUsd ÷ (8760 × years) + hourlyUsd (src/pricing/reserved.ts `effectiveHourlyUsd`). */
  effectiveHourlyUsd: number;
  source: string;
}

/**
 * What the engine asks of a book about reservations. The command builds it from the book (src/pricing knows the
 * key scheme); undefined when the book lacks the reservation, or has only part of it.
 */
export interface ReservationLookup {
  reservation(baseKey: string, termYears: TermYears, upfront: Upfront): BookReservation | undefined;
}

/** One way to commit a line's units, with its price per unit. */
export interface CommitmentRate {
  kind: CommitmentKind;
  termYears: TermYears;
  upfront: Upfront;
  hourlyUsd: number;
  /** USD per unit for the whole term, paid when it starts. */
  upfrontUsd: number;
  effectiveHourlyUsd: number;
  /** The book's key(s), or how the rate is derived (`ec2:t3.medium × (1 − 0.42)`). */
  priceKey: string;
  source: 'price book' | 'catalog discount';
  /** The book's source, or the catalog path of the discount and any clamp applied. */
  note: string;
}

/** The services whose instances take reservations here; savings plans (Compute) cover `ec2` only. */
export type CommittableService = 'ec2' | 'rds' | 'elasticache';

export type Committability = { committable: true; service: CommittableService } | { committable: false; reason: string };

const INSTANCE_KEYS: ReadonlyArray<[CommittableService, RegExp]> = [
  ['ec2', /^ec2:[a-z0-9-]+\.[a-z0-9]+$/],
  // Provisioned RDS and Aurora instances (rds:db.<class>:<engine>[:<deployment>]); serverless ACUs are rds:serverless-*.
  ['rds', /^rds:db\.[a-z0-9.-]+:[a-z0-9-]+(:[a-z0-9-]+)?$/],
  ['elasticache', /^elasticache:cache\.[a-z0-9.-]+$/],
];

const NO_RESERVATION: Readonly<Record<string, string>> = {
  fargate: 'Fargate tasks: no reserved instances (Compute Savings Plans cover Fargate, but are modelled for EC2 only)',
  lambda: 'Lambda: billed per request and GB-second, with no reservation',
  'lambda-edge': 'Lambda@Edge: billed per request and GB-second, with no reservation',
  sagemaker: 'SageMaker endpoints take Machine Learning Savings Plans, which the catalog does not list',
  eks: 'EKS control planes have no reservation',
  alb: 'load balancers have no reservation',
  nlb: 'load balancers have no reservation',
  nat: 'NAT gateways have no reservation',
};

/**
 * Whether a priced line can be committed: an instance key priced per hour. Everything else stays on demand, and the
 * reason says why.
 * @example committability('ec2:t3.medium', 'hour') // { committable: true, service: 'ec2' }
 * @example committability('rds:serverless-v2:aurora-postgresql', 'acu-hour').committable // false
 */
export function committability(priceKey: string, unit: string): Committability {
  const service = priceKey.slice(0, priceKey.indexOf(':'));
  if (priceKey.includes(':ri-')) return { committable: false, reason: 'already priced as a reservation' };
  if (service === 'rds' && priceKey.startsWith('rds:serverless')) return { committable: false, reason: 'Aurora Serverless capacity (ACU-hours) has no reservation' };
  const reason = NO_RESERVATION[service];
  if (reason !== undefined) return { committable: false, reason };
  if (unit !== 'hour') return { committable: false, reason: `billed per ${unit}, not by the instance-hour: nothing to reserve` };
  for (const [name, pattern] of INSTANCE_KEYS) if (pattern.test(priceKey)) return { committable: true, service: name };
  return { committable: false, reason: `${service} has no reservation in the model (only EC2, RDS and ElastiCache instances)` };
}

/**
 * The spot price per unit-hour with the interruption allowance: a share `interruptionRate` of the spot hours is
 * reclaimed and runs on demand instead, so rate = od × ((1 − ir)(1 − d) + ir).
 * @example spotHourlyUsd(0.0416, 0.7, 0.05) // 0.0416 × (0.95 × 0.3 + 0.05) = 0.013936
 */
export function spotHourlyUsd(onDemandUsd: number, discount: number, interruptionRate: number): number {
  return onDemandUsd * ((1 - interruptionRate) * (1 - discount) + interruptionRate);
}

const key = (kind: CommitmentKind, termYears: TermYears, upfront: Upfront) => `${kind}:${termYears}:${upfront}`;

/** The rate the catalog's discount gives: partial upfront pays half of the term's cost upfront (an assumption). */
function derivedRate(kind: CommitmentKind, option: CommitmentOption, od: UnitPrice, path: string): CommitmentRate {
  const termYears = option.termYears as TermYears;
  const effective = od.usdPerUnit * (1 - option.discount.value);
  const termUsd = effective * HOURS_PER_TERM_YEAR * termYears;
  const upfrontShare = option.upfront === 'all' ? 1 : option.upfront === 'partial' ? 0.5 : 0;
  return {
    kind,
    termYears,
    upfront: option.upfront,
    hourlyUsd: effective * (1 - upfrontShare),
    upfrontUsd: termUsd * upfrontShare,
    effectiveHourlyUsd: effective,
    priceKey: `${od.key} × (1 − ${option.discount.value})`,
    source: 'catalog discount',
    note: `${path} (${roundTo(option.discount.value * 100, 2)} % off on-demand)` + (option.upfront === 'partial' ? '; partial upfront taken as half of the term paid upfront' : ''),
  };
}

/** Same rate scaled to another effective hourly figure, keeping its upfront share. */
function rescaled(rate: CommitmentRate, effective: number, why: string): CommitmentRate {
  const factor = rate.effectiveHourlyUsd === 0 ? 0 : effective / rate.effectiveHourlyUsd;
  return {
    ...rate,
    hourlyUsd: rate.hourlyUsd * factor,
    upfrontUsd: rate.upfrontUsd * factor,
    effectiveHourlyUsd: effective,
    note: `${rate.note}; clamped to ${effective.toPrecision(4)} $/h so that ${why}`,
  };
}

const UPFRONT_RANK: Readonly<Record<Upfront, number>> = { all: 0, partial: 1, none: 2 };

/** True when `a` must cost no more than `b` in AWS's order: more upfront is cheaper, a longer term is cheaper. */
function mustBeCheaper(a: CommitmentRate, b: CommitmentRate): boolean {
  if (a === b || a.kind !== b.kind) return false;
  return (a.termYears >= b.termYears && UPFRONT_RANK[a.upfront] <= UPFRONT_RANK[b.upfront]);
}

/**
 * Keeps the order AWS always keeps (all ≤ partial ≤ none upfront; 3 y ≤ 1 y for the same upfront) by moving only
 * catalog-derived rates: each is raised to the dearest rate that must be cheaper and lowered to the cheapest rate that
 * must be dearer. A book's rates are never moved. Repeated until nothing moves (at most one pass per rate).
 */
function clampOrder(rates: CommitmentRate[]): CommitmentRate[] {
  const out = [...rates];
  for (let pass = 0; pass <= out.length; pass += 1) {
    let moved = false;
    out.forEach((rate, i) => {
      if (rate.source !== 'catalog discount') return;
      const below = out.filter((other) => mustBeCheaper(other, rate));
      const above = out.filter((other) => mustBeCheaper(rate, other));
      const low = Math.max(...below.map((r) => r.effectiveHourlyUsd), 0);
      const high = Math.min(...above.map((r) => r.effectiveHourlyUsd), Number.POSITIVE_INFINITY);
      const target = Math.min(Math.max(rate.effectiveHourlyUsd, low), high);
      if (Math.abs(target - rate.effectiveHourlyUsd) > 1e-12) {
        const why = target > rate.effectiveHourlyUsd ? 'it is no cheaper than a longer or more-upfront option' : 'it is no dearer than a shorter or less-upfront option';
        out[i] = rescaled(rate, target, why);
        moved = true;
      }
    });
    if (!moved) break;
  }
  return out;
}

/**
 * Every way to commit one line's units: reservations for each term and upfront the book or the catalog gives, and
 * for EC2 the catalog's savings plans. A rate from the book wins over the catalog's discount; derived rates are
 * clamped into AWS's order (see clampOrder).
 * @param od the line's on-demand price (per unit-hour)
 */
export function commitmentRates(od: UnitPrice, service: CommittableService, discounts: Discounts, book: ReservationLookup): CommitmentRate[] {
  const reserved = discounts.reserved.options.map((option, i): CommitmentRate => {
    const termYears = option.termYears as TermYears;
    const quote = book.reservation(od.key, termYears, option.upfront);
    if (quote === undefined) return derivedRate('reserved', option, od, `discounts.reserved.options[${i}]`);
    return {
      kind: 'reserved',
      termYears,
      upfront: option.upfront,
      hourlyUsd: quote.hourlyUsd,
      upfrontUsd: quote.upfrontUsd,
      effectiveHourlyUsd: quote.effectiveHourlyUsd,
      priceKey: quote.keys.join(' + '),
      source: 'price book',
      note: quote.source,
    };
  });
  const savings = service === 'ec2' ? discounts.savingsPlans.map((option, i) => derivedRate('savings-plan', option, od, `discounts.savings_plans[${i}]`)) : [];
  const seen = new Set<string>();
  // The catalog could list an option twice; the first one counts.
  const unique = [...reserved, ...savings].filter((rate) => {
    const id = key(rate.kind, rate.termYears, rate.upfront);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return clampOrder(unique);
}
