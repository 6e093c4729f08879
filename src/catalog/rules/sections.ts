/**
 * Rules over the catalog's other sections: unique ids, references to phases, alert thresholds the engine needs,
 * and the revenue schedule. Optional sections are checked when present.
 */
import type { Catalog, PriceStep, RevenuePlanSpec } from '../../model/catalog-types.js';
import { roundTo } from '../../model/money.js';
import type { ProblemList } from '../problems.js';
import { checkRange, duplicates, type Path } from './shared.js';

/** Alerts every plan is checked against (src/model/plan.ts, thresholdsOf). */
const REQUIRED_ALERTS = ['cpu_utilization', 'db_connections_of_pool'];

function checkAlerts(catalog: Catalog, problems: ProblemList): void {
  duplicates(catalog.alerts.map((a) => a.id), problems, (i) => ['alerts', i, 'id'], 'alert');
  catalog.alerts.forEach((a, i) => {
    if (a.threshold < 0 || (a.unit === 'fraction' && a.threshold > 1)) {
      problems.error(['alerts', i, 'threshold'], `threshold ${a.threshold} does not fit unit "${a.unit}"${a.unit === 'fraction' ? ' (80 % is 0.8)' : ''}`);
    }
  });
  const metrics = new Set(catalog.alerts.map((a) => a.metric));
  for (const needed of REQUIRED_ALERTS) {
    if (!metrics.has(needed)) problems.error(['alerts'], `no alert on ${needed}: the engine checks every plan against it; add { id, metric: ${needed}, threshold: 0.8, unit: fraction, source, note }`);
  }
}

function checkSchedule(schedule: readonly PriceStep[], at: Path, problems: ProblemList): void {
  schedule.forEach((step, i) => {
    const path: Path = [...at, i, 'from_users'];
    if (i === 0 && step.fromUsers.value !== 0) problems.error(path, 'the first price must start at from_users: 0');
    const prev = schedule[i - 1];
    if (prev && step.fromUsers.value <= prev.fromUsers.value) {
      problems.error(path, `price steps must be in ascending from_users order (${step.fromUsers.value} after ${prev.fromUsers.value})`);
    }
  });
}

/** The general form: ids unique, one way to give each plan's price, a group size where a group pays, shares within 1. */
function checkPlans(plans: readonly RevenuePlanSpec[], problems: ProblemList): void {
  duplicates(plans.map((p) => p.id), problems, (i) => ['revenue', 'plans', i, 'id'], 'plan');
  plans.forEach((plan, i) => {
    const at: Path = ['revenue', 'plans', i];
    if ((plan.priceSchedule === undefined) === (plan.usdPerMonth === undefined)) {
      problems.error(at, `plan "${plan.id}" needs exactly one of usd_per_month (one price) or price_schedule (prices by scale)`);
    }
    if (plan.priceSchedule) checkSchedule(plan.priceSchedule, [...at, 'price_schedule'], problems);
    if (plan.per === 'group' && plan.usersPerGroup === undefined) {
      problems.error([...at, 'users_per_group'], `plan "${plan.id}" is priced per group: give users_per_group (e.g. 250 learners per school)`);
    }
  });
  const total = plans.reduce((sum, p) => sum + p.userShare.value, 0);
  if (total > 1 + 1e-12) {
    problems.error(['revenue', 'plans'], `the plans' user_share add up to ${roundTo(total, 6)}, above 1; users on no plan are the free ones`);
  }
}

/** Either the freemium form (free_share, premium, optional enterprise) or the general one (plans), never both. */
function checkRevenue(catalog: Catalog, problems: ProblemList): void {
  const revenue = catalog.revenue;
  if (!revenue) return;
  const { plans, premium, freeShare, enterprise } = revenue;
  if (plans) {
    for (const [field, value] of [['free_share', freeShare], ['premium', premium], ['enterprise', enterprise]] as const) {
      if (value !== undefined) problems.error(['revenue', field], `give either plans or the free_share/premium/enterprise form, not both: move ${field} into a plan`);
    }
    checkPlans(plans, problems);
    return;
  }
  if (freeShare === undefined || premium === undefined) {
    problems.error(['revenue'], 'revenue needs free_share and premium (the freemium form), or plans (the general form); see docs/catalog.md § Revenue');
    return;
  }
  checkSchedule(premium.priceSchedule, ['revenue', 'premium', 'price_schedule'], problems);
  const free = freeShare.value;
  const school = enterprise?.userShare.value ?? 0;
  if (free + school > 1 + 1e-12) {
    problems.error(['revenue', 'enterprise', 'user_share'], `free_share ${free} + enterprise user_share ${school} exceed 1; premium would be negative`);
  }
}

export function checkSections(catalog: Catalog, problems: ProblemList): void {
  const phaseIds = new Set(catalog.phases.map((p) => p.id));
  const phaseRef = (phase: number | undefined, path: Path) => {
    if (phase !== undefined && !phaseIds.has(phase)) problems.error(path, `phase ${phase} is not in the catalog; its phases are ${[...phaseIds].join(', ')}`);
  };
  checkAlerts(catalog, problems);
  const { kpis, migration, backups, claims = [], risks = [], discounts } = catalog;
  if (kpis) {
    for (const group of ['technical', 'business'] as const) {
      duplicates(kpis[group].map((k) => k.id), problems, (i) => ['kpis', group, i, 'id'], 'KPI');
      kpis[group].forEach((k, i) => phaseRef(k.phase, ['kpis', group, i, 'phase']));
    }
  }
  if (migration) {
    duplicates(migration.steps.map((s) => s.id), problems, (i) => ['migration', 'steps', i, 'id'], 'migration step');
    migration.steps.forEach((s, i) => checkRange(s.weeks, ['migration', 'steps', i, 'weeks'], problems, 'weeks'));
  }
  if (backups) {
    duplicates(backups.schedules.map((s) => s.id), problems, (i) => ['backups', 'schedules', i, 'id'], 'backup schedule');
    backups.schedules.forEach((s, i) => phaseRef(s.fromPhase, ['backups', 'schedules', i, 'from_phase']));
  }
  duplicates(claims.map((c) => c.id), problems, (i) => ['claims', i, 'id'], 'claim');
  claims.forEach((c, i) => phaseRef(c.phase, ['claims', i, 'phase']));
  duplicates(risks.map((r) => r.id), problems, (i) => ['risks', i, 'id'], 'risk');
  if (discounts) duplicates(discounts.levers.map((l) => l.id), problems, (i) => ['discounts', 'levers', i, 'id'], 'lever');
  checkRevenue(catalog, problems);
}
