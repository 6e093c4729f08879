/**
 * Calibration: the model's workload inputs set from measurements of the running system (docs/model.md ›
 * Calibration). From the request count: `requests_per_active_user_per_s` (the engagement factors stay as
 * the catalog has them), the 24-hour profile, and the design peak (the busiest period, as concurrent users
 * per monthly user, for every phase). From CPU by the utilisation law (./calibrate-demand.ts): the service
 * demand of each tier measured. Each value enters the catalog as a quantity with `source: measured` and the
 * window in its note; `--set` applied afterwards still wins. Pure: the observations are data.
 */
import type { Catalog, Component, Phase, Quantity, Tier } from './catalog-types.js';
import type { ObservedTier, Observations } from './calibrate-observations.js';
import { serviceDemand, type DemandMeasurement } from './calibrate-demand.js';
import { hourlyProfile, onlySeries, ratePerS, seriesOf } from './calibrate-series.js';
import { InputError } from './input-error.js';
import { phaseForUsers } from './select.js';
import { assumed, assumptionsFor, hasCache, visitsPerRequest } from './workload.js';

/** One catalog quantity calibration replaced. */
export interface CalibratedValue {
  name: string;
  value: number;
  /** What the catalog had. */
  previous: number;
}

/** A tier's CPU as measured, and the demand the utilisation law gives. */
export interface MeasuredTier extends DemandMeasurement {
  tier: ObservedTier;
  component: string;
}

export interface Calibration {
  /** Where the observations came from (a file name, or `cloudwatch`). */
  source: string;
  window: { start: string; end: string; periodSeconds: number; days: number };
  users: number;
  /** `observations`: the file's `users`; `run`: the run's --users, as the file gives none. */
  usersFrom: 'observations' | 'run';
  /** The phase the measured system runs. */
  phase: number;
  requests: { total: number; averagePerS: number; peakPerS: number; peakAt: string; periods: number };
  /** The measured peak as the design peak: concurrent users at the observed users, and per monthly user. */
  designPeak: { concurrentUsers: number; perUser: number };
  /** The measured 24-hour profile (UTC hours; busiest = 1); null when the data cannot give one. */
  dailyProfile: number[] | null;
  assumptions: CalibratedValue[];
  tiers: MeasuredTier[];
  /** What could not be calibrated from these observations, and why. */
  skipped: Array<{ what: string; reason: string }>;
}

export interface CalibrateOptions {
  /** The run's --users: the users measured when the observations do not say. */
  runUsers: number;
  source: string;
}

const note = (cal: Pick<Calibration, 'window' | 'source'>, how: string): string =>
  `measured ${cal.window.start} – ${cal.window.end} (${cal.source}): ${how}`;

/** The catalog with a workload assumption set to a measured value (and the observed phase's own, if it has one). */
function withMeasured(catalog: Catalog, phaseId: number, name: string, value: number, why: string): Catalog {
  const measured = (q: Quantity): Quantity => ({ ...q, value, source: 'measured', note: why });
  const shared = catalog.workload.assumptions[name];
  const workload = shared ? { ...catalog.workload, assumptions: { ...catalog.workload.assumptions, [name]: measured(shared) } } : catalog.workload;
  const phases = catalog.phases.map((p): Phase => {
    const own = p.id === phaseId ? p.assumptions[name] : undefined;
    return own ? { ...p, assumptions: { ...p.assumptions, [name]: measured(own) } } : p;
  });
  return { ...catalog, workload, phases };
}

/** The one component of the phase serving `tier`, when it serves no other queueing tier (its CPU is its own). */
function ownComponent(phase: Phase, tier: Tier): Component | string {
  const serving = phase.components.filter((c) => c.serves.includes(tier));
  if (serving.length !== 1) return `phase ${phase.id} has ${serving.length} components serving ${tier}`;
  const component = serving[0]!;
  const shared = component.serves.filter((t) => t !== tier && (t === 'app' || t === 'db' || t === 'cache'));
  if (shared.length > 0) return `${component.id} also serves ${shared.join(', ')}: its CPU cannot be split between them`;
  if (!component.instance?.vcpus) return `${component.id} has no vCPU count in the catalog`;
  return component;
}

function observedPhase(catalog: Catalog, obs: Observations, users: number): Phase {
  if (obs.phase !== undefined) {
    const phase = catalog.phases.find((p) => p.id === obs.phase);
    if (!phase) throw new InputError(`the observations name phase ${obs.phase}, which is not in the catalog`);
    return phase;
  }
  const phase = phaseForUsers(catalog, users);
  if (!phase) throw new InputError(`no phase's user range holds the ${users} users measured; give the phase in the observations ("phase")`);
  return phase;
}

/**
 * @throws InputError when the observations have no request count, or no request in it, or name no usable phase
 */
