/** The JSON result of `cuenta-plan simulate` (src/model/simulate-result.ts builds it). */
import * as z from 'zod';
import { REPORTED_SOURCES } from '../catalog/schema.js';
import { calibrationSchema } from './calibration.js';
import { SIMULATE_SCHEMA_VERSION, type SimulateResult } from '../model/simulate-result.js';
import {
  count,
  findingCode,
  findingsField,
  flag,
  fraction,
  int,
  lazy,
  nullableInt,
  nullableNum,
  nullableText,
  num,
  pricesAsOf,
  pricingFields,
  resultHeader,
  text,
  tierRole,
} from './common.js';
import { revenueSectionField } from './revenue.js';
import { lineParts, purchaseSchema } from './purchase.js';
import type { Assert, SameShape } from './same-shape.js';
import { uncertaintySchema } from './uncertainty.js';

const tier = () =>
  z.strictObject({
    id: text('Station id: the component id, or component.writer / component.readers for a database with replicas'),
    component: text('Catalog component this tier belongs to'),
    roles: z.array(tierRole()).describe('Request path roles the tier serves'),
    autoscaled: flag('True when the engine sizes the tier within its scaling bounds'),
    delay: flag('True for a pure delay station (serverless: no queueing)'),
    instances: z
      .strictObject({
        min: count('Lower scaling bound'),
        max: count('Upper scaling bound'),
        peak: count('Instances at the peak hour'),
        average: num('Instances averaged over the 24 hours of the daily profile'),
        hourly: z.array(count('Instances running in that hour')).length(24).describe('Instances running in each hour of the daily profile, hour 0 first'),
      })
      .describe('Instance counts'),
    vcpusPerInstance: num('vCPUs of one instance: the servers of its M/M/c queue (0.5 for a 500m pod)'),
    utilization: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('Per-server utilisation at the peak hour, 0–1; null when the queue is unstable (the offered load is past its vCPUs)'),
    latencyMs: z
      .strictObject({
        mean: nullableNum('Mean sojourn time per visit, ms; null when the queue is unstable'),
        percentile: nullableNum("Sojourn-time percentile per visit at the SLO's percentile, ms"),
        contribution: nullableNum('What the tier adds to the end-to-end percentile, ms; null when unstable or off the request path (workers)'),
        atScaleOut: flag('True when the latency is taken at the scaled-out size rather than the minimum'),
      })
      .describe('Latency of the tier'),
    sizedBy: z
      .enum(['fixed', 'minimum', 'utilization', 'requests-per-target', 'latency', 'maximum'])
      .describe('What decided the instance count'),
    exhausted: flag('True when even the maximum count cannot keep the tier within its limits'),
    connectionOccupancy: nullableNum('Share of the connection pool in use (databases), 0–1; null elsewhere'),
    worker: z
      .strictObject({
        eventsPerRequest: num('Events one API request puts on the queue'),
        eventsPerS: num('Events per second reaching the tier at the peak hour: requests/s × events per request'),
        secondsPerEvent: num('Seconds one event holds one server (serverless: its duration)'),
        concurrency: num('Events in service on average, λ·S: concurrent executions for serverless, busy servers for a pool'),
        servers: nullableInt('Servers of the one shared queue (instances × servers per instance); null for serverless'),
        queueDelayMs: z
          .strictObject({
            mean: nullableNum('Mean wait before a server takes an event, ms (serverless: 0); null when unstable'),
            percentile: nullableNum("Wait at the SLO's percentile, ms; null when unstable"),
          })
          .describe('Queue delay: reported beside the request latency, never added to it'),
      })
      .nullable()
      .describe('A worker tier (off the request path) and its queue at the peak hour; null on the request path'),
  });

