import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { SimulateResult } from '../../src/model/simulate-result.js';
import { patchedFile } from '../catalog/fixtures.js';
import { run, runBinary, STACK_LINE } from './run.js';

const json = async (args: string[]) => {
  const result = await run([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as SimulateResult;
};

describe('cuenta-plan simulate', () => {
  it('chooses phase 3 at 50,000 users and reports tiers, P95, availability, cost and headroom', async () => {
    const r = await json(['simulate', '--users', '50000']);
    expect(r.schemaVersion).toBe(2);
    expect(r.phase.id).toBe(3);
    expect(r.tiers.length).toBeGreaterThan(0);
    expect(r.latency.valueMs).toBeGreaterThan(0);
    expect(r.availability.expectedPercent).toBeGreaterThan(99);
    expect(r.cost.totalUsd).toBeGreaterThan(0);
    expect(r.headroom.maxUsers).toBeGreaterThan(0);
    expect(r.pricing.book).toBe('snapshot');
  });

  it('reproduces the document with --pricing seed: $980.00 and $0.0196 per user (980 / 50,000)', async () => {
    const r = await json(['simulate', '--users', '50000', '--pricing', 'seed']);
    expect(r.cost.totalUsd).toBe(980);
    expect(r.cost.perUserUsd).toBe(0.0196);
  });

  it.each([
    [['simulate', '--users', '-5'], /--users must be greater than 0/],
    [['simulate', '--users', '0'], /--users must be greater than 0/],
    [['simulate', '--users', 'lots'], /--users must be a number; got "lots"/],
    [['simulate', '--users', '2000000'], /above the catalog's largest phase .* pass --phase 4/],
    [['simulate', '--users', '50000', '--phase', '9'], /--phase 9 is not in the catalog; its phases are 0, 1, 2, 3, 4/],
    [['simulate', '--users', '50000', '--pricing', 'cheap'], /--pricing must be one of snapshot, seed/],
    [['simulate'], /required option '-u, --users <n>' not specified/],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });

  it('extrapolates a phase past its range with --phase and says it is exhausted', async () => {
    const r = await json(['simulate', '--users', '400000', '--phase', '3']);
    expect(r.phase.selectedBy).toBe('option');
    expect(r.status).toMatchObject({ ok: false, exhausted: true, servedBy: 4 });
    expect(r.findings.filter((f) => f.code === 'tier-exhausted').map((f) => f.subject)).toContain('api');
    const text = await run(['simulate', '--users', '400000', '--phase', '3']);
    expect(text.stdout).toMatch(/status: phase 3 is exhausted at 400,000 users \(latency P95, api CPU \(scaling target\), .*\): start migrating; phase 4 serves it/);
    const beyond = await json(['simulate', '--users', '2000000', '--phase', '3']);
    expect(beyond.status).toMatchObject({ exhausted: true, servedBy: null });
  });

  it('prints no impossible figure for an exhausted phase: no CPU past 100 %, no negative headroom', async () => {
    const args = ['simulate', '--users', '1000000000', '--phase', '4'];
    const r = await json(args);
    // 10,000,011 req/s on 600 half-vCPU pods of 20 ms is 666× their capacity: no steady state, so no utilisation.
    expect(r.tiers.find((t) => t.id === 'api')!.utilization).toBeNull();
    expect(r.checks.find((c) => c.name === 'api CPU (scaling target)')!.value).toBeNull();
    const { stdout } = await run(args);
    expect(stdout).not.toMatch(/66,666|-998,950,001|\d{4,}\.\d%/);
    expect(stdout).toMatch(/│ api \(exhausted\) .*│ exhausted │/);
    expect(stdout).toMatch(/Headroom\nexhausted: the phase serves at most 1,049,999 users, fewer than the 1,000,000,000 asked/);
  });

  it('states every verdict as findings, and words them in the status line and warnings', async () => {
    const r = await json(['simulate', '--users', '5500']);
    // Phase 2 meets its 99.95 % availability target (expected 99.977 %, docs/model.md § Availability).
    expect(r.findings.map((f) => [f.code, f.severity, f.subject])).toEqual([
      ['design-peak-over-implied', 'info', 'phase:2'],
      ['unverified-prices', 'info', 'phase:2'],
    ]);
    expect(r.status).toMatchObject({ ok: true, overBudget: false, availabilityShort: false, exhausted: false });
    const three = await json(['simulate', '--users', '50000']);
    expect(three.findings.find((f) => f.code === 'availability-short')).toMatchObject({ subject: 'api', limit: 99.99 });
    expect((await run(['simulate', '--users', '5500'])).stdout).toMatch(
      /the design peak of 600 concurrent users is over 2× the 35 that engagement implies: sizing has room to spare/,
    );
    const seed = await json(['simulate', '--users', '5500', '--pricing', 'seed']);
    expect(seed.findings.filter((f) => f.code === 'unquoted-component').map((f) => f.subject)).toEqual(['alb', 's3']);
    expect((await run(['simulate', '--users', '5500', '--pricing', 'seed'])).stdout).toMatch(
      /! the document's cost table has no row for alb, s3: they cost \$0 under the seed book/,
    );
  });

  it('says how old the prices used are: the oldest and newest as-of dates', async () => {
    const r = await json(['simulate', '--users', '5500']);
    const dates = r.cost.components.flatMap((c) => c.lines).length;
    expect(r.pricing.asOf.datedLines + r.pricing.asOf.undatedLines).toBe(dates);
    expect(r.pricing.asOf.oldest! <= r.pricing.asOf.newest!).toBe(true);
    const { stdout } = await run(['simulate', '--users', '5500']);
    expect(stdout.split('\n')[1]).toMatch(
      new RegExp(`retrieved 2026-11-29; .*\\) · prices used dated ${r.pricing.asOf.oldest} to ${r.pricing.asOf.newest}, ${r.pricing.asOf.undatedLines} of ${dates} lines undated$`),
    );
    expect((await run(['simulate', '--users', '5500', '--pricing', 'seed'])).stdout.split('\n')[1]).toMatch(/· no price used is dated \(8 lines\)$/);
  });

  it('rounds JSON money to the cent and per-user figures to 4 decimals', async () => {
    for (const users of ['50', '550', '5500', '55000', '550000']) {
      const r = await json(['simulate', '--users', users]);
      const cents = [r.cost.totalUsd, r.cost.compareTotalUsd ?? 0, ...r.cost.components.flatMap((c) => [c.monthlyUsd, c.compareUsd ?? 0, ...c.lines.map((l) => l.monthlyUsd)])];
      for (const usd of cents) {
        expect(Math.round(usd * 100) / 100).toBe(usd);
        expect(usd).toBeGreaterThanOrEqual(0);
      }
      expect(Math.round(r.cost.perUserUsd * 10000) / 10000).toBe(r.cost.perUserUsd);
    }
  });

  it('writes --out atomically and leaves no temp file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-'));
    const out = join(dir, 'plan.md');
    const result = await run(['simulate', '--users', '50000', '--format', 'md', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^## cuenta-plan: 50,000 users → phase 3/);
    expect(readdirSync(dir)).toEqual(['plan.md']);
  });

  it('follows a symlink, keeps the file permissions, writes devices directly, and takes - for stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-'));
    const real = join(dir, 'real.md');
    writeFileSync(real, 'old');
    chmodSync(real, 0o600);
    symlinkSync(real, join(dir, 'link.md'));
    expect((await run(['simulate', '--users', '550', '--format', 'md', '--out', join(dir, 'link.md')])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^## cuenta-plan: 550 users/);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect((await run(['simulate', '--users', '550', '--out', '/dev/null'])).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const dash = await run(['simulate', '--users', '550', '--format', 'json', '--out', '-']);
    expect(JSON.parse(dash.stdout).users).toBe(550);
  });

  it('fails with exit 2 and no file when --out points into a missing folder', async () => {
    const result = await run(['simulate', '--users', '50000', '--out', '/nonexistent-dir/plan.txt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write --out \/nonexistent-dir\/plan.txt: the folder \/nonexistent-dir does not exist/);
  });
});

const errorRateCatalog = patchedFile('error-rate-breach', mkdtempSync(join(tmpdir(), 'cuenta-plan-error-rate-')));

describe('an assumed error rate that breaks the SLO error rate', () => {
  it('makes status.ok false and says so, though every other check passes', async () => {
    const r = await json(['--catalog', errorRateCatalog, 'simulate', '--users', '500']);
    expect(r.checks.filter((c) => !c.pass).map((c) => c.name)).toEqual(['error rate']);
    // 0.5 % assumed against a 0.1 % SLO.
    expect(r.findings.filter((f) => f.severity === 'fail')).toEqual([
      { code: 'error-rate-over-slo', severity: 'fail', subject: 'phase:1', metric: 'error-rate', value: 0.5, limit: 0.1, unit: '%' },
    ]);
    expect(r.status.ok).toBe(false);
    const { stdout } = await run(['--catalog', errorRateCatalog, 'simulate', '--users', '500']);
    expect(stdout).toMatch(/^status: error rate 0\.5% is not under the phase's SLO of 0\.1%$/m);
  });

  it('is OK once the error rate is under the SLO (the other side of the limit)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cuenta-plan-')), 'under.yaml');
    writeFileSync(file, readFileSync(errorRateCatalog, 'utf8').replace('error_rate: { value: 0.005,', 'error_rate: { value: 0.00099,'));
    const r = await json(['--catalog', file, 'simulate', '--users', '500']);
    expect(r.status.ok).toBe(true);
    expect((await run(['--catalog', file, 'simulate', '--users', '500'])).stdout).toMatch(/^status: OK/m);
  });
});

