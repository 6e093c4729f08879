/**
 * Names a catalog formula may read. The engine binds them when it evaluates a phase at N users;
 * the catalog validator rejects any other name (workload assumption names are allowed too).
 */
export const FORMULA_VARIABLES = {
  users: 'monthly active users (the N being simulated)',
  daily_active_users: 'users active on an average day: users × dau_per_mau',
  monthly_active_minutes: 'minutes of active use in an average calendar month: daily_active_users × active_minutes_per_day × 365.25 / 12',
  concurrent_users: "concurrent users at the design peak (the phase's concurrency range)",
  requests_per_s: 'requests per second at the design peak',
  avg_requests_per_s: 'monthly_requests over the seconds of an average calendar month',
  monthly_requests: 'requests in an average calendar month, from engagement: monthly_active_minutes × 60 × requests_per_active_user_per_s',
  hours_per_month: 'billing hours in a month (730)',
  instances: "this component's instance count averaged over the day",
  peak_instances: "this component's instance count at the daily peak",
  instance_hours: "this component's instance-hours in a month",
  nodes: "this component's worker nodes averaged over the day: each hour's instances packed whole, ceil(instances / pods_per_node)",
  node_hours: "this component's worker node-hours in a month: Σ over the day's hours of ceil(instances / pods_per_node), × hours_per_month / 24",
} as const;

/** Workload assumptions the engine itself reads; a catalog must define each (globally or per phase). */
export const REQUIRED_ASSUMPTIONS = {
  dau_per_mau: "share of the month's active users active on an average day (0–1)",
  active_minutes_per_day: 'minutes one daily active user is active in a day (above 0, at most 1440)',
  requests_per_active_user_per_s: 'requests per second of active use (per active user-second)',
  db_queries_per_request: 'database queries one request makes',
  db_read_fraction: 'share of database queries that are reads (0–1)',
  cache_hit_ratio: 'share of reads answered by the cache (0–1)',
  demand_app_s: 'CPU seconds one request costs the app tier (one vCPU)',
  demand_cache_s: 'CPU seconds one cache lookup costs',
  demand_db_read_s: 'CPU seconds one database read costs',
  demand_db_write_s: 'CPU seconds one database write costs',
  network_overhead_ms: 'fixed latency outside the modelled tiers (TLS, edge, gateway), milliseconds',
  storage_gb_per_user: 'database storage per user, GB',
  file_storage_gb_per_user: 'object storage per user, GB',
  transfer_mb_per_active_minute: 'data served per minute of active use, MB',
  error_rate: 'share of requests that fail for reasons other than capacity',
} as const;

export type RequiredAssumption = keyof typeof REQUIRED_ASSUMPTIONS;

/**
 * Workload assumptions the engine reads when a catalog defines them: the memory model (src/model/memory.ts).
 * Without them there is no memory check for the parts they describe.
 */
export const MEMORY_ASSUMPTIONS = {
  cache_shared_gb: 'content every user shares that the cache holds (lessons, catalogue), GB',
  cache_hot_mb_per_user: 'cached data per user whose data is hot (session, profile, progress), MB',
  app_memory_baseline_mb: 'memory of one idle app instance (runtime, framework, code), MB',
  app_memory_mb_per_request: 'memory one request in flight holds at the app, MB',
  db_memory_mb_per_connection: 'memory one database connection in use holds (its backend process), MB',
} as const;

export type MemoryAssumption = keyof typeof MEMORY_ASSUMPTIONS;

/**
 * The unit of each variable the engine binds, for the unit check of cost lines (see parseUnit in ./units.ts).
 * `instances` is a count held through the month, so instance-months; `instance_hours` = instances × hours_per_month.
 */
export const VARIABLE_UNITS: Readonly<Record<keyof typeof FORMULA_VARIABLES, string>> = {
  users: 'users',
  daily_active_users: 'users',
  monthly_active_minutes: 'user-minutes per month',
  concurrent_users: 'users',
  requests_per_s: 'requests per second',
  avg_requests_per_s: 'requests per second',
  monthly_requests: 'requests per month',
  hours_per_month: 'hours per month',
  instances: 'instance-months',
  peak_instances: 'instance-months',
  instance_hours: 'instance-hours',
  nodes: 'instance-months',
  node_hours: 'instance-hours',
};

/**
 * What moves each variable, for the class of a cost line (see `lineClass` in ./line-class.ts):
 * `constant` never moves with the workload; `users` follows the users in the month; `load` follows the
 * request volume or rate; `count` is this component's instances, which follow load when the engine sizes
 * them (autoscaled) and otherwise whatever their count reads. A new variable must say which it is.
 */
export type VariableDriver = 'constant' | 'users' | 'load' | 'count';

export const VARIABLE_DRIVERS: Readonly<Record<keyof typeof FORMULA_VARIABLES, VariableDriver>> = {
  users: 'users',
  // The design peak is read off the phase's range at N users: it moves with users, not with traffic.
  concurrent_users: 'users',
  // Engagement volumes (users × their activity) follow users: a line on them is what each user costs, not a request.
  daily_active_users: 'users',
  monthly_active_minutes: 'users',
  requests_per_s: 'load',
  avg_requests_per_s: 'load',
  monthly_requests: 'load',
  hours_per_month: 'constant',
  instances: 'count',
  peak_instances: 'count',
  instance_hours: 'count',
  nodes: 'count',
  node_hours: 'count',
};

/**
 * The unit the engine reads each required assumption in. A catalog may repeat it as `unit:`, but not change it.
 * Storage is a stock (GB held; held through the month it is GB-months); transfer is a flow that follows active use
 * (MB per user-minute × monthly_active_minutes = GB per month, with a constant for the scale).
 */
export const ASSUMPTION_UNITS: Readonly<Record<RequiredAssumption, string>> = {
  dau_per_mau: 'fraction',
  active_minutes_per_day: 'minutes per user-day',
  requests_per_active_user_per_s: 'requests per user-second',
  db_queries_per_request: 'queries per request',
  db_read_fraction: 'fraction',
  cache_hit_ratio: 'fraction',
  demand_app_s: 'seconds per request',
  demand_cache_s: 'seconds per request',
  demand_db_read_s: 'seconds per query',
  demand_db_write_s: 'seconds per query',
  network_overhead_ms: 'milliseconds',
  storage_gb_per_user: 'gb per user',
  file_storage_gb_per_user: 'gb per user',
  transfer_mb_per_active_minute: 'mb per user-minute',
  error_rate: 'fraction',
};
