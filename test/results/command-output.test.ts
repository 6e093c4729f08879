/**
 * Every command's real `--format json` output validates against its result schema, and reads back through
 * readSavedResult unchanged. In-process runs of the real commands (test/cli/run.ts), on the bundled catalog,
 * fixture catalogs and the offline snapshot prices; the cases reach the nullable and optional corners of each
 * schema (each case says which).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { readSavedResult, RESULT_COMMANDS, RESULT_SCHEMAS, type ResultCommand } from '../../src/results/index.js';
import { fixture as catalogFixture, patchedFile, variantText } from '../catalog/fixtures.js';
import { run } from '../cli/run.js';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-results-'));
const minimal = catalogFixture('minimal.yaml');
/** minimal.yaml with an assumption's note dropped: valid, with one warning. */
const warned = join(tmp, 'warned.yaml');
writeFileSync(warned, variantText('note: one request every 5 s }', '}'));
const errorRate = patchedFile('error-rate-breach', tmp);
const seats = fileURLToPath(new URL('../../examples/catalogs/invoicing-seats.yaml', import.meta.url));
const seatsBook = fileURLToPath(new URL('../../examples/prices/eu-central-1.json', import.meta.url));

/** A finding with this code, anywhere in a list of findings. */
const finding = (code: string) => expect.arrayContaining([expect.objectContaining({ code })]);
const nullIn = (key: string) => expect.arrayContaining([expect.objectContaining({ [key]: null })]);

