/**
 * The catalog as the engine sees it: validated, normalised, formulas compiled.
 * `src/phases/` turns `data/phases.yaml` into this shape; the engine never reads YAML.
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
  readers: number;
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
}

export interface LatencySlo {
  percentile: number;
  targetMs: number;
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
  revenue: unknown;
  discounts: unknown;
  migration: unknown;
  alerts: unknown;
  kpis: unknown;
  backups: unknown;
}