/** Runs the CLI as if on a terminal `columns` wide. */
async function onTerminal(args: string[], columns: number): Promise<string> {
  let stdout = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: () => undefined, env: { NO_COLOR: '1' }, isTTY: true, columns });
  expect(code).toBe(0);
  return stdout;
}

describe('on an 80-column terminal', () => {
  const visible = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '').length;

  it.each([['50'], ['5500'], ['50000'], ['550000'], ['1000000000', '--phase', '4']])('no line of simulate --users %s wraps', async (...args) => {
    for (const detail of [[], ['--detail']]) {
      const out = await onTerminal(['simulate', '--users', ...args, ...detail], 80);
      const long = out.split('\n').filter((line) => visible(line) > 80);
      expect(long).toEqual([]);
    }
  });

  it('leaves the assumptions out unless --detail, and says which columns it left out', async () => {
    const plain = await onTerminal(['simulate', '--users', '50000'], 80);
    expect(plain).toMatch(/Assumptions\n\d+ in force; --detail lists them/);
    expect(plain).not.toMatch(/requests_per_active_user_per_s/);
    expect(plain).toMatch(/\(not shown at 80 columns: serves, vCPU, P95 visit; see --format md\)/);
    const detail = await onTerminal(['simulate', '--users', '50000', '--detail'], 80);
    expect(detail).toMatch(/requests_per_active_user_per_s/);
    // A wide terminal keeps every column.
    expect(await onTerminal(['simulate', '--users', '50000'], 200)).not.toMatch(/not shown at/);
  });

  it('keeps the assumptions in markdown and JSON, and in a table written to a pipe', async () => {
    expect((await run(['simulate', '--users', '50000', '--format', 'md'])).stdout).toMatch(/### Assumptions\n\n\| assumption/);
    expect((await json(['simulate', '--users', '50000'])).assumptions.length).toBeGreaterThan(10);
    expect((await run(['simulate', '--users', '50000'])).stdout).toMatch(/│ requests_per_active_user_per_s +│/);
  });
});

describe('the built binary', () => {
  it('runs the README command from another folder, without colour when NO_COLOR is set', () => {
    const result = runBinary(['simulate', '--users', '50000'], { cwd: tmpdir(), env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/50,000 users → phase 3/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('a catalog with a price key the snapshot lacks', () => {
  it('exits 2 before any simulation, naming the line and the closest keys', async () => {
    const minimal = readFileSync(fileURLToPath(new URL('../fixtures/catalogs/minimal.yaml', import.meta.url)), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'cuenta-plan-')), 'typo.yaml');
    writeFileSync(file, minimal.replace('"ec2:t3.medium"', '"ec2:t3.medum"'));
    for (const pricing of ['snapshot', 'seed']) {
      const result = await run(['--catalog', file, 'simulate', '--users', '500', '--pricing', pricing]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/typo\.yaml:63:\d+ {2}phases\[1\]\.components\[0\]\.cost\[0\]\.price {2}price key "ec2:t3\.medum" is not in the price snapshot/);
      expect(result.stderr).toMatch(/did you mean "ec2:t3\.medium"/);
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
  });
});