/** `reaches`: what the output must show (toMatchObject), so a case cannot drift away from the corner it covers. */
const CASES: Array<{ command: ResultCommand; args: string[]; exit?: number; reaches?: Record<string, unknown> }> = [
  { command: 'simulate', args: ['simulate', '--users', '50000'] },
  { command: 'simulate', args: ['simulate', '--users', '50'] },
  // --detail lists the assumptions on a terminal; the JSON always holds them.
  { command: 'simulate', args: ['simulate', '--users', '50000', '--detail'], reaches: { assumptions: expect.arrayContaining([expect.anything()]) } },
  { command: 'simulate', args: ['simulate', '--users', '5000', '--pricing', 'seed'] },
  { command: 'simulate', args: ['simulate', '--users', '400000', '--phase', '3'] },
  {
    command: 'simulate',
    args: ['simulate', '--users', '1000000000', '--phase', '4'],
    reaches: {
      status: { ok: false, exhausted: true },
      findings: finding('tier-exhausted'),
      tiers: nullIn('utilization'),
      checks: nullIn('value'),
      latency: { valueMs: null, meanMs: null },
    },
  },
  {
    command: 'simulate',
    args: ['--catalog', minimal, 'simulate', '--users', '50'],
    reaches: {
      pricing: { compareBook: null },
      cost: { compareTotalUsd: null, quotedTotalUsd: null, quotedPerUserUsd: null, vsQuote: null, components: nullIn('compareUsd') },
    },
  },
  {
    command: 'simulate',
    args: ['--catalog', errorRate, 'simulate', '--users', '50'],
    reaches: { status: { ok: false, exhausted: false }, findings: finding('error-rate-over-slo') },
  },
  { command: 'simulate', args: ['--catalog', warned, 'simulate', '--users', '50'], reaches: { warnings: [expect.stringContaining('requests_per_active_user_per_s')] } },
  // --purchase adds the optional purchase section and the lines' parts.
  {
    command: 'simulate',
    args: ['simulate', '--users', '50000', '--purchase', 'optimized'],
    reaches: { purchase: { strategy: 'optimized', upfront: null }, cost: { components: expect.arrayContaining([expect.objectContaining({ lines: expect.arrayContaining([expect.objectContaining({ parts: expect.anything() })]) })]) } },
  },
  { command: 'simulate', args: ['simulate', '--users', '5000', '--purchase', 'spot'], reaches: { purchase: { strategy: 'spot', breakEvenUtilization: null } } },
  { command: 'compare', args: ['compare', '2', '3', '--purchase', 'reserved-1y', '--upfront', 'partial'], reaches: { phases: [{ purchase: { upfront: 'partial' } }, { purchase: { upfront: 'partial' } }] } },
  { command: 'sweep', args: ['sweep', '--from', '1000', '--to', '100000', '--points', '3', '--purchase', 'optimized'], reaches: { rows: [{ purchase: { strategy: 'optimized' } }, {}, {}] } },
  { command: 'compare', args: ['compare', '2', '3'] },
  { command: 'compare', args: ['compare', '0', '1', '2', '3', '4', '--users', '900'] },
  { command: 'compare', args: ['compare', '3', '4', '--users', '1000000000'], reaches: { phases: [{ ok: false, exhausted: true }, { ok: false, exhausted: true }] } },
  {
    command: 'compare',
    args: ['--catalog', errorRate, 'compare', '0', '1'],
    reaches: { phases: [{ ok: false, findings: finding('error-rate-over-slo') }, { ok: false }] },
  },
  { command: 'sweep', args: ['sweep', '--from', '100', '--to', '1000000', '--log'] },
  { command: 'sweep', args: ['sweep', '--from', '1000', '--to', '1003', '--points', '10'] },
  { command: 'sweep', args: ['--catalog', minimal, 'sweep', '--from', '1', '--to', '1000'], reaches: { rows: expect.arrayContaining([expect.objectContaining({ phase: 1 })]) } },
  { command: 'sweep', args: ['sweep', '--from', '1000', '--to', '2000', '--points', '2', '--set', 'demand_app_s=0.01'], reaches: { overrides: [{ name: 'demand_app_s', value: 0.01 }] } },
  { command: 'compare', args: ['compare', '2', '3', '--set', 'revenue.free_share=0.6'], reaches: { overrides: [{ name: 'revenue.free_share', value: 0.6 }] } },
  { command: 'simulate', args: ['simulate', '--users', '50000', '--set', 'revenue.free_share=0.6'], reaches: { assumptions: expect.arrayContaining([expect.objectContaining({ source: 'override' })]) } },
  { command: 'breakeven', args: ['breakeven'], reaches: { opexFrom: 'catalog', impliedAt: { premiumUsers: 50000, users: 200000 } } },
  // An opex no user count covers: withOpex.users null; the B2B example has no claim: impliedOpexUsd null.
  { command: 'breakeven', args: ['breakeven', '--opex', '900000000', '--set', 'revenue.free_share=0.6'], reaches: { opexFrom: 'option', withOpex: { users: null, premiumUsers: null, phase: null, profitableRanges: [] } } },
  {
    command: 'breakeven',
    args: ['--prices', seatsBook, '--catalog', seats, 'breakeven'],
    reaches: { impliedOpexUsd: null, impliedAt: null },
  },
  // Revenue sections: the B2B example's plans in simulate; a catalog without revenue has none (minimal, above).
  { command: 'simulate', args: ['--prices', seatsBook, '--catalog', seats, 'simulate', '--users', '3000'], reaches: { revenue: { mrrUsd: 29070 } } },
  { command: 'sweep', args: ['--prices', seatsBook, '--catalog', seats, 'sweep', '--from', '100', '--to', '5000', '--points', '3'] },
  { command: 'solve', args: ['solve', '--vary', 'requests_per_active_user_per_s', '--target', 'cost=1500', '--users', '50000'], reaches: { reachable: true, boundary: true, closest: null } },
  {
    command: 'solve',
    args: ['solve', '--vary', 'requests_per_active_user_per_s', '--target', 'cost=500', '--users', '50000', '--set', 'cache_hit_ratio=0.9'],
    reaches: { reachable: false, value: null, achieved: null, overrides: [{ name: 'cache_hit_ratio', value: 0.9 }] },
  },
  { command: 'solve', args: ['solve', '--vary', 'cache_hit_ratio', '--target', 'availability=50', '--users', '50000'], reaches: { reachable: true, boundary: false } },
  { command: 'solve', args: ['solve', '--vary', 'phases[3].components[0].availability', '--target', 'availability=99.5', '--users', '50000'], reaches: { range: null } },
  { command: 'claims', args: ['claims'], reaches: { claims: expect.arrayContaining([expect.objectContaining({ holds: null, modelValue: null }), expect.objectContaining({ phases: expect.any(Array), quote: null })]) } },
  { command: 'claims', args: ['claims', '--pricing', 'seed', '--set', 'cache_hit_ratio=0.9'], reaches: { overrides: [{ name: 'cache_hit_ratio', value: 0.9 }] } },
  { command: 'simulate', args: ['simulate', '--users', '5000', '--samples', '20', '--seed', '3'], reaches: { uncertainty: { samples: 20, seed: 3 } } },
  { command: 'sensitivity', args: ['sensitivity', '--users', '50000'] },
  { command: 'sensitivity', args: ['sensitivity', '--users', '50000', '--metric', 'p95-ms', '--set', 'cache_hit_ratio=0.9'], reaches: { overrides: [{ name: 'cache_hit_ratio', value: 0.9 }] } },
  { command: 'advise', args: ['advise', '--users', '20000', '--as-of', '2027-01-01'], reaches: { byRange: { phase: 3 }, byCapacity: { phase: 2 }, migration: { exhaustion: null } } },
  {
    command: 'advise',
    args: ['advise', '--users', '800', '--growth', '10%', '--metrics', 'examples/metrics-phase1.json', '--as-of', '2027-01-01'],
    reaches: { calibration: { phase: 1, latency: { marginPercent: 25 } }, migration: { exhaustion: '2031-02-25' } },
  },
  { command: 'forecast', args: ['forecast', '--users', '500', '--growth', '10%', '--months', '12', '--start', '2027-01'], reaches: { purchase: null, breakEvenMonth: null, extrapolatedFrom: null } },
  {
    command: 'forecast',
    args: ['forecast', '--users', '500000', '--growth', '10%', '--months', '12', '--start', '2027-01', '--purchase', 'reserved-1y', '--upfront', 'all'],
    reaches: { purchase: { upfront: 'all', reservations: 'stranded' }, extrapolatedFrom: 8, months: expect.arrayContaining([expect.objectContaining({ capacityPhase: null })]) },
  },
  // --samples adds the optional uncertainty section; 1,569 users at most never cover the opex: every percentile of the break-even null.
  {
    command: 'forecast',
    args: ['forecast', '--users', '500', '--growth', '10%', '--months', '12', '--start', '2027-01', '--samples', '4', '--seed', '2'],
    reaches: { uncertainty: { samples: 4, seed: 2, metrics: { 'breakeven-month': { p10: null, p50: null, p90: null } } } },
  },
  { command: 'catalog validate', args: ['catalog', 'validate'] },
  { command: 'catalog validate', args: ['catalog', 'validate', patchedFile('bad-enum', tmp)], exit: 2, reaches: { valid: false, errors: [{ line: expect.any(Number) }] } },
  { command: 'catalog validate', args: ['catalog', 'validate', warned], reaches: { valid: true, warnings: [{ path: 'workload.requests_per_active_user_per_s.source' }] } },
  { command: 'catalog show', args: ['catalog', 'show'] },
  { command: 'catalog show', args: ['catalog', 'show', '4'] },
  {
    command: 'catalog show',
    args: ['--catalog', minimal, 'catalog', 'show'],
    reaches: { catalog: { quoted: false }, phases: [{ quotedTotalUsd: null, quotedCostPerUserUsd: null }, { quotedTotalUsd: null }] },
  },
  { command: 'queue mmc', args: ['queue', 'mmc', '--arrival-rate', '80', '--service-rate', '10', '--servers', '10'] },
  { command: 'queue size', args: ['queue', 'size', '--arrival-rate', '400', '--service-time', '0.05', '--percentile', '95', '--target', '0.2'] },
  { command: 'queue size', args: ['queue', 'size', '--arrival-rate', '100', '--service-time', '0.05', '--percentile', '95', '--target', '0.1'] },
  { command: 'queue mmck', args: ['queue', 'mmck', '--arrival-rate', '500', '--service-rate', '20', '--servers', '20', '--capacity', '20'] },
  { command: 'queue erlang-b', args: ['queue', 'erlang-b', '--traffic', '10', '--servers', '10'] },
  { command: 'gate', args: ['gate', '--users', '10000', '--budget', '50000'], reaches: { ok: true, baseline: null } },
  // A failing check (exit 1), every kind of check, and a baseline figure missing at one count (null value and baselineUsd).
  {
    command: 'gate',
    args: ['gate', '--users', '5000', '--users', '10000', '--budget', '300', '--max-cost-per-user', '1', '--require-slo', '--min-headroom', '10', '--baseline', fixture('gate/gate-base.json'), '--max-increase', '10', '--set', 'cache_hit_ratio=0.9'],
    exit: 1,
    reaches: { ok: false, results: nullIn('baselineUsd'), checks: nullIn('value') },
  },
  { command: 'queue erlang-c', args: ['queue', 'erlang-c', '--traffic', '2', '--servers', '3'] },
  { command: 'queue mva', args: ['queue', 'mva', '--users', '200', '--think-time', '2', '--station', 'app:0.05:8', '--station', 'cdn:0.03:delay'] },
  { command: 'queue usl', args: ['queue', 'usl', '--fit', fixture('usl/ripple.csv')] },
  { command: 'queue usl', args: ['queue', 'usl', '--fit', fixture('usl/no-header.csv')] },
  { command: 'report', args: ['report', '--users', '50000'], reaches: { series: { basis: 'ladder' }, migration: { weeksMin: 5, weeksMax: 8 } } },
  {
    command: 'report',
    args: ['--catalog', minimal, 'report', '--users', '50', '--users', '500'],
    reaches: { series: { basis: 'users' }, migration: null, catalog: { phases: nullIn('quotedTotalUsd') }, recommendations: [{ targetPhase: 1 }, { targetPhase: null }] },
  },
  // Offline: a catalog without AWS instances asks the price list nothing (the live cases: test/pricing/live-refresh.test.ts).
  { command: 'pricing refresh', args: ['--catalog', fixture('aws/no-aws-instances.yaml'), 'pricing', 'refresh'], reaches: { products: [], failed: [] } },
  { command: 'pricing show', args: ['pricing', 'show', '--region', 'ap-southeast-7'], reaches: { products: [] } },
];

