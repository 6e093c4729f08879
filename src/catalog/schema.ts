/**
 * The catalog, written once: the file's shape (snake_case YAML) as a zod 4 schema whose transforms produce the
 * engine's Catalog (camelCase, quantities resolved, formulas compiled, count rules chosen). The engine's types
 * (src/model/catalog-types.ts) are this schema's output types, so a new field is added here and nowhere else.
 * The JSON Schema editors use (schema/catalog.schema.json) is generated from the input side.
 *
 * Field-level constraints (types, signs, fractions, enums, unknown keys, formula syntax) live here; rules that
 * relate several fields (ranges contiguous, min ≤ max, sums, variable names, units) live in ./rules/.
 */
import * as z from 'zod';
import type { ComponentKind, CountRule, Formula, Quantity, Source, Tier } from '../model/catalog-types.js';
import type { DistributionSpec } from '../model/uncertainty-distribution.js';
import { parseUnit, PRICE_UNITS } from '../model/units.js';
import { ASSUMPTION_DOMAINS, type DomainName } from '../model/domains.js';
import { MEMORY_ASSUMPTIONS, REQUIRED_ASSUMPTIONS } from '../model/variables.js';
import { PRICE_KEY_PATTERN } from '../pricing/keys.js';
import { camelKeys } from './camel.js';
import { compileFormula } from './formula.js';
import { parseCpu, parseMemoryGib } from './k8s.js';

export const SOURCES = ['seed', 'assumption', 'aws', 'measured', 'derived'] as const satisfies readonly Source[];
/** The sources a result reports: the catalog's, and `override` for a value set on the command line (`--set`). */
export const REPORTED_SOURCES = [...SOURCES, 'override'] as const satisfies readonly Source[];
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
export const TIERS = ['edge', 'gateway', 'lb', 'app', 'cache', 'db', 'worker'] as const satisfies readonly Tier[];
export const COMPARISONS = ['<', '<=', '>', '>=', 'approx'] as const;

/** The region a catalog is priced for when it names none: the bundled snapshot's. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_HOURS_PER_MONTH = 730;

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/** A strict object whose output has camelCase keys: the one mapping from YAML names to engine names. */
function camelObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.strictObject(shape).transform(camelKeys);
}

type RawQuantity =
  | number
  | { value: number; source: Source; note?: string | undefined; range?: [number, number] | undefined; unit?: string | undefined; distribution?: DistributionSpec | undefined };

/** `0.2` → { value: 0.2, source: assumption }; an object keeps its provenance (and its unit, for assumptions). */
function toQuantity(raw: RawQuantity): Quantity {
  return typeof raw === 'number' ? { value: raw, source: 'assumption' } : camelKeys(raw);
}
const valueOf = (raw: RawQuantity): number => (typeof raw === 'number' ? raw : raw.value);

/**
 * Builds the schema. Called once, on first use: a pre-checked catalog and commands that never read a catalog
 * do not pay for constructing ~300 zod schemas at start-up.
 */
