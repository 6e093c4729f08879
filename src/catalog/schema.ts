/**
 * The catalog file's shape (snake_case YAML), as a zod 4 schema. This is stage 3 of validation;
 * the JSON Schema editors use (schema/catalog.schema.json) is generated from it.
 *
 * Field-level constraints (types, signs, fractions, enums, unknown keys) live here; rules that relate
 * several fields (ranges contiguous, min ≤ max, sums, formulas) live in ./rules.ts.
 */
import * as z from 'zod';
import type { ComponentKind, Source, Tier } from '../model/catalog-types.js';
import { REQUIRED_ASSUMPTIONS } from '../model/variables.js';
import { PRICE_KEY_PATTERN } from '../pricing/keys.js';
import { ASSUMPTION_NAME } from './names.js';

export const SOURCES = ['seed', 'assumption', 'aws', 'measured', 'derived'] as const satisfies readonly Source[];
export const COMPONENT_KINDS = [
  'compute',
  'database',
  'cache',
  'load-balancer',
  'cdn',
  'object-storage',
  'api-gateway',
  'kubernetes',
  'serverless',
  'monitoring',
  'network',
  'ml',
  'other',
] as const satisfies readonly ComponentKind[];
export const TIERS = ['edge', 'gateway', 'lb', 'app', 'cache', 'db'] as const satisfies readonly Tier[];
export const COMPARISONS = ['<', '<=', '>', '>=', 'approx'] as const;

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Builds the schema. Called once, on first use: the fast path (a cached catalog) and commands that
 * never read a catalog do not pay for constructing ~300 zod schemas at start-up.
 */
