import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SimulateResult } from '../../src/model/simulate-result.js';
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
    expect(r.schemaVersion).toBe(1);
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
    const r = await json(['simulate', '--users', '2000000', '--phase', '3']);
    expect(r.phase.selectedBy).toBe('option');
    expect(r.status.ok).toBe(false);
    expect(r.status.messages.join(' ')).toMatch(/phase 3/);
  });

  it('rounds JSON money to the cent and per-user figures to 4 decimals', async () => {
    for (const users of ['50', '550', '5500', '55000', '550000']) {
      const r = await json(['simulate', '--users', users]);
      const cents = [r.cost.totalUsd, r.cost.compareTotalUsd, ...r.cost.components.flatMap((c) => [c.monthlyUsd, c.compareUsd, ...c.lines.map((l) => l.monthlyUsd)])];
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
      expect(result.stderr).toMatch(/typo\.yaml:61:\d+ {2}phases\[1\]\.components\[0\]\.cost\[0\]\.price {2}price key "ec2:t3\.medum" is not in the price snapshot/);
      expect(result.stderr).toMatch(/did you mean "ec2:t3\.medium"/);
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
  });
});
