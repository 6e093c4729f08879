/**
 * Stage 5: rules that relate several fields — what a schema cannot say. Each rule reports through
 * `problems` with the path of the field to fix; none throws.
 */
import type { Catalog, Phase } from '../model/catalog-types.js';
import { FORMULA_VARIABLES, REQUIRED_ASSUMPTIONS } from '../model/variables.js';
import { levenshtein } from '../pricing/levenshtein.js';
import { FORMULA_FUNCTIONS } from './formula.js';
import type { PathSegment, ProblemList } from './problems.js';
import { ASSUMPTION_NAME } from './names.js';
import type { CatalogFile, RawQuantity } from './schema.js';

type Path = readonly PathSegment[];

export interface RuleOptions {
  /** Price keys the snapshot can price; an unknown key in a cost line is an error (it is the default book). */
  priceKeys?: ReadonlySet<string>;
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const cents = (n: number) => Math.round(n * 100);

/** Up to three names within a small edit distance of `name`, for "did you mean". */
export function suggest(name: string, candidates: Iterable<string>): string {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const close = [...candidates]
    .map((c) => ({ c, d: levenshtein(name.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, 3)
    .map((x) => `"${x.c}"`);
  return close.length > 0 ? ` — did you mean ${close.join(' or ')}?` : '';
}

function duplicates(ids: readonly string[], problems: ProblemList, pathOf: (i: number) => Path, what: string): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else problems.error(pathOf(i), `${what} id "${id}" is used twice (first at index ${first}); ids must be unique`);
  });
}

function checkQuantity(raw: RawQuantity | undefined, path: Path, problems: ProblemList, noteRequired: boolean): void {
  if (raw === undefined) return;
  if (typeof raw === 'number') {
    if (noteRequired) {
      problems.warning(path, 'a bare number: write { value, source, note } so reports can say where it comes from');
    }
    return;
  }
  if (raw.range) {
    const [lo, hi] = raw.range;
    if (lo > hi) problems.error([...path, 'range'], `range [${lo}, ${hi}] is reversed: write [low, high]`);
    else if (raw.value < lo || raw.value > hi) {
      problems.warning([...path, 'value'], `value ${raw.value} lies outside its own range [${lo}, ${hi}]`);
    }
  }
  if (raw.note === undefined || raw.note.trim() === '') {
    if (raw.source === 'assumption') problems.warning([...path, 'source'], 'an assumption without a note: add a one-line note saying why this value');
    if (raw.source === 'seed') problems.warning([...path, 'source'], 'a seed figure without a note: add a note saying where in the document it is');
  }
}

function checkRange(raw: { min: number; max: number }, path: Path, problems: ProblemList, what: string): void {
  if (raw.min > raw.max) problems.error([...path, 'min'], `${what}: min ${raw.min} is greater than max ${raw.max}; swap them`);
}

function checkAssumptionNames(raw: Record<string, unknown>, path: Path, problems: ProblemList): void {
  for (const name of Object.keys(raw)) {
    if (name === 'daily_profile') continue;
    const at = [...path, name];
    if (!ASSUMPTION_NAME.test(name)) {
      problems.error(at, `assumption name "${name}" must be snake_case (a–z, 0–9, "_", starting with a letter) so formulas can read it`, { onKey: true });
    } else if (Object.hasOwn(FORMULA_VARIABLES, name)) {
      problems.error(at, `"${name}" is a variable the engine binds; an assumption cannot take its name — rename it`, { onKey: true });
    } else if (Object.hasOwn(FORMULA_FUNCTIONS, name)) {
      problems.error(at, `"${name}" is a formula function; an assumption cannot take its name — rename it`, { onKey: true });
    } else if (!Object.hasOwn(REQUIRED_ASSUMPTIONS, name)) {
      const hint = suggest(name, Object.keys(REQUIRED_ASSUMPTIONS));
      if (hint) problems.warning(at, `"${name}" is not an assumption the engine reads${hint}`, { onKey: true });
    }
  }
}

function checkPhaseOrder(file: CatalogFile, problems: ProblemList): void {
  duplicates(file.phases.map((p) => String(p.id)), problems, (i) => ['phases', i, 'id'], 'phase');
  for (let i = 1; i < file.phases.length; i++) {
    const prev = file.phases[i - 1]!;
    const phase = file.phases[i]!;
    if (phase.id <= prev.id) {
      problems.error(['phases', i, 'id'], `phases must be listed in ascending id order: phase ${phase.id} comes after phase ${prev.id}`);
    }
    if (prev.users.min > prev.users.max || phase.users.min > phase.users.max) continue;
    const expected = prev.users.max + 1;
    if (phase.users.min < expected) {
      problems.error(
        ['phases', i, 'users', 'min'],
        `phase ${phase.id}'s users (${phase.users.min}–${phase.users.max}) overlap phase ${prev.id}'s (${prev.users.min}–${prev.users.max}); start it at ${expected}`,
      );
    } else if (phase.users.min > expected) {
      problems.error(
        ['phases', i, 'users', 'min'],
        `phase ranges leave a gap: phase ${prev.id} ends at ${prev.users.max} users, phase ${phase.id} starts at ${phase.users.min}; start it at ${expected}`,
      );
    }
  }
  const first = file.phases[0];
  if (first && first.users.min > 1) {
    problems.warning(['phases', 0, 'users', 'min'], `the first phase starts at ${first.users.min} users; smaller user counts fall in no phase`);
  }
}

function checkComponents(file: CatalogFile, catalog: Catalog, problems: ProblemList, options: RuleOptions): void {
  file.phases.forEach((rawPhase, i) => {
    const phase = catalog.phases[i] as Phase;
    const base: Path = ['phases', i];
    duplicates(rawPhase.components.map((c) => c.id), problems, (j) => [...base, 'components', j, 'id'], 'component');

    // Quoted rows must add up to the stated total, to the cent.
    const quoted = rawPhase.components.filter((c) => c.quoted !== undefined);
    const sum = quoted.reduce((total, c) => total + cents(c.quoted!.usd), 0) / 100;
    const total = phase.quotedTotalUsd;
    if (quoted.length === 0 && total > 0) {
      problems.error([...base, 'quoted_total_usd'], `quoted_total_usd is ${usd(total)} but no component has a quoted: row; add the cost table's rows as quoted: { usd, label, provider }`);
    } else if (cents(sum) !== cents(total)) {
      problems.error(
        [...base, 'quoted_total_usd'],
        `the components' quoted rows sum to ${usd(sum)} but quoted_total_usd is ${usd(total)}; fix a row or the total (quoted: ${quoted.map((c) => `${c.id} ${usd(c.quoted!.usd)}`).join(', ')})`,
      );
    }
    if (total < phase.budgetUsd.min || total > phase.budgetUsd.max) {
      problems.warning([...base, 'quoted_total_usd'], `the quoted total ${usd(total)} lies outside the budget ${usd(phase.budgetUsd.min)}–${usd(phase.budgetUsd.max)}`);
    }

    rawPhase.components.forEach((raw, j) => {
      const component = phase.components[j]!;
      const at: Path = [...base, 'components', j];
      if (raw.scaling) {
        const s = component.count;
        if (s.kind === 'autoscaled') {
          if (s.min > s.max) problems.error([...at, 'scaling', 'min'], `scaling min ${s.min} is greater than max ${s.max}`);
          if (s.desired !== undefined && (s.desired < s.min || s.desired > s.max)) {
            problems.error([...at, 'scaling', 'desired'], `scaling desired ${s.desired} must lie between min ${s.min} and max ${s.max}`);
          }
        }
        checkQuantity(raw.scaling.min, [...at, 'scaling', 'min'], problems, false);
        checkQuantity(raw.scaling.max, [...at, 'scaling', 'max'], problems, false);
        checkQuantity(raw.scaling.target_cpu, [...at, 'scaling', 'target_cpu'], problems, false);
      }
      checkQuantity(raw.availability, [...at, 'availability'], problems, false);
      const queueing = component.serves.some((role) => role === 'app' || role === 'cache' || role === 'db');
      if (queueing && !component.instance && component.kind !== 'serverless') {
        problems.warning([...at, 'serves'], `serves ${component.serves.join(', ')} but has no instance: { type, vcpus, memory_gb }; the engine cannot size it and leaves it out`);
      }
      if (component.count.kind === 'autoscaled' && !component.instance) {
        problems.error([...at, 'scaling'], 'an autoscaled component needs instance: { type, vcpus, memory_gb } so the engine can size it');
      }
      if (component.database) {
        if (!component.serves.includes('db')) problems.warning([...at, 'database'], 'database: is set but the component does not serve db');
        const c = component.count;
        const expected = 1 + component.database.readers;
        if (c.kind === 'fixed' && typeof c.count === 'number' && c.count !== expected) {
          problems.warning([...at, 'count'], `count ${c.count} but database.readers ${component.database.readers}: the engine runs 1 writer + ${component.database.readers} readers = ${expected} instances; make count ${expected}`);
        }
      }
      if (component.serves.length > 0 && component.availability === undefined) {
        problems.warning([...at], 'on the request path without an availability: the availability model leaves it out');
      }
      if (raw.resources) {
        const r = component.resources!;
        if (r.limits && (r.limits.vcpus < r.requests.vcpus || r.limits.memoryGb < r.requests.memoryGb)) {
          problems.error([...at, 'resources', 'limits'], 'resource limits must be at least the requests');
        }
      }
      if (raw.settings) {
        for (const [key, value] of Object.entries(raw.settings)) {
          if (typeof value === 'object' && 'min' in value) checkRange(value, [...at, 'settings', key], problems, key);
          else if (typeof value === 'object') checkQuantity(value, [...at, 'settings', key], problems, false);
        }
      }
      if (options.priceKeys) {
        (raw.cost ?? []).forEach((line, k) => {
          if (!options.priceKeys!.has(line.price)) {
            problems.error([...at, 'cost', k, 'price'], `price key "${line.price}" is not in the price snapshot (data/pricing/aws-us-east-1.json): fix the key or add its price there${suggest(line.price, options.priceKeys!)}`);
          }
        });
      }
    });
  });
}

function checkPhases(file: CatalogFile, catalog: Catalog, problems: ProblemList): void {
  file.phases.forEach((raw, i) => {
    const base: Path = ['phases', i];
    checkRange(raw.users, [...base, 'users'], problems, 'users');
    checkRange(raw.concurrent_users, [...base, 'concurrent_users'], problems, 'concurrent_users');
    checkRange(raw.budget_usd, [...base, 'budget_usd'], problems, 'budget_usd');
    if (raw.concurrent_users.max > raw.users.max) {
      problems.warning([...base, 'concurrent_users', 'max'], `more concurrent users (${raw.concurrent_users.max}) than users (${raw.users.max}); the engine caps concurrency at the user count`);
    }
    checkQuantity(raw.slo.availability, [...base, 'slo', 'availability'], problems, false);
    const availability = catalog.phases[i]!.slo.availability;
    if (availability < 50) {
      problems.error([...base, 'slo', 'availability'], `availability is a percent: ${availability} means ${availability} %, not ${availability * 100} % — did you mean ${Number((availability * 100).toPrecision(12))}?`);
    }
    const percentile = catalog.phases[i]!.slo.latency.percentile;
    if (percentile < 90) {
      problems.warning([...base, 'slo', 'latency', 'percentile'], `P${percentile}: the end-to-end latency model sums tier percentiles, which is conservative only from P90 up`);
    }
    checkQuantity(raw.quoted_total_usd, [...base, 'quoted_total_usd'], problems, false);
    if (raw.assumptions) {
      checkAssumptionNames(raw.assumptions, [...base, 'assumptions'], problems);
      for (const [name, value] of Object.entries(raw.assumptions)) {
        checkQuantity(value as RawQuantity | undefined, [...base, 'assumptions', name], problems, true);
      }
    }
    // Every assumption the engine reads must be defined, in the workload or in this phase
    // (assumptions missing everywhere are reported once, under workload:, by checkRequired).
    const phase = catalog.phases[i]!;
    const missing = Object.keys(REQUIRED_ASSUMPTIONS).filter(
      (name) =>
        !Object.hasOwn(catalog.workload.assumptions, name) &&
        !Object.hasOwn(phase.assumptions, name) &&
        catalog.phases.some((other) => Object.hasOwn(other.assumptions, name)),
    );
    for (const name of missing) {
      problems.error(
        [...base, 'assumptions'],
        `phase ${phase.id} has no value for the required assumption "${name}" (${REQUIRED_ASSUMPTIONS[name as keyof typeof REQUIRED_ASSUMPTIONS]}); other phases define it here — define it for this phase or under workload:`,
      );
    }
    duplicates((raw.regions ?? []).map((r) => r.id), problems, (j) => [...base, 'regions', j, 'id'], 'region');
  });
}

function checkRequired(catalog: Catalog, problems: ProblemList): void {
  const defined = new Set([...Object.keys(catalog.workload.assumptions), ...catalog.phases.flatMap((p) => Object.keys(p.assumptions))]);
  const extra = [...defined].filter((name) => !Object.hasOwn(REQUIRED_ASSUMPTIONS, name));
  for (const [name, meaning] of Object.entries(REQUIRED_ASSUMPTIONS)) {
    if (defined.has(name)) continue;
    problems.error(
      ['workload'],
      `the required assumption "${name}" (${meaning}) is not defined; add it under workload: as { value, source: assumption, note }${suggest(name, extra)}`,
    );
  }
}

function checkWorkload(file: CatalogFile, catalog: Catalog, problems: ProblemList): void {
  checkAssumptionNames(file.workload, ['workload'], problems);
  for (const [name, value] of Object.entries(file.workload)) {
    if (name !== 'daily_profile') checkQuantity(value as RawQuantity | undefined, ['workload', name], problems, true);
  }
  const profile = catalog.workload.dailyProfile;
  const at: Path = Array.isArray(file.workload.daily_profile) ? ['workload', 'daily_profile'] : ['workload', 'daily_profile', 'values'];
  const peak = Math.max(...profile);
  if (profile.length === 24 && peak !== 1) {
    problems.error(at, `the daily profile's largest value is ${peak}; it must be exactly 1 (the peak hour) — divide every value by ${peak}`);
  }
}

function checkIds(file: CatalogFile, problems: ProblemList): void {
  const phaseIds = new Set(file.phases.map((p) => p.id));
  const phaseRef = (phase: number | undefined, path: Path) => {
    if (phase !== undefined && !phaseIds.has(phase)) {
      problems.error(path, `phase ${phase} is not in the catalog; its phases are ${[...phaseIds].join(', ')}`);
    }
  };
  duplicates(file.alerts.map((a) => a.id), problems, (i) => ['alerts', i, 'id'], 'alert');
  duplicates(file.kpis.technical.map((k) => k.id), problems, (i) => ['kpis', 'technical', i, 'id'], 'KPI');
  duplicates(file.kpis.business.map((k) => k.id), problems, (i) => ['kpis', 'business', i, 'id'], 'KPI');
  duplicates(file.migration.steps.map((s) => s.id), problems, (i) => ['migration', 'steps', i, 'id'], 'migration step');
  duplicates(file.backups.schedules.map((s) => s.id), problems, (i) => ['backups', 'schedules', i, 'id'], 'backup schedule');
  duplicates((file.claims ?? []).map((c) => c.id), problems, (i) => ['claims', i, 'id'], 'claim');
  duplicates((file.risks ?? []).map((r) => r.id), problems, (i) => ['risks', i, 'id'], 'risk');
  duplicates((file.discounts.levers ?? []).map((l) => l.id), problems, (i) => ['discounts', 'levers', i, 'id'], 'lever');
  file.kpis.technical.forEach((k, i) => phaseRef(k.phase, ['kpis', 'technical', i, 'phase']));
  file.kpis.business.forEach((k, i) => phaseRef(k.phase, ['kpis', 'business', i, 'phase']));
  (file.claims ?? []).forEach((c, i) => phaseRef(c.phase, ['claims', i, 'phase']));
  file.backups.schedules.forEach((s, i) => phaseRef(s.from_phase, ['backups', 'schedules', i, 'from_phase']));
  file.migration.steps.forEach((s, i) => checkRange(s.weeks, ['migration', 'steps', i, 'weeks'], problems, 'weeks'));
  file.alerts.forEach((a, i) => {
    if ((a.unit === 'fraction' && (a.threshold < 0 || a.threshold > 1)) || a.threshold < 0) {
      problems.error(['alerts', i, 'threshold'], `threshold ${a.threshold} does not fit unit "${a.unit}"${a.unit === 'fraction' ? ' (80 % is 0.8)' : ''}`);
    }
  });
  const metrics = new Set(file.alerts.map((a) => a.metric));
  for (const needed of ['cpu_utilization', 'db_connections_of_pool']) {
    if (!metrics.has(needed)) problems.error(['alerts'], `no alert on ${needed}: the engine checks every plan against it; add { id, metric: ${needed}, threshold: 0.8, unit: fraction, source, note }`);
  }
}

function checkRevenue(file: CatalogFile, problems: ProblemList): void {
  const schedule = file.revenue.premium.price_schedule;
  const from = (raw: RawQuantity) => (typeof raw === 'number' ? raw : raw.value);
  schedule.forEach((step, i) => {
    const at: Path = ['revenue', 'premium', 'price_schedule', i];
    checkQuantity(step.from_users, [...at, 'from_users'], problems, false);
    checkQuantity(step.usd_per_month, [...at, 'usd_per_month'], problems, false);
    if (i === 0 && from(step.from_users) !== 0) problems.error([...at, 'from_users'], 'the first price must start at from_users: 0');
    const prev = schedule[i - 1];
    if (prev && from(step.from_users) <= from(prev.from_users)) {
      problems.error([...at, 'from_users'], `price steps must be in ascending from_users order (${from(step.from_users)} after ${from(prev.from_users)})`);
    }
  });
  const free = from(file.revenue.free_share);
  const enterprise = from(file.revenue.enterprise.user_share);
  if (free + enterprise > 1 + 1e-12) {
    problems.error(['revenue', 'enterprise', 'user_share'], `free_share ${free} + enterprise user_share ${enterprise} exceed 1; premium would be negative`);
  }
  const quantities: Array<[RawQuantity, Path]> = [
    [file.revenue.free_share, ['revenue', 'free_share']],
    [file.revenue.enterprise.usd_per_school_month, ['revenue', 'enterprise', 'usd_per_school_month']],
    [file.revenue.enterprise.user_share, ['revenue', 'enterprise', 'user_share']],
    [file.revenue.enterprise.users_per_school, ['revenue', 'enterprise', 'users_per_school']],
    [file.revenue.opex_usd_per_month, ['revenue', 'opex_usd_per_month']],
    [file.discounts.reserved.discount, ['discounts', 'reserved', 'discount']],
    [file.discounts.spot.discount, ['discounts', 'spot', 'discount']],
    [file.discounts.spot.interruption_rate, ['discounts', 'spot', 'interruption_rate']],
  ];
  for (const [raw, path] of quantities) checkQuantity(raw, path, problems, false);
}

/** Runs every cross-field rule. */
export function checkRules(file: CatalogFile, catalog: Catalog, problems: ProblemList, options: RuleOptions = {}): void {
  checkPhaseOrder(file, problems);
  checkPhases(file, catalog, problems);
  checkComponents(file, catalog, problems, options);
  checkWorkload(file, catalog, problems);
  checkRequired(catalog, problems);
  checkIds(file, problems);
  checkRevenue(file, problems);
  if (file.hours_per_month !== undefined) checkQuantity(file.hours_per_month, ['hours_per_month'], problems, false);
}