describe('each command prints JSON its result schema accepts', () => {
  it.each(CASES)('$args', async ({ command, args, exit = 0, reaches = {} }) => {
    const result = await run([...args, '--format', 'json']);
    expect(result.code).toBe(exit);
    const data = JSON.parse(result.stdout) as { command: unknown; schemaVersion: unknown };
    expect(data.command).toBe(command);
    expect(data).toMatchObject(reaches);
    const parsed = RESULT_SCHEMAS[command]().safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5))).toBe(true);
    const saved = readSavedResult(result.stdout, 'saved.json');
    expect(saved.command).toBe(command);
    expect(saved.result).toEqual(data);
  });

  it('has at least one case per result schema', () => {
    expect([...new Set(CASES.map((c) => c.command))].sort()).toEqual([...RESULT_COMMANDS].sort());
  });
});

/** Every runnable command of the CLI, subcommands joined by a space ("catalog validate"). */
function leafCommands(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return sub.commands.length === 0 ? [path.join(' ')] : leafCommands(sub, path);
  });
}

describe('every command has a result schema', () => {
  it('but `catalog schema`, whose output is itself a JSON Schema (schema/catalog.schema.json), and `metrics pull`, whose output is an observations file (schema/observations.schema.json)', () => {
    const program = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false });
    const withoutSchema = leafCommands(program).filter((name) => !(RESULT_COMMANDS as string[]).includes(name));
    expect(withoutSchema).toEqual(['metrics pull', 'catalog schema']);
  });
});
