import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { sharedMonteCarlo } from '../../src/commands/sample-workers.js';
import { thresholdsOf } from '../../src/model/plan.js';
import { phaseForUsers } from '../../src/model/select.js';
import { monteCarlo } from '../../src/model/uncertainty.js';
import { uncertainInputs } from '../../src/model/uncertainty-inputs.js';
import { BREACH_IDS, simulateSample } from '../../src/model/uncertainty-simulate.js';
import { loadSnapshotPriceBook } from '../../src/pricing/index.js';
import { runBinary } from './run.js';

// A Monte Carlo shared with worker threads must give what one thread gives, byte for byte: sample i draws from
// stream i of the seed wherever it runs (src/model/random.ts), percentiles sort every sample, breaches are counts.
const argv = ['simulate', '--users', '5000', '--samples', '2000', '--seed', '4', '--format', 'json'];

function simulateRun() {
  const book = loadSnapshotPriceBook();
  const { catalog } = loadCatalog(undefined, book);
  const phase = phaseForUsers(catalog, 5000)!;
  return {
    catalog,
    inputs: uncertainInputs(catalog, phase),
    samples: 2000,
    seed: 4,
    metrics: ['cost', 'cost-per-user', 'p95-ms', 'availability', 'margin'] as const,
    breachIds: BREACH_IDS,
    evaluate: simulateSample({ phaseId: phase.id, users: 5000, book, thresholds: thresholdsOf(catalog) }),
  };
}

describe('a Monte Carlo shared with worker threads (CUENTA_PLAN_THREADS)', () => {
  it('gives what one thread gives, with two workers running the same command line in the built CLI', async () => {
    const input = simulateRun();
    const done: number[] = [];
    const shared = await sharedMonteCarlo(input, argv, 2, (n: number) => done.push(n));
    expect(shared).toEqual(monteCarlo(input));
    expect(done.at(-1)).toBe(2000);
  }, 60_000);

  it('computes every chunk itself when the workers fail', async () => {
    const input = simulateRun();
    const shared = await sharedMonteCarlo(input, ['no-such-command'], 2, () => {});
    expect(shared).toEqual(monteCarlo(input));
  }, 60_000);

  it('prints the same result with CUENTA_PLAN_THREADS=2 as on one thread', () => {
    const threads = runBinary(argv, { env: { CUENTA_PLAN_THREADS: '2' } });
    const one = runBinary(argv);
    expect(threads.code).toBe(0);
    expect(threads.stderr).toBe('');
    expect(threads.stdout).toBe(one.stdout);
    expect(JSON.parse(threads.stdout).uncertainty.samples).toBe(2000);
  }, 60_000);

  it('refuses the worker flag on the command line as an unknown option (exit 2)', () => {
    const result = runBinary(['--sample-worker', 'simulate', '--users', '5000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--sample-worker'/);
  });
});
