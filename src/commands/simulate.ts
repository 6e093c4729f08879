import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { Catalog, Phase } from '../model/catalog-types.js';
import { phaseForUsers } from '../model/select.js';
import { thresholdsOf } from '../model/plan.js';
import { simulate } from '../model/simulate-result.js';
import { emit } from '../output.js';
import { loadCatalog } from '../catalog/load.js';
import { formatProblem } from '../catalog/problems.js';
import { renderSimulateMarkdown, renderSimulateTable } from '../render/simulate.js';
import { numberArg, collectSet, SET_HELP, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { simulateSample } from '../model/uncertainty-simulate.js';
import { addUncertaintyOptions, checkSeedNeedsSamples, DEFAULT_SEED, runUncertainty, shareableArgv, type UncertaintyOptions } from './uncertainty.js';
import { calibratedCatalog, metricsOptions, type MetricsOptions } from './metrics.js';
import { cacheTtlOption, choosePriceBooks, parsePhaseId, pricingOption, strictOption, type PricingOptions } from './pricing.js';
import { purchaseFrom, purchaseOptions, type PurchaseOptions } from './purchase.js';

/** Finds the phase for N users: --phase when given, else the phase whose range holds N. */
export function choosePhase(catalog: Catalog, users: number, phaseOption: number | undefined): { phase: Phase; selectedBy: 'range' | 'option' } {
  const ids = catalog.phases.map((p) => p.id).join(', ');
  if (phaseOption !== undefined) {
    const phase = catalog.phases.find((p) => p.id === phaseOption);
    if (!phase) throw new UserError(`--phase ${phaseOption} is not in the catalog; its phases are ${ids}`);
    return { phase, selectedBy: 'option' };
  }
  const phase = phaseForUsers(catalog, users);
  if (phase) return { phase, selectedBy: 'range' };
  const last = catalog.phases[catalog.phases.length - 1]!;
  const first = catalog.phases[0]!;
  if (users > last.users.max) {
    throw new UserError(
      `--users ${users.toLocaleString('en-US')} is above the catalog's largest phase (phase ${last.id} ends at ${last.users.max.toLocaleString('en-US')} users); ` +
        `pass --phase ${last.id} to extrapolate it`,
    );
  }
  throw new UserError(
    `--users ${users.toLocaleString('en-US')} is below the catalog's first phase (phase ${first.id} starts at ${first.users.min.toLocaleString('en-US')}); pass --phase`,
  );
}

/** Users: a whole number from 1 to a billion (beyond that the money sums stop being exact to the micro-dollar). */
export const usersArg = numberArg('--users', { min: 0, exclusiveMin: true, integer: true, max: 1_000_000_000 });

export function registerSimulate(program: Command, ctx: CommandContext): void {
  const command = program
    .command('simulate')
    .description('evaluate the architecture at N users: phase, instances per tier, latency, availability, cost, headroom')
    .requiredOption('-u, --users <n>', 'users in the month (whole number > 0; 50000, 50_000 and 50,000 all work)', usersArg)
    .option('-p, --phase <id>', 'evaluate this phase instead of the one whose user range holds N', parsePhaseId)
    .addOption(pricingOption())
    .addOption(strictOption())
    .addOption(cacheTtlOption())
    .option('--set <name=value>', SET_HELP, collectSet, [])
    .option('--detail', 'on a terminal, also list the assumptions (markdown and JSON always do)');
  for (const option of metricsOptions()) command.addOption(option);
  addUncertaintyOptions(purchaseOptions(command))
    .addHelpText(
      'after',
      `
Examples:
  $ cuenta-plan simulate --users 50000                  phase 3, priced from the bundled AWS snapshot
  $ cuenta-plan simulate --users 50000 --pricing seed   the document's own figures ($980 for phase 3)
  $ cuenta-plan simulate --users 150000 --phase 3       push phase 3 past its range: is it exhausted?
  $ cuenta-plan simulate --users 50000 --set cache_hit_ratio=0.9
                                                        what if the cache answered 90 % of reads?
  $ cuenta-plan simulate --users 50000 --purchase optimized
                                                        commit the always-on units, spot the peaks: every strategy's saving
  $ cuenta-plan simulate --users 5000 --purchase reserved-3y --upfront all
                                                        3-year reservations of each line's daily minimum, paid upfront
  $ cuenta-plan simulate --users 50000 --samples 10000 --seed 7
                                                        P10/P50/P90 and the odds of breaking each SLO and the budget
  $ cuenta-plan simulate --users 800 --metrics examples/metrics-phase1.json
                                                        calibrated from two weeks of measurements
  $ cuenta-plan simulate --users 50000 --format json    the versioned result (schemaVersion 2)`,
    )
    .action(async (options: PricingOptions & MetricsOptions & { users: number; phase?: number; detail?: boolean; set: SetOption[] } & UncertaintyOptions & PurchaseOptions, cmd: Command) => {
      const globals = ctx.globals(cmd);
      checkSeedNeedsSamples(options);
      const { catalog: loaded, warnings } = loadCatalog(globals.catalog, ctx.snapshotBook(globals));
      const calibrated = await calibratedCatalog(ctx, loaded, options, options.users);
      const { catalog } = calibrated;
      const { phase, selectedBy } = choosePhase(catalog, options.users, options.phase);
      const { book, compareBook } = await choosePriceBooks(ctx, globals, catalog, options);
      const purchase = purchaseFrom(options, catalog, options.pricing, book);
      const result = simulate({
        catalog,
        phase,
        selectedBy,
        users: options.users,
        book,
        compareBook,
        thresholds: thresholdsOf(catalog),
        catalogWarnings: warnings.map((w) => `catalog: ${formatProblem(w)}`),
        ...(purchase === undefined ? {} : { purchase }),
        ...(calibrated.calibration ? { calibration: calibrated.calibration, calibrationFindings: calibrated.findings } : {}),
      });
      const uncertain =
        options.samples === undefined
          ? result
          : {
              ...result,
              uncertainty: await runUncertainty(
                {
                  catalog,
                  phase,
                  samples: options.samples,
                  seed: options.seed ?? DEFAULT_SEED,
                  metrics: catalog.revenue ? ['cost', 'cost-per-user', 'p95-ms', 'availability', 'margin'] : ['cost', 'cost-per-user', 'p95-ms', 'availability'],
                  evaluate: simulateSample({ phaseId: phase.id, users: options.users, book, thresholds: thresholdsOf(catalog) }),
                },
                globals,
                ctx.io,
                shareableArgv(ctx, globals, options),
              ),
            };
      const detail = options.detail ?? false;
      emit(uncertain, { table: (r, o) => renderSimulateTable(r, { ...o, detail }), md: renderSimulateMarkdown }, globals, ctx.io);
    });
}

