/**
 * `advise`: at N users, the phase capacity needs beside the one the document's ranges name, the load on each
 * alert, the headroom left and — at a growth rate — the day the phase runs out and the days to start
 * migrating; where the next phase becomes cheaper per user; one recommendation with its reasons (as codes:
 * the renderers write the sentence). Pure: the as-of date, the book and any calibration are inputs.
 */
import { alertLoads, type AlertLoad } from './advise-alerts.js';
import { daysBetween, leadTimeOf, migrationDates, type LeadTime } from './advise-dates.js';
import { cheaperAt, type CheaperAt } from './advise-phases.js';
import { cheapestServingPhase, phaseCandidates, type PhaseCandidate } from './serving-phase.js';
import type { CalibrationResult } from './calibrate-result.js';
import type { Catalog, Phase } from './catalog-types.js';
import type { PriceLookup } from './cost.js';
import { findingsOf, type Finding } from './findings.js';
import { headroom, type Headroom } from './headroom.js';
import { roundCents, roundPerUser, roundTo } from './money.js';
import { overridesIn, type Override } from './overrides.js';
import { sizePlan, type Thresholds } from './plan.js';
import { pricePlan } from './price-plan.js';
import { roundFinding } from './round-finding.js';
import { phaseForUsers } from './select.js';

export const ADVISE_SCHEMA_VERSION = 1;

export interface AdviseInput {
  catalog: Catalog;
  users: number;
  thresholds: Thresholds;
  book: PriceLookup & { description: string };
  /** Net monthly-active-user growth per month (0.1 = 10 %); null when not given. */
  growthPerMonth: number | null;
  /** YYYY-MM-DD. */
  asOf: string;
  /** The phase running today when the caller knows it (--phase, or the phase the observations measured). */
  current?: { phase: number; chosenBy: 'option' | 'observations' };
  calibration?: CalibrationResult;
  /** Findings the caller adds (calibration's model-vs-observed). */
  extraFindings?: readonly Finding[];
}

export type AdviseAction = 'migrate-now' | 'start-migrating' | 'plan-migration' | 'stay';
/**
 * capacity-short: the current phase does not serve N · runs-out: growth passes its most users on `migration.exhaustion` ·
 * start-passed: the day to start (longest lead time) is past, the latest safe start is not · lead-time-passed: both are past ·
 * no-growth: no growth rate given, so no date · unbounded: no capacity check fails at any load searched ·
 * range-differs: the document's ranges name another phase than capacity does · next-cheaper: the next phase costs less per user from `nextPhaseCheaper.users`.
 */
export type AdviseReason = 'capacity-short' | 'runs-out' | 'start-passed' | 'lead-time-passed' | 'no-growth' | 'unbounded' | 'range-differs' | 'next-cheaper';

export interface AdviseResult {
  schemaVersion: typeof ADVISE_SCHEMA_VERSION;
  command: 'advise';
  users: number;
  asOf: string;
  growthPercentPerMonth: number | null;
  pricing: { book: string; description: string };
  byRange: { phase: number; name: string } | null;
  byCapacity: { phase: number; name: string; totalUsd: number; perUserUsd: number } | null;
  current: { phase: number; name: string; chosenBy: 'option' | 'observations' | 'capacity' | 'range' | 'last' };
  phases: PhaseCandidate[];
  alerts: AlertLoad[];
  headroom: Headroom;
  migration: {
    /** The cheapest phase that serves the users just past the current phase's most; null when none does. */
    to: number | null;
    leadTime: LeadTime;
    daysToExhaustion: number | null;
    exhaustion: string | null;
    start: string | null;
    latestSafeStart: string | null;
    /** Days from as-of to `start` (negative when past). */
    startInDays: number | null;
  };
  nextPhaseCheaper: CheaperAt | null;
  recommendation: { action: AdviseAction; phase: number | null; reasons: AdviseReason[] };
  calibration: CalibrationResult | null;
  findings: Finding[];
  overrides: Override[];
}

function currentPhase(input: AdviseInput, byCapacity: PhaseCandidate | null, byRange: Phase | undefined): { phase: Phase; chosenBy: AdviseResult['current']['chosenBy'] } {
  const { catalog } = input;
  const find = (id: number) => catalog.phases.find((p) => p.id === id)!;
  if (input.current) return { phase: find(input.current.phase), chosenBy: input.current.chosenBy };
  if (byCapacity) return { phase: find(byCapacity.phase), chosenBy: 'capacity' };
  if (byRange) return { phase: byRange, chosenBy: 'range' };
  return { phase: catalog.phases[catalog.phases.length - 1]!, chosenBy: 'last' };
}

