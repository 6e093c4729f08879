/**
 * The values a settable quantity may take, written once: the catalog schema builds its checks of the engine's
 * assumptions from ASSUMPTION_DOMAINS (src/catalog/schema.ts), and `--set` / `solve --vary` check an override
 * against the same table (./overrides.ts), so a value the catalog would refuse is refused on the command line too.
 */
import { DEFAULT_FAILURE_MODEL } from './failure-model.js';
import type { MemoryAssumption, RequiredAssumption } from './variables.js';

export interface Domain {
  min: number;
  /** True when `min` itself is outside the domain (a rate must be above 0). */
  exclusiveMin: boolean;
  max: number;
  integer: boolean;
  /** What a value must be, completing "must be …". */
  text: string;
}

export const DOMAINS = {
  /** Anything finite: free-form assumptions, whose meaning the engine does not know. */
  number: { min: -Infinity, exclusiveMin: false, max: Infinity, integer: false, text: 'a finite number' },
  positive: { min: 0, exclusiveMin: true, max: Infinity, integer: false, text: 'greater than 0' },
  nonNegative: { min: 0, exclusiveMin: false, max: Infinity, integer: false, text: 'at least 0 (not negative)' },
  wholeNonNegative: { min: 0, exclusiveMin: false, max: Infinity, integer: true, text: 'a whole number ≥ 0' },
  fraction: { min: 0, exclusiveMin: false, max: 1, integer: false, text: 'a fraction from 0 to 1 (70 % is 0.7)' },
  percent: { min: 0, exclusiveMin: false, max: 100, integer: false, text: 'a percent from 0 to 100' },
  /** An availability: above 0 (a component that is never up is not a component), up to 1. */
  /** Weeks of a year (365.25 / 7 of them), from none to all. */
  weeksOfYear: { min: 0, exclusiveMin: false, max: 52, integer: false, text: 'from 0 to 52 weeks' },
  /** Minutes of one day: above 0, at most 24 × 60. */
  minutesOfDay: { min: 0, exclusiveMin: true, max: 1440, integer: false, text: 'above 0 and at most 1440 (the minutes in a day)' },
  openFraction: { min: 0, exclusiveMin: true, max: 1, integer: false, text: 'a fraction above 0 and up to 1 (99.5 % is 0.995)' },
} as const satisfies Record<string, Domain>;

export type DomainName = keyof typeof DOMAINS;

/** The domain of each assumption the engine reads, required or (memory) optional; the catalog schema's checks are built from it. */
export const ASSUMPTION_DOMAINS: Readonly<Record<RequiredAssumption | MemoryAssumption, DomainName>> = {
  dau_per_mau: 'fraction',
  active_minutes_per_day: 'minutesOfDay',
  requests_per_active_user_per_s: 'positive',
  db_queries_per_request: 'nonNegative',
  db_read_fraction: 'fraction',
  cache_hit_ratio: 'fraction',
  demand_app_s: 'positive',
  demand_cache_s: 'nonNegative',
  demand_db_read_s: 'nonNegative',
  demand_db_write_s: 'nonNegative',
  network_overhead_ms: 'nonNegative',
  storage_gb_per_user: 'nonNegative',
  file_storage_gb_per_user: 'nonNegative',
  transfer_mb_per_active_minute: 'nonNegative',
  error_rate: 'fraction',
  cache_shared_gb: 'nonNegative',
  cache_hot_mb_per_user: 'nonNegative',
  app_memory_baseline_mb: 'nonNegative',
  app_memory_mb_per_request: 'nonNegative',
  db_memory_mb_per_connection: 'nonNegative',
};

/**
 * The domain of every other sourced quantity a run may override, by its YAML path with array indexes left out
 * (`discounts.reserved.options[].discount`). The catalog schema checks the same bounds on these fields;
 * test/model/overrides.test.ts holds the two together and checks that every such quantity of the bundled
 * catalog has an entry here.
 */
export const PATH_DOMAINS: Readonly<Record<string, DomainName>> = {
  'phases[].components[].availability': 'openFraction',
  'revenue.free_share': 'fraction',
  'revenue.premium.price_schedule[].from_users': 'wholeNonNegative',
  'revenue.premium.price_schedule[].usd_per_month': 'nonNegative',
  'revenue.enterprise.usd_per_school_month': 'nonNegative',
  'revenue.enterprise.user_share': 'fraction',
  'revenue.enterprise.users_per_school': 'positive',
  'revenue.fees.payment_percent': 'fraction',
  'revenue.fees.payment_fixed_usd': 'nonNegative',
  'revenue.opex_usd_per_month': 'nonNegative',
  'revenue.plans[].user_share': 'fraction',
  'revenue.plans[].users_per_group': 'positive',
  'revenue.plans[].usd_per_month': 'nonNegative',
  'revenue.plans[].price_schedule[].from_users': 'wholeNonNegative',
  'revenue.plans[].price_schedule[].usd_per_month': 'nonNegative',
  'discounts.reserved.discount': 'fraction',
  'discounts.reserved.options[].discount': 'fraction',
  'discounts.savings_plans[].discount': 'fraction',
  'discounts.spot.discount': 'fraction',
  'discounts.spot.interruption_rate': 'fraction',
  'discounts.spot.max_share': 'fraction',
  'phases[].components[].cache.reserved_memory_percent': 'percent',
  'workload.calendar.weekday': 'positive',
  'workload.calendar.weekend': 'nonNegative',
  'workload.calendar.school_holidays.weeks_per_year': 'weeksOfYear',
  'workload.calendar.school_holidays.factor': 'nonNegative',
  ...Object.fromEntries(failureModelPaths().map((path) => [path, 'nonNegative' as const])),
};

/** The YAML paths of the availability model's inputs (rates and durations, never negative), from its own fields. */
function failureModelPaths(): string[] {
  const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return Object.entries(DEFAULT_FAILURE_MODEL).flatMap(([field, value]) =>
    field === 'failover'
      ? Object.entries(value).flatMap(([mechanism, pair]) => Object.keys(pair as object).map((part) => `availability_model.failover.${snake(mechanism)}.${snake(part)}`))
      : [`availability_model.${snake(field)}`],
  );
}

/** True when `value` lies in the domain. */
export function inDomain(domain: Domain, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (domain.exclusiveMin ? value <= domain.min : value < domain.min) return false;
  if (value > domain.max) return false;
  return !domain.integer || Number.isInteger(value);
}
