/**
 * `--samples N --seed S`, shared by the commands that run a Monte Carlo (simulate, breakeven and forecast; gate
 * takes its own --samples for one check): the options, their checks, and the run with its progress bar.
 */
import type { Command } from 'commander';
// Our own grouping, not toLocaleString: the first toLocaleString loads ICU data (~20 ms), here at every start-up.
import { groupedDecimal } from '../model/decimal-text.js';
import { UserError } from '../errors.js';
import type { Catalog, Phase } from '../model/catalog-types.js';
import { MAX_SEED } from '../model/random.js';
import { monteCarlo, type MonteCarloInput, type SampleOutcome, type UncertaintySummary } from '../model/uncertainty.js';
import { catalogUncertainInputs, uncertainInputs, type UncertainInput } from '../model/uncertainty-inputs.js';
import { uncertaintySection, type UncertaintySection } from '../model/uncertainty-result.js';
import { BREACH_IDS, type UncertainMetric } from '../model/uncertainty-simulate.js';
import type { GlobalOptions, Io } from '../output.js';
import { progressBar } from '../progress.js';
import { numberArg } from './args.js';
import type { CommandContext, CommandGlobals } from './context.js';
import { sharedMonteCarlo, workerShare, workersFor } from './sample-workers.js';

/** Up to a million samples: the standard error of a probability is then under 0.0005. */
export const MAX_SAMPLES = 1_000_000;
export const DEFAULT_SEED = 1;

export interface UncertaintyOptions {
  samples?: number;
  seed?: number;
}

export function addUncertaintyOptions(command: Command): Command {
  return command
    .option('--samples <n>', `Monte Carlo over the catalog's distributions: P10/P50/P90 and the odds of breaking each SLO and the budget (1 to ${groupedDecimal(MAX_SAMPLES, 0)})`, numberArg('--samples', { min: 1, integer: true, max: MAX_SAMPLES }))
    .option('--seed <s>', `seed of the Monte Carlo's generator: the same seed gives the same figures on every machine (default ${DEFAULT_SEED})`, numberArg('--seed', { min: 0, integer: true, max: MAX_SEED }));
}

/**
 * The uncertain inputs a run draws.
 * @throws UserError when --seed comes without --samples, or the catalog has no quantity with a distribution (exit 2)
 */
export function inputsFor(options: UncertaintyOptions, catalog: Catalog, phase: Phase, flag = '--samples'): UncertainInput[] {
  const inputs = uncertainInputs(catalog, phase);
  if (inputs.length === 0) {
    throw new UserError(
      `${flag}: no quantity in force for phase ${phase.id} carries a distribution (or each was fixed with --set); ` +
        'add one beside a value, e.g. cache_hit_ratio: { value: 0.8, source: assumption, range: [0.5, 0.95], distribution: range } (docs/catalog.md § Distributions)',
    );
  }
  return inputs;
}

export interface UncertaintyRun<M extends UncertainMetric> {
  catalog: Catalog;
  phase: Phase;
  samples: number;
  seed: number;
  metrics: readonly M[];
  evaluate(catalog: Catalog): SampleOutcome<M>;
}

/**
 * Any Monte Carlo, with a progress bar on stderr (src/progress.ts decides whether it shows). Given `share`, the
 * command line, a long run may be shared with worker threads running it again (CUENTA_PLAN_THREADS,
 * ./sample-workers.ts); the figures are the same either way. In such a worker, this is where its command stops.
 */
export async function monteCarloWithProgress<M extends string>(
  input: MonteCarloInput<M>,
  globals: GlobalOptions,
  io: Io,
  share?: readonly string[],
): Promise<UncertaintySummary<M>> {
  workerShare(input);
  const progress = progressBar(
    { stderr: io.stderr, stderrIsTTY: io.stderrIsTTY?.() ?? false, env: io.env, format: globals.format, now: () => performance.now(), columns: io.columns },
    'sampling',
  );
  const onProgress = (done: number, total: number) => progress.update(done, total);
  const workers = share === undefined ? 0 : workersFor(input.samples, io.env);
  try {
    if (workers > 0) return await sharedMonteCarlo(input, share!, workers, onProgress);
    return monteCarlo({ ...input, onProgress });
  } finally {
    progress.finish();
  }
}

/**
 * The command line a worker thread may run again to share a Monte Carlo, or undefined when a second run could
 * read other inputs: a catalog on standard input, live prices, CloudWatch measurements.
 */
export function shareableArgv(ctx: CommandContext, globals: CommandGlobals, options: { pricing?: string; metrics?: string }): readonly string[] | undefined {
  return globals.catalog === '-' || options.pricing === 'live' || options.metrics === 'cloudwatch' ? undefined : ctx.argv;
}

/** Runs simulate's Monte Carlo at one phase: its figures and the odds of breaking each SLO and the budget. */
export async function runUncertainty<M extends UncertainMetric>(run: UncertaintyRun<M>, globals: GlobalOptions, io: Io, share?: readonly string[]): Promise<UncertaintySection> {
  const inputs = inputsFor({ samples: run.samples }, run.catalog, run.phase);
  return uncertaintySection(await monteCarloWithProgress({ ...run, inputs, breachIds: BREACH_IDS }, globals, io, share));
}

/**
 * The uncertain inputs of a run over every phase (breakeven, forecast).
 * @throws UserError when no quantity in the catalog carries a distribution (exit 2)
 */
export function catalogInputsFor(catalog: Catalog, flag = '--samples'): UncertainInput[] {
  const inputs = catalogUncertainInputs(catalog);
  if (inputs.length === 0) {
    throw new UserError(
      `${flag}: no quantity of the catalog carries a distribution (or each was fixed with --set); ` +
        'add one beside a value, e.g. cache_hit_ratio: { value: 0.8, source: assumption, range: [0.5, 0.95], distribution: range } (docs/catalog.md § Distributions)',
    );
  }
  return inputs;
}

/** --seed alone would silently do nothing. */
export function checkSeedNeedsSamples(options: UncertaintyOptions): void {
  if (options.seed !== undefined && options.samples === undefined) throw new UserError('--seed takes effect only with --samples N; add --samples');
}
