import { leadTimeOf, migrationDates, type MigrationDates } from './advise-dates.js';
import type { Catalog } from './catalog-types.js';
import type { SimulateResult } from './simulate-result.js';

/**
 * What to do at a user count, read from its simulate result:
 * - `migrate`: the phase fails its capacity checks at this load (a tier is exhausted, or the headroom search
 *   finds its limit below N): move to `targetPhase` now;
 * - `prepare-migration`: the phase holds, but with less headroom than the `headroom-low` finding allows;
 * - `stay`: the phase holds with room to grow.
 */
export type ReportAction = 'stay' | 'prepare-migration' | 'migrate';

/** The time a migration takes: the sum of the catalog's `migration.steps` weeks. */
export interface MigrationLeadTime {
  weeksMin: number;
  weeksMax: number;
  steps: Array<{ id: string; name: string; weeksMin: number; weeksMax: number }>;
}

export interface Recommendation {
  users: number;
  phase: number;
  action: ReportAction;
  /** The phase to move to: the one that serves N when this one does not, else the next; null past the last phase. */
  targetPhase: number | null;
  /** The latency percentile, the expected availability and the error rate all meet the phase's SLOs. */
  slosHold: boolean;
  /** The monthly cost is not above the top of the phase's budget. */
  budgetHolds: boolean;
  /** Users the phase can still take before a capacity check fails; null when it fails even at its smallest load. */
  headroomUsers: number | null;
  /**
   * With `report --growth`: the day the phase runs out at that growth and the days to start migrating (advise's
   * rule, ./advise-dates.ts); null when growth never reaches its limit or it has none. Absent without --growth.
   */
  migrationDates?: MigrationDates | null;
}

/** `report --growth`: net monthly-active-user growth (0.1 = 10 %) counted from `asOf` (YYYY-MM-DD). */
export interface ReportGrowth {
  perMonth: number;
  asOf: string;
}

/** The SLO findings: latency, availability and error rate. */
const SLO_CODES = new Set(['latency-over-slo', 'availability-short', 'error-rate-over-slo']);

/**
 * The migration's lead time from the catalog's steps, or null when the catalog has no migration section.
 * @example migrationLeadTime(bundled) // prep 1–2 + infra 2–3 + data 1 + go-live 1–2 → { weeksMin: 5, weeksMax: 8, … }
 */
export function migrationLeadTime(catalog: Catalog): MigrationLeadTime | null {
  const steps = catalog.migration?.steps;
  if (steps === undefined || steps.length === 0) return null;
  return {
    weeksMin: steps.reduce((sum, s) => sum + s.weeks.min, 0),
    weeksMax: steps.reduce((sum, s) => sum + s.weeks.max, 0),
    steps: steps.map((s) => ({ id: s.id, name: s.name, weeksMin: s.weeks.min, weeksMax: s.weeks.max })),
  };
}

/** The recommendation at one user count: what to do, and whether SLOs and budget hold. */
export function recommend(catalog: Catalog, point: SimulateResult, growth?: ReportGrowth): Recommendation {
  const { headroom, status, findings } = point;
  const next = catalog.phases.find((p) => p.id > point.phase.id)?.id ?? null;
  const pastLimit = headroom.maxUsers === null || (headroom.headroomUsers ?? 0) < 0;
  const action: ReportAction = status.exhausted || pastLimit ? 'migrate' : findings.some((f) => f.code === 'headroom-low') ? 'prepare-migration' : 'stay';
  return {
    users: point.users,
    phase: point.phase.id,
    action,
    targetPhase: action === 'migrate' ? (status.servedBy ?? next) : next,
    slosHold: !findings.some((f) => SLO_CODES.has(f.code)),
    budgetHolds: point.cost.budget.status !== 'over',
    headroomUsers: headroom.headroomUsers,
    ...(growth && {
      migrationDates:
        headroom.maxUsers === null ? null : migrationDates(growth.asOf, point.users, headroom.maxUsers, growth.perMonth, leadTimeOf(catalog.migration)),
    }),
  };
}
