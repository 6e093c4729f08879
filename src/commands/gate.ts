import type { Command } from 'commander';
// Our own grouping, not toLocaleString: the first toLocaleString loads ICU data (~20 ms), here at every start-up.
import { groupedDecimal } from '../model/decimal-text.js';
import type { Catalog } from '../model/catalog-types.js';
import { PolicyError, UserError } from '../errors.js';
import { asksForChecks, DEFAULT_LIMITS, gate, type GateLimits } from '../model/gate.js';
import { thresholdsOf } from '../model/plan.js';
import { withOverrides } from '../model/overrides.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { loadBaseline } from '../inputs/baseline.js';
import { loadPolicy } from '../inputs/policy.js';
import type { GatePolicy } from '../inputs/policy-schema.js';
import { gateFailureText, renderGateMarkdown, renderGateTable } from '../render/gate.js';
import { collectSet, numberArg, percentArg, SET_HELP, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { cacheTtlOption, choosePriceBooks, parsePricing, pricingOption, strictOption, type PricingOptions } from './pricing.js';
import { usersArg } from './simulate.js';
import { parseAsOf, parseGrowth } from './advise.js';
import { DEFAULT_SEED, inputsFor, MAX_SAMPLES, runUncertainty } from './uncertainty.js';
import { MAX_SEED } from '../model/random.js';
import { phaseForUsers } from '../model/select.js';
import { simulateSample } from '../model/uncertainty-simulate.js';
import type { GlobalOptions } from '../output.js';

/** The gate's flags: the policy's keys (flags win over them), plus what only the command line gives. */
interface GateOptions extends Omit<PricingOptions, 'pricing'>, Omit<GatePolicy, 'users' | 'growth' | 'pricing' | 'set'> {
  users: number[];
  /** A fraction a month (0.1 = 10 %), as parseGrowth reads it; the policy's growth is in percent. */
  growth?: number;
  policy?: string;
  pricing?: string;
  set: SetOption[];
}

const collectUsers = (raw: string, previous: readonly number[] = []): number[] => [...previous, usersArg(raw)];

/** The checks asked for: each flag wins over the policy's key of the same name; none asked → the catalog's own limits. */
export function gateLimits(options: GateOptions, policy: GatePolicy): GateLimits {
  const limits: GateLimits = {
    phaseBudget: false,
    slo: options.requireSlo ?? policy.requireSlo ?? false,
    budgetUsd: options.budget ?? policy.budget,
    maxCostPerUserUsd: options.maxCostPerUser ?? policy.maxCostPerUser,
    minHeadroomPercent: options.minHeadroom ?? policy.minHeadroom,
    maxIncreasePercent: options.maxIncrease ?? policy.maxIncrease,
    minWeeksToMigrate: options.minWeeksToMigrate ?? policy.minWeeksToMigrate,
    maxBreachProbability: options.maxBreachProbability ?? policy.maxBreachProbability,
  };
  return asksForChecks(limits) ? limits : DEFAULT_LIMITS;
}

/** Default Monte Carlo samples for --max-breach-probability: a standard error of at most 0.016 on each probability. */
export const GATE_DEFAULT_SAMPLES = 1000;

/** "0.05" or "5%": a probability from 0 to 1. */
export function parseProbability(raw: string): number {
  const text = raw.trim();
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1).trim() : text;
  const value = /^(\d+\.?\d*|\.\d+)$/.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  if (!(value >= 0 && value <= 1)) {
    throw new UserError(`--max-breach-probability takes a probability from 0 to 1, or a percent (0.05 or 5%); got "${raw}"`);
  }
  return value;
}

