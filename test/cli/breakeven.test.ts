import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BreakevenResult } from '../../src/model/breakeven-result.js';
import type { CompareResult } from '../../src/model/compare.js';
import type { SimulateResult } from '../../src/model/simulate-result.js';
import type { SweepResult } from '../../src/model/sweep.js';
import { fixture } from '../catalog/fixtures.js';
import { run, STACK_LINE } from './run.js';

const minimal = fixture('minimal.yaml');
const seats = fileURLToPath(new URL('../../examples/catalogs/invoicing-seats.yaml', import.meta.url));
const euBook = fileURLToPath(new URL('../../examples/prices/eu-central-1.json', import.meta.url));
const json = async <T>(args: string[]) => {
  const result = await run([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
};

describe('cuenta-plan breakeven', () => {
  it('reports both break-evens and the implied opex; simulate agrees at the reported user count', async () => {
    const r = await json<BreakevenResult>(['breakeven']);
    expect(r).toMatchObject({ command: 'breakeven', purchase: 'on-demand', opexUsd: 60000, opexFrom: 'catalog', range: { from: 1, to: 1_000_000 } });
    const users = r.withOpex.users!;
    const at = await json<SimulateResult>(['simulate', '--users', String(users)]);
    const below = await json<SimulateResult>(['simulate', '--users', String(users - 1)]);
    expect(at.revenue!.contributionMarginUsd).toBeGreaterThanOrEqual(0);
    expect(below.revenue!.contributionMarginUsd).toBeLessThan(0);
    expect(at.revenue!.premiumUsers).toBe(r.withOpex.premiumUsers);
    expect(at.phase.id).toBe(r.withOpex.phase);
    // The implied opex is simulate's gross margin at the claim's 200,000 users.
    const claim = await json<SimulateResult>(['simulate', '--users', '200000']);
    expect(claim.revenue!.premiumUsers).toBe(50_000);
    expect(r.impliedOpexUsd).toBe(claim.revenue!.grossMarginUsd);
  });

  it('takes --opex and --set; renders a table and markdown', async () => {
    const lower = await json<BreakevenResult>(['breakeven', '--opex', '30000']);
    expect(lower.opexFrom).toBe('option');
    const base = await json<BreakevenResult>(['breakeven']);
    expect(lower.withOpex.users!).toBeLessThan(base.withOpex.users!);
    const table = await run(['breakeven']);
    expect(table.stdout).toMatch(/contribution \(opex \$60,000\.00\/month\)/);
    expect(table.stdout).toMatch(/implied opex: breaking even at 50,000 premium users \(200,000 users\)/);
    const md = await run(['breakeven', '--format', 'md', '--set', 'revenue.free_share=0.6']);
    expect(md.stdout).toMatch(/^## cuenta-plan break-even over 1–1,000,000 users \(on-demand\)/);
    expect(md.stdout).toMatch(/Set for this run: revenue\.free_share = 0\.6 \(--set\)/);
  });

  it.each([
    [['--catalog', minimal, 'breakeven'], /the catalog has no revenue: section, which breakeven needs/],
    [['breakeven', '--purchase', 'reserved-9y'], /--purchase must be one of on-demand, .*; got "reserved-9y"/],
    [['breakeven', '--opex', '-5'], /--opex must be at least 0; got -5/],
    [['breakeven', '--set', 'revenue.free_share=0.99'], /free_share 0\.99 \+ enterprise user_share 0\.05 exceed 1/],
  ])('exits 2 with a message for %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

describe('revenue sections', () => {
  it('a catalog without revenue has none in simulate, sweep or compare', async () => {
    const sim = await json<SimulateResult>(['--catalog', minimal, 'simulate', '--users', '50']);
    expect('revenue' in sim).toBe(false);
    const sweep = await json<SweepResult>(['--catalog', minimal, 'sweep', '--from', '1', '--to', '1000', '--points', '3']);
    expect(sweep.rows.some((row) => 'revenue' in row)).toBe(false);
    const compare = await json<CompareResult>(['--catalog', minimal, 'compare', '0', '1']);
    expect(compare.metrics.map((m) => m.metric)).not.toContain('margin');
    expect((await run(['--catalog', minimal, 'simulate', '--users', '50'])).stdout).not.toMatch(/Revenue/);
  });

  it('compare ranks the phases by margin at the same revenue', async () => {
    const r = await json<CompareResult>(['compare', '2', '3']);
    const [mrr, gross, contribution] = ['mrr', 'margin', 'contribution-margin'].map((m) => r.metrics.find((x) => x.metric === m)!);
    const cost = r.metrics.find((m) => m.metric === 'cost')!;
    expect(mrr!.values[0]).toBe(mrr!.values[1]);
    // Same revenue, so the margins differ by the costs: Δ gross = −Δ cost (to the cent).
    expect(gross!.deltas[1]).toBeCloseTo(-cost.deltas[1]!, 1);
    expect(contribution!.deltas[1]).toBe(gross!.deltas[1]);
  });

  it('the B2B example: plans in simulate, revenue columns in sweep, its own break-even', async () => {
    const sim = await json<SimulateResult>(['--prices', euBook, '--catalog', seats, 'simulate', '--users', '3000']);
    expect(sim.revenue!.plans.map((p) => p.id)).toEqual(['starter', 'business', 'enterprise']);
    expect(sim.revenue).toMatchObject({ mrrUsd: 29070, feesUsd: 929.43, premiumUsers: 2100, enterpriseSchools: 3 });
    const table = await run(['--prices', euBook, '--catalog', seats, 'sweep', '--from', '100', '--to', '5000', '--points', '3']);
    expect(table.stdout).toMatch(/MRR.*gross margin.*contribution/);
    const be = await json<BreakevenResult>(['--prices', euBook, '--catalog', seats, 'breakeven']);
    expect(be.withOpex.users).not.toBeNull();
    expect(be.impliedOpexUsd).toBeNull();
  });
});
