/**
 * Stage 4: the schema-checked file (snake_case) → the engine's Catalog (camelCase): quantities
 * resolved to values with provenance, formulas compiled, count rules chosen. Problems found on the
 * way (formulas, count vs scaling) are reported with their paths; the result is still complete so
 * the cross-field rules can run on it.
 */
import type {
  Amount,
  Catalog,
  Component,
  ContainerResources,
  CostDeclaration,
  CountRule,
  Formula,
  Phase,
  ProvenanceEntry,
  Quantity,
  Range,
  Provenance,
  SettingValue,
  Source,
} from '../model/catalog-types.js';
import { FORMULA_VARIABLES } from '../model/variables.js';
import { compileFormula } from './formula.js';
import { formatPath, type PathSegment, type ProblemList } from './problems.js';
import type { CatalogFile, RawAmount, RawComponent, RawPhase, RawQuantity } from './schema.js';

export const DEFAULT_HOURS_PER_MONTH = 730;

/** Variables that describe a component's own instances: a count formula cannot read them. */
const INSTANCE_VARIABLES = new Set(['instances', 'peak_instances', 'instance_hours']);

type Path = readonly PathSegment[];

export interface NormaliseOptions {
  /**
   * The data already passed every stage with this build (the cache's fast path): compile each formula
   * on first use instead of now, so commands that never evaluate one never load the parser.
   */
  deferFormulas?: boolean;
}

/** A formula compiled on first use; the text was checked when the data was first validated. */
function deferredFormula(text: string, known: ReadonlySet<string>): Formula {
  let compiled: Formula | undefined;
  const get = (): Formula => {
    if (!compiled) {
      const result = compileFormula(text, known);
      if (!result.ok) throw new Error(`cached catalog formula "=${text}" no longer compiles: ${result.message}`);
      compiled = result.formula;
    }
    return compiled;
  };
  return {
    text,
    get variables() {
      return get().variables;
    },
    evaluate: (scope) => get().evaluate(scope),
  };
}

class Normaliser {
  readonly provenance: ProvenanceEntry[] = [];
  constructor(
    private readonly problems: ProblemList,
    private readonly options: NormaliseOptions = {},
  ) {}

  quantity(raw: RawQuantity, path: Path): Quantity {
    if (typeof raw === 'number') return { value: raw, source: 'assumption' };
    const result: Quantity = { value: raw.value, source: raw.source };
    if (raw.note !== undefined) result.note = raw.note;
    if (raw.range !== undefined) result.range = [raw.range[0], raw.range[1]];
    this.provenance.push({ path: formatPath(path), ...result });
    return result;
  }

  value(raw: RawQuantity, path: Path): number {
    return this.quantity(raw, path).value;
  }

  range(raw: { min: number; max: number; source?: Source | undefined; note?: string | undefined }, path: Path): Range & Partial<Provenance> {
    const result: Range & Partial<Provenance> = { min: raw.min, max: raw.max };
    if (raw.source !== undefined) {
      result.source = raw.source;
      const note = raw.note !== undefined ? { note: raw.note } : {};
      this.provenance.push({ path: formatPath([...path, 'min']), value: raw.min, source: raw.source, ...note });
      this.provenance.push({ path: formatPath([...path, 'max']), value: raw.max, source: raw.source, ...note });
    }
    if (raw.note !== undefined) result.note = raw.note;
    return result;
  }

  amount(raw: RawAmount, path: Path, known: ReadonlySet<string>, forbidden: ReadonlySet<string> = new Set()): Amount {
    if (typeof raw === 'number') return raw;
    if (this.options.deferFormulas) return deferredFormula(raw.slice(1), known);
    const result = compileFormula(raw.slice(1), known);
    if (!result.ok) {
      this.problems.error(path, `${result.message}`);
      return 0;
    }
    const circular = result.formula.variables.filter((name) => forbidden.has(name));
    if (circular.length > 0) {
      this.problems.error(path, `a count cannot read ${circular.join(', ')}: those come from the count itself; use users, concurrent_users or requests_per_s`);
      return 0;
    }
    return result.formula;
  }
}

/** Variable names a formula in `phase` may read. */
export function knownVariables(file: CatalogFile, phase: RawPhase | undefined): Set<string> {
  const names = new Set<string>(Object.keys(FORMULA_VARIABLES));
  for (const name of Object.keys(file.workload)) if (name !== 'daily_profile') names.add(name);
  for (const name of Object.keys(phase?.assumptions ?? {})) names.add(name);
  return names;
}

