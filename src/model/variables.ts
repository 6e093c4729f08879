/**
 * Names a catalog formula may read. The engine binds them when it evaluates a phase at N users;
 * the catalog validator rejects any other name (workload assumption names are allowed too).
 */
export const FORMULA_VARIABLES = {
  users: 'users in the month (the N being simulated)',
  concurrent_users: 'concurrent users at the daily peak',
  requests_per_s: 'requests per second at the daily peak',
  avg_requests_per_s: 'requests per second averaged over the daily profile',
  monthly_requests: 'requests in a month (average rate × seconds per month)',
  hours_per_month: 'billing hours in a month (730)',
  instances: "this component's instance count averaged over the day",
  peak_instances: "this component's instance count at the daily peak",
  instance_hours: "this component's instance-hours in a month",
} as const;

/** Workload assumptions the engine itself reads; a catalog must define each (globally or per phase). */
export const REQUIRED_ASSUMPTIONS = {
  requests_per_active_user_per_s: 'requests per second from one concurrent user',
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
  transfer_gb_per_user_month: 'data served to one user in a month, GB',
  error_rate: 'share of requests that fail for reasons other than capacity',
} as const;

export type RequiredAssumption = keyof typeof REQUIRED_ASSUMPTIONS;
