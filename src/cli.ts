import { Command, CommanderError, Option } from 'commander';
import { registerBreakeven } from './commands/breakeven.js';
import { registerAdvise } from './commands/advise.js';
import { registerCatalog } from './commands/catalog.js';
import { registerClaims } from './commands/claims.js';
import { registerCompare } from './commands/compare.js';
import { registerPricing } from './commands/pricing-cache.js';
import { makeContext, type CommandContext } from './commands/context.js';
import { registerForecast } from './commands/forecast.js';
import { registerGate } from './commands/gate.js';
import { registerMetrics } from './commands/metrics.js';
import { registerQueue } from './commands/queue.js';
import { registerReport } from './commands/report.js';
import { runSampleWorker, SAMPLE_WORKER_FLAG } from './commands/sample-workers.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerSimulate } from './commands/simulate.js';
import { registerSolve } from './commands/solve.js';
import { registerSweep } from './commands/sweep.js';
import { reportError, EXIT } from './errors.js';
import { FORMATS, type Io } from './output.js';
import { endProcess, processIo } from './process-io.js';
import { version } from './version.js';

/** Builds the command tree. Each command module registers itself; this file only wires them. */
export function buildProgram(io: Io, argv: readonly string[] = []): Command {
  const ctx = makeContext(io, argv);
  const program = new Command('cuenta-plan')
    .description(
      'Capacity planning and cost modelling for a web platform that grows through phases: which phase and ' +
        'how many instances at N users, the latency and availability to expect, cost per user, headroom.',
    )
    .version(version, '-V, --version', 'print the version and exit')
    .option('--catalog <file>', 'phase catalog YAML (default: the bundled Cuenta Conmigo plan, data/phases.yaml)')
    .option('--prices <file>', 'price book in the snapshot format, for the catalog\'s region (default: data/pricing/aws-us-east-1.json)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the output to FILE (atomically; `-` is stdout) instead of stdout')
    .option('--no-color', 'no ANSI colours (also: NO_COLOR=1 in the environment)')
    .showHelpAfterError('(run with --help for usage and examples)')
    // Subcommands copy this when they are created (below), so every command's --help lists the global options.
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      `
Examples:
  $ cuenta-plan simulate --users 50000          which phase, instances, P95, cost and headroom at 50,000 users
  $ cuenta-plan compare 2 3                     phases 2 and 3 side by side where migrating is decided
  $ cuenta-plan sweep --from 100 --to 1000000 --log
  $ cuenta-plan solve --vary requests_per_active_user_per_s --target cost=1500 --users 50000
                                                what request rate keeps phase 3 within $1,500?
  $ cuenta-plan gate --users 50000 --budget 2500   exit 1 when a check fails (CI)
  $ cuenta-plan catalog show                    the phases of the bundled plan
  $ cuenta-plan queue mmc --arrival-rate 80 --service-rate 10 --servers 10

Exit codes: 0 done · 1 a gate failed · 2 bad input (the message says what to fix) · 3 an external source
failed · 70 a bug in cuenta-plan (please report it with the trace).
Run \`cuenta-plan <command> --help\` for a command's options and examples.`,
    )
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'cuenta-plan: ')),
    })
    .exitOverride();
  const only = commandOf(argv);
  for (const [name, register] of Object.entries(registrations)) if (only === undefined || name === only) register(program, ctx);
  return program;
}

/** Every command module exports one `register…(program, ctx)` for the command it names; add new commands here. */
const registrations: Readonly<Record<string, (program: Command, ctx: CommandContext) => void>> = {
  simulate: registerSimulate,
  compare: registerCompare,
  sweep: registerSweep,
  solve: registerSolve,
  gate: registerGate,
  breakeven: registerBreakeven,
  claims: registerClaims,
  sensitivity: registerSensitivity,
  advise: registerAdvise,
  forecast: registerForecast,
  metrics: registerMetrics,
  catalog: registerCatalog,
  queue: registerQueue,
  report: registerReport,
  pricing: registerPricing,
};

/** Global options that take a value: the word after one is not a command. */
const GLOBAL_VALUES = new Set(['--catalog', '--prices', '--format', '--out']);

/**
 * The command a command line names: its first word that is neither an option nor a global option's value. Only
 * that command is registered then (registering every command's options cost ~7 ms of each start); anything
 * else — no command, `help`, a misspelt one that deserves a suggestion — gets them all.
 */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (!arg.startsWith('-')) return Object.hasOwn(registrations, arg) ? arg : undefined;
    if (GLOBAL_VALUES.has(arg)) i++;
  }
  return undefined;
}

/** Runs the CLI in-process and returns the exit code (tests call this directly). */
export async function main(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with code 0; any other commander error is a usage mistake.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const report = reportError(error);
    io.stderr(`${report.text}\n`);
    return report.exitCode;
  }
}

/** The entry point bin/cuenta-plan.js calls. */
export async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === SAMPLE_WORKER_FLAG && (await runSampleWorker(argv.slice(1), main))) return;
  endProcess(await main(argv, processIo()));
}