function assumptionsOf(n: Normaliser, raw: Record<string, unknown>, path: Path, skip: ReadonlySet<string> = new Set()) {
  const out: Record<string, Quantity> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (skip.has(name) || value === undefined) continue;
    out[name] = n.quantity(value as RawQuantity, [...path, name]);
  }
  return out;
}

/** "500m" → 0.5 vCPU; 2 → 2. */
export function parseCpu(raw: string | number): number {
  if (typeof raw === 'number') return raw;
  return raw.endsWith('m') ? Number(raw.slice(0, -1)) / 1000 : Number(raw);
}

const MEMORY_UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};

/** "1Gi" → 1, "512Mi" → 0.5 (GiB). */
export function parseMemoryGib(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/.exec(raw);
  const factor = match ? MEMORY_UNITS[match[2] ?? ''] : undefined;
  if (!match || factor === undefined) return Number.NaN;
  return (Number(match[1]) * factor) / 2 ** 30;
}

function resourcesOf(raw: NonNullable<RawComponent['resources']>): ContainerResources {
  const size = (s: { cpu: string | number; memory: string }) => ({ vcpus: parseCpu(s.cpu), memoryGb: parseMemoryGib(s.memory) });
  return raw.limits ? { requests: size(raw.requests), limits: size(raw.limits) } : { requests: size(raw.requests) };
}

function settingsOf(n: Normaliser, raw: NonNullable<RawComponent['settings']>, path: Path): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'object') out[key] = value;
    else if ('min' in value) out[key] = n.range(value, [...path, key]);
    else out[key] = n.quantity(value, [...path, key]);
  }
  return out;
}

function countOf(n: Normaliser, problems: ProblemList, raw: RawComponent, path: Path, known: ReadonlySet<string>): CountRule {
  if (raw.count !== undefined && raw.scaling !== undefined) {
    problems.error([...path, 'scaling'], 'give either count (a fixed number of instances) or scaling (autoscaled), not both');
  }
  if (raw.scaling !== undefined) {
    const s = raw.scaling;
    const sp = [...path, 'scaling'];
    const rule: CountRule = {
      kind: 'autoscaled',
      min: n.value(s.min, [...sp, 'min']),
      max: n.value(s.max, [...sp, 'max']),
      targetUtilization: n.value(s.target_cpu, [...sp, 'target_cpu']),
    };
    if (s.desired !== undefined) rule.desired = n.value(s.desired, [...sp, 'desired']);
    if (s.requests_per_target_per_min !== undefined) {
      rule.requestsPerTargetPerMin = n.value(s.requests_per_target_per_min, [...sp, 'requests_per_target_per_min']);
    }
    return rule;
  }
  if (raw.count === undefined) {
    problems.error(path, 'give count (a fixed number of instances, e.g. count: 1) or scaling ({ min, max, target_cpu })');
    return { kind: 'fixed', count: 1 };
  }
  return { kind: 'fixed', count: n.amount(raw.count, [...path, 'count'], known, INSTANCE_VARIABLES) };
}

function componentOf(n: Normaliser, problems: ProblemList, raw: RawComponent, path: Path, known: ReadonlySet<string>): Component {
  const cost: CostDeclaration[] = (raw.cost ?? []).map((line, i) => {
    const declaration: CostDeclaration = {
      priceKey: line.price,
      quantity: n.amount(line.quantity, [...path, 'cost', i, 'quantity'], known),
    };
    if (line.description !== undefined) declaration.description = line.description;
    return declaration;
  });
  const component: Component = {
    id: raw.id,
    name: raw.name,
    kind: raw.kind,
    provider: raw.provider,
    serves: [...raw.serves],
    count: countOf(n, problems, raw, path, known),
    cost,
  };
  if (raw.instance) {
    component.instance = { type: raw.instance.type, vcpus: raw.instance.vcpus, memoryGb: raw.instance.memory_gb };
    if (raw.instance.connections !== undefined) component.instance.connections = raw.instance.connections;
  }
  if (raw.database) {
    component.database = { readers: raw.database.readers };
    if (raw.database.failover !== undefined) component.database.failover = raw.database.failover;
  }
  if (raw.availability !== undefined) component.availability = n.quantity(raw.availability, [...path, 'availability']);
  if (raw.quoted) {
    component.quoted = { usd: raw.quoted.usd, label: raw.quoted.label, provider: raw.quoted.provider };
    if (raw.quoted.note !== undefined) component.quoted.note = raw.quoted.note;
  }
  if (raw.note !== undefined) component.note = raw.note;
  if (raw.resources) component.resources = resourcesOf(raw.resources);
  if (raw.settings) component.settings = settingsOf(n, raw.settings, [...path, 'settings']);
  return component;
}

