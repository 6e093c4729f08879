import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../src/model/compare.js';
import type { SweepResult } from '../../src/model/sweep.js';
import { patchedFile } from '../catalog/fixtures.js';
import { run, STACK_LINE } from './run.js';

describe('cuenta-plan compare', () => {
  it('compares 2 and 3 at the top of phase 2 by default, with deltas', async () => {
    const result = await run(['compare', '2', '3', '--format', 'json']);
    expect(result.code).toBe(0);
    const r = JSON.parse(result.stdout) as CompareResult;
    expect(r.users).toBe(10000);
    expect(r.usersDefaulted).toBe(true);
    expect(r.phases.map((p) => p.id)).toEqual([2, 3]);
    const cost = r.metrics.find((m) => m.name === 'monthly cost')!;
    expect(cost.deltas[0]).toBe(0);
    expect(cost.deltas[1]).toBeCloseTo(cost.values[1]! - cost.values[0]!, 2);
    expect(cost.best).toBe(cost.values[0]! < cost.values[1]! ? 2 : 3);
  });

  it('takes --users and more than two phases; renders a table', async () => {
    const explicit = await run(['compare', '2', '3', '--users', '10000']);
    expect(explicit.code).toBe(0);
    expect(explicit.stdout).toMatch(/phases 2 .* vs 3 .* at 10,000 users/);
    expect(explicit.stdout).toMatch(/Δ 3−2/);
    const three = await run(['compare', '2', '3', '4', '--users', '80000', '--format', 'json']);
    expect(JSON.parse(three.stdout).phases).toHaveLength(3);
  });

  it.each([
    [['compare', '2'], /at least two phases/],
    [['compare', '2', '7'], /phase 7 is not in the catalog/],
    [['compare', '2', 'x'], /a phase id is a whole number/],
    [['compare', '2', '2'], /each phase may be named once/],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('cuenta-plan sweep', () => {
  it('sweeps 100 → 1,000,000 users on a log scale; cost per user falls across each phase’s range', async () => {
    const result = await run(['sweep', '--from', '100', '--to', '1000000', '--points', '50', '--log', '--format', 'json']);
    expect(result.code).toBe(0);
    const r = JSON.parse(result.stdout) as SweepResult;
    expect(r.rows.length).toBe(50);
    expect(r.rows[0]!.users).toBe(100);
    expect(r.rows.at(-1)!.users).toBe(1000000);
    const byPhase = new Map<number, SweepResult['rows']>();
    for (const row of r.rows) byPhase.set(row.phase, [...(byPhase.get(row.phase) ?? []), row]);
    for (const rows of byPhase.values()) {
      if (rows.length < 2) continue;
      expect(rows.at(-1)!.perUserUsd).toBeLessThan(rows[0]!.perUserUsd);
    }
    expect([...byPhase.keys()]).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    [['sweep', '--from', '1000', '--to', '100'], /--to \(100\) must be greater than --from \(1000\)/],
    [['sweep', '--from', '100', '--to', '5000000'], /within the catalog's phases/],
    [['sweep', '--from', '100', '--to', '1000', '--points', '1'], /--points must be at least 2/],
    [['sweep', '--from', '100', '--to', '1000', '--phase', '7'], /--phase 7 is not in the catalog; its phases are 0, 1, 2, 3, 4/],
    [['sweep', '--from', '100', '--to', '1000', '--phase', 'two'], /a phase id is a whole number such as 2; got "two"/],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('follows one phase past its range with --phase: every point on it, exhausted past what it serves', async () => {
    // Phase 2's range is 1,001–10,000 users; its headroom search (simulate --users 10000) finds it serves at most
    // 38,121: so 10,000 and 38,000 pass its capacity checks, 38,200 and 5,000,000 (past every phase's range) do not.
    const result = await run(['sweep', '--from', '10000', '--to', '5000000', '--points', '2', '--phase', '2', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const r = JSON.parse(result.stdout) as SweepResult;
    expect(r.selectedBy).toBe('option');
    expect(r.rows.map((row) => [row.users, row.phase, row.exhausted])).toEqual([
      [10_000, 2, false],
      [5_000_000, 2, true],
    ]);
    const edge = JSON.parse((await run(['sweep', '--from', '38000', '--to', '38200', '--points', '2', '--phase', '2', '--format', 'json'])).stdout) as SweepResult;
    expect(edge.rows.map((row) => row.exhausted)).toEqual([false, true]);
    const text = await run(['sweep', '--from', '10000', '--to', '100000', '--points', '4', '--phase', '2']);
    expect(text.stdout).toMatch(/^sweep 10,000 → 100,000 users, 4 points, all on phase 2 \(--phase\)/);
  });

  it('puts each point on the phase whose range holds it without --phase (selectedBy range)', async () => {
    const r = JSON.parse((await run(['sweep', '--from', '500', '--to', '5000', '--points', '2', '--format', 'json'])).stdout) as SweepResult;
    expect(r.selectedBy).toBe('range');
    expect(r.rows.map((row) => row.phase)).toEqual([1, 2]);
  });
});

describe('an assumed error rate that breaks the SLO error rate', () => {
  const file = patchedFile('error-rate-breach', mkdtempSync(join(tmpdir(), 'cuenta-plan-error-rate-')));

  it('makes the phase not ok in compare and every point not ok in sweep', async () => {
    const cmp = JSON.parse((await run(['--catalog', file, 'compare', '0', '1', '--format', 'json'])).stdout) as CompareResult;
    for (const phase of cmp.phases) {
      expect(phase.ok).toBe(false);
      expect(phase.failing).toEqual(['error rate']);
      expect(phase.findings.filter((f) => f.severity === 'fail').map((f) => f.code)).toEqual(['error-rate-over-slo']);
    }
    const sweep = await run(['--catalog', file, 'sweep', '--from', '1', '--to', '1000', '--points', '4', '--format', 'json']);
    expect(sweep.code).toBe(0);
    const r = JSON.parse(sweep.stdout) as SweepResult;
    for (const row of r.rows) {
      expect(row.ok).toBe(false);
      expect(row.findings.filter((f) => f.severity === 'fail').map((f) => f.code)).toEqual(['error-rate-over-slo']);
    }
  });
});