/** Options that only mean something beside another: alone they would silently do nothing. */
function checkCompanions(options: GateOptions, policy: GatePolicy, limits: GateLimits): void {
  const needs = (given: boolean, flag: string, companion: string) => {
    if (given) throw new UserError(`${flag} takes effect only with ${companion}; add it (or leave ${flag} out)`);
  };
  const migration = limits.minWeeksToMigrate !== undefined;
  const breaches = limits.maxBreachProbability !== undefined;
  needs(!migration && (options.growth ?? policy.growth) !== undefined, '--growth', '--min-weeks-to-migrate W');
  needs(!migration && (options.asOf ?? policy.asOf) !== undefined, '--as-of', '--min-weeks-to-migrate W');
  needs(!breaches && (options.samples ?? policy.samples) !== undefined, '--samples', '--max-breach-probability P');
  needs(!breaches && (options.seed ?? policy.seed) !== undefined, '--seed', '--max-breach-probability P');
  if (migration && (options.growth ?? policy.growth) === undefined) {
    throw new UserError('--min-weeks-to-migrate needs a growth rate: give --growth PCT (net monthly-active-user growth, e.g. 10%)');
  }
}

/**
 * The Monte Carlo at each user count, on the phase whose range holds it (a count no phase holds is left to the
 * gate, which names it). Each draws --samples from --seed, so every count is reproducible on its own.
 */
async function breachesAt(catalog: Catalog, users: readonly number[], book: Parameters<typeof simulateSample>[0]['book'], samples: number, seed: number, globals: GlobalOptions, ctx: CommandContext) {
  const thresholds = thresholdsOf(catalog);
  const found = [];
  // One run after another, none shared with a worker thread: a worker runs the command's first Monte Carlo only.
  for (const n of users) {
    const phase = phaseForUsers(catalog, n);
    if (!phase) continue;
    inputsFor({ samples }, catalog, phase, '--max-breach-probability');
    const run = { catalog, phase, samples, seed, metrics: ['cost', 'cost-per-user', 'p95-ms', 'availability'] as const, evaluate: simulateSample({ phaseId: phase.id, users: n, book, thresholds }) };
    found.push({ users: n, breaches: (await runUncertainty(run, globals, ctx.io)).breaches });
  }
  return found;
}