function phaseOf(n: Normaliser, problems: ProblemList, file: CatalogFile, raw: RawPhase, index: number): Phase {
  const path: Path = ['phases', index];
  const known = knownVariables(file, raw);
  const users = n.range(raw.users, [...path, 'users']);
  const concurrent = n.range(raw.concurrent_users, [...path, 'concurrent_users']);
  const latency = raw.slo.latency;
  const phase: Phase = {
    id: raw.id,
    name: raw.name,
    summary: raw.summary ?? '',
    users: raw.users.note !== undefined ? { min: users.min, max: users.max, note: raw.users.note } : { min: users.min, max: users.max },
    concurrentUsers: {
      min: concurrent.min,
      max: concurrent.max,
      source: concurrent.source ?? 'assumption',
      ...(concurrent.note !== undefined ? { note: concurrent.note } : {}),
    },
    slo: {
      latency: {
        percentile: latency.percentile,
        targetMs: latency.target_ms,
        ...(latency.source !== undefined ? { source: latency.source } : {}),
        ...(latency.note !== undefined ? { note: latency.note } : {}),
      },
      availability: n.value(raw.slo.availability, [...path, 'slo', 'availability']),
    },
    budgetUsd: (({ min, max }) => ({ min, max }))(n.range(raw.budget_usd, [...path, 'budget_usd'])),
    quotedTotalUsd: n.value(raw.quoted_total_usd, [...path, 'quoted_total_usd']),
    components: raw.components.map((c, j) => componentOf(n, problems, c, [...path, 'components', j], known)),
    assumptions: assumptionsOf(n, raw.assumptions ?? {}, [...path, 'assumptions']),
  };
  if (latency.source !== undefined) {
    n.provenance.push({
      path: formatPath([...path, 'slo', 'latency', 'target_ms']),
      value: latency.target_ms,
      source: latency.source,
      ...(latency.note !== undefined ? { note: latency.note } : {}),
    });
  }
  if (raw.slo.error_rate !== undefined) phase.slo.errorRate = n.value(raw.slo.error_rate, [...path, 'slo', 'error_rate']);
  if (raw.regions) {
    phase.regions = raw.regions.map((r) => ({
      id: r.id,
      role: r.role,
      ...(r.provider !== undefined ? { provider: r.provider } : {}),
      ...(r.note !== undefined ? { note: r.note } : {}),
    }));
  }
  if (raw.architecture) phase.architecture = [...raw.architecture];
  if (raw.practices) phase.practices = [...raw.practices];
  return phase;
}

