import type { Catalog, Phase, Revenue } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { findingsOf, verdictOf, type Finding } from './findings.js';
import { headroom } from './headroom.js';
import type { MetricName } from './metrics.js';
import { roundCents, roundPerUser, roundTo } from './money.js';
import { sizePlan, type Plan, type Thresholds } from './plan.js';
import { combinedAsOf, pricePlan, type CostResult, type PricesAsOf } from './price-plan.js';
import { overridesIn, type Override } from './overrides.js';
import { pricePurchase, type PurchaseInput, type PurchaseResult } from './purchase.js';
import { roundFinding } from './round-finding.js';
import { revenueAt } from './revenue.js';

/** 2: monthly requests follow engagement, and availability is the failure-domain estimate (docs/commands.md § Result versions). */
export const COMPARE_SCHEMA_VERSION = 2;

export interface CompareInput {
  catalog: Catalog;
  phases: readonly Phase[];
  users: number;
  /** True when the user count is the default (the top of the first phase's range). */
  usersDefaulted: boolean;
  book: PriceLookup & { description: string };
  thresholds: Thresholds;
  /** --purchase: every phase's bill bought under this strategy; absent = on demand. */
  purchase?: PurchaseInput;
}

export interface CompareMetric {
  /** The metric's name in the one list (METRICS); `name` is its label. */
  metric: MetricName;
  name: string;
  unit: string;
  /** Which direction is better; null for figures that are neither (instance counts). */
  better: 'lower' | 'higher' | null;
  /** One value per phase, in the order asked; null where the model has no finite value (an unstable tier). */
  values: Array<number | null>;
  /** value − the first phase's value. */
  deltas: Array<number | null>;
  /** The phase id with the better value; null on a tie or when `better` is null. */
  best: number | null;
}

export interface CompareResult {
  schemaVersion: typeof COMPARE_SCHEMA_VERSION;
  command: 'compare';
  users: number;
  usersDefaulted: boolean;
  /** `asOf`: the as-of dates of the prices used across every phase. */
  pricing: { book: string; description: string; asOf: PricesAsOf };
  /** `ok` and `exhausted` are derived from `findings` alone; `failing` names the checks that fail. */
  phases: Array<{
    id: number;
    name: string;
    inRange: boolean;
    ok: boolean;
    exhausted: boolean;
    failing: string[];
    findings: Finding[];
    /** With --purchase only: the phase's bill under the strategy, against on-demand, and every strategy beside it. */
    purchase?: PurchaseResult;
  }>;
  metrics: CompareMetric[];
  /** Quantities set for this run with --set, by name. */
  overrides: Override[];
}

type Row = {
  metric: MetricName;
  name: string;
  unit: string;
  better: CompareMetric['better'];
  decimals: number;
  value: (plan: Plan, cost: CostResult, maxUsers: number | null) => number | null;
};

/** The rows a catalog with a revenue section adds: the same users earn the same revenue in every phase, so the margins rank the phases' costs. */
function revenueRows(revenue: Revenue): Row[] {
  const at = (plan: Plan, cost: CostResult) => revenueAt(revenue, plan.users, cost.totalUsd);
  return [
    { metric: 'mrr', name: 'MRR', unit: 'USD', better: null, decimals: 2, value: (p, c) => at(p, c).mrrUsd },
    { metric: 'margin', name: 'gross margin', unit: 'USD', better: 'higher', decimals: 2, value: (p, c) => at(p, c).grossMarginUsd },
    { metric: 'contribution-margin', name: 'contribution margin', unit: 'USD', better: 'higher', decimals: 2, value: (p, c) => at(p, c).contributionMarginUsd },
  ];
}

