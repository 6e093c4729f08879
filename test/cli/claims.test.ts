import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClaimsResult } from '../../src/model/claims.js';
import type { SimulateResult } from '../../src/model/simulate-result.js';
import { minimalPath, minimalText } from '../catalog/fixtures.js';
import { run, runBinary, STACK_LINE } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-claims-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let written = 0;
/** minimal.yaml with a claims section appended. */
function withClaims(yaml: string): string {
  written += 1;
  const file = join(tmp, `claims-${written}.yaml`);
  writeFileSync(file, `${minimalText}\nclaims:\n${yaml}`);
  return file;
}

const json = async (args: string[]): Promise<ClaimsResult> => {
  const result = await run([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ClaimsResult;
};

describe('cuenta-plan claims', () => {
  it('exits 0 with claims that do not hold: they are results, not errors', async () => {
    const r = await json(['claims']);
    expect(r.summary.fails).toBeGreaterThan(0);
    for (const claim of r.claims) expect(Object.keys(claim)).toEqual(expect.arrayContaining(['id', 'text', 'documentValue', 'modelValue', 'holds', 'offByPercent', 'reason']));
  });

  it('reads each per-phase figure as simulate reports it at the top of the phase (same book, same --set)', async () => {
    const set = ['--set', 'cache_hit_ratio=0.9'];
    const r = await json(['claims', ...set]);
    const sim = JSON.parse((await run(['simulate', '--users', '1000', ...set, '--format', 'json'])).stdout) as SimulateResult;
    expect(r.claims.find((c) => c.id === 'phase-1-cost-per-user')!.modelValue).toBe(sim.cost.perUserUsd);
    expect(r.overrides).toEqual([{ name: 'cache_hit_ratio', value: 0.9 }]);
  });

  it('prints a table and markdown naming each verdict kind', async () => {
    const table = await run(['claims']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/holds/);
    expect(table.stdout).toMatch(/off by [+-]\d/);
    expect(table.stdout).toMatch(/cannot be evaluated/);
    const md = await run(['claims', '--format', 'md']);
    expect(md.stdout).toMatch(/^## cuenta-plan claims: 16 claims and KPIs/);
    expect(md.stdout).toContain('| claim | document | model | verdict | reason |');
  });

  it('reports a claim with an unknown metric as not evaluable, and the validator warns at its line', async () => {
    const file = withClaims('  - { id: typo, text: "cost", metric: cost_per_usr_usd, phase: 1, comparison: "<", value: 0.1, source: seed }\n');
    const r = await json(['--catalog', file, 'claims']);
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ id: 'typo', holds: null, modelValue: null });
    expect(r.claims[0]!.reason).toContain('did you mean "cost_per_user_usd"');
    const validate = await run(['catalog', 'validate', file]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/:\d+:\d+.*claims\[0\]\.metric.*unknown metric "cost_per_usr_usd"/);
  });

  it('evaluates a claim on a catalog with no quotes and no revenue', async () => {
    const file = withClaims('  - { id: cheap, text: "cheap", metric: cost_per_user_usd, phase: 1, comparison: "<", value: 10, source: seed }\n');
    const r = await json(['--catalog', file, 'claims']);
    expect(r.claims[0]).toMatchObject({ id: 'cheap', phase: 1, users: 1000, holds: true });
  });

  it.each([
    [['claims', '--pricing', 'quoted'], /--pricing must be one of snapshot, seed, live/],
    [['claims', '--set', 'cache_hit_rate=0.9'], /did you mean "cache_hit_ratio"/],
    [['--catalog', minimalPath, 'claims'], /has no claims: or kpis: section/],
    [['--catalog', minimalPath, 'claims', '--pricing', 'seed'], /has no claims: or kpis: section/],
  ])('exits 2 with a message: %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('runs from the built binary', () => {
    const result = runBinary(['claims', '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as ClaimsResult).command).toBe('claims');
  });
});
