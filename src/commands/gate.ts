import type { Command } from 'commander';
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

interface GateOptions extends Omit<PricingOptions, 'pricing'> {
  users: number[];
  budget?: number;
  maxCostPerUser?: number;
  requireSlo?: boolean;
  minHeadroom?: number;
  baseline?: string;
  maxIncrease?: number;
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
  };
  return asksForChecks(limits) ? limits : DEFAULT_LIMITS;
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
  $ cuenta-plan gate --policy examples/policy.yaml`,
    )
    .action(async (options: GateOptions, command: Command) => {
      const globals = ctx.globals(command);
      const policy = options.policy === undefined ? {} : loadPolicy(options.policy);
      const users = options.users.length > 0 ? options.users : (policy.users ?? []);
      if (users.length === 0) throw new UserError('gate needs a user count: give --users N (repeatable), or users: in the --policy file');
      const pricing = parsePricing(options.pricing ?? policy.pricing ?? 'snapshot');
      const limits = gateLimits(options, policy);
      const baselineFile = options.baseline ?? policy.baseline;
      if (limits.maxIncreasePercent !== undefined && baselineFile === undefined) {
        throw new UserError('--max-increase compares with a baseline: give --baseline FILE (a saved simulate, sweep or gate result, or a catalog)');
      }
      const snapshot = ctx.snapshotBook(globals);
      const catalog = withOverrides(loadCatalog(globals.catalog, snapshot).catalog, [...(policy.set ?? []), ...options.set]);
      const bookFor = async (priced: Catalog) => (await choosePriceBooks(ctx, globals, priced, { ...options, pricing })).book;
      const book = await bookFor(catalog);
      const baseline = baselineFile === undefined ? null : await loadBaseline(baselineFile, users, snapshot, bookFor);
      const result = gate({ catalog, users, book, thresholds: thresholdsOf(catalog), limits, baseline });
      emit(result, { table: renderGateTable, md: renderGateMarkdown }, globals, ctx.io);
      if (!result.ok) throw new PolicyError(gateFailureText(result));
    });
}
