/**
 * The catalog as the engine sees it: validated, normalised, formulas compiled.
 * `src/catalog/` turns `data/phases.yaml` into this shape; the engine never reads YAML.
 * Names are camelCase here; the YAML uses snake_case for the same fields.
 */

/** Where a number comes from. `seed` = the scalability document; `assumption` = ours, with a rationale. */
export type Source = 'seed' | 'assumption' | 'aws' | 'measured' | 'derived';

export interface Provenance {
  source: Source;
  /** One line: why this value (for assumptions) or where in the document (for seed figures). */
  note?: string;
}

/** A number with its provenance and, optionally, the plausible range the seed or an expert gives. */
export interface Quantity extends Provenance {
  value: number;
  range?: readonly [number, number];
}

/** Values the engine binds when it evaluates a formula (see `FORMULA_VARIABLES` in ./variables.ts). */
export type FormulaScope = Readonly<Record<string, number>>;

/** A catalog formula, parsed and checked against the whitelist, compiled once. */
export interface Formula {
  /** The text as written in the catalog, without the leading "=". */
  text: string;
  /** Variable names it reads. */
  variables: readonly string[];
  evaluate(scope: FormulaScope): number;
}

/** A plain number or a formula over the workload. */
export type Amount = number | Formula;

export interface Range {
  min: number;
  max: number;
}

export type ComponentKind =
  | 'compute'
  | 'database'
  | 'cache'
  | 'load-balancer'
  | 'cdn'
  | 'object-storage'
  | 'api-gateway'
  | 'kubernetes'
  | 'serverless'
  | 'monitoring'
  | 'network'
  | 'ml'
  | 'other';

/**
 * The request-path roles a component can serve. A request visits `edge` → `gateway` → `lb` → `app`,
 * which reads the `cache` and, on a miss or a write, the `db` (reads on replicas when there are any).
 * A component may serve several roles (phase 0's single VPS serves app and db).
 */
export type Tier = 'edge' | 'gateway' | 'lb' | 'app' | 'cache' | 'db';

/** Container requests/limits (Kubernetes), normalised: CPU in vCPUs (500m → 0.5), memory in GiB (1Gi → 1). */
export interface ContainerResources {
  requests: { vcpus: number; memoryGb: number };
  limits?: { vcpus: number; memoryGb: number };
}

/** A free-form detail the document gives about a component (cache TTLs, edge locations): not read by the engine. */
export type SettingValue = string | number | boolean | Quantity | (Range & Partial<Provenance>);

export interface InstanceSpec {
  /** Instance type as the price book names it, e.g. "t3.medium", "db.r6g.large". */
  type: string;
  vcpus: number;
  memoryGb: number;
  /** Connection-pool size (databases, caches) or max connections. */
  connections?: number;
}

/** How many instances run: a fixed count, or sized by the engine between min and max. */
export type CountRule =
  | { kind: 'fixed'; count: Amount }
  | {
      kind: 'autoscaled';
      min: number;
      max: number;
      desired?: number;
      /** Scale-out threshold on CPU utilisation, as a fraction (0.70 = 70 %). */
      targetUtilization: number;
      /** Optional second trigger: requests per instance per minute (the ALB's RequestCountPerTarget). */
      requestsPerTargetPerMin?: number;
    };

/** Database layout: one writer plus readers; reads go to readers when there are any. */
export interface DatabaseLayout {
  /** Reader instances beside the one writer; a fixed `count` should be 1 + readers. */
  readers: number;
  /** `automatic`: a reader or standby takes over the writer's role by itself (Aurora, RDS Multi-AZ). */
  failover?: 'automatic' | 'manual';
}

/**
 * One cost line as declared by the catalog: a quantity of a priced unit.
 * Quantity formulas may use the workload variables, e.g. "instance_hours" or "users * storage_gb_per_user".
 */
export interface CostDeclaration {
  priceKey: string;
  quantity: Amount;
  description?: string;
}

