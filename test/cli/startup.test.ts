/**
 * What a run loads, and what happens when the bundled files or the install are not as the build left
 * them. Timings live in bench/startup.mjs; these tests pin the causes of a fast start instead: the
 * common commands load no parser, validator or other module they do not need (scripts/lazy-modules.mjs).
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyInstall } from './install-copy.js';
import { runBinary, STACK_LINE } from './run.js';
import { runTraced } from './trace.js';

const installs: string[] = [];
afterAll(() => {
  for (const dir of installs) {
    chmodSync(join(dir, 'dist'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});
function install() {
  const copy = copyInstall();
  installs.push(copy.dir);
  return copy;
}

/** Node modules the common commands must not load: each costs several milliseconds at start-up. */
const HEAVY_BUILTINS = ['child_process', 'crypto', 'tty', 'internal/modules/esm/translators'];

describe('the common commands load only what they use', () => {
  it.each([
    ['simulate', ['simulate', '--users', '50000']],
    ['compare', ['compare', '2', '3']],
    ['solve', ['solve', '--vary', 'requests_per_active_user_per_s', '--target', 'cost=1500', '--users', '50000', '--set', 'cache_hit_ratio=0.9']],
    ['catalog show', ['catalog', 'show', '2']],
    ['queue', ['queue', 'mmc', '--arrival-rate', '80', '--service-rate', '10', '--servers', '10']],
  ])('%s: no YAML parser, zod, mathjs, crypto, child_process or tty', (_name, args) => {
    const run = runTraced(args);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lazy).toEqual([]);
    expect(run.builtins.filter((name) => HEAVY_BUILTINS.includes(name))).toEqual([]);
  });

  it('loads the validators when a catalog needs its first check (so the trace above sees them)', () => {
    const run = runTraced(['catalog', 'validate', 'test/fixtures/catalogs/minimal.yaml'], { env: { CUENTA_PLAN_NO_CACHE: '1' } });
    expect(run.code).toBe(0);
    expect(run.lazy).toEqual(expect.arrayContaining(['yaml', 'zod', 'mathjs/number']));
  });
});

describe('bundled files edited in place', () => {
  it('a changed budget in data/phases.yaml is used: the catalog is validated in full', () => {
    const { dir, bin } = install();
    const before = JSON.parse(runBinary(['simulate', '--users', '50000', '--format', 'json'], { bin }).stdout);
    expect(before.status.overBudget).toBe(true);
    const file = join(dir, 'data', 'phases.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('budget_usd: { min: 980, max: 1500,', 'budget_usd: { min: 980, max: 1000000,'));
    // No cache: an entry for this edited text left by an earlier test run would be used, and rightly so.
    const after = runTraced(['simulate', '--users', '50000', '--format', 'json'], { bin, env: { CUENTA_PLAN_NO_CACHE: '1' } });
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout).status.overBudget).toBe(false);
    expect(after.lazy).toEqual(expect.arrayContaining(['yaml', 'zod']));
  });

  it('a broken data/phases.yaml is reported with its position, exit 2', () => {
    const { dir, bin } = install();
    const file = join(dir, 'data', 'phases.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('budget_usd: { min: 980, max: 1500,', 'budget_usd: { min: 1980, max: 1500,'));
    const result = runBinary(['simulate', '--users', '50000'], { bin });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cuenta-plan: catalog data\/phases\.yaml is invalid/);
    expect(result.stderr).toMatch(/data\/phases\.yaml:\d+:\d+ {2}phases\[3\]\.budget_usd/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('a changed price in the bundled snapshot is used', () => {
    const { dir, bin } = install();
    const total = () => JSON.parse(runBinary(['simulate', '--users', '50000', '--format', 'json'], { bin }).stdout).cost.totalUsd as number;
    const before = total();
    const file = join(dir, 'data', 'pricing', 'aws-us-east-1.json');
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { prices: Record<string, { usd: number }> };
    snapshot.prices['ec2:m5.large']!.usd *= 2;
    writeFileSync(file, JSON.stringify(snapshot, null, 2));
    expect(total()).toBeGreaterThan(before);
  });
});

describe('an install whose code cache cannot be written', () => {
  const args = ['simulate', '--users', '50000', '--format', 'json'];
  const env = { CUENTA_PLAN_WRITE_CODE_CACHE: '1' };

  it('runs, and says so in one line (dist/cli.cache is a folder)', () => {
    const { dir, bin } = install();
    const cache = join(dir, 'dist', 'cli.cache');
    rmSync(cache);
    mkdirSync(cache);
    const result = runBinary(args, { bin, env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).phase.id).toBe(3);
    expect(result.stderr).toMatch(/^cuenta-plan: the code cache .*cli\.cache was not written \(\w+\); start-up is only slower\n$/);
  });

  it.skipIf(process.getuid?.() === 0)('runs, and says so in one line (dist is read-only)', () => {
    const { dir, bin } = install();
    chmodSync(join(dir, 'dist'), 0o555);
    const result = runBinary(args, { bin, env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^cuenta-plan: the code cache .*cli\.cache was not written \(EACCES\); start-up is only slower\n$/);
  });
});