const memory = () =>
  z
    .strictObject({
      alertPercent: nullableNum("The catalog's memory alert, percent; null when it has none (memory is reported, not checked)"),
      cache: z
        .strictObject({
          components: z.array(z.string()).describe('The dedicated cache components'),
          hotUsers: num('Users whose data is hot: the concurrent users at the peak'),
          workingSetGb: num('cache_shared_gb + cache_hot_mb_per_user × hot users / 1024, GB'),
          capacityGb: num('Distinct data the cache nodes hold: usable memory (after the reserve) × nodes / copies, GB'),
          catalogHitRatio: fraction("The catalog's cache_hit_ratio (when everything fits)"),
          effectiveHitRatio: fraction('catalog ratio × min(1, capacity / working set): what the database reads follow'),
        })
        .nullable()
        .describe("The cache's working set against its memory; null without a dedicated cache or the cache assumptions"),
      tiers: z
        .array(
          z.strictObject({
            id: text('Station id, as in tiers'),
            component: text('Component id'),
            usedGb: nullableNum('Memory in use on one instance at the peak hour, GB; null when a queue is unstable'),
            capacityGb: num('Memory of one instance (a cache node: after the reserve), GB'),
            fraction: nullableNum('usedGb / capacityGb'),
            parts: z
              .array(z.strictObject({ role: tierRole().describe('The role using it'), usedGb: nullableNum('GB this role uses on one instance') }))
              .describe('What uses the memory, by role'),
          }),
        )
        .describe('Per tier, where the catalog gives the assumptions its roles need'),
    })
    .describe('Memory at the peak hour (docs/model.md#memory)');

const check = () =>
  z.strictObject({
    name: text('What is checked, e.g. "latency P95", "api CPU (scaling target)"'),
    kind: z.enum(['capacity', 'availability', 'errors']).describe('capacity checks move with the load and decide headroom'),
    code: findingCode().describe('The finding this check raises when it fails'),
    subject: text('What is checked: the station id; for the availability check, the component that causes most of the expected downtime (phase:<id> when none does)'),
    value: nullableNum('The modelled value in `unit`; null when the model has no finite value'),
    limit: num('The limit in `unit`'),
    unit: text('Unit of value and limit'),
    relation: z.enum(['<', '≤', '≥']).describe('How value must relate to limit to pass'),
    pass: flag('True when value satisfies relation against limit'),
  });

const line = () =>
  z.strictObject({
    description: text('The cost line in words'),
    priceKey: text('Key of the price in the book'),
    quantity: num('Quantity billed in the month, in `unit`'),
    unit: text('Price unit (hour, gb-month, million-requests, …)'),
    usdPerUnit: num('Unit price, USD'),
    freeQuantity: num("Part of the quantity the price's always-free monthly allowance covers (0 without one), in `unit`"),
    monthlyUsd: num('(quantity − freeQuantity) × usdPerUnit, USD per month, to the cent'),
    class: z.enum(['fixed', 'per-user', 'per-request']).describe("What the line grows with, read from its formula's variables (see docs/model.md, The bill)"),
    verified: flag('False when the price is an estimate rather than a verified list price'),
    source: text('Where the price comes from'),
    parts: lineParts(),
  });

const componentCost = () =>
  z.strictObject({
    id: text('Component id'),
    name: text('Component name'),
    monthlyUsd: num('Cost under the pricing book, USD per month'),
    compareUsd: nullableNum('The same component under the comparison book, USD per month; null without one'),
    quotedUsd: nullableNum("The document's quoted row, USD per month; null when the document quotes none"),
    differenceUsd: nullableNum('monthlyUsd − quotedUsd; null without a quote'),
    lines: z.array(line()).describe('Priced cost lines'),
  });

