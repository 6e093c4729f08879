/**
 * The catalog as the engine sees it: validated, quantities resolved, formulas compiled, names camelCase.
 * `src/catalog/` turns `data/phases.yaml` into this shape; the engine never reads YAML.
 *
 * The building blocks below are declared here; the catalog's own shape (Catalog, Phase, Component, …) is the
 * output type of the one schema that describes the file (src/catalog/schema.ts), re-exported at the end. That
 * import is type-only and erased: the engine runs without the catalog folder or zod, and a field is written once.
 */
import type { Catalog } from '../catalog/schema.js';
import type { DistributionSpec } from './uncertainty-distribution.js';

/**
 * Where a number comes from. `seed` = the scalability document; `assumption` = ours, with a rationale;
 * `override` = set for one run on the command line (`--set`), never written in a catalog.
 */
export type Source = 'seed' | 'assumption' | 'aws' | 'measured' | 'derived' | 'override';

export interface Provenance {
  source: Source;
  /** One line: why this value (for assumptions) or where in the document (for seed figures). */
  note?: string;
}

/** A number with its provenance and, optionally, the plausible range the seed or an expert gives. */
export interface Quantity extends Provenance {
  value: number;
  range?: readonly [number, number];
  /** Assumptions only: the unit formulas read it in ("gb per user"); absent = a plain number. */
  unit?: string;
  /** What `--samples` draws it from (./uncertainty-distribution.ts); `value` stays the deterministic figure. */
  distribution?: DistributionSpec;
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
 * The roles a component can serve. A request visits `edge` → `gateway` → `lb` → `app`,
 * which reads the `cache` and, on a miss or a write, the `db` (reads on replicas when there are any).
 * A component may serve several roles (phase 0's single VPS serves app and db).
 * `worker` is off the request path: a pool fed by a queue (SQS, EventBridge) with the events requests emit.
 */
export type Tier = 'edge' | 'gateway' | 'lb' | 'app' | 'cache' | 'db' | 'worker';

/** Container requests/limits (Kubernetes), normalised: CPU in vCPUs (500m → 0.5), memory in GiB (1Gi → 1). */
export interface ContainerResources {
  requests: { vcpus: number; memoryGb: number };
  limits?: { vcpus: number; memoryGb: number };
}

/** A free-form detail the document gives about a component (cache TTLs, edge locations): not read by the engine. */
export type SettingValue = string | number | boolean | Quantity | (Range & Partial<Provenance>);

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

/** Where a number in the catalog came from, by its YAML path ("phases[2].slo.availability"). */
export interface ProvenanceEntry extends Quantity {
  path: string;
}

/** How a KPI, claim or threshold compares a value with its limit. `approx`: within `tolerance` (relative). */
export type Comparison = '<' | '<=' | '>' | '>=' | 'approx';

export type { Catalog };
export type Phase = Catalog['phases'][number];
export type Component = Phase['components'][number];
export type Workload = Catalog['workload'];
/** Day factors (weekday, weekend, school holidays), before normalising (see ../model/calendar.ts). */
export type Calendar = NonNullable<Workload['calendar']>;
export type InstanceSpec = NonNullable<Component['instance']>;
export type DatabaseLayout = NonNullable<Component['database']>;
/** A worker tier's queue: events each request emits and the work each event takes. */
export type WorkerSpec = NonNullable<Component['worker']>;
/** How a cache's nodes hold its data: copies of each item and the memory kept back from data. */
export type CacheLayout = NonNullable<Component['cache']>;
/**
 * One cost line as declared by the catalog: a quantity of a priced unit, and the unit when a constant converts.
 * Quantity formulas may use the workload variables, e.g. "instance_hours" or "users * storage_gb_per_user".
 */
export type CostDeclaration = Component['cost'][number];
/** The document's row in a phase's cost table. */
export type QuotedCost = NonNullable<Component['quoted']>;
export type LatencySlo = Phase['slo']['latency'];
/** A region (or cloud) a phase runs in. */
export type Region = NonNullable<Phase['regions']>[number];
/** The sections no engine code reads yet are optional; `requireSection` (src/catalog) names a missing one. */
export type Revenue = NonNullable<Catalog['revenue']>;
export type Discounts = NonNullable<Catalog['discounts']>;
export type Migration = NonNullable<Catalog['migration']>;
export type MigrationStep = Migration['steps'][number];
export type Kpis = NonNullable<Catalog['kpis']>;
export type Kpi = Kpis['technical'][number];
export type Backups = NonNullable<Catalog['backups']>;
export type BackupSchedule = Backups['schedules'][number];
export type AlertThreshold = Catalog['alerts'][number];
export type AlertUnit = AlertThreshold['unit'];
export type Claim = NonNullable<Catalog['claims']>[number];
export type PriceStep = NonNullable<Revenue['premium']>['priceSchedule'][number];
/** A paid plan of the general revenue form (`revenue.plans`). */
export type RevenuePlanSpec = NonNullable<Revenue['plans']>[number];
export type CommitmentOption = Discounts['savingsPlans'][number];
export type Upfront = CommitmentOption['upfront'];
export type RoadmapItem = NonNullable<Catalog['roadmap']>[number];
export type Risk = NonNullable<Catalog['risks']>[number];
