/**
 * `cuenta-plan metrics pull` (CloudWatch → observations file) and the `--metrics FILE|cloudwatch` option that
 * `simulate` and `advise` take (`report` after issue 10: add `metricsOptions` and call `calibratedCatalog`).
 */
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../io.js';
import { calibrate } from '../model/calibrate.js';
import { compareLatency, latencyFindings } from '../model/calibrate-latency.js';
import type { Observations } from '../model/calibrate-observations.js';
import { calibrationResult, type CalibrationResult } from '../model/calibrate-result.js';
import type { Catalog } from '../model/catalog-types.js';
import type { Finding } from '../model/findings.js';
import { withOverrides } from '../model/overrides.js';
import { thresholdsOf } from '../model/plan.js';
import { numberArg, type SetOption } from './args.js';
import type { CommandContext } from './context.js';
import { parseDuration, parsePhaseId } from './pricing.js';

/** What the --metrics options parse to. */
export interface MetricsOptions {
  metrics?: string;
  window: number;
  loadBalancer?: string;
  asg?: string;
  db: string[];
  cache?: string;
  region?: string;
}

const collect = (raw: string, previous: readonly string[] = []): string[] => [...previous, raw];
export const DEFAULT_WINDOW = '14d';

/** The CloudWatch selectors, shared by `metrics pull` and `--metrics cloudwatch`. */
export function selectorOptions(): Option[] {
  return [
    new Option('--window <age>', 'how far back to read CloudWatch (hourly periods), e.g. 14d or 36h').default(parseDuration(DEFAULT_WINDOW, '--window'), DEFAULT_WINDOW).argParser((raw: string) => parseDuration(raw, '--window')),
    new Option('--load-balancer <name>', 'ALB as its LoadBalancer dimension: app/<name>/<id> (request count, TargetResponseTime p95)'),
    new Option('--asg <name>', 'Auto Scaling group of the app tier (EC2 CPU, instances in service)'),
    new Option('--db <id>', 'RDS DB instance identifier, writer first (repeatable: one per instance)').argParser(collect).default([]),
    new Option('--cache <id>', 'ElastiCache cache cluster (node) id (engine CPU, memory)'),
    new Option('--region <region>', 'AWS region of the resources (default: the SDK chain, e.g. AWS_REGION)'),
  ];
}

/** `--metrics FILE|cloudwatch` and the selectors, for a command that calibrates. */
export function metricsOptions(): Option[] {
  return [new Option('--metrics <source>', 'calibrate from measurements: an observations file (metrics pull writes one) or `cloudwatch` with the selectors below'), ...selectorOptions()];
}

async function observationsFor(ctx: CommandContext, options: MetricsOptions, users: number): Promise<{ observations: Observations; source: string }> {
  const source = options.metrics!;
  if (source === 'cloudwatch') {
    const { pullObservations } = await import('../aws/cloudwatch-pull.js');
    const observations = await pullObservations({ selectors: options, windowMs: options.window, now: new Date(), region: options.region, users });
    return { observations, source: 'cloudwatch' };
  }
  const { readObservations } = await import('../inputs/observations.js');
  return { observations: readObservations(source), source };
}

export interface Calibrated {
  catalog: Catalog;
  calibration: CalibrationResult | null;
  /** The phase the observations measured, when calibrated. */
  observedPhase: number | null;
  /** The model-vs-observed finding, when it differs by more than the margin. */
  findings: Finding[];
}

/**
 * The catalog a run uses: calibrated from --metrics when given, then --set applied (so --set wins), and the
 * model's P95 set against the observed one on that final catalog.
 */
export async function calibratedCatalog(ctx: CommandContext, loaded: Catalog, options: MetricsOptions & { set: SetOption[] }, users: number): Promise<Calibrated> {
  if (options.metrics === undefined) return { catalog: withOverrides(loaded, options.set), calibration: null, observedPhase: null, findings: [] };
  const { observations, source } = await observationsFor(ctx, options, users);
  const calibrated = calibrate(loaded, observations, { runUsers: users, source });
  const catalog = withOverrides(calibrated.catalog, options.set);
  const latency = compareLatency(catalog, calibrated.calibration, observations, thresholdsOf(catalog));
  return {
    catalog,
    calibration: calibrationResult(calibrated.calibration, latency),
    observedPhase: calibrated.calibration.phase,
    findings: latencyFindings(latency, calibrated.calibration.phase),
  };
}

export function registerMetrics(program: Command, ctx: CommandContext): void {
  const metrics = program.command('metrics').description('measurements of the running system: read CloudWatch into an observations file');
  const pull = metrics
    .command('pull')
    .description('read hourly CloudWatch metrics over a window into an observations file (for --metrics FILE)')
    .option('-u, --users <n>', "monthly active users in the window, from the product's analytics (CloudWatch does not count users)", numberArg('--users', { min: 1, integer: true }))
    .option('-p, --phase <id>', 'the catalog phase the measured system runs', parsePhaseId);
  for (const option of selectorOptions()) pull.addOption(option);
  pull
    .addHelpText(
      'after',
      `
The file follows schema/observations.schema.json (JSON whatever --format says); --out writes it atomically (else it goes to stdout).
Credentials and region come from the AWS SDK's default chain; nothing secret is printed or written.

Examples:
  $ cuenta-plan metrics pull --window 14d --load-balancer app/cuenta/50dc6c495c0c9188 --asg cuenta-api \\
      --db cuenta-writer --db cuenta-reader-1 --cache cuenta-redis-001 --users 5200 --phase 2 --out obs.json
  $ cuenta-plan advise --users 5200 --growth 10% --metrics obs.json`,
    )
    .action(async (options: MetricsOptions & { users?: number; phase?: number }, command: Command) => {
      const globals = ctx.globals(command);
      const { pullObservations } = await import('../aws/cloudwatch-pull.js');
      const observations = await pullObservations({ selectors: options, windowMs: options.window, now: new Date(), region: options.region, users: options.users, phase: options.phase });
      const text = `${JSON.stringify({ $schema: 'https://cuenta-plan.dev/schema/observations.schema.json', ...observations }, null, 2)}\n`;
      if (globals.out === undefined || globals.out === '-') ctx.io.stdout(text);
      else {
        writeFileAtomic(globals.out, text);
        const points = observations.series.reduce((n, s) => n + s.values.length, 0);
        ctx.io.stderr(`cuenta-plan: wrote ${globals.out}: ${observations.series.length} series, ${points} hourly points, ${observations.window.start} – ${observations.window.end}\n`);
      }
    });
}