function buildCatalogSchema() {
  const source = z.enum(SOURCES).describe('where the number comes from: seed = the scalability document; assumption = ours (give a note)');
  const note = z.string().describe('one line: where in the document (seed) or why this value (assumption)');
  const id = (what: string) =>
    z.string().regex(ID, `must be a lower-case id (letters, digits, "-", "_", "."), e.g. "api-gateway"`).describe(`${what} id, unique`);
  const text = z.string().min(1, 'must not be empty');

  const quantityObject = (value: z.ZodNumber) =>
    z
      .strictObject({
        value,
        source,
        note: note.optional(),
        range: z.tuple([z.number(), z.number()]).optional().describe('plausible [low, high], e.g. from the document'),
      })
      .describe('a number with its provenance');
  const finite = (what: string) => z.number().describe(what);
  /** What `--samples` draws a quantity from; `value` stays the deterministic figure (docs/catalog.md § Distributions). */
  const distribution = z
    .union([
      z.literal('range').transform((): DistributionSpec => ({ kind: 'range' })),
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('uniform'), min: finite('smallest value'), max: finite('largest value') }),
        z.strictObject({
          kind: z.literal('triangular'),
          min: finite('smallest value (default: the range\'s low end)').optional(),
          mode: finite('most likely value (default: value)').optional(),
          max: finite('largest value (default: the range\'s high end)').optional(),
        }),
        z.strictObject({
          kind: z.literal('lognormal'),
          p50: z.number().positive('must be greater than 0').describe('median (default: value)').optional(),
          p90: z.number().positive('must be greater than 0').describe('90th percentile'),
        }),
        z.strictObject({ kind: z.literal('range') }),
      ]),
    ])
    .describe('uncertainty for --samples and sensitivity: range (uniform over range), { kind: uniform, min, max }, { kind: triangular, min?, mode?, max? } or { kind: lognormal, p50?, p90 }');
  /** A quantity the engine keeps whole (not only its number) may carry a distribution. */
  const uncertainObject = (value: z.ZodNumber) => quantityObject(value).extend({ distribution: distribution.optional() });
  const described = <T extends z.ZodType>(schema: T, description?: string) => (description ? schema.describe(description) : schema);
  /** A number with provenance, `0.2` or `{ value: 0.2, source: assumption, note: "…", range: [0.1, 0.5] }` → a Quantity. */
  const sourced = (value: z.ZodNumber = z.number(), description?: string) =>
    described(z.union([value, uncertainObject(value)]), description).transform(toQuantity);
  /** The same input, where the engine needs only the number. */
  const sourcedNumber = (value: z.ZodNumber = z.number(), description?: string) =>
    described(z.union([value, quantityObject(value)]), description).transform(valueOf);

  const unit = z
    .string()
    .superRefine((textValue, ctx) => {
      const parsed = parseUnit(textValue);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    })
    .describe('the unit formulas read it in, e.g. "gb per user", "gb per user-month", "requests per second"; none = a plain number');
  /** An assumption: a sourced number that may also say its unit. */
  const assumption = (value: z.ZodNumber = z.number(), description?: string) =>
    described(z.union([value, uncertainObject(value).extend({ unit: unit.optional() })]), description).transform(toQuantity);

  const formula = z
    .string()
    .regex(/^=/, 'a formula is a string starting with "=", e.g. "=ceil(concurrent_users / 250)"; a plain number needs no quotes')
    .describe('a formula over the workload variables and assumption names, e.g. "=users * file_storage_gb_per_user"')
    .transform((textValue, ctx): Formula => {
      const compiled = compileFormula(textValue.slice(1));
      if (compiled.ok) return compiled.formula;
      ctx.addIssue({ code: 'custom', message: compiled.message, input: textValue });
      return z.NEVER;
    });
  /** A plain number or a formula. */
  const amount = (value: z.ZodNumber = z.number().nonnegative()) => z.union([value, formula]);

  const range = (value: z.ZodNumber = z.number().nonnegative(), what = 'range') =>
    z.strictObject({ min: value, max: value, source: source.optional(), note: note.optional() }).describe(`${what}: min and max, inclusive`);
  /** A range whose provenance the engine reports: unsourced ranges count as assumptions. */
  const sourcedRange = (value: z.ZodNumber, what: string) => range(value, what).transform((r) => ({ ...r, source: r.source ?? ('assumption' as Source) }));

  const fraction = () => z.number().min(0, 'must be a fraction from 0 to 1').max(1, 'must be a fraction from 0 to 1 (70 % is 0.7)');
  const positive = () => z.number().positive('must be greater than 0');
  const nonNegative = () => z.number().nonnegative('must not be negative');
  const wholeNonNegative = () => z.number().int('must be a whole number').nonnegative('must not be negative');
  /** A monthly amount the engine sums exactly (in micro-dollars, src/model/money.ts): at most a billion USD. */
  const monthlyUsd = () => nonNegative().max(1e9, 'must be at most 1,000,000,000 USD a month');

  /** Constraints on the assumptions the engine reads (others are free-form quantities), from the one domain table. */
  const DOMAIN_SCHEMAS: Record<DomainName, () => z.ZodNumber> = {
    number: z.number,
    positive,
    nonNegative,
    wholeNonNegative,
    fraction,
    openFraction: () => z.number().gt(0, 'must be a fraction above 0').max(1, 'must be a fraction up to 1 (99.5 % is 0.995)'),
    percent: () => z.number().min(0, 'must be a percent from 0 to 100').max(100, 'must be a percent from 0 to 100'),
    minutesOfDay: () => positive().max(1440, 'must be at most 1440 (the minutes in a day)'),
    weeksOfYear: () => z.number().min(0, 'must not be negative').max(52, 'must be at most 52 (the weeks in a year)'),
  };
  /** The engine's assumptions, required and (memory) optional, checked against the one domain table. */
  const ASSUMPTION_VALUES = Object.fromEntries(
    Object.entries(ASSUMPTION_DOMAINS).map(([name, domain]) => [name, DOMAIN_SCHEMAS[domain]]),
  ) as Record<keyof typeof ASSUMPTION_DOMAINS, () => z.ZodNumber>;
  const meanings: Record<string, string> = { ...REQUIRED_ASSUMPTIONS, ...MEMORY_ASSUMPTIONS };
  const assumptionShape = Object.fromEntries(
    Object.entries(ASSUMPTION_VALUES).map(([name, value]) => [name, assumption(value(), meanings[name]).optional()]),
  ) as { [K in keyof typeof ASSUMPTION_VALUES]: z.ZodOptional<ReturnType<typeof assumption>> };

  /** Named assumptions (names stay snake_case: formulas read them by name). */
  const dropUndefined = (raw: Record<string, Quantity | undefined>): Record<string, Quantity> =>
    Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, Quantity] => entry[1] !== undefined));
  const assumptions = z
    .object(assumptionShape)
    .catchall(assumption())
    .describe('named assumptions (snake_case); formulas may read them by name')
    .transform(dropUndefined);

  const profileValues = z.array(fraction()).length(24, 'must have exactly 24 hourly values (hour 0 to hour 23)').describe('24 hourly load factors, fractions of the peak hour (max exactly 1)');
  const dailyProfile = z.union([profileValues, z.strictObject({ values: profileValues, source, note: note.optional() })]).transform((p) => (Array.isArray(p) ? p : p.values));

  /** Day factors before normalising: the engine divides them by their mean over a year (src/model/calendar.ts). */
  const calendar = camelObject({
    weekday: sourced(positive(), 'load factor of a weekday (Monday–Friday), relative to the other factors'),
    weekend: sourced(nonNegative(), 'load factor of a Saturday or Sunday'),
    school_holidays: camelObject({
      weeks_per_year: sourced(DOMAIN_SCHEMAS.weeksOfYear(), 'weeks of school holidays in a year'),
      factor: sourced(nonNegative(), 'load in a holiday week relative to a school week (0.5 = half)'),
    })
      .optional()
      .describe("for a learning product: weeks without school, and how much of a school week's load they carry"),
    source: source.optional(),
    note: note.optional(),
  }).describe('how load varies between days: scales the days (busiest-day peak), never the average month');

  const workload = z
    .object({ ...assumptionShape, daily_profile: dailyProfile, calendar: calendar.optional() })
    .catchall(assumption())
    .describe('workload assumptions every phase shares, the 24-hour load profile and the calendar')
    .transform(({ daily_profile, calendar: days, ...named }) => ({
      /** Named assumptions available to formulas and to the engine (see REQUIRED_ASSUMPTIONS). */
      assumptions: dropUndefined(named as Record<string, Quantity | undefined>),
      /** 24 hourly load factors, fractions of the daily peak (max exactly 1). */
      dailyProfile: daily_profile,
      /** Day factors (weekday, weekend, school holidays); absent = every day alike. */
      ...(days !== undefined ? { calendar: days } : {}),
    }));

  const k8sCpu = z.union([z.string().regex(/^\d+(\.\d+)?m?$/, 'write CPU as Kubernetes does: "500m" or "0.5"'), positive()]);
  const k8sMemory = z.string().regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)$/, 'write memory as Kubernetes does, with a unit: "1Gi", "512Mi"');
  /** Normalised: CPU in vCPUs (500m → 0.5), memory in GiB (1Gi → 1). */
  const containerSize = z.strictObject({ cpu: k8sCpu, memory: k8sMemory }).transform((s) => ({ vcpus: parseCpu(s.cpu), memoryGb: parseMemoryGib(s.memory) }));

  const instance = camelObject({
    type: text.describe('instance type as the price book names it, e.g. t3.medium, db.r6g.large'),
    vcpus: positive().max(1024, 'must be at most 1024 (the largest EC2 instances have 896 vCPUs)').describe('vCPUs of one instance (the servers of its queue)'),
    memory_gb: positive(),
    connections: z.number().int('must be a whole number').positive('must be greater than 0').optional().describe('connection-pool size or max connections'),
  }).describe('capacity of one instance');

  const scaling = z
    .strictObject({
      min: sourcedNumber(wholeNonNegative()),
      max: sourcedNumber(z.number().int('must be a whole number').min(1, 'must be at least 1')),
      desired: sourcedNumber(wholeNonNegative()).optional(),
      target_cpu: sourcedNumber(z.number().gt(0, 'must be a fraction above 0').max(1, 'must be a fraction up to 1 (70 % is 0.7)'), 'scale-out CPU threshold as a fraction (0.7 = 70 %)'),
      requests_per_target_per_min: sourcedNumber(positive()).optional(),
    })
    .describe('autoscaled: the engine sizes the count between min and max');

  const costLine = z
    .strictObject({
      price: z
        .string()
        .regex(PRICE_KEY_PATTERN, 'a price key is service:item[:option], lower-case, e.g. "ec2:t3.medium" or "s3:standard:gb-month"')
        .describe('price key in the price book, e.g. ec2:t3.medium'),
      quantity: amount().describe('units per month: a number or a formula, e.g. "=instance_hours"'),
      unit: z
        .enum(PRICE_UNITS)
        .optional()
        .describe("the price unit the quantity is in, when a constant in the formula converts (\"=instance_hours * 0.5\" billed per vcpu-hour); must be the price's unit"),
      description: z.string().optional(),
    })
    .transform(({ price, ...line }) => ({ priceKey: price, ...camelKeys(line) }));

  const quoted = camelObject({
    usd: monthlyUsd().describe('monthly USD as the document quotes it'),
    label: text.describe("the row's label in the document"),
    provider: text,
    note: note.optional(),
  }).describe("the document's cost-table row for this component");

  const placement = camelObject({
    zones: z.number().int('must be a whole number').min(1, 'must be at least 1').default(1).describe('availability zones its copies span in each region it runs in (default 1)'),
    regions: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9:._-]*$/, 'a region id is lower-case, e.g. us-east-1, or edge:<provider> for a global edge network'))
      .min(1, 'name at least one region')
      .optional()
      .describe("where a full copy runs that can take all the traffic, active first: region ids, or edge:<provider> for a CDN's global network (default: the phase's primary region)"),
    recovery: z
      .enum(['managed', 'pool', 'standby', 'single'])
      .optional()
      .describe('how it rides out the loss of its active copy, when the default (from kind, count and database.failover) is wrong: e.g. single for a writer whose only reader is in another region'),
  }).describe('failure domains: what one zone, region or edge-network outage takes down');

  const dependency = camelObject({
    type: z.enum(['hard', 'soft']).describe('soft: requests still succeed while it is down (a cache with a database fallback, a CDN that serves only static assets)'),
    reason: text.describe('why requests survive without it (soft) or not (hard)'),
  }).describe('whether a request fails when this component is down (default hard)');

  const failover = camelObject({
    detection_s: sourced(nonNegative(), 'seconds until the failure is detected'),
    switch_s: sourced(nonNegative(), 'seconds to switch to the secondary once detected'),
  });
  const availabilityModel = camelObject({
    zone_outages_per_year: sourced(nonNegative(), 'outages of one availability zone per year'),
    zone_outage_hours: sourced(nonNegative(), 'hours a zone outage lasts'),
    region_outages_per_year: sourced(nonNegative(), 'region-wide events per year that break a regional service the path uses'),
    region_outage_hours: sourced(nonNegative(), 'hours a region-wide event lasts'),
    edge_outages_per_year: sourced(nonNegative(), "global incidents of one CDN provider's network per year"),
    edge_outage_hours: sourced(nonNegative(), 'hours such an incident lasts'),
    instance_failures_per_year: sourced(nonNegative(), 'failures of one instance per year (host failure, retirement, crash)'),
    instance_recovery_minutes: sourced(nonNegative(), 'minutes until a lone instance is replaced automatically (autoscaling group, managed database)'),
    manual_recovery_minutes: sourced(nonNegative(), 'minutes until a person restores a lone instance with no automation'),
    failover: camelObject({ load_balancer: failover, database: failover, cache: failover, region: failover, cdn: failover }).describe(
      'detection and switch-over time per failover mechanism',
    ),
  }).describe('inputs of the expected availability: failure rates and durations per failure domain, each sourced with a range');

  const settingValue = z.union([z.string(), z.number(), z.boolean(), quantityObject(z.number()).transform(toQuantity), range(z.number())]);

  const component = z
    .strictObject({
      id: id('component'),
      name: text,
      kind: z.enum(COMPONENT_KINDS),
      provider: text,
      serves: z.array(z.enum(TIERS)).describe('request-path roles; [] when off the path (monitoring, ML)'),
      instance: instance.optional(),
      count: amount(wholeNonNegative()).optional().describe('a fixed count: a number or a formula (give count or scaling)'),
      scaling: scaling.optional(),
      worker: camelObject({
        events_per_request: amount().describe('events one API request puts on the queue (mean): a number or a formula, e.g. "=events_per_request"'),
        seconds_per_event: amount(positive()).describe('seconds of one vCPU one event takes (serverless: its duration): a number or a formula'),
      })
        .optional()
        .describe('a tier fed by a queue, off the request path: serves [worker]; sized by its own arrival rate'),
      cache: camelObject({
        copies: z.number().int('must be a whole number').min(1, 'must be at least 1').describe('nodes that hold each item: 2 for a primary and one replica'),
        reserved_memory_percent: sourced(DOMAIN_SCHEMAS.percent(), 'memory kept back from data, percent of each node (ElastiCache reserved-memory-percent)'),
      })
        .optional()
        .describe("how a cache's nodes hold its data, for the memory model (default: every node holds its own data, nothing reserved)"),
      database: camelObject({
        readers: wholeNonNegative().describe('read replicas beside the writer'),
        failover: z.enum(['automatic', 'manual']).optional().describe('automatic: a reader or standby takes over the writer by itself (Aurora, RDS Multi-AZ)'),
      }).optional(),
      availability: sourced(
        z.number().gt(0, 'must be a fraction above 0').max(1, 'must be a fraction up to 1 (99.5 % is 0.995)'),
        "the provider's SLA for the component as deployed, a fraction (EC2 across two zones: 0.9999): the contractual floor, not an estimate",
      ).optional(),
      placement: placement.optional(),
      dependency: dependency.optional(),
      resources: z.strictObject({ requests: containerSize, limits: containerSize.optional() }).optional().describe('Kubernetes requests/limits'),
      nodes: camelObject({
        pods_per_node: sourcedNumber(z.number().int('must be a whole number').min(1, 'must be at least 1'), 'instances (pods) one worker node holds'),
      })
        .optional()
        .describe('worker-node packing: each hour bills ceil(instances / pods_per_node) whole nodes (formulas read nodes and node_hours)'),
      settings: z.record(z.string(), settingValue).optional().describe('details from the document the engine does not read'),
      quoted: quoted.optional(),
      cost: z.array(costLine).default([]).describe('cost lines: a quantity of a priced unit each'),
      note: z.string().optional(),
    })
    .transform(({ count, scaling: autoscaling, ...rest }, ctx) => {
      if (count !== undefined && autoscaling !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['scaling'], message: 'give either count (a fixed number of instances) or scaling (autoscaled), not both', input: autoscaling });
      } else if (count === undefined && autoscaling === undefined && ctx.issues.length === 0) {
        // (An unknown key is reported already and may be the count misspelt: one problem is enough.)
        ctx.addIssue({ code: 'custom', message: 'give count (a fixed number of instances, e.g. count: 1) or scaling ({ min, max, target_cpu })', input: rest });
      }
      const rule: CountRule = autoscaling
        ? {
            kind: 'autoscaled',
            min: autoscaling.min,
            max: autoscaling.max,
            targetUtilization: autoscaling.target_cpu,
            ...(autoscaling.desired !== undefined ? { desired: autoscaling.desired } : {}),
            ...(autoscaling.requests_per_target_per_min !== undefined ? { requestsPerTargetPerMin: autoscaling.requests_per_target_per_min } : {}),
          }
        : { kind: 'fixed', count: count ?? 1 };
      return { ...camelKeys(rest), count: rule };
    });

  const region = camelObject({
    id: id('region'),
    role: z.enum(['primary', 'secondary', 'backup', 'additional']),
    provider: z.string().optional(),
    note: note.optional(),
  });

  const phase = camelObject({
    id: wholeNonNegative().describe('phase number, ascending from 0'),
    name: text,
    summary: z.string().default(''),
    users: range(wholeNonNegative(), 'users in the month this phase serves'),
    concurrent_users: sourcedRange(nonNegative(), 'concurrent users at the daily peak, from the bottom to the top of the user range'),
    slo: camelObject({
      latency: camelObject({
        percentile: z.number().gt(0, 'must be above 0').lt(100, 'must be below 100 (e.g. 95)'),
        target_ms: positive(),
        source: source.optional(),
        note: note.optional(),
      }),
      availability: sourcedNumber(z.number().gt(0, 'must be a percent above 0').max(100, 'must be a percent up to 100 (e.g. 99.9)'), 'availability target, percent'),
      error_rate: sourcedNumber(fraction(), 'error-rate target, fraction of requests (0.001 = 0.1 %)').optional(),
    }),
    budget_usd: range(monthlyUsd(), 'monthly budget, USD'),
    quoted_total_usd: sourcedNumber(monthlyUsd(), "the document's total for the phase's cost table, USD/month (optional: a catalog without a quote)").optional(),
    assumptions: assumptions.default({}).describe("this phase's overrides of workload assumptions, by name"),
    daily_profile: dailyProfile.optional().describe("this phase's own 24-hour load profile; wins over the workload's"),
    regions: z.array(region).optional(),
    architecture: z.array(z.string()).optional(),
    practices: z.array(z.string()).optional(),
    components: z.array(component).min(1, 'a phase needs at least one component'),
  });

  const commitment = camelObject({
    term_years: z.union([z.literal(1), z.literal(3)]),
    upfront: z.enum(['none', 'partial', 'all']),
    discount: sourced(fraction(), 'fraction off on-demand (0.4 = 40 % off)'),
  });

  const priceSchedule = z
    .array(camelObject({ from_users: sourced(wholeNonNegative(), 'the price applies from this many users in the month (the total, not the plan’s)'), usd_per_month: sourced(nonNegative()) }))
    .min(1, 'give at least one price')
    .describe('prices by scale, ascending from_users, the first from 0: all the plan’s payers pay the step that holds N');
  const revenuePlan = camelObject({
    id: id('plan'),
    name: text,
    user_share: sourced(fraction(), 'share of all users on this plan; users on no plan are free'),
    per: z.enum(['user', 'group']).describe('user: the price is per user (a seat); group: per group of users_per_group (a school, a company)'),
    users_per_group: sourced(positive(), 'users billed together: a group pays once per month (required with per: group)').optional(),
    price_schedule: priceSchedule.optional(),
    usd_per_month: sourced(nonNegative(), 'one price at every scale (instead of price_schedule)').optional(),
    note: note.optional(),
  });
  const revenue = camelObject({
    free_share: sourced(fraction(), 'freemium form: share of users who pay nothing').optional(),
    premium: camelObject({ note: note.optional(), price_schedule: priceSchedule })
      .optional()
      .describe('freemium form: every user who is neither free nor enterprise pays the premium price'),
    enterprise: camelObject({
      usd_per_school_month: sourced(nonNegative()),
      user_share: sourced(fraction()),
      users_per_school: sourced(positive()),
    })
      .optional()
      .describe('freemium form: users who come through a school licence, billed per school'),
    plans: z
      .array(revenuePlan)
      .min(1, 'give at least one plan')
      .optional()
      .describe('general form (instead of free_share/premium/enterprise): paid plans, per user (seat) or per group, each with its share of users'),
    fees: camelObject({ payment_percent: sourced(fraction()), payment_fixed_usd: sourced(nonNegative(), 'per charge: one per paying user, or per group billed together') }),
    opex_usd_per_month: sourced(nonNegative(), 'costs besides infrastructure (team, offices, marketing), USD per month'),
  });

  const claim = camelObject({
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

  const discounts = camelObject({
    reserved: camelObject({ discount: sourced(fraction()), options: z.array(commitment) }),
    savings_plans: z.array(commitment),
    spot: camelObject({
      discount: sourced(fraction()),
      interruption_rate: sourced(fraction()),
      max_share: sourced(fraction()),
      on_demand_floor: z.literal('min'),
    }),
    levers: z.array(camelObject({ id: id('lever'), text, source, note: note.optional() })).default([]),
  });

  const migration = camelObject({
    steps: z.array(
      camelObject({
        id: id('step'),
        name: text,
        weeks: sourcedRange(nonNegative(), 'lead time in weeks'),
        tasks: z.array(z.string()).default([]),
      }),
    ),
    rollback: z.record(z.string(), z.string()).default({}),
  });

  const alert = camelObject({
    id: id('alert'),
    metric: text,
    threshold: z.number(),
    unit: z.enum(['fraction', 'ms', 'count', 'percent']),
    for_minutes: nonNegative().optional(),
    source,
    note: note.optional(),
  });

  const kpi = camelObject({
    id: id('KPI'),
    metric: text,
    comparison: z.enum(COMPARISONS),
    value: z.number(),
    unit: text,
    phase: wholeNonNegative().optional(),
    source,
    note: note.optional(),
  });

  const backups = camelObject({
    point_in_time_recovery: z.boolean(),
    schedules: z.array(
      camelObject({
        id: id('schedule'),
        every_hours: positive(),
        from_phase: wholeNonNegative().optional(),
        purpose: text,
        source,
        note: note.optional(),
      }),
    ),
  });

  const optionalSection = <T extends z.ZodType>(schema: T, what: string) => schema.optional().describe(`${what} (optional: only the commands that read it need it)`);

  return z
    .strictObject({
      version: z.literal(1, 'must be 1 (the only catalog version)'),
      name: text,
      currency: z.literal('USD', 'must be "USD"'),
      region: z
        .string()
        .regex(/^[a-z0-9-]+$/, 'a region is lower-case, e.g. us-east-1 or eu-central-1')
        .optional()
        .describe(`the region the catalog is priced for (default ${DEFAULT_REGION}); its price book must be for the same region`),
      hours_per_month: sourcedNumber(z.number().positive('must be greater than 0').max(744, 'must be at most 744 (31 days)'), 'billing hours per month (AWS: 730)').default(DEFAULT_HOURS_PER_MONTH),
      document: camelObject({ title: text, version: z.string().optional(), next_review: z.string().optional() }).optional(),
      workload,
      availability_model: availabilityModel
        .optional()
        .describe("failure rates and recovery times behind the expected availability (optional: without it, the bundled catalog's figures)"),
      phases: z.array(phase).min(1, 'a catalog needs at least one phase'),
      revenue: optionalSection(revenue, 'revenue plans, fees and opex'),
      claims: z.array(claim).optional(),
      discounts: optionalSection(discounts, 'reserved, savings-plan and spot discounts'),
      migration: optionalSection(migration, 'migration steps and lead times'),
      alerts: z.array(alert).describe('alert thresholds; the engine checks every plan against cpu_utilization and db_connections_of_pool'),
      kpis: optionalSection(camelObject({ technical: z.array(kpi), business: z.array(kpi) }), 'KPIs'),
      backups: optionalSection(backups, 'backup schedules'),
      roadmap: z.array(camelObject({ id: z.string().min(1), name: text, items: z.array(z.string()) })).optional(),
      risks: z
        .array(
          camelObject({
            id: id('risk'),
            category: z.enum(['technical', 'business']),
            name: text,
            mitigation: z.string(),
            plan_b: z.string(),
          }),
        )
        .optional(),
    })
    .describe('A cuenta-plan phase catalog (see docs/catalog.md)')
    .transform((file) => camelKeys(file));
}

let built: ReturnType<typeof buildCatalogSchema> | undefined;

/** The catalog's zod schema, input = the YAML file, output = the engine's Catalog (built on first call). */
export function catalogSchema(): ReturnType<typeof buildCatalogSchema> {
  built ??= buildCatalogSchema();
  return built;
}

/**
 * The catalog as the engine sees it: validated, quantities resolved, formulas compiled, names camelCased.
 * `overriddenPaths` lists the keys of each quantity outside the assumptions that a run set (`--set`, a sample's draw,
 * `solve`'s steps: src/model/overrides.ts), in the order they were set; a file never has it.
 */
export type Catalog = z.output<ReturnType<typeof buildCatalogSchema>> & { overriddenPaths?: ReadonlyArray<ReadonlyArray<string | number>> };
/** The catalog file as written (snake_case YAML): what an author types and `catalog schema` describes. */
export type CatalogFile = z.input<ReturnType<typeof buildCatalogSchema>>;
