import { describe, expect, it } from 'vitest';
import type { SimulateResult } from '../../src/model/simulate-result.js';
import { run, STACK_LINE } from './run.js';

const json = async (args: string[]) => {
  const result = await run([...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SimulateResult;
};

describe('simulate --purchase', () => {
  it('leaves the result unchanged without --purchase: no purchase section, no parts', async () => {
    const r = await json(['simulate', '--users', '50000']);
    expect('purchase' in r).toBe(false);
    expect(r.cost.components.flatMap((c) => c.lines).some((l) => 'parts' in l)).toBe(false);
  });

  it('prices cost.totalUsd under the strategy and measures the saving against the on-demand bill', async () => {
    const onDemand = await json(['simulate', '--users', '50000']);
    const r = await json(['simulate', '--users', '50000', '--purchase', 'optimized']);
    const p = r.purchase!;
    expect(p.onDemandUsd).toBe(onDemand.cost.totalUsd);
    expect(r.cost.totalUsd).toBe(p.strategies.find((s) => s.strategy === 'optimized')!.monthlyUsd);
    expect(p.savingUsd).toBeCloseTo(p.onDemandUsd - r.cost.totalUsd, 2);
    expect(p.savingPercent).toBeCloseTo((p.savingUsd / p.onDemandUsd) * 100, 1);
    // on-demand, 3 + 3 reservations, one savings plan per term, spot, optimized.
    expect(p.strategies.map((s) => `${s.strategy}/${s.upfront}`)).toEqual([
      'on-demand/null',
      'reserved-1y/none',
      'reserved-1y/partial',
      'reserved-1y/all',
      'reserved-3y/none',
      'reserved-3y/partial',
      'reserved-3y/all',
      'savings-plan-1y/none',
      'savings-plan-3y/none',
      'spot/null',
      'optimized/null',
    ]);
    expect(p.onDemandLines.some((l) => /no reservation|billed per/.test(l.reason))).toBe(true);
  });

  it('--upfront picks the reservation payment; without it the cheapest monthly is taken', async () => {
    const chosen = await json(['simulate', '--users', '5000', '--purchase', 'reserved-1y', '--upfront', 'none']);
    expect(chosen.purchase!.upfront).toBe('none');
    expect(chosen.purchase!.upfrontUsd).toBe(0);
    const cheapest = await json(['simulate', '--users', '5000', '--purchase', 'reserved-1y']);
    const rows = cheapest.purchase!.strategies.filter((s) => s.strategy === 'reserved-1y');
    expect(cheapest.cost.totalUsd).toBe(Math.min(...rows.map((s) => s.monthlyUsd)));
  });

  it('renders the strategies table and the lines that stay on demand', async () => {
    const table = await run(['simulate', '--users', '5000', '--purchase', 'optimized']);
    expect(table.stdout).toMatch(/Purchase strategies/);
    expect(table.stdout).toMatch(/▸ optimized/);
    expect(table.stdout).toMatch(/break-even use/);
    expect(table.stdout).toMatch(/load balancers have no reservation/);
    const md = await run(['simulate', '--users', '5000', '--purchase', 'optimized', '--format', 'md']);
    expect(md.stdout).toMatch(/### Purchase strategies/);
    expect(md.stdout).toMatch(/\| strategy \| monthly \| saving \|/);
  });

  it.each([
    [['simulate', '--users', '5000', '--purchase', 'cheap'], /--purchase must be one of on-demand, reserved-1y/],
    [['simulate', '--users', '5000', '--upfront', 'all'], /--upfront .* needs --purchase/],
    [['simulate', '--users', '5000', '--purchase', 'spot', '--upfront', 'all'], /--purchase spot commits nothing/],
    [['simulate', '--users', '5000', '--purchase', 'reserved-3y', '--upfront', 'most'], /--upfront must be one of none, partial, all/],
    [['simulate', '--users', '5000', '--purchase', 'optimized', '--pricing', 'seed'], /quotes, not rates/],
    [['simulate', '--users', '5000', '--purchase', 'savings-plan-3y', '--upfront', 'all'], /list no 3-year option paid all upfront/],
    [['compare', '2', '3', '--upfront', 'none'], /needs --purchase/],
    [['sweep', '--from', '1000', '--to', '5000', '--purchase', 'spot', '--pricing', 'seed'], /quotes, not rates/],
  ])('%j exits 2 with a message', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('compare and sweep --purchase', () => {
  it('compare: a purchase per phase, the metric cost bought that way', async () => {
    const result = await run(['compare', '2', '3', '--purchase', 'reserved-3y', '--format', 'json']);
    const r = JSON.parse(result.stdout) as { phases: Array<{ purchase?: { strategy: string; savingUsd: number } }>; metrics: Array<{ metric: string; values: number[] }> };
    expect(r.phases.map((p) => p.purchase?.strategy)).toEqual(['reserved-3y', 'reserved-3y']);
    expect(r.phases.every((p) => p.purchase!.savingUsd > 0)).toBe(true);
    const table = await run(['compare', '2', '3', '--purchase', 'reserved-3y']);
    expect(table.stdout).toMatch(/Purchase strategies \(monthly cost is bought as reserved-3y/);
  });

  it('sweep: per point the strategy, on-demand bill, saving and upfront cash', async () => {
    const result = await run(['sweep', '--from', '1000', '--to', '50000', '--points', '3', '--purchase', 'optimized', '--format', 'json']);
    const r = JSON.parse(result.stdout) as { rows: Array<{ totalUsd: number; purchase: { strategy: string; onDemandUsd: number; savingUsd: number; savingPercent: number; upfrontUsd: number } }> };
    for (const row of r.rows) {
      expect(row.purchase.strategy).toBe('optimized');
      expect(row.purchase.savingUsd).toBeCloseTo(row.purchase.onDemandUsd - row.totalUsd, 2);
    }
    const table = await run(['sweep', '--from', '1000', '--to', '50000', '--points', '3', '--purchase', 'optimized']);
    expect(table.stdout).toMatch(/bought as optimized/);
    expect(table.stdout).toMatch(/on demand/);
  });
});