const ROWS: Row[] = [
  { metric: 'cost', name: 'monthly cost', unit: 'USD', better: 'lower', decimals: 2, value: (_p, c) => roundCents(c.totalUsd) },
  { metric: 'cost-per-user', name: 'cost per user', unit: 'USD', better: 'lower', decimals: 4, value: (_p, c) => roundPerUser(c.perUserUsd) },
  { metric: 'p95-ms', name: 'latency', unit: 'ms', better: 'lower', decimals: 1, value: (p) => p.latency.valueMs },
  { metric: 'availability', name: 'availability', unit: '%', better: 'higher', decimals: 5, value: (p) => p.availability.expectedPercent },
  { metric: 'availability-sla', name: 'availability SLA floor', unit: '%', better: 'higher', decimals: 5, value: (p) => p.availability.slaPercent },
  { metric: 'availability-target', name: 'availability target', unit: '%', better: null, decimals: 3, value: (p) => p.availability.targetPercent },
  { metric: 'max-users', name: 'capacity (max users)', unit: 'users', better: 'higher', decimals: 0, value: (_p, _c, max) => max },
  { metric: 'instances', name: 'instances at peak', unit: 'instances', better: null, decimals: 0, value: (p) => p.tiers.reduce((sum, t) => sum + t.instances.peak, 0) },
];

function bestOf(values: Array<number | null>, ids: number[], better: CompareMetric['better']): number | null {
  if (better === null) return null;
  let best: number | null = null;
  let bestValue: number | null = null;
  let tie = false;
  values.forEach((value, i) => {
    if (value === null) return;
    if (bestValue === null || (better === 'lower' ? value < bestValue : value > bestValue)) {
      bestValue = value;
      best = ids[i]!;
      tie = false;
    } else if (value === bestValue) tie = true;
  });
  return tie ? null : best;
}

/** Sizes and prices several phases at the same user count and lines them up metric by metric. */
export function compare(input: CompareInput): CompareResult {
  const { catalog, phases, users, book, thresholds } = input;
  const plans = phases.map((phase) => sizePlan(catalog, phase, users, thresholds));
  const bought = plans.map((plan) => {
    const onDemand = pricePlan(plan, book);
    return input.purchase === undefined ? { cost: onDemand, purchase: undefined } : pricePurchase(plan, onDemand, input.purchase);
  });
  const costs = bought.map((b) => b.cost);
  const rooms = phases.map((phase) => headroom(catalog, phase, users, thresholds));
  const findings = plans.map((plan, i) => findingsOf({ plan, cost: costs[i]!, headroom: rooms[i]! }));
  const ids = phases.map((phase) => phase.id);
  const rows = catalog.revenue ? [...ROWS, ...revenueRows(catalog.revenue)] : ROWS;
  const metrics = rows.map((row): CompareMetric => {
    const values = plans.map((plan, i) => {
      const value = row.value(plan, costs[i]!, rooms[i]!.maxUsers);
      return value === null ? null : roundTo(value, row.decimals);
    });
    const first = values[0] ?? null;
    return {
      metric: row.metric,
      name: row.name === 'latency' ? `latency P${plans[0]!.latency.percentile}` : row.name,
      unit: row.unit,
      better: row.better,
      values,
      deltas: values.map((v) => (v === null || first === null ? null : roundTo(v - first, row.decimals))),
      best: bestOf(values, ids, row.better),
    };
  });
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    command: 'compare',
    users,
    usersDefaulted: input.usersDefaulted,
    pricing: { book: book.name, description: book.description, asOf: combinedAsOf(costs.map((c) => c.asOf)) },
    phases: plans.map((plan, i) => {
      const verdict = verdictOf(findings[i]!);
      return {
        id: plan.phase.id,
        name: plan.phase.name,
        inRange: users >= plan.phase.users.min && users <= plan.phase.users.max,
        ok: verdict.ok,
        exhausted: verdict.exhausted,
        failing: plan.checks.filter((c) => !c.pass).map((c) => c.name),
        findings: findings[i]!.map(roundFinding),
        ...(bought[i]!.purchase === undefined ? {} : { purchase: bought[i]!.purchase }),
      };
    }),
    metrics,
    overrides: overridesIn(catalog),
  };
}
