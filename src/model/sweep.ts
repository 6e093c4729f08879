import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { findingsOf, verdictOf, type Finding } from './findings.js';
import { roundCents, roundPerUser, roundTo } from './money.js';
import { sizePlan, type Thresholds } from './plan.js';
import { combinedAsOf, pricePlan, type PricesAsOf } from './price-plan.js';
import { overridesIn, type Override } from './overrides.js';
import { pricePurchase, type PurchaseInput, type PurchaseResult } from './purchase.js';
import { roundFinding } from './round-finding.js';
import { phaseForUsers } from './select.js';
import { InputError } from './input-error.js';
import { revenueFigures, revenueOf, type RevenueFigures } from './revenue-result.js';

/** 2: monthly requests follow engagement, and availability is the failure-domain estimate (docs/commands.md § Result versions). */
export const SWEEP_SCHEMA_VERSION = 2;

/**
 * K user counts from `from` to `to` inclusive, evenly spaced (or evenly spaced in log10 with `log`),
 * rounded to whole users; duplicates from rounding are dropped.
 * @example userPoints(100, 1_000_000, 5, true) // [100, 1000, 10000, 100000, 1000000]
 */
export function userPoints(from: number, to: number, points: number, log: boolean): number[] {
  if (points === 1 || from === to) return [from];
  const values: number[] = [];
  for (let i = 0; i < points; i += 1) {
    const t = i / (points - 1);
    const x = log ? 10 ** (Math.log10(from) + t * (Math.log10(to) - Math.log10(from))) : from + t * (to - from);
    values.push(Math.round(x));
  }
  return [...new Set(values)];
}

export interface SweepRow {
  users: number;
  phase: number;
  totalUsd: number;
  perUserUsd: number;
  latencyMs: number | null;
  instancesAtPeak: number;
  /** `exhausted` and `ok` are derived from `findings` alone (no headroom search per point, so no headroom finding). */
  exhausted: boolean;
  ok: boolean;
  findings: Finding[];
  /** Revenue and margins at this user count; absent when the catalog has no revenue section. */
  revenue?: RevenueFigures;
  /** With --purchase only: totalUsd is the bill under the strategy; this is its saving against on-demand. */
  purchase?: Pick<PurchaseResult, 'strategy' | 'upfront' | 'onDemandUsd' | 'savingUsd' | 'savingPercent' | 'upfrontUsd'>;
}

export interface SweepResult {
  schemaVersion: typeof SWEEP_SCHEMA_VERSION;
  command: 'sweep';
  from: number;
  to: number;
  log: boolean;
  /** Points asked for; `rows` can hold fewer when rounding to whole users makes some equal. */
  pointsAsked: number;
  latencyPercentile: number;
  /** `range`: each point on the phase whose user range holds it; `option`: every point on the phase --phase named, past its range too. */
  selectedBy: 'range' | 'option';
  /** `asOf`: the as-of dates of the prices used across every point. */
  pricing: { book: string; description: string; asOf: PricesAsOf };
  rows: SweepRow[];
  /** Quantities set for this run with --set, by name. */
  overrides: Override[];
}

export interface SweepInput {
  catalog: Catalog;
  from: number;
  to: number;
  points: number;
  log: boolean;
  book: PriceLookup & { description: string };
  thresholds: Thresholds;
  /** --purchase: each point's bill bought under this strategy; absent = on demand. */
  purchase?: PurchaseInput;
  /** --phase: every point on this phase, past its range too (where it runs out); absent = the phase whose range holds each. */
  phase?: Phase;
}

/** Evaluates each user count from `from` to `to` on the phase that holds it, or on the one phase the input names. */
export function sweep(input: SweepInput): SweepResult {
  const { catalog, book, thresholds } = input;
  const spans: PricesAsOf[] = [];
  const rows = userPoints(input.from, input.to, input.points, input.log).map((users): SweepRow => {
    const phase = input.phase ?? phaseForUsers(catalog, users);
    if (!phase) throw new InputError(`no phase of the catalog holds ${users} users`);
    const plan = sizePlan(catalog, phase, users, thresholds);
    const onDemand = pricePlan(plan, book);
    const bought = input.purchase === undefined ? null : pricePurchase(plan, onDemand, input.purchase);
    const cost = bought?.cost ?? onDemand;
    spans.push(cost.asOf);
    const findings = findingsOf({ plan, cost });
    const verdict = verdictOf(findings);
    const revenue = revenueOf(catalog, users, cost.totalUsd);
    return {
      users,
      phase: phase.id,
      totalUsd: roundCents(cost.totalUsd),
      perUserUsd: roundPerUser(cost.perUserUsd),
      latencyMs: plan.latency.valueMs === null ? null : roundTo(plan.latency.valueMs, 1),
      instancesAtPeak: plan.tiers.reduce((sum, t) => sum + t.instances.peak, 0),
      exhausted: verdict.exhausted,
      ok: verdict.ok,
      findings: findings.map(roundFinding),
      ...(revenue && { revenue: revenueFigures(revenue) }),
      ...(bought === null
        ? {}
        : {
            purchase: (({ strategy, upfront, onDemandUsd, savingUsd, savingPercent, upfrontUsd }) => ({ strategy, upfront, onDemandUsd, savingUsd, savingPercent, upfrontUsd }))(bought.purchase),
          }),
    };
  });
  return {
    schemaVersion: SWEEP_SCHEMA_VERSION,
    command: 'sweep',
    from: input.from,
    to: input.to,
    log: input.log,
    pointsAsked: input.points,
    latencyPercentile: (input.phase ?? catalog.phases[0])?.slo.latency.percentile ?? 95,
    selectedBy: input.phase === undefined ? 'range' : 'option',
    pricing: { book: book.name, description: book.description, asOf: combinedAsOf(spans) },
    rows,
    overrides: overridesIn(catalog),
  };
}