const round2 = (x: number | null): number | null => (x === null ? null : roundTo(x, 2));

export function advise(input: AdviseInput): AdviseResult {
  const { catalog, users, thresholds, book, growthPerMonth, asOf } = input;
  const candidates = phaseCandidates(catalog, users, thresholds, book);
  const serving = cheapestServingPhase(candidates);
  const range = phaseForUsers(catalog, users);
  const { phase, chosenBy } = currentPhase(input, serving, range);
  const plan = sizePlan(catalog, phase, users, thresholds);
  const room = headroom(catalog, phase, users, thresholds);
  const lead = leadTimeOf(catalog.migration);
  const short = room.maxUsers === null || room.maxUsers < users;
  const dates = room.maxUsers === null || room.unbounded || growthPerMonth === null ? null : migrationDates(asOf, users, room.maxUsers, growthPerMonth, lead);
  const past = room.maxUsers === null || room.unbounded ? null : cheapestServingPhase(phaseCandidates(catalog, Math.max(users, room.maxUsers + 1), thresholds, book));
  const next = catalog.phases[catalog.phases.indexOf(phase) + 1];
  const nextCheaper = next ? cheaperAt(catalog, phase, next, users, thresholds, book) : null;

  const reasons: AdviseReason[] = [];
  let action: AdviseAction;
  if (short) {
    action = 'migrate-now';
    reasons.push('capacity-short');
  } else if (dates) {
    reasons.push('runs-out');
    if (daysBetween(asOf, dates.latestSafeStart) <= 0) {
      action = 'migrate-now';
      reasons.push('lead-time-passed');
    } else if (daysBetween(asOf, dates.start) <= 0) {
      action = 'start-migrating';
      reasons.push('start-passed');
    } else action = 'plan-migration';
  } else {
    action = 'stay';
    reasons.push(room.unbounded ? 'unbounded' : 'no-growth');
  }
  if (range && serving && range.id !== serving.phase) reasons.push('range-differs');
  if (nextCheaper?.users != null) reasons.push('next-cheaper');
  const target = short ? (serving?.phase ?? null) : action === 'stay' ? phase.id : (past?.phase ?? next?.id ?? null);

  const name = (id: number) => catalog.phases.find((p) => p.id === id)!.name;
  const money = (c: PhaseCandidate): PhaseCandidate => ({ ...c, totalUsd: roundCents(c.totalUsd), perUserUsd: roundPerUser(c.perUserUsd) });
  return {
    schemaVersion: ADVISE_SCHEMA_VERSION,
    command: 'advise',
    users,
    asOf,
    growthPercentPerMonth: growthPerMonth === null ? null : roundTo(growthPerMonth * 100, 6),
    pricing: { book: book.name, description: book.description },
    byRange: range ? { phase: range.id, name: range.name } : null,
    byCapacity: serving && { phase: serving.phase, name: name(serving.phase), totalUsd: roundCents(serving.totalUsd), perUserUsd: roundPerUser(serving.perUserUsd) },
    current: { phase: phase.id, name: phase.name, chosenBy },
    phases: candidates.map(money),
    alerts: alertLoads(catalog, plan).map((a) => ({ ...a, value: round2(a.value), usedPercent: round2(a.usedPercent) })),
    headroom: { ...room, headroomPercent: room.headroomPercent === null ? null : roundTo(room.headroomPercent, 1) },
    migration: {
      to: past?.phase ?? null,
      leadTime: lead,
      daysToExhaustion: dates && roundTo(dates.daysToExhaustion, 2),
      exhaustion: dates?.exhaustion ?? null,
      start: dates?.start ?? null,
      latestSafeStart: dates?.latestSafeStart ?? null,
      startInDays: dates && daysBetween(asOf, dates.start),
    },
    nextPhaseCheaper: nextCheaper,
    recommendation: { action, phase: target, reasons },
    calibration: input.calibration ?? null,
    findings: [...findingsOf({ plan, cost: pricePlan(plan, book), headroom: room }), ...(input.extraFindings ?? [])].map(roundFinding),
    overrides: overridesIn(catalog),
  };
}
