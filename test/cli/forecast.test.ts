import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../../src/model/forecast.js';
import { run, STACK_LINE } from './run.js';

const args = ['forecast', '--users', '500', '--growth', '10%', '--months', '12', '--start', '2027-01'];

describe('cuenta-plan forecast', () => {
  it('prints the months, the migration and the break-even in a table', async () => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('forecast: 500 users growing 10 % a month, 2027-01 → 2028-01 (12 months)');
    expect(r.stdout).toContain('migration: phase 1 → 2 at month 8 (2027-09)');
    expect(r.stdout).toContain('start migrating by 2027-06-15');
    expect(r.stdout).toMatch(/break-even: the contribution margin \(opex \$60,000\.00\/month\) stays below 0/);
  });

  it('writes JSON with one row per month', async () => {
    const r = await run([...args, '--format', 'json']);
    const result = JSON.parse(r.stdout) as ForecastResult;
    expect(result.months.map((m) => m.month)).toEqual([...Array(13).keys()]);
    expect(result.months[8]).toMatchObject({ date: '2027-09', users: 1072, phase: 2 });
  });

  it('draws the charts as mermaid in markdown and as SVG files with --charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-forecast-'));
    const r = await run([...args, '--format', 'md', '--out', join(dir, 'f.md'), '--charts', join(dir, 'charts')]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'f.md'), 'utf8');
    expect(md.match(/```mermaid/g)).toHaveLength(2);
    expect(md).toContain('](charts/forecast-cost-revenue.svg)');
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['forecast-cost-revenue.svg', 'forecast-users.svg']);
    for (const file of readdirSync(join(dir, 'charts'))) expect(XMLValidator.validate(readFileSync(join(dir, 'charts', file), 'utf8'))).toBe(true);
  });

  it.each([
    [['--start', '2027-13'], /--start: "2027-13" is not a month as YYYY-MM/],
    [['--months', '0'], /--months must be at least 1/],
    [['--growth', 'fast'], /--growth takes the monthly growth in percent/],
    [['--upfront', 'all'], /--upfront picks how a reservation is paid/],
    [['--months', '300', '--growth', '100%'], /give at most \d+ months/],
  ])('refuses %j with exit 2 and a message', async (extra, message) => {
    // A repeated option's last value wins, so `extra` overrides the one in `args`.
    const r = await run([...args, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