const opt = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** Turns the schema-checked file into the engine's Catalog; problems go to `problems`. */
export function normaliseCatalog(file: CatalogFile, problems: ProblemList, options: NormaliseOptions = {}): Catalog {
  const n = new Normaliser(problems, options);
  const profile = file.workload.daily_profile;
  const dailyProfile = Array.isArray(profile) ? [...profile] : [...profile.values];
  const q = (raw: RawQuantity, path: Path) => n.quantity(raw, path);
  const commitments = (list: CatalogFile['discounts']['savings_plans'], path: Path) =>
    list.map((o, i) => ({ termYears: o.term_years, upfront: o.upfront, discount: q(o.discount, [...path, i, 'discount']) }));

  const catalog: Catalog = {
    version: 1,
    name: file.name,
    currency: 'USD',
    hoursPerMonth: file.hours_per_month === undefined ? DEFAULT_HOURS_PER_MONTH : n.value(file.hours_per_month, ['hours_per_month']),
    workload: {
      assumptions: assumptionsOf(n, file.workload, ['workload'], new Set(['daily_profile'])),
      dailyProfile,
    },
    phases: file.phases.map((phase, i) => phaseOf(n, problems, file, phase, i)),
    revenue: {
      freeShare: q(file.revenue.free_share, ['revenue', 'free_share']),
      premium: {
        priceSchedule: file.revenue.premium.price_schedule.map((step, i) => ({
          fromUsers: q(step.from_users, ['revenue', 'premium', 'price_schedule', i, 'from_users']),
          usdPerMonth: q(step.usd_per_month, ['revenue', 'premium', 'price_schedule', i, 'usd_per_month']),
        })),
        ...opt('note', file.revenue.premium.note),
      },
      enterprise: {
        usdPerSchoolMonth: q(file.revenue.enterprise.usd_per_school_month, ['revenue', 'enterprise', 'usd_per_school_month']),
        userShare: q(file.revenue.enterprise.user_share, ['revenue', 'enterprise', 'user_share']),
        usersPerSchool: q(file.revenue.enterprise.users_per_school, ['revenue', 'enterprise', 'users_per_school']),
      },
      fees: {
        paymentPercent: q(file.revenue.fees.payment_percent, ['revenue', 'fees', 'payment_percent']),
        paymentFixedUsd: q(file.revenue.fees.payment_fixed_usd, ['revenue', 'fees', 'payment_fixed_usd']),
      },
      opexUsdPerMonth: q(file.revenue.opex_usd_per_month, ['revenue', 'opex_usd_per_month']),
    },
    discounts: {
      reserved: {
        discount: q(file.discounts.reserved.discount, ['discounts', 'reserved', 'discount']),
        options: commitments(file.discounts.reserved.options, ['discounts', 'reserved', 'options']),
      },
      savingsPlans: commitments(file.discounts.savings_plans, ['discounts', 'savings_plans']),
      spot: {
        discount: q(file.discounts.spot.discount, ['discounts', 'spot', 'discount']),
        interruptionRate: q(file.discounts.spot.interruption_rate, ['discounts', 'spot', 'interruption_rate']),
        maxShare: q(file.discounts.spot.max_share, ['discounts', 'spot', 'max_share']),
        onDemandFloor: 'min',
      },
      levers: (file.discounts.levers ?? []).map((l) => ({ id: l.id, text: l.text, source: l.source, ...opt('note', l.note) })),
    },
    migration: {
      steps: file.migration.steps.map((step, i) => {
        const weeks = n.range(step.weeks, ['migration', 'steps', i, 'weeks']);
        return {
          id: step.id,
          name: step.name,
          weeks: { min: weeks.min, max: weeks.max, source: weeks.source ?? 'assumption', ...opt('note', weeks.note) },
          tasks: [...(step.tasks ?? [])],
        };
      }),
      rollback: { ...(file.migration.rollback ?? {}) },
    },
    alerts: file.alerts.map((a) => ({
      id: a.id,
      metric: a.metric,
      threshold: a.threshold,
      unit: a.unit,
      source: a.source,
      ...opt('forMinutes', a.for_minutes),
      ...opt('note', a.note),
    })),
    kpis: {
      technical: file.kpis.technical.map(kpiOf),
      business: file.kpis.business.map(kpiOf),
    },
    backups: {
      pointInTimeRecovery: file.backups.point_in_time_recovery,
      schedules: file.backups.schedules.map((s) => ({
        id: s.id,
        everyHours: s.every_hours,
        purpose: s.purpose,
        source: s.source,
        ...opt('fromPhase', s.from_phase),
        ...opt('note', s.note),
      })),
    },
  };
  if (file.claims) {
    catalog.claims = file.claims.map((c) => ({
      id: c.id,
      text: c.text,
      metric: c.metric,
      comparison: c.comparison,
      value: c.value,
      source: c.source,
      ...opt('tolerance', c.tolerance),
      ...opt('phase', c.phase),
      ...opt('note', c.note),
    }));
  }
  if (file.roadmap) catalog.roadmap = file.roadmap.map((r) => ({ id: r.id, name: r.name, items: [...r.items] }));
  if (file.risks) {
    catalog.risks = file.risks.map((r) => ({ id: r.id, category: r.category, name: r.name, mitigation: r.mitigation, planB: r.plan_b }));
  }
  if (file.document) {
    catalog.document = { title: file.document.title, ...opt('version', file.document.version), ...opt('nextReview', file.document.next_review) };
  }
  catalog.provenance = n.provenance;
  return catalog;
}

function kpiOf(k: CatalogFile['kpis']['technical'][number]) {
  return {
    id: k.id,
    metric: k.metric,
    comparison: k.comparison,
    value: k.value,
    unit: k.unit,
    source: k.source,
    ...opt('phase', k.phase),
    ...opt('note', k.note),
  };
}
