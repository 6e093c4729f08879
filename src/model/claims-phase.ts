/**
 * The figures a per-phase claim is judged on: the phase simulated at the top of its range, on the same path
 * `simulate --users <top>` takes (src/model/simulate-result.ts), so every model value in `claims` is one a
 * reader can reproduce with `simulate`.
 */
import type { Catalog, Phase } from './catalog-types.js';
import type { ClaimMetricName } from './claims-metrics.js';
import type { PriceLookup } from './cost.js';
import { groupedDecimal } from './decimal-text.js';
import { roundTo, usdText } from './money.js';
import type { Thresholds } from './plan.js';
import { simulate, type SimulateResult } from './simulate-result.js';
import { assumed, assumptionsFor, workloadAt } from './workload.js';

export interface PhaseFigures {
  phase: Phase;
  /** The top of the phase's range: where the phase is at its most loaded and its claims are tested. */
  users: number;
  result: SimulateResult;
}

export function phaseFigures(catalog: Catalog, phase: Phase, book: PriceLookup & { description: string }, thresholds: Thresholds): PhaseFigures {
  const users = phase.users.max;
  const result = simulate({ catalog, phase, selectedBy: 'range', users, book, compareBook: null, thresholds });
  return { phase, users, result };
}

/** A metric read from one phase's figures. */
export interface Reading {
  /** In the metric's catalog unit; null when the model has no value. */
  value: number | null;
  /** When `value` is null: false when the claim fails all the same (an exhausted phase has no finite latency), null when it cannot be judged. */
  verdictWithoutValue?: false | null;
  /** Where the value comes from, in words (a sentence fragment for the reason). */
  detail: string;
}

const usd4 = (usd: number) => `$${groupedDecimal(usd, 4)}`;
const int = (n: number) => groupedDecimal(n, 0);

function costPerUser(f: PhaseFigures): Reading {
  const { cost } = f.result;
  return { value: cost.perUserUsd, detail: `${usdText(cost.totalUsd)} ÷ ${int(f.users)} users = ${usd4(cost.perUserUsd)} (${cost.book} prices)` };
}

function latency(f: PhaseFigures): Reading {
  const { latency: l } = f.result;
  if (l.percentile !== 95) return { value: null, verdictWithoutValue: null, detail: `phase ${f.phase.id} models latency at its SLO's P${l.percentile}, not P95` };
  if (l.valueMs === null) return { value: null, verdictWithoutValue: false, detail: 'no finite latency: a tier is past its capacity at the top of the range' };
  return { value: l.valueMs, detail: `P95 ${groupedDecimal(l.valueMs, 1)} ms at the design peak` };
}

/**
 * The error rate is the catalog's assumption (failures other than capacity) where the phase keeps up; an exhausted
 * phase fails requests past its capacity besides, which the model does not count, so the KPI fails there.
 */
function errorRate(catalog: Catalog, f: PhaseFigures): Reading {
  const rate = assumed(assumptionsFor(catalog, f.phase), 'error_rate');
  const assumedText = `the assumed error_rate ${groupedDecimal(rate * 100, 2, 4)} % (failures other than capacity)`;
  if (f.result.status.exhausted) return { value: null, verdictWithoutValue: false, detail: `a tier is past its capacity at the top of the range, so requests fail beyond ${assumedText}` };
  return { value: rate, detail: `${assumedText}: an input, not a prediction` };
}

/**
 * Throughput read as capacity: the design-peak request rate at the most users the phase serves within its SLOs
 * and alert thresholds (the headroom search). A capacity planner signs a throughput figure as what the system
 * sustains; the load at the top of the range is set by the workload assumptions, not by the architecture.
 */
function capacity(catalog: Catalog, f: PhaseFigures): Reading {
  const { maxUsers, unbounded } = f.result.headroom;
  const loadPerS = f.result.workload.peakRequestsPerS;
  const load = `the load at its top is ${groupedDecimal(loadPerS, 0, 2)} req/s`;
  if (maxUsers === null) return { value: 0, detail: `the phase fails its checks even at its smallest load; ${load}` };
  const perS = roundTo(workloadAt(catalog, f.phase, maxUsers).peakRequestsPerS, 2);
  const atLeast = unbounded ? 'at least ' : '';
  return { value: perS, detail: `capacity ${atLeast}${groupedDecimal(perS, 0, 2)} req/s at ${atLeast}${int(maxUsers)} users, within its SLOs and alerts; ${load}` };
}

function availability(f: PhaseFigures): Reading {
  const a = f.result.availability;
  return { value: a.expectedPercent, detail: `expected ${groupedDecimal(a.expectedPercent, 0, 5)} % (failure domains; SLA floor ${groupedDecimal(a.slaPercent, 0, 5)} %)` };
}

/** MRR as simulate reports it (its revenue section, ./revenue-result.ts). */
function mrr(f: PhaseFigures): Reading {
  const r = f.result.revenue;
  if (!r) return { value: null, verdictWithoutValue: null, detail: 'the catalog has no revenue: section' };
  const paying = [r.premiumUsers > 0 ? `${int(r.premiumUsers)} paying users` : '', r.enterpriseSchools > 0 ? `${int(r.enterpriseSchools)} paying groups` : ''].filter(Boolean).join(' and ');
  return { value: r.mrrUsd, detail: `MRR ${usdText(r.mrrUsd)} from ${paying || 'no paying user'} (the revenue section's plans)` };
}

/** The reading of a per-phase metric; `quoted_cost_per_user_usd` reads the priced cost like `cost_per_user_usd` (see claims.ts). */
export function readPhaseMetric(metric: ClaimMetricName, catalog: Catalog, f: PhaseFigures): Reading {
  switch (metric) {
    case 'cost_per_user_usd':
    case 'quoted_cost_per_user_usd':
      return costPerUser(f);
    case 'latency_p95_ms':
      return latency(f);
    case 'error_rate':
      return errorRate(catalog, f);
    case 'requests_per_s':
      return capacity(catalog, f);
    case 'availability_percent':
      return availability(f);
    case 'mrr_usd':
      return mrr(f);
    default:
      return { value: null, verdictWithoutValue: null, detail: `${metric} is not read per phase` };
  }
}
