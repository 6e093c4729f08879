/**
 * `cuenta-plan gate` end to end: the built binary's exit codes (0 all pass, 1 any fail with the output written
 * first, 2 bad input), and in-process runs for the policy file and the baseline's edge cases.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, runBinary, STACK_LINE } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-gate-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('the built binary', () => {
  it('exits 1 naming the budget check for --users 10000 --budget 300, the table written first', () => {
    const result = runBinary(['gate', '--users', '10000', '--budget', '300']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^gate: FAIL/);
    expect(result.stdout).toContain('cost-over-limit');
    expect(result.stderr).toMatch(/^cuenta-plan: gate failed: the check fails at 10,000 users\n {2}cost-over-limit at 10,000 users: monthly cost \$[\d,.]+ is over the budget of \$300\.00\n$/);
  });

  it('exits 0 for --budget 50000', () => {
    const result = runBinary(['gate', '--users', '10000', '--budget', '50000']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^gate: pass — the check passes at 10,000 users/);
  });

  it('exits 1 with --out, the file written before the failure is reported', () => {
    const out = join(tmp, 'comment.md');
    const result = runBinary(['gate', '--users', '10000', '--budget', '300', '--format', 'md', '--out', out]);
    expect(result.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!-- cuenta-plan-gate -->\n/);
  });

  it('exits 2 on bad input, without a stack trace', () => {
    for (const args of [['gate'], ['gate', '--users', '10000', '--min-headroom', 'lots'], ['gate', '--users', '5000000']]) {
      const result = runBinary(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('--policy', () => {
  it('a typo exits 2 naming the file, line and key, with the right spelling', async () => {
    const policy = file('typo.yaml', 'users: [10000]\nbudgt: 300\n');
    const result = await run(['gate', '--policy', policy]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${policy}:2:1  budgt  unknown key "budgt": fix its spelling or remove it — did you mean "budget"?`);
  });

  it('runs the checks it names; a flag wins over its key; 10 and "10%" mean the same', async () => {
    const policy = file('policy.yaml', 'users: 10000\nbudget: 300\nmin-headroom: "10%"\n');
    const fromPolicy = JSON.parse((await run(['gate', '--policy', policy, '--format', 'json'])).stdout);
    expect(fromPolicy.checks.map((c: { id: string; limit: number }) => [c.id, c.limit])).toEqual([
      ['cost-over-limit', 300],
      ['headroom-under-minimum', 10],
    ]);
    const flagged = await run(['gate', '--policy', policy, '--budget', '50000', '--min-headroom', '10', '--format', 'json']);
    expect(flagged.code).toBe(0);
    expect(JSON.parse(flagged.stdout).checks.map((c: { limit: number }) => c.limit)).toEqual([50000, 10]);
  });

  it('--users on the command line replaces the policy’s; without either the gate exits 2', async () => {
    const policy = file('users.yaml', 'users: [1000, 10000]\nbudget: 50000\n');
    const result = JSON.parse((await run(['gate', '--policy', policy, '--users', '50000', '--format', 'json'])).stdout);
    expect(result.results.map((r: { users: number }) => r.users)).toEqual([50000]);
    const none = await run(['gate', '--policy', file('none.yaml', 'budget: 1\n')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('gate needs a user count');
  });

  it('a missing file, an empty file and a list exit 2', async () => {
    for (const policy of [join(tmp, 'absent.yaml'), file('empty.yaml', ''), file('list.yaml', '- 1\n')]) {
      const result = await run(['gate', '--policy', policy]);
      expect(result.code, policy).toBe(2);
      expect(result.stderr).toContain(policy);
    }
  });
});

describe('--baseline', () => {
  it('a JSON file that is not a saved result exits 2', () => {
    const result = runBinary(['gate', '--users', '10000', '--baseline', file('not-saved.json', '{ "total": 1 }\n'), '--max-increase', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not-saved\.json: command is nothing; a saved result names the command that wrote it/);
  });

  it('a saved result of another schemaVersion exits 2 naming it', async () => {
    const saved = JSON.parse(readFileSync('test/fixtures/gate/gate-base.json', 'utf8'));
    const result = await run(['gate', '--users', '10000', '--baseline', file('v9.json', JSON.stringify({ ...saved, schemaVersion: 9 })), '--max-increase', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/schemaVersion is 9, but cuenta-plan .* reads gate results of schemaVersion 1 only/);
  });

  it('a saved result of a command without costs per user count exits 2', async () => {
    const queue = await run(['queue', 'erlang-b', '--traffic', '2', '--servers', '3', '--format', 'json']);
    const result = await run(['gate', '--users', '10000', '--baseline', file('queue.json', queue.stdout)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a saved queue erlang-b result, which holds no monthly cost per user count');
  });

  it('a saved simulate and a saved sweep: their costs at their user counts; a count the baseline lacks fails', async () => {
    const simulate = file('simulate.json', (await run(['simulate', '--users', '10000', '--format', 'json'])).stdout);
    const same = await run(['gate', '--users', '10000', '--baseline', simulate, '--max-increase', '0', '--format', 'json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).checks[0]).toMatchObject({ id: 'cost-increase-over-limit', value: 0, pass: true });
    const sweep = file('sweep.json', (await run(['sweep', '--from', '1000', '--to', '10000', '--points', '2', '--format', 'json'])).stdout);
    const lacking = await run(['gate', '--users', '5000', '--users', '10000', '--baseline', sweep, '--max-increase', '0', '--format', 'json']);
    expect(lacking.code).toBe(1);
    expect(JSON.parse(lacking.stdout).checks.map((c: { users: number; value: number | null; pass: boolean }) => [c.users, c.value, c.pass])).toEqual([
      [5000, null, false],
      [10000, 0, true],
    ]);
    expect(lacking.stderr).toContain('the baseline has no cost at this user count to compare with');
  });

  it('another catalog: evaluated with the same prices, so the bundled catalog against itself has grown 0 %', async () => {
    const result = await run(['gate', '--users', '50000', '--baseline', 'data/phases.yaml', '--max-increase', '0%', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ baseline: { source: 'data/phases.yaml', kind: 'catalog' }, checks: [{ value: 0, pass: true }] });
  });

  it('--max-increase without --baseline exits 2', async () => {
    const result = await run(['gate', '--users', '10000', '--max-increase', '10']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--max-increase compares with a baseline');
  });
});

describe('with no check given', () => {
  it("checks the catalog's budget ceiling and its latency and availability SLOs", async () => {
    const result = JSON.parse((await run(['gate', '--users', '10000', '--format', 'json'])).stdout);
    expect(result.checks.map((c: { id: string }) => c.id)).toEqual(['over-budget', 'latency-over-slo', 'availability-short']);
    // Phase 2's budget range ends at $450 (data/phases.yaml).
    expect(result.checks[0].limit).toBe(450);
  });
});

describe('--min-weeks-to-migrate', () => {
  // Phase 2 holds 5,000 users and serves at most 38,121 (its headroom search: simulate --users 10000). At 10 %/month
  // users reach 38,121 after 30.4375 × ln(38,121 / 5,000) / ln 1.1 = 648.70 days: 2027-01-01 + 648 days; the
  // catalog's migration steps take 8 weeks at their longest, so it starts 648 − 56 = 592 days away = 84.6 weeks.
  const args = ['gate', '--users', '5000', '--growth', '10%', '--as-of', '2027-01-01'];

  it('passes 84.6 weeks and fails 84.7, naming the check', async () => {
    const pass = await run([...args, '--min-weeks-to-migrate', '84.6', '--format', 'json']);
    expect(pass.code, pass.stderr).toBe(0);
    expect(JSON.parse(pass.stdout).checks).toEqual([
      { id: 'migration-start-too-soon', users: 5000, metric: 'weeks-to-migration', value: 84.6, limit: 84.6, unit: 'weeks', pass: true },
    ]);
    const fail = await run([...args, '--min-weeks-to-migrate', '84.7']);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('migration-start-too-soon at 5,000 users: the migration must start in 84.6 weeks, sooner than the minimum of 84.7 weeks');
  });

  it.each([
    [['gate', '--users', '5000', '--min-weeks-to-migrate', '8'], /--min-weeks-to-migrate needs a growth rate: give --growth PCT/],
    [['gate', '--users', '5000', '--growth', '10%'], /--growth takes effect only with --min-weeks-to-migrate W/],
    [['gate', '--users', '5000', '--as-of', '2027-01-01', '--budget', '900'], /--as-of takes effect only with --min-weeks-to-migrate W/],
    [['gate', '--users', '5000', '--min-weeks-to-migrate', '8', '--growth', '0'], /needs a growth rate above 0/],
    [['gate', '--users', '5000', '--min-weeks-to-migrate', '8', '--growth', '10%', '--as-of', '2027-13-01'], /--as-of: "2027-13-01" is not a date as YYYY-MM-DD/],
  ])('%j exits 2', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('reads the same from a policy', async () => {
    const policy = file('migrate.yaml', 'users: 5000\nmin-weeks-to-migrate: 84.6\ngrowth: 10%\nas-of: 2027-01-01\n');
    const result = await run(['gate', '--policy', policy, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).checks[0]).toMatchObject({ id: 'migration-start-too-soon', value: 84.6 });
  });
});

describe('--max-breach-probability', () => {
  const breachesOf = (stdout: string) => (JSON.parse(stdout) as { uncertainty: { breaches: Array<{ id: string; probability: number }> } }).uncertainty.breaches;

  it("checks each breach simulate's Monte Carlo counts, with the same samples and seed", async () => {
    const simulated = await run(['simulate', '--users', '50000', '--samples', '200', '--seed', '7', '--format', 'json']);
    const gated = await run(['gate', '--users', '50000', '--max-breach-probability', '5%', '--samples', '200', '--seed', '7', '--format', 'json']);
    const checks = (JSON.parse(gated.stdout) as { checks: Array<{ id: string; subject: string; value: number; limit: number; pass: boolean }> }).checks;
    const expected = breachesOf(simulated.stdout);
    expect(checks.map((c) => [c.subject, c.value, c.limit, c.pass])).toEqual(expected.map((b) => [b.id, b.probability, 0.05, b.probability <= 0.05]));
    expect(checks.every((c) => c.id === 'breach-probability-over-limit')).toBe(true);
    expect(gated.code).toBe(checks.every((c) => c.pass) ? 0 : 1);
  });

  it('takes 0.05 and 5% alike; the same seed gives the same output', async () => {
    const a = await run(['gate', '--users', '20000', '--max-breach-probability', '0.05', '--samples', '100', '--format', 'json']);
    const b = await run(['gate', '--users', '20000', '--max-breach-probability', '5%', '--samples', '100', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it.each([
    [['gate', '--users', '5000', '--max-breach-probability', '5'], /--max-breach-probability takes a probability from 0 to 1, or a percent \(0\.05 or 5%\); got "5"/],
    [['gate', '--users', '5000', '--budget', '900', '--samples', '100'], /--samples takes effect only with --max-breach-probability P/],
    [['gate', '--users', '5000', '--budget', '900', '--seed', '3'], /--seed takes effect only with --max-breach-probability P/],
  ])('%j exits 2', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