export function calibrate(catalog: Catalog, obs: Observations, options: CalibrateOptions): { catalog: Catalog; calibration: Calibration } {
  const requests = onlySeries(obs, 'requests');
  if (!requests) throw new InputError('the observations have no "requests" series: calibration needs the request count');
  const period = obs.window.periodSeconds;
  const rates = ratePerS(requests, period);
  const total = requests.values.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new InputError(`the "requests" series (${requests.id}) counts no request: nothing to calibrate from`);
  const users = obs.users ?? options.runUsers;
  const phase = observedPhase(catalog, obs, users);
  const days = (Date.parse(obs.window.end) - Date.parse(obs.window.start)) / 86_400_000;
  const base: Pick<Calibration, 'window' | 'source'> = { source: options.source, window: { ...obs.window, days } };
  const skipped: Calibration['skipped'] = [];
  const calibrated: CalibratedValue[] = [];
  let result = catalog;
  // Six significant digits: what the measurements support, and what every listing of the assumption shows.
  const set = (name: string, measured: number, how: string) => {
    const value = Number(measured.toPrecision(6));
    calibrated.push({ name, value, previous: assumed(assumptionsFor(result, phase), name as never) });
    result = withMeasured(result, phase.id, name, value, note(base, how));
  };

  // Volume: the mean rate over the periods measured (gaps are not counted as zero).
  const averagePerS = total / (requests.values.length * period);
  const a = assumptionsFor(catalog, phase);
  const activeSecondsPerDay = users * assumed(a, 'dau_per_mau') * assumed(a, 'active_minutes_per_day') * 60;
  const rate = (averagePerS * 86_400) / activeSecondsPerDay;
  set('requests_per_active_user_per_s', rate, `${Math.round(averagePerS * 86_400).toLocaleString('en-US')} requests a day over ${users.toLocaleString('en-US')} users' active seconds (dau_per_mau × active_minutes_per_day × 60, as the catalog has them)`);

  // The design peak: the busiest period's rate, as concurrent users at the measured per-user rate.
  let peakAt = requests.timestamps[0]!;
  let peakPerS = 0;
  for (const [t, r] of rates) if (r > peakPerS) [peakPerS, peakAt] = [r, new Date(t).toISOString().replace('.000Z', 'Z')];
  const perUser = peakPerS / rate / users;
  const peakNote = note(base, `the busiest period (${peakAt}, ${peakPerS.toFixed(2)} req/s) is ${(perUser * 100).toFixed(2)} % of the monthly users at once`);
  result = {
    ...result,
    phases: result.phases.map((p) => ({ ...p, concurrentUsers: { min: perUser * p.users.min, max: perUser * p.users.max, source: 'measured' as const, note: peakNote } })),
  };

  const profile = hourlyProfile(rates, period);
  if (profile) result = { ...result, workload: { ...result.workload, dailyProfile: profile } };
  else skipped.push({ what: 'daily profile', reason: period > 3600 ? 'periods are longer than an hour' : 'some hour of the day has no data' });

  const tiers: MeasuredTier[] = [];
  const demand = (tier: ObservedTier & Tier) => {
    const cpu = seriesOf(obs, 'cpu', tier);
    if (cpu.length === 0) return void skipped.push({ what: `${tier} service demand`, reason: `no ${tier} CPU series` });
    const component = ownComponent(phase, tier);
    if (typeof component === 'string') return void skipped.push({ what: `${tier} service demand`, reason: component });
    const measured = serviceDemand(rates, cpu, component.instance!.vcpus, onlySeries(obs, 'instances', tier));
    if (!measured) return void skipped.push({ what: `${tier} service demand`, reason: 'its CPU and the request count share no period' });
    tiers.push({ tier, component: component.id, ...measured });
    return measured;
  };
  const how = (m: DemandMeasurement) =>
    m.method === 'regression'
      ? `utilisation law busy = B + X·S fitted over ${m.periods} periods (${m.backgroundVcpus.toFixed(3)} vCPUs busy with no load; mean ${m.busyVcpus.toFixed(3)} at ${m.requestsPerS.toFixed(2)} req/s)`
      : `utilisation law S = busy / X: ${m.busyVcpus.toFixed(3)} vCPUs busy at ${m.requestsPerS.toFixed(2)} req/s over ${m.periods} periods (background counted as demand: an upper bound)`;

  const app = demand('app');
  if (app) set('demand_app_s', app.demandS, how(app));
  const visits = visitsPerRequest(assumptionsFor(result, phase), hasCache(phase));
  const db = demand('db');
  if (db && visits.dbReads + visits.dbWrites > 0) {
    // CPU does not tell reads from writes: both keep the catalog's ratio, scaled to the measured total.
    const now = assumptionsFor(result, phase);
    const modelled = visits.dbReads * assumed(now, 'demand_db_read_s') + visits.dbWrites * assumed(now, 'demand_db_write_s');
    const k = db.demandS / modelled;
    set('demand_db_read_s', assumed(now, 'demand_db_read_s') * k, `${how(db)}; reads and writes keep the catalog's ratio`);
    set('demand_db_write_s', assumed(now, 'demand_db_write_s') * k, `${how(db)}; reads and writes keep the catalog's ratio`);
  }
  const cache = visits.cache > 0 ? demand('cache') : undefined;
  if (cache) set('demand_cache_s', cache.demandS / visits.cache, `${how(cache)}, ${visits.cache} lookups per request`);

  return {
    catalog: result,
    calibration: {
      ...base,
      users,
      usersFrom: obs.users === undefined ? 'run' : 'observations',
      phase: phase.id,
      requests: { total, averagePerS, peakPerS, peakAt, periods: requests.values.length },
      designPeak: { concurrentUsers: perUser * users, perUser },
      dailyProfile: profile,
      assumptions: calibrated,
      tiers,
      skipped,
    },
  };
}