export function registerGate(program: Command, ctx: CommandContext): void {
  program
    .command('gate')
    .description('check the plan at one or more user counts against a budget, a cost per user, the SLOs, the headroom or a baseline: exit 1 when a check fails')
    .option('-u, --users <n>', 'a user count to check (repeatable; required unless the policy gives users)', collectUsers, [])
    .option('--budget <usd>', 'largest monthly cost allowed at each user count, USD', numberArg('--budget', { min: 0 }))
    .option('--max-cost-per-user <usd>', 'largest monthly cost per user allowed, USD', numberArg('--max-cost-per-user', { min: 0 }))
    .option('--require-slo', "check the phase's latency and expected availability SLOs")
    .option('--min-headroom <pct>', 'fewest more users, in percent of each count, the phase must still serve (10 or 10%)', percentArg('--min-headroom'))
    .option('--baseline <file>', 'compare costs with a saved simulate, sweep or gate JSON result, or with another catalog')
    .option('--max-increase <pct>', 'largest growth of the monthly cost over the baseline, in percent (10 or 10%)', percentArg('--max-increase'))
    .option('--min-weeks-to-migrate <w>', 'fewest weeks from --as-of until the migration to the next phase must start, at --growth (advise\'s dates)', numberArg('--min-weeks-to-migrate', { min: 0 }))
    .option('--growth <rate>', 'net monthly-active-user growth per month, in percent (10% or 10), for --min-weeks-to-migrate', parseGrowth)
    .option('--as-of <date>', 'the day to count the weeks from, YYYY-MM-DD (default: today, UTC)', parseAsOf)
    .option('--max-breach-probability <p>', 'highest probability of breaking each SLO and the budget in a Monte Carlo over the catalog\'s distributions (0.05 or 5%)', parseProbability)
    .option('--samples <n>', `Monte Carlo samples at each user count for --max-breach-probability (1 to ${groupedDecimal(MAX_SAMPLES, 0)}; default ${GATE_DEFAULT_SAMPLES})`, numberArg('--samples', { min: 1, integer: true, max: MAX_SAMPLES }))
    .option('--seed <s>', `seed of the Monte Carlo's generator (default ${DEFAULT_SEED})`, numberArg('--seed', { min: 0, integer: true, max: MAX_SEED }))
    .option('--policy <file>', 'read the checks from a policy YAML whose keys are these flags (schema/policy.schema.json); flags win')
    .addOption(pricingOption().default(undefined, 'snapshot'))
    .addOption(strictOption())
    .addOption(cacheTtlOption())
    .option('--set <name=value>', SET_HELP, collectSet, [])
    .addHelpText(
      'after',
      `
With no check given, the gate checks the catalog's own limits: each phase's budget ceiling and its latency and
availability SLOs. A check that cannot be evaluated fails. Exit 0 when every check passes, 1 when any fails
(the output is written first), 2 on bad input.

Examples:
  $ cuenta-plan gate --users 10000 --users 50000 --budget 2500
  $ cuenta-plan gate --users 50000 --require-slo --min-headroom 20%
  $ cuenta-plan gate --users 50000 --baseline base.json --max-increase 10 --format md   a pull-request comment
  $ cuenta-plan gate --users 5000 --min-weeks-to-migrate 12 --growth 10% --as-of 2027-01-01
  $ cuenta-plan gate --users 50000 --max-breach-probability 5% --samples 2000 --seed 7
  $ cuenta-plan gate --policy examples/policy.yaml`,
    )
    .action(async (options: GateOptions, command: Command) => {
      const globals = ctx.globals(command);
      const policy = options.policy === undefined ? {} : loadPolicy(options.policy);
      const users = options.users.length > 0 ? options.users : (policy.users ?? []);
      if (users.length === 0) throw new UserError('gate needs a user count: give --users N (repeatable), or users: in the --policy file');
      const pricing = parsePricing(options.pricing ?? policy.pricing ?? 'snapshot');
      const limits = gateLimits(options, policy);
      checkCompanions(options, policy, limits);
      const growthPercent = options.growth === undefined ? policy.growth : options.growth * 100;
      const baselineFile = options.baseline ?? policy.baseline;
      if (limits.maxIncreasePercent !== undefined && baselineFile === undefined) {
        throw new UserError('--max-increase compares with a baseline: give --baseline FILE (a saved simulate, sweep or gate result, or a catalog)');
      }
      const snapshot = ctx.snapshotBook(globals);
      const catalog = withOverrides(loadCatalog(globals.catalog, snapshot).catalog, [...(policy.set ?? []), ...options.set]);
      const bookFor = async (priced: Catalog) => (await choosePriceBooks(ctx, globals, priced, { ...options, pricing })).book;
      const book = await bookFor(catalog);
      const baseline = baselineFile === undefined ? null : await loadBaseline(baselineFile, users, snapshot, bookFor);
      const growth =
        growthPercent === undefined ? undefined : { perMonth: growthPercent / 100, asOf: options.asOf ?? policy.asOf ?? new Date().toISOString().slice(0, 10) };
      const breaches =
        limits.maxBreachProbability === undefined
          ? undefined
          : await breachesAt(catalog, users, book, options.samples ?? policy.samples ?? GATE_DEFAULT_SAMPLES, options.seed ?? policy.seed ?? DEFAULT_SEED, globals, ctx);
      const result = gate({
        catalog,
        users,
        book,
        thresholds: thresholdsOf(catalog),
        limits,
        baseline,
        ...(growth === undefined ? {} : { growth }),
        ...(breaches === undefined ? {} : { breaches }),
      });
      emit(result, { table: renderGateTable, md: renderGateMarkdown }, globals, ctx.io);
      if (!result.ok) throw new PolicyError(gateFailureText(result));
    });
}