/** The document's row in a phase's cost table. */
export interface QuotedCost {
  usd: number;
  /** The row's label as written in the document, e.g. "EC2 (Auto-scaling)". */
  label: string;
  provider: string;
  /** Where in the document, e.g. "Fase 2 › Costos estimados". */
  note?: string;
}

export interface Component {
  id: string;
  name: string;
  kind: ComponentKind;
  provider: string;
  /** Roles on the request path; empty for components off it (monitoring, ML). */
  serves: readonly Tier[];
  instance?: InstanceSpec;
  count: CountRule;
  database?: DatabaseLayout;
  /** Availability of one instance (fraction, e.g. 0.995), with its provenance. */
  availability?: Quantity;
  cost: readonly CostDeclaration[];
  /** Absent when the document's cost table has no row for it (e.g. phase 2's ALB). */
  quoted?: QuotedCost;
  note?: string;
  /** Kubernetes requests/limits, when the document gives them (phase 3's Deployment). */
  resources?: ContainerResources;
  /** Details from the document the engine does not read (cache TTL, edge locations, …). */
  settings?: Readonly<Record<string, SettingValue>>;
}

export interface LatencySlo {
  percentile: number;
  targetMs: number;
  source?: Source;
  note?: string;
}

/** A region (or cloud) a phase runs in. */
export interface Region {
  id: string;
  role: 'primary' | 'secondary' | 'backup' | 'additional';
  provider?: string;
  note?: string;
}

export interface Phase {
  id: number;
  name: string;
  summary: string;
  users: Range & { note?: string };
  concurrentUsers: Range & Provenance;
  slo: {
    latency: LatencySlo;
    /** Percent, e.g. 99.95. */
    availability: number;
    /** Fraction of requests, e.g. 0.001. */
    errorRate?: number;
  };
  budgetUsd: Range;
  /** The document's stated total for the phase's cost table. */
  quotedTotalUsd: number;
  components: readonly Component[];
  /** Phase-specific overrides of workload assumptions, by name. */
  assumptions: Readonly<Record<string, Quantity>>;
  /** Regions or clouds the phase runs in (phases 3–4). */
  regions?: readonly Region[];
  /** The document's request path, top to bottom, as its diagram names the boxes. */
  architecture?: readonly string[];
  /** Practices the document lists for the phase that carry no number (CQRS, rate limiting, …). */
  practices?: readonly string[];
}

/** How a KPI, claim or threshold compares a value with its limit. `approx`: within `tolerance` (relative). */
export type Comparison = '<' | '<=' | '>' | '>=' | 'approx';

/** One step of a premium price schedule: from `fromUsers` platform users on, premium costs `usdPerMonth`. */
export interface PriceStep {
  fromUsers: Quantity;
  usdPerMonth: Quantity;
}

export interface Revenue {
  /** Share of users on the free plan (0–1). */
  freeShare: Quantity;
  premium: {
    /** Ascending by `fromUsers`; the first step starts at 0. The price applies to every premium user. */
    priceSchedule: readonly PriceStep[];
    note?: string;
  };
  enterprise: {
    usdPerSchoolMonth: Quantity;
    /** Share of all users who come through a school licence (0–1); premium share = 1 − free − this. */
    userShare: Quantity;
    usersPerSchool: Quantity;
  };
  fees: {
    /** Payment processing as a fraction of each charge. */
    paymentPercent: Quantity;
    paymentFixedUsd: Quantity;
  };
  /** Monthly costs that are not infrastructure (team, tools). */
  opexUsdPerMonth: Quantity;
}

/** A statement in the document to test rather than trust (e.g. break-even at ~50K premium users). */
export interface Claim {
  id: string;
  /** As the document words it. */
  text: string;
  metric: string;
  comparison: Comparison;
  value: number;
  /** For `approx`: relative tolerance, e.g. 0.25 = ±25 %. */
  tolerance?: number;
  phase?: number;
  source: Source;
  note?: string;
}

export type Upfront = 'none' | 'partial' | 'all';