export const simulateResultSchema = lazy(() =>
  z
    .strictObject({
      ...resultHeader('simulate', SIMULATE_SCHEMA_VERSION),
      users: int('Users in the month (the --users value)'),
      phase: z
        .strictObject({
          id: int('Phase id'),
          name: text('Phase name'),
          usersMin: count("Bottom of the phase's user range"),
          usersMax: count("Top of the phase's user range"),
          selectedBy: z.enum(['range', 'option']).describe('range: its user range holds N; option: --phase named it'),
        })
        .describe('The phase evaluated'),
      pricing: z
        .strictObject({
          ...pricingFields,
          compareBook: nullableText("The book of the side-by-side column; null when the catalog quotes no figures to set beside the estimate"),
          asOf: pricesAsOf(),
        })
        .describe('Price books used'),
      status: z
        .strictObject({
          ok: flag('True when no finding fails'),
          exhausted: flag('True when a tier cannot keep up even at its maximum size, or latency cannot be brought under the SLO: start migrating'),
          overBudget: flag("True when the monthly cost is above the phase's budget"),
          availabilityShort: flag('True when expected availability is below the target'),
          servedBy: nullableInt("When this phase fails a capacity check at N: the cheapest phase that passes every one (advise's byCapacity); else null"),
        })
        .describe('The verdict in flags, derived from `findings` alone'),
      findings: findingsField(),
      workload: z
        .strictObject({
          concurrentUsers: num("The design peak: concurrent users at the daily peak from the phase's concurrency range (what sizing uses)"),
          peakRequestsPerS: num('Requests per second at the design peak'),
          averageRequestsPerS: num('monthlyRequests over the seconds of an average calendar month (365.25 / 12 days)'),
          monthlyRequests: num('Requests in an average calendar month from engagement: users × dau_per_mau × active_minutes_per_day × 60 × requests_per_active_user_per_s × 365.25 / 12, unrounded'),
          dailyActiveUsers: num('Users active on an average day: users × dau_per_mau'),
          monthlyActiveMinutes: num('User-minutes of active use in an average calendar month'),
          impliedPeakConcurrentUsers: num("The peak concurrency engagement implies: the busiest day's active user-seconds × the peak hour's share of the day (1 / Σ profile) / 3600"),
          busiestDayFactor: num("The calendar's busiest day as a multiple of an average day (1 without a calendar)"),
          quietestDayFactor: num("The calendar's quietest day as a multiple of an average day (1 without a calendar)"),
          dailyProfileFrom: z.enum(['phase', 'workload']).describe("Whose 24-hour profile is in force: the phase's own or the workload's"),
          cacheHitRatio: fraction('The cache hit ratio in force: the assumption, or 0 in a phase with no cache'),
        })
        .describe('Load: the design peak that sizes the phase, and the volume engagement gives a month'),
      tiers: z.array(tier()).describe('One entry per queueing tier, at the peak hour: the request path, then the worker tiers'),
      memory: memory(),
      latency: z
        .strictObject({
          percentile: num("The SLO's percentile (95 = P95)"),
          valueMs: nullableNum('End-to-end latency at that percentile, ms; null when a tier is unstable'),
          meanMs: nullableNum('End-to-end mean latency, ms'),
          targetMs: num('SLO target, ms'),
          pass: flag('True when valueMs is under targetMs'),
          method: text('How tier percentiles are combined'),
        })
        .describe('End-to-end latency'),
      checks: z.array(check()).describe('Every check with its value, limit and outcome'),
      availability: z
        .strictObject({
          expectedPercent: num('Expected availability from failure domains, percent, every input at its value'),
          expectedLowPercent: num('The estimate with every input at the end of its range that gives the most downtime, percent'),
          expectedHighPercent: num('The estimate with every input at the end of its range that gives the least downtime, percent'),
          slaPercent: num("The contractual floor: the product of the providers' SLAs along the hard-dependency path, percent"),
          targetPercent: num('SLO availability, percent'),
          pass: flag('True when expectedPercent ≥ targetPercent'),
          errorBudgetMinutes: num('Downtime the target allows per month, minutes'),
          expectedDowntimeMinutes: num('Downtime expected per month, minutes'),
          dominant: z
            .strictObject({
              id: text('Component id'),
              expectedDowntimeMinutes: num('Downtime per month it causes on its own, minutes'),
              domain: z.enum(['instance', 'zone', 'region', 'edge']).describe('The failure that causes most of it'),
            })
            .nullable()
            .describe('The hard dependency that causes the most expected downtime; null when none causes any'),
          singlePointsOfFailure: z.array(z.string()).describe('Hard dependencies with one copy and nothing to fail over to'),
          components: z
            .array(
              z.strictObject({
                id: text('Component id'),
                dependency: z.enum(['hard', 'soft']).describe('soft: requests succeed while it is down; left out of both figures'),
                sla: z.number().min(0).max(1).nullable().describe("The provider's SLA as deployed, 0–1; null when the catalog gives none"),
                copies: count('Instances it always runs'),
                zones: count('Availability zones its copies span'),
                regions: z.array(z.string()).describe('Where a full copy runs, active first (edge:<provider> for a CDN network)'),
                recovery: z.enum(['managed', 'pool', 'standby', 'single']).describe('How it rides out the loss of a copy'),
                expectedDowntimeMinutes: nullableNum('Downtime per month it causes on its own, minutes; null for a soft dependency'),
              }),
            )
            .describe('Per-component availability, request-path components only'),
          softDependencies: z
            .array(z.strictObject({ id: text('Component id'), reason: text('Why requests survive without it') }))
            .describe('Components whose outage requests survive'),
          unrated: z.array(z.string()).describe('Hard dependencies without an SLA figure, left out of the SLA floor'),
          method: text('How the two figures are computed'),
        })
        .describe('Availability'),
      cost: z
        .strictObject({
          book: text('Book that priced the plan'),
          totalUsd: num('Monthly cost, USD'),
          perUserUsd: num('Monthly cost per user, USD'),
          floorUsd: num('The cost at zero volume and load: the phase sized at 0 users (autoscaled tiers at their minimum) and priced with the same book, USD per month'),
          variableUsd: num('totalUsd − floorUsd, USD per month: what volume and load add'),
          byClassUsd: z
            .strictObject({
              fixed: num('Lines whose formulas read no users, requests or load-sized instances, USD per month'),
              perUser: num('Lines that grow with users (storage, transfer per user), USD per month'),
              perRequest: num('Lines that grow with requests or with load-sized (autoscaled) instances, USD per month'),
            })
            .describe('totalUsd by line class; each rounded to the cent, so the three add up to totalUsd within a cent or two'),
          compareTotalUsd: nullableNum('Monthly cost under the comparison book, USD; null without one'),
          quotedTotalUsd: nullableNum("The document's quoted monthly total for the phase, USD; null when the catalog quotes none"),
          quotedPerUserUsd: nullableNum("The document's quote per user at N users, USD; null without a quote"),
          budget: z
            .strictObject({
              minUsd: num('Bottom of the budget range, USD per month'),
              maxUsd: num('Top of the budget range, USD per month'),
              status: z.enum(['under', 'within', 'over']).describe('Where totalUsd falls'),
            })
            .describe("The phase's budget"),
          components: z.array(componentCost()).describe('Cost per component'),
          vsQuote: z
            .strictObject({
              estimateBook: text('The non-seed book whose estimate is compared with the quote'),
              differenceUsd: num('Estimate − quote, USD per month'),
              drivers: z
                .array(
                  z.strictObject({
                    id: text('Component id'),
                    differenceUsd: num('Its share of the gap, USD per month'),
                    quoted: flag('False when the document has no row for it'),
                  }),
                )
                .describe('Components by the size of their gap, largest first'),
            })
            .nullable()
            .describe('The priced estimate against the document’s quote; null without a quote or without an itemised estimate'),
          unverifiedLines: count('Cost lines priced from estimates'),
        })
        .describe('Cost'),
      purchase: purchaseSchema(),
      headroom: z
        .strictObject({
          maxUsers: nullableInt('Most users the phase serves within its SLOs and alert thresholds'),
          headroomUsers: nullableInt('maxUsers − users (negative past the limit)'),
          headroomPercent: nullableNum('(maxUsers / users − 1) × 100'),
          limitedBy: z.array(z.string()).describe('Checks that fail just past maxUsers'),
          unbounded: flag('True when the search found no limit'),
        })
        .describe('Headroom'),
      revenue: revenueSectionField(),
      assumptions: z
        .array(
          z.strictObject({
            name: text('Assumption name as in the catalog'),
            value: num('Its value'),
            source: z.enum(REPORTED_SOURCES).describe('Where the number comes from; override = set for this run with --set'),
            note: nullableText('Why this value, or where in the document'),
            scope: z.enum(['catalog', 'phase']).describe('phase: the phase overrides the catalog-wide value'),
          }),
        )
        .describe('Every assumption the run used'),
      warnings: z.array(z.string()).describe("The catalog validator's warnings, formatted; the engine's own remarks are `findings`"),
      uncertainty: uncertaintySchema().optional(),
      calibration: calibrationSchema().optional().describe('What the measurements set; present only with --metrics'),
    })
    .describe('The result of `cuenta-plan simulate --format json`'),
);

/** The engine's interface and this schema describe one shape: a field added on one side only fails `tsc`. */
type SimulateShapeCheck = Assert<SameShape<z.output<ReturnType<typeof simulateResultSchema>>, SimulateResult>>;