function buildCatalogFileSchema() {
  const source = z.enum(SOURCES).describe('where the number comes from: seed = the scalability document; assumption = ours (give a note)');
  const note = z.string().describe('one line: where in the document (seed) or why this value (assumption)');
  const id = (what: string) =>
    z.string().regex(ID, `must be a lower-case id (letters, digits, "-", "_", "."), e.g. "api-gateway"`).describe(`${what} id, unique`);
  const text = z.string().min(1, 'must not be empty');

  /** A number with provenance: `0.2` or `{ value: 0.2, source: assumption, note: "…", range: [0.1, 0.5] }`. */
  function quantity(value: z.ZodNumber = z.number(), description?: string) {
    const object = z
      .strictObject({
        value,
        source,
        note: note.optional(),
        range: z.tuple([z.number(), z.number()]).optional().describe('plausible [low, high], e.g. from the document'),
      })
      .describe('a number with its provenance');
    const schema = z.union([value, object]);
    return description ? schema.describe(description) : schema;
  }

  const formula = z
    .string()
    .regex(/^=/, 'a formula is a string starting with "=", e.g. "=ceil(concurrent_users / 250)"; a plain number needs no quotes')
    .describe('a formula over the workload variables and assumption names, e.g. "=users * file_storage_gb_per_user"');
  /** A plain number or a formula. */
  const amount = (value: z.ZodNumber = z.number().nonnegative()) => z.union([value, formula]);

  const range = (value: z.ZodNumber = z.number().nonnegative(), what = 'range') =>
    z
      .strictObject({ min: value, max: value, source: source.optional(), note: note.optional() })
      .describe(`${what}: min and max, inclusive`);

  const fraction = () => z.number().min(0, 'must be a fraction from 0 to 1').max(1, 'must be a fraction from 0 to 1 (70 % is 0.7)');
  const positive = () => z.number().positive('must be greater than 0');
  const nonNegative = () => z.number().nonnegative('must not be negative');
  const wholeNonNegative = () => z.number().int('must be a whole number').nonnegative('must not be negative');

  /** Constraints on the assumptions the engine reads (others are free-form non-negative quantities). */
  const ASSUMPTION_VALUES: Record<keyof typeof REQUIRED_ASSUMPTIONS, () => z.ZodNumber> = {
    requests_per_active_user_per_s: positive,
    db_queries_per_request: nonNegative,
    db_read_fraction: fraction,
    cache_hit_ratio: fraction,
    demand_app_s: positive,
    demand_cache_s: nonNegative,
    demand_db_read_s: nonNegative,
    demand_db_write_s: nonNegative,
    network_overhead_ms: nonNegative,
    storage_gb_per_user: nonNegative,
    file_storage_gb_per_user: nonNegative,
    transfer_gb_per_user_month: nonNegative,
    error_rate: fraction,
  };

  const assumptionShape = Object.fromEntries(
    Object.entries(ASSUMPTION_VALUES).map(([name, value]) => [
      name,
      quantity(value(), REQUIRED_ASSUMPTIONS[name as keyof typeof REQUIRED_ASSUMPTIONS]).optional(),
    ]),
  ) as { [K in keyof typeof ASSUMPTION_VALUES]: z.ZodOptional<ReturnType<typeof quantity>> };

  /** Named assumptions: the engine's (with their constraints) plus any others formulas read. */
  const assumptions = z
    .object(assumptionShape)
    .catchall(quantity(z.number()))
    .describe('named assumptions (snake_case); formulas may read them by name');

  const profileValues = z
    .array(fraction())
    .length(24, 'must have exactly 24 hourly values (hour 0 to hour 23)')
    .describe('24 hourly load factors, fractions of the peak hour (max exactly 1)');
  const dailyProfile = z.union([
    profileValues,
    z.strictObject({ values: profileValues, source, note: note.optional() }),
  ]);

  const workload = z
    .object({ ...assumptionShape, daily_profile: dailyProfile })
    .catchall(quantity(z.number()))
    .describe('workload assumptions every phase shares, and the 24-hour load profile');

  const k8sCpu = z.union([
    z.string().regex(/^\d+(\.\d+)?m?$/, 'write CPU as Kubernetes does: "500m" or "0.5"'),
    positive(),
  ]);
  const k8sMemory = z
    .string()
    .regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)$/, 'write memory as Kubernetes does, with a unit: "1Gi", "512Mi"');
  const containerSize = z.strictObject({ cpu: k8sCpu, memory: k8sMemory });

  const instance = z
    .strictObject({
      type: text.describe('instance type as the price book names it, e.g. t3.medium, db.r6g.large'),
      vcpus: positive().describe('vCPUs of one instance (the servers of its queue)'),
      memory_gb: positive(),
      connections: z.number().int('must be a whole number').positive('must be greater than 0').optional().describe('connection-pool size or max connections'),
    })
    .describe('capacity of one instance');

  const scaling = z
    .strictObject({
      min: quantity(wholeNonNegative()),
      max: quantity(z.number().int('must be a whole number').min(1, 'must be at least 1')),
      desired: quantity(wholeNonNegative()).optional(),
      target_cpu: quantity(
        z.number().gt(0, 'must be a fraction above 0').max(1, 'must be a fraction up to 1 (70 % is 0.7)'),
        'scale-out CPU threshold as a fraction (0.7 = 70 %)',
      ),
      requests_per_target_per_min: quantity(positive()).optional(),
    })
    .describe('autoscaled: the engine sizes the count between min and max');

  const costLine = z.strictObject({
    price: z
      .string()
      .regex(PRICE_KEY_PATTERN, 'a price key is service:item[:option], lower-case, e.g. "ec2:t3.medium" or "s3:standard:gb-month"')
      .describe('price key in the price book, e.g. ec2:t3.medium'),
    quantity: amount().describe('units per month: a number or a formula, e.g. "=instance_hours"'),
    description: z.string().optional(),
  });

  const quoted = z
    .strictObject({
      usd: nonNegative().describe('monthly USD as the document quotes it'),
      label: text.describe("the row's label in the document"),
      provider: text,
      note: note.optional(),
    })
    .describe("the document's cost-table row for this component");

  const settingValue = z.union([z.string(), z.number(), z.boolean(), quantity(z.number()), range(z.number())]);

  const component = z.strictObject({
    id: id('component'),
    name: text,
    kind: z.enum(COMPONENT_KINDS),
    provider: text,
    serves: z.array(z.enum(TIERS)).describe('request-path roles; [] when off the path (monitoring, ML)'),
    instance: instance.optional(),
    count: amount(wholeNonNegative()).optional().describe('a fixed count: a number or a formula (give count or scaling)'),
    scaling: scaling.optional(),
    database: z
      .strictObject({
        readers: wholeNonNegative().describe('read replicas beside the writer'),
        failover: z
          .enum(['automatic', 'manual'])
          .optional()
          .describe('automatic: a reader or standby takes over the writer by itself (Aurora, RDS Multi-AZ)'),
      })
      .optional(),
    availability: quantity(
      z.number().gt(0, 'must be a fraction above 0').max(1, 'must be a fraction up to 1 (99.5 % is 0.995)'),
      'availability of one instance, as a fraction',
    ).optional(),
    resources: z
      .strictObject({ requests: containerSize, limits: containerSize.optional() })
      .optional()
      .describe('Kubernetes requests/limits'),
    settings: z.record(z.string(), settingValue).optional().describe("details from the document the engine does not read"),
    quoted: quoted.optional(),
    cost: z.array(costLine).optional().describe('cost lines: a quantity of a priced unit each'),
    note: z.string().optional(),
  });

  const region = z.strictObject({
    id: id('region'),
    role: z.enum(['primary', 'secondary', 'backup', 'additional']),
    provider: z.string().optional(),
    note: note.optional(),
  });

  const phase = z.strictObject({
    id: wholeNonNegative().describe('phase number, ascending from 0'),
    name: text,
    summary: z.string().optional(),
    users: range(wholeNonNegative(), 'users in the month this phase serves'),
    concurrent_users: range(nonNegative(), 'concurrent users at the daily peak, from the bottom to the top of the user range'),
    slo: z.strictObject({
      latency: z.strictObject({
        percentile: z.number().gt(0, 'must be above 0').lt(100, 'must be below 100 (e.g. 95)'),
        target_ms: positive(),
        source: source.optional(),
        note: note.optional(),
      }),
      availability: quantity(
        z.number().gt(0, 'must be a percent above 0').max(100, 'must be a percent up to 100 (e.g. 99.9)'),
        'availability target, percent',
      ),
      error_rate: quantity(fraction(), 'error-rate target, fraction of requests (0.001 = 0.1 %)').optional(),
    }),
    budget_usd: range(nonNegative(), 'monthly budget, USD'),
    quoted_total_usd: quantity(nonNegative(), "the document's total for the phase's cost table, USD/month"),
    assumptions: assumptions.optional(),
    regions: z.array(region).optional(),
    architecture: z.array(z.string()).optional(),
    practices: z.array(z.string()).optional(),
    components: z.array(component).min(1, 'a phase needs at least one component'),
  });

  const commitment = z.strictObject({
    term_years: z.union([z.literal(1), z.literal(3)]),
    upfront: z.enum(['none', 'partial', 'all']),
    discount: quantity(fraction(), 'fraction off on-demand (0.4 = 40 % off)'),
  });

  const revenue = z.strictObject({
    free_share: quantity(fraction()),
    premium: z.strictObject({
      note: note.optional(),
      price_schedule: z
        .array(z.strictObject({ from_users: quantity(wholeNonNegative()), usd_per_month: quantity(nonNegative()) }))
        .min(1, 'give at least one price'),
    }),
    enterprise: z.strictObject({
      usd_per_school_month: quantity(nonNegative()),
      user_share: quantity(fraction()),
      users_per_school: quantity(positive()),
    }),
    fees: z.strictObject({ payment_percent: quantity(fraction()), payment_fixed_usd: quantity(nonNegative()) }),
    opex_usd_per_month: quantity(nonNegative()),
  });

  const claim = z.strictObject({
    id: id('claim'),
    text,
    metric: text,
    comparison: z.enum(COMPARISONS),
    value: z.number(),
    tolerance: nonNegative().optional(),
    phase: wholeNonNegative().optional(),
    source,
    note: note.optional(),
  });

  const discounts = z.strictObject({
    reserved: z.strictObject({ discount: quantity(fraction()), options: z.array(commitment) }),
    savings_plans: z.array(commitment),
    spot: z.strictObject({
      discount: quantity(fraction()),
      interruption_rate: quantity(fraction()),
      max_share: quantity(fraction()),
      on_demand_floor: z.literal('min'),
    }),
    levers: z.array(z.strictObject({ id: id('lever'), text, source, note: note.optional() })).optional(),
  });

  const migration = z.strictObject({
    steps: z.array(
      z.strictObject({
        id: id('step'),
        name: text,
        weeks: range(nonNegative(), 'lead time in weeks'),
        tasks: z.array(z.string()).optional(),
      }),
    ),
    rollback: z.record(z.string(), z.string()).optional(),
  });

  const alert = z.strictObject({
    id: id('alert'),
    metric: text,
    threshold: z.number(),
    unit: z.enum(['fraction', 'ms', 'count', 'percent']),
    for_minutes: nonNegative().optional(),
    source,
    note: note.optional(),
  });

  const kpi = z.strictObject({
    id: id('KPI'),
    metric: text,
    comparison: z.enum(COMPARISONS),
    value: z.number(),
    unit: text,
    phase: wholeNonNegative().optional(),
    source,
    note: note.optional(),
  });

  const backups = z.strictObject({
    point_in_time_recovery: z.boolean(),
    schedules: z.array(
      z.strictObject({
        id: id('schedule'),
        every_hours: positive(),
        from_phase: wholeNonNegative().optional(),
        purpose: text,
        source,
        note: note.optional(),
      }),
    ),
  });

  return z
    .strictObject({
      version: z.literal(1, 'must be 1 (the only catalog version)'),
      name: text,
      currency: z.literal('USD', 'must be "USD"'),
      hours_per_month: quantity(
        z.number().positive('must be greater than 0').max(744, 'must be at most 744 (31 days)'),
        'billing hours per month (AWS: 730)',
      ).optional(),
      document: z
        .strictObject({ title: text, version: z.string().optional(), next_review: z.string().optional() })
        .optional(),
      workload,
      phases: z.array(phase).min(1, 'a catalog needs at least one phase'),
      revenue,
      claims: z.array(claim).optional(),
      discounts,
      migration,
      alerts: z.array(alert),
      kpis: z.strictObject({ technical: z.array(kpi), business: z.array(kpi) }),
      backups,
      roadmap: z.array(z.strictObject({ id: z.string().min(1), name: text, items: z.array(z.string()) })).optional(),
      risks: z
        .array(
          z.strictObject({
            id: id('risk'),
            category: z.enum(['technical', 'business']),
            name: text,
            mitigation: z.string(),
            plan_b: z.string(),
          }),
        )
        .optional(),
    })
    .describe('A cuenta-plan phase catalog (see docs/catalog.md)');
}

let built: ReturnType<typeof buildCatalogFileSchema> | undefined;

/** The catalog file's zod schema (built on first call). */
export function catalogFileSchema(): ReturnType<typeof buildCatalogFileSchema> {
  built ??= buildCatalogFileSchema();
  return built;
}

export type CatalogFile = z.output<ReturnType<typeof buildCatalogFileSchema>>;
export type RawQuantity = number | { value: number; source: Source; note?: string | undefined; range?: [number, number] | undefined };
export type RawAmount = number | string;
export type RawComponent = CatalogFile['phases'][number]['components'][number];
export type RawPhase = CatalogFile['phases'][number];