/** A commitment (reserved instance or savings plan) as a fraction off on-demand. */
export interface CommitmentOption {
  termYears: 1 | 3;
  upfront: Upfront;
  /** Fraction off the on-demand price (0.4 = 40 % off). */
  discount: Quantity;
}

export interface Discounts {
  reserved: {
    /** The document's headline figure (40–60 %): `value` with `range`. */
    discount: Quantity;
    options: readonly CommitmentOption[];
  };
  savingsPlans: readonly CommitmentOption[];
  spot: {
    /** Fraction off on-demand. */
    discount: Quantity;
    /** Share of spot instances reclaimed per month. */
    interruptionRate: Quantity;
    /** Largest share of a stateless tier that may run on spot. */
    maxShare: Quantity;
    /** The tier's autoscaling minimum always runs on-demand. */
    onDemandFloor: 'min';
  };
  /** Levers the document lists without a number (auto-scaling, CDN, compression). */
  levers: readonly { id: string; text: string; source: Source; note?: string }[];
}

export interface MigrationStep {
  id: string;
  name: string;
  weeks: Range & Provenance;
  tasks: readonly string[];
}

export interface Migration {
  steps: readonly MigrationStep[];
  /** The rollback plan, by concern (database, application, cdn, data). */
  rollback: Readonly<Record<string, string>>;
}

export type AlertUnit = 'fraction' | 'ms' | 'count' | 'percent';

/** An alert: fires when `metric` exceeds `threshold` for `forMinutes`. */
export interface AlertThreshold {
  id: string;
  /** cpu_utilization, memory_utilization, error_rate, response_time_ms, db_connections_of_pool, … */
  metric: string;
  threshold: number;
  unit: AlertUnit;
  forMinutes?: number;
  source: Source;
  note?: string;
}

export interface Kpi {
  id: string;
  metric: string;
  comparison: Comparison;
  value: number;
  unit: string;
  /** The phase it applies to, when only one. */
  phase?: number;
  source: Source;
  note?: string;
}

export interface Kpis {
  technical: readonly Kpi[];
  business: readonly Kpi[];
}

export interface BackupSchedule {
  id: string;
  everyHours: number;
  /** The first phase it applies to; all phases when absent. */
  fromPhase?: number;
  purpose: string;
  source: Source;
  note?: string;
}

export interface Backups {
  pointInTimeRecovery: boolean;
  schedules: readonly BackupSchedule[];
}

export interface RoadmapItem {
  id: string;
  name: string;
  items: readonly string[];
}

export interface Risk {
  id: string;
  category: 'technical' | 'business';
  name: string;
  mitigation: string;
  planB: string;
}

/** Where a number in the catalog came from, by its YAML path ("phases[2].slo.availability"). */
export interface ProvenanceEntry extends Quantity {
  path: string;
}

export interface Workload {
  /** Named assumptions available to formulas and to the engine (see REQUIRED_ASSUMPTIONS). */
  assumptions: Readonly<Record<string, Quantity>>;
  /** 24 hourly load factors, fractions of the daily peak (max exactly 1). */
  dailyProfile: readonly number[];
}

export interface Catalog {
  version: 1;
  name: string;
  currency: 'USD';
  /** Hours in a billing month (AWS uses 730). */
  hoursPerMonth: number;
  workload: Workload;
  phases: readonly Phase[];
  /** Everything else the document says (revenue, discounts, migration, alerts, KPIs, backups). */
  revenue: Revenue;
  discounts: Discounts;
  migration: Migration;
  alerts: readonly AlertThreshold[];
  kpis: Kpis;
  backups: Backups;
  /** Statements in the document to test, not to trust. */
  claims?: readonly Claim[];
  roadmap?: readonly RoadmapItem[];
  risks?: readonly Risk[];
  /** The document the catalog encodes. */
  document?: { title: string; version?: string; nextReview?: string };
  /** Every number that came with a source (seed or assumption), for reports that list assumptions. */
  provenance?: readonly ProvenanceEntry[];
}
