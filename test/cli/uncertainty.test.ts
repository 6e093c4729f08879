import { describe, expect, it } from 'vitest';
import { RESULT_SCHEMAS } from '../../src/results/registry.js';
import { run } from './run.js';

describe('simulate --samples', () => {
  const args = ['simulate', '--users', '5000', '--samples', '40'];

  it('gives byte-identical output for the same seed, and different figures for another', async () => {
    const a = await run([...args, '--seed', '9', '--format', 'json']);
    const b = await run([...args, '--seed', '9', '--format', 'json']);
    const c = await run([...args, '--seed', '10', '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(c.stdout).uncertainty.metrics).not.toEqual(JSON.parse(a.stdout).uncertainty.metrics);
    const result = JSON.parse(a.stdout);
    expect(RESULT_SCHEMAS.simulate().safeParse(result).success).toBe(true);
    expect(result.uncertainty).toMatchObject({ samples: 40, seed: 9 });
    expect(result.uncertainty.breaches.map((b: { id: string }) => b.id)).toEqual(['latency-over-slo', 'availability-short', 'error-rate-over-slo', 'over-budget']);
  });

  it('leaves the output unchanged without --samples', async () => {
    const plain = await run(['simulate', '--users', '5000', '--format', 'json']);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('uncertainty');
    const sampled = JSON.parse((await run([...args, '--format', 'json'])).stdout);
    delete sampled.uncertainty;
    expect(sampled).toEqual(JSON.parse(plain.stdout));
  });

  it('renders the section on a terminal and in markdown', async () => {
    const table = await run(args);
    expect(table.stdout).toContain('Uncertainty (Monte Carlo)');
    expect(table.stdout).toContain('40 samples, seed 1');
    const md = await run([...args, '--format', 'md']);
    expect(md.stdout).toContain('### Uncertainty (Monte Carlo)');
  });

  it.each([
    [['simulate', '--users', '5000', '--seed', '3'], /--seed takes effect only with --samples/],
    [['simulate', '--users', '5000', '--samples', '0'], /--samples must be at least 1/],
    [['simulate', '--users', '5000', '--samples', '2.5'], /--samples must be a whole number/],
    [['simulate', '--users', '5000', '--samples', '10', '--seed', '-1'], /--seed must be at least 0/],
  ])('refuses %j (exit 2)', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('says how to add a distribution when every uncertain quantity is fixed with --set', async () => {
    const fixed = ['dau_per_mau=0.3', 'active_minutes_per_day=15', 'requests_per_active_user_per_s=0.2', 'cache_hit_ratio=0.8', 'demand_app_s=0.02', 'transfer_mb_per_active_minute=0.15'];
    const result = await run([...args, ...fixed.flatMap((s) => ['--set', s])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/carries a distribution.*docs\/catalog.md/);
  });
});

describe('sensitivity', () => {
  it('ranks the bundled distributions by swing and validates against its schema', async () => {
    const result = await run(['sensitivity', '--users', '50000', '--format', 'json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(RESULT_SCHEMAS.sensitivity().safeParse(parsed).success).toBe(true);
    expect(parsed.metric).toBe('cost-per-user');
    const swings = parsed.inputs.map((i: { swing: number }) => i.swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  });

  it('draws a tornado on a terminal and in markdown', async () => {
    const table = await run(['sensitivity', '--users', '50000', '--metric', 'p95-ms']);
    expect(table.stdout).toMatch(/demand_app_s +[·█]*\|/);
    const md = await run(['sensitivity', '--users', '50000', '--format', 'md']);
    expect(md.stdout).toContain('```text');
  });

  it('names the metrics it knows for an unknown one (exit 2)', async () => {
    const result = await run(['sensitivity', '--users', '50000', '--metric', 'cost-per-usr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cost-per-user/);
  });
});

describe('breakeven --samples', () => {
  const args = ['breakeven', '--samples', '6'];

  it('gives byte-identical output for the same seed, a schema-valid section, and no section without --samples', async () => {
    const a = await run([...args, '--seed', '4', '--format', 'json']);
    const b = await run([...args, '--seed', '4', '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(RESULT_SCHEMAS.breakeven().safeParse(result).success).toBe(true);
    expect(result.uncertainty).toMatchObject({ samples: 6, seed: 4, breaches: [{ id: 'no-breakeven' }] });
    expect(Object.keys(result.uncertainty.metrics)).toEqual(['breakeven-users', 'implied-opex']);
    const plain = JSON.parse((await run(['breakeven', '--format', 'json'])).stdout);
    expect(plain).not.toHaveProperty('uncertainty');
    delete result.uncertainty;
    expect(result).toEqual(plain);
  });

  it('renders the spread on a terminal and in markdown', async () => {
    expect((await run(args)).stdout).toContain('break-even users (with opex)');
    expect((await run([...args, '--format', 'md'])).stdout).toContain('### Uncertainty (Monte Carlo)');
  });

  it('refuses --seed without --samples (exit 2)', async () => {
    const result = await run(['breakeven', '--seed', '3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--seed takes effect only with --samples/);
  });
});

describe('forecast --samples', () => {
  const base = ['forecast', '--users', '500', '--growth', '10%', '--months', '12', '--start', '2027-01'];
  const args = [...base, '--samples', '6'];

  it('gives byte-identical output for the same seed, a schema-valid section, and no section without --samples', async () => {
    const a = await run([...args, '--seed', '4', '--format', 'json']);
    const b = await run([...args, '--seed', '4', '--format', 'json']);
    const c = await run([...args, '--seed', '5', '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(JSON.parse(c.stdout).uncertainty.metrics).not.toEqual(result.uncertainty.metrics);
    expect(RESULT_SCHEMAS.forecast().safeParse(result).success).toBe(true);
    expect(result.uncertainty).toMatchObject({ samples: 6, seed: 4, breaches: [{ id: 'no-breakeven' }, { id: 'capacity-short' }] });
    expect(Object.keys(result.uncertainty.metrics)).toEqual(['breakeven-month', 'lowest-cash', 'cost', 'margin']);
    const plain = JSON.parse((await run([...base, '--format', 'json'])).stdout);
    expect(plain).not.toHaveProperty('uncertainty');
    delete result.uncertainty;
    expect(result).toEqual(plain);
  });

  it('renders the spread on a terminal and in markdown', async () => {
    const table = await run(args);
    expect(table.stdout).toContain('6 samples, seed 1');
    expect(table.stdout).toContain('break-even month (with opex)');
    expect((await run([...args, '--format', 'md'])).stdout).toContain('### Uncertainty (Monte Carlo)');
  });

  it('refuses --seed without --samples (exit 2)', async () => {
    const result = await run([...base, '--seed', '3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--seed takes effect only with --samples/);
  });

  it('says how to add a distribution when every uncertain quantity is fixed with --set (exit 2)', async () => {
    const fixed = ['dau_per_mau=0.3', 'active_minutes_per_day=15', 'requests_per_active_user_per_s=0.2', 'cache_hit_ratio=0.8', 'demand_app_s=0.02', 'transfer_mb_per_active_minute=0.15'];
    const result = await run([...args, ...fixed.flatMap((s) => ['--set', s])]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--samples: no quantity of the catalog carries a distribution.*docs\/catalog.md/);
  });
});
