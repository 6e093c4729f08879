import type { Catalog } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { InputError } from './input-error.js';
import { combinedAsOf, type PricesAsOf } from './price-plan.js';
import { migrationLeadTime, recommend, type MigrationLeadTime, type Recommendation, type ReportGrowth } from './report-recommend.js';
import { seriesUsers } from './report-series.js';
import { reportBreakeven, type ReportBreakeven } from './report-breakeven.js';
import { phaseForUsers } from './select.js';
import { simulate, type SimulateResult } from './simulate-result.js';
import { sweep } from './sweep.js';
import type { Thresholds } from './plan.js';
import type { PurchaseInput } from './purchase.js';

/**
 * 1: the first report. A report embeds whole `simulate` results (`points`): a new simulate schemaVersion
 * changes this shape too, so it bumps this version with it. `breakeven` came later as an optional field: reports
 * saved without it still read back, so it kept version 1.
 */
export const REPORT_SCHEMA_VERSION = 1;

/** Most `--users` values one report takes: each gets its own sections, and a report is read by people. */
export const MAX_REPORT_USERS = 12;

/** One phase of the catalog, as the report's overview shows it. */
export interface PhaseOverview {
  id: number;
  name: string;
  usersMin: number;
  usersMax: number;
  latencyPercentile: number;
  latencyTargetMs: number;
  availabilityTargetPercent: number;
  budgetMinUsd: number;
  budgetMaxUsd: number;
  quotedTotalUsd: number | null;
  components: number;
}

/** One point of the charts drawn across users. */
export interface SeriesRow {
  users: number;
  phase: number;
  totalUsd: number;
  perUserUsd: number;
  /** End-to-end latency at the SLO's percentile, ms; null when a tier is unstable. */
  latencyMs: number | null;
  latencyTargetMs: number;
}

export interface ReportResult {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  command: 'report';
  catalog: { name: string; phases: PhaseOverview[] };
  /** The book every point was priced with; `asOf` spans the prices of every point and of the series. */
  pricing: { book: string; description: string; asOf: PricesAsOf };
  /** One per `--users` value, in the order given. */
  recommendations: Recommendation[];
  /** The time a migration takes, from the catalog's steps; null when it has none. */
  migration: MigrationLeadTime | null;
  /** What the across-users charts draw: the `--users` values (`users`), or a ladder through the phases with them (`ladder`). */
  series: { basis: 'users' | 'ladder'; latencyPercentile: number; rows: SeriesRow[] };
  /** The full `simulate` result at each `--users` value, in the order given. */
  points: SimulateResult[];
  /**
   * Where revenue covers infrastructure, and opex too, priced as the points are (`cuenta-plan breakeven` at the
   * catalog's opex); null when the catalog has no revenue section. Absent in reports saved before it existed.
   */
  breakeven?: ReportBreakeven | null;
  /** With --growth only: the growth the recommendations' migration dates assume. */
  growth?: ReportGrowth;
}

export interface ReportInput {
  catalog: Catalog;
  users: readonly number[];
  book: PriceLookup & { description: string };
  compareBook: PriceLookup | null;
  thresholds: Thresholds;
  catalogWarnings?: readonly string[];
  /** --purchase: every point, the series and the break-even bought under this strategy; absent = on demand. */
  purchase?: PurchaseInput;
  /** --growth and --as-of: the dates to migrate by, in each recommendation. */
  growth?: ReportGrowth;
}

function phaseOverview(catalog: Catalog): PhaseOverview[] {
  return catalog.phases.map((p) => ({
    id: p.id,
    name: p.name,
    usersMin: p.users.min,
    usersMax: p.users.max,
    latencyPercentile: p.slo.latency.percentile,
    latencyTargetMs: p.slo.latency.targetMs,
    availabilityTargetPercent: p.slo.availability,
    budgetMinUsd: p.budgetUsd.min,
    budgetMaxUsd: p.budgetUsd.max,
    quotedTotalUsd: p.quotedTotalUsd ?? null,
    components: p.components.length,
  }));
}

/**
 * Sizes and prices each user count once (a full `simulate`, headroom search included), draws the series
 * for the charts (sizing and pricing only, as `sweep` does), assembles the recommendation at each, and searches
 * the break-even once. Everything is priced with one book and bought under one purchase strategy.
 *
 * @throws InputError when a user count lies outside every phase of the catalog, is given twice, or none is given
 */
export function report(input: ReportInput): ReportResult {
  const { catalog, users, book, compareBook, thresholds } = input;
  const purchase = input.purchase === undefined ? {} : { purchase: input.purchase };
  if (users.length === 0) throw new InputError('a report needs at least one user count');
  const twice = users.find((n, i) => users.indexOf(n) !== i);
  // Each user count names its own sections and chart file: the same count twice would collide.
  if (twice !== undefined) throw new InputError(`--users ${twice} is given twice; give each user count once`);
  const points = users.map((n) => {
    const phase = phaseForUsers(catalog, n);
    if (!phase) throw new InputError(`no phase of the catalog holds ${n} users`);
    return simulate({ catalog, phase, selectedBy: 'range', users: n, book, compareBook, thresholds, catalogWarnings: input.catalogWarnings ?? [], ...purchase });
  });
  const counts = seriesUsers(catalog, users);
  const sweeps = counts.map((n) => sweep({ catalog, from: n, to: n, points: 1, log: false, book, thresholds, ...purchase }));
  const rows = sweeps.map((s): SeriesRow => {
    const row = s.rows[0]!;
    const phase = catalog.phases.find((p) => p.id === row.phase)!;
    return { users: row.users, phase: row.phase, totalUsd: row.totalUsd, perUserUsd: row.perUserUsd, latencyMs: row.latencyMs, latencyTargetMs: phase.slo.latency.targetMs };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    command: 'report',
    catalog: { name: catalog.name, phases: phaseOverview(catalog) },
    pricing: {
      book: book.name,
      description: book.description,
      asOf: combinedAsOf([...points.map((p) => p.pricing.asOf), ...sweeps.map((s) => s.pricing.asOf)]),
    },
    recommendations: points.map((p) => recommend(catalog, p, input.growth)),
    ...(input.growth && { growth: input.growth }),
    migration: migrationLeadTime(catalog),
    series: { basis: users.length >= 2 ? 'users' : 'ladder', latencyPercentile: points[0]!.latency.percentile, rows },
    points,
    breakeven: reportBreakeven({ catalog, book, thresholds, ...purchase }),
  };
}
