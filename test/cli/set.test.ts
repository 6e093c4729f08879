import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/model/compare.js';
import type { SimulateResult } from '../../src/model/simulate-result.js';
import type { SweepResult } from '../../src/model/sweep.js';
import { run, STACK_LINE } from './run.js';

const json = async <T>(args: string[]): Promise<T> => {
  const result = await run([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
};

describe('--set NAME=VALUE', () => {
  it('overrides a workload assumption in simulate: the figures follow, and the assumption says override', async () => {
    const base = await json<SimulateResult>(['simulate', '--users', '50000']);
    const half = await json<SimulateResult>(['simulate', '--users', '50000', '--set', 'requests_per_active_user_per_s=0.1']);
    // Peak requests/s = concurrent users × the rate: halving the rate from 0.2 to 0.1 halves it.
    expect(half.workload.peakRequestsPerS).toBeCloseTo(base.workload.peakRequestsPerS / 2, 1);
    expect(half.assumptions.find((a) => a.name === 'requests_per_active_user_per_s')).toEqual({
      name: 'requests_per_active_user_per_s',
      value: 0.1,
      source: 'override',
      note: 'set with --set for this run; the catalog has 0.2 (assumption)',
      scope: 'catalog',
    });
  });

  it('gives a month of requests from the three engagement assumptions it sets (issue 8, done-when)', async () => {
    const r = await json<SimulateResult>([
      'simulate', '--users', '50000',
      '--set', 'dau_per_mau=0.2', '--set', 'active_minutes_per_day=15', '--set', 'requests_per_active_user_per_s=0.1',
    ]);
    // users × dau_per_mau × active_minutes_per_day × 60 × requests_per_active_user_per_s × 365.25 / 12
    // = 50,000 × 0.2 × 15 × 60 × 0.1 × 30.4375 = 900,000 requests a day × 30.4375 days = 27,393,750.
    expect(r.workload.monthlyRequests).toBe(27_393_750);
    expect(r.assumptions.filter((a) => a.source === 'override').map((a) => a.name).sort()).toEqual(['active_minutes_per_day', 'dau_per_mau', 'requests_per_active_user_per_s']);
  });

  it('sets a quantity of an optional section by its YAML path, listed with the assumptions', async () => {
    const r = await json<SimulateResult>(['simulate', '--users', '50000', '--set', 'revenue.free_share=0.6']);
    expect(r.assumptions.at(-1)).toMatchObject({ name: 'revenue.free_share', value: 0.6, source: 'override' });
  });

  it('says so in the table and markdown reports', async () => {
    const table = await run(['simulate', '--users', '50000', '--set', 'cache_hit_ratio=0.9']);
    expect(table.stdout).toMatch(/^set for this run: cache_hit_ratio = 0\.9$/m);
    const md = await run(['simulate', '--users', '50000', '--set', 'cache_hit_ratio=0.9', '--format', 'md']);
    expect(md.stdout).toContain('**Set for this run: cache_hit_ratio = 0.9** (--set)');
    expect(md.stdout).toMatch(/\| cache_hit_ratio \| 0\.9 \| override \|/);
  });

  it('applies to compare and sweep, which list it', async () => {
    const compare = await json<CompareResult>(['compare', '2', '3', '--set', 'demand_app_s=0.01', '--set', 'cache_hit_ratio=0.9']);
    expect(compare.overrides).toEqual([
      { name: 'cache_hit_ratio', value: 0.9 },
      { name: 'demand_app_s', value: 0.01 },
    ]);
    const sweep = await json<SweepResult>(['sweep', '--from', '1000', '--to', '100000', '--points', '3', '--set', 'demand_app_s=0.01']);
    expect(sweep.overrides).toEqual([{ name: 'demand_app_s', value: 0.01 }]);
    const plain = await json<SweepResult>(['sweep', '--from', '1000', '--to', '100000', '--points', '3']);
    expect(plain.overrides).toEqual([]);
    // Less CPU per request: the same users cost no more.
    sweep.rows.forEach((row, i) => expect(row.totalUsd).toBeLessThanOrEqual(plain.rows[i]!.totalUsd));
  });

  it.each([
    [['--set', 'cache_hit_rate=0.9'], /^cuenta-plan: --set cache_hit_rate: the catalog has no assumption or sourced quantity of that name — did you mean "cache_hit_ratio"\?/],
    [['--set', 'cache_hit_ratio=1.2'], /^cuenta-plan: --set cache_hit_ratio=1\.2: cache_hit_ratio must be a fraction from 0 to 1/],
    [['--set', 'requests_per_active_user_per_s=-0.1'], /^cuenta-plan: --set requests_per_active_user_per_s=-0\.1: requests_per_active_user_per_s must be greater than 0/],
    [['--set', 'cache_hit_ratio'], /^cuenta-plan: --set takes NAME=VALUE, e\.g\. --set cache_hit_ratio=0\.9; got "cache_hit_ratio"/],
    [['--set', '=0.9'], /^cuenta-plan: --set takes NAME=VALUE/],
    [['--set', 'cache_hit_ratio=lots'], /^cuenta-plan: --set cache_hit_ratio must be a number; got "lots"/],
    [['--set', 'cache_hit_ratio=0.9', '--set', 'cache_hit_ratio=0.8'], /^cuenta-plan: --set cache_hit_ratio is given twice/],
  ])('simulate %j exits 2 naming --set', async (set, message) => {
    const result = await run(['simulate', '--users', '50000', ...set]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });

  it('refuses a bad name on compare and sweep too', async () => {
    for (const args of [['compare', '2', '3'], ['sweep', '--from', '1000', '--to', '2000']]) {
      const result = await run([...args, '--set', 'nope=1']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^cuenta-plan: --set nope: the catalog has no assumption/);
    }
  });
});
