import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { lintMarkdown, toHtml } from '../render/markdown-checks.js';
import { svgChartParts } from '../render/svg-parts.js';
import { run, STACK_LINE } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-report-'));

describe('report --charts DIR', () => {
  const dir = join(tmp, 'with-charts');
  mkdirSync(dir);
  const out = join(dir, 'plan.md');
  const charts = join(dir, 'charts', 'svg');

  it('writes the markdown and an SVG per chart (creating the folder), linked relative to the markdown', async () => {
    const result = await run(['report', '--users', '5000', '--users', '50000', '--out', out, '--charts', charts]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(charts).sort()).toEqual(['cost-by-component-5000.svg', 'cost-by-component-50000.svg', 'cost-per-user.svg', 'latency.svg']);
    const markdown = readFileSync(out, 'utf8');
    expect(lintMarkdown(markdown)).toEqual([]);
    const images = [...toHtml(markdown).matchAll(/<img src="([^"]+)" alt="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(images).toEqual([
      ['charts/svg/cost-per-user.svg', 'Cost per user across users'],
      ['charts/svg/latency.svg', 'P95 latency across users'],
      ['charts/svg/cost-by-component-5000.svg', 'Cost by component at 5,000 users (phase 2)'],
      ['charts/svg/cost-by-component-50000.svg', 'Cost by component at 50,000 users (phase 3)'],
    ]);
    // No temp file is left behind beside the charts.
    expect(readdirSync(charts).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('draws charts that parse as XML, with a title, both axis titles and the data of the JSON result', async () => {
    const json = JSON.parse((await run(['report', '--users', '5000', '--users', '50000', '--format', 'json'])).stdout) as {
      series: { rows: Array<{ users: number; perUserUsd: number; latencyMs: number }> };
      points: Array<{ users: number; cost: { components: Array<{ id: string; monthlyUsd: number }> } }>;
    };
    const perUser = readFileSync(join(charts, 'cost-per-user.svg'), 'utf8');
    expect(XMLValidator.validate(perUser)).toBe(true);
    const parts = svgChartParts(perUser);
    expect(parts.title).toBe('Cost per user across users');
    expect(parts.axisTitles).toEqual(['Cost per user, USD per month', 'Users']);
    expect(parts.points.map((p) => p.value)).toEqual(json.series.rows.map((row) => row.perUserUsd));
    expect(parts.points.map((p) => p.category)).toEqual(['5,000', '50,000']);

    const latency = svgChartParts(readFileSync(join(charts, 'latency.svg'), 'utf8'));
    expect(latency.axisTitles).toEqual(['P95 latency, ms', 'Users']);
    expect(latency.points.map((p) => p.value)).toEqual(json.series.rows.map((row) => row.latencyMs));

    const components = svgChartParts(readFileSync(join(charts, 'cost-by-component-50000.svg'), 'utf8'));
    expect(components.axisTitles).toEqual(['Cost, USD per month', 'Component']);
    const expected = json.points[1]!.cost.components.map((c) => ({ category: c.id, value: c.monthlyUsd }));
    expect(components.points.map(({ category, value }) => ({ category, value })).sort((a, b) => a.category.localeCompare(b.category))).toEqual(
      expected.sort((a, b) => a.category.localeCompare(b.category)),
    );
  });

  it('links the charts relative to the working folder when the markdown goes to stdout', async () => {
    const result = await run(['report', '--users', '50000', '--charts', join(tmp, 'stdout-charts')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`](${relative(process.cwd(), join(tmp, 'stdout-charts'))}/cost-per-user.svg)`);
  });
});

describe('report --from FILE', () => {
  it('re-renders a saved report to the same markdown, without a catalog', async () => {
    const saved = join(tmp, 'saved.json');
    const args = ['report', '--users', '5000', '--users', '500000'];
    expect((await run([...args, '--format', 'json', '--out', saved])).code).toBe(0);
    const direct = await run([...args, '--format', 'md']);
    const again = await run(['report', '--from', saved, '--format', 'md']);
    expect(again).toEqual({ code: 0, stdout: direct.stdout, stderr: '' });
    // And to the same JSON: the saved result is the result.
    expect((await run(['report', '--from', saved, '--format', 'json'])).stdout).toBe(readFileSync(saved, 'utf8'));
  });
});

describe('report: bad input exits 2 with a message that says what to do', () => {
  const simulateJson = join(tmp, 'simulate.json');
  const notJson = join(tmp, 'not.json');
  const edited = join(tmp, 'edited.json');
  writeFileSync(notJson, 'users: 5\n');

  it.each([
    [['report'], /report needs --users N \(repeatable\), or --from FILE/],
    [['report', '--users', '0'], /--users must be greater than 0; got 0/],
    [['report', '--users', '2000000'], /--users 2,000,000 is outside the catalog's phases, which hold 0–1,000,000 users/],
    [['report', '--users', '500', '--users', '500'], /--users 500 is given twice/],
    [['report', ...Array.from({ length: 13 }, (_, i) => ['--users', String(i + 1)]).flat()], /at most 12 --users values/],
    [['report', '--from', join(tmp, 'missing.json')], /cannot read --from .*missing\.json: no such file/],
    [['report', '--from', tmp], /cannot read --from .*: it is a folder/],
    [['report', '--from', notJson], /not\.json is not JSON [\s\S]*; pass a result saved with --format json/],
    [['report', '--from', simulateJson], /simulate\.json holds a simulate result; --from takes a report saved with `cuenta-plan report --users N --format json`/],
    [['report', '--from', edited], /edited\.json is not a valid report result of schemaVersion 1 \(1 problem\):\n {2}points\[0\]\.users: /],
    [['report', '--from', simulateJson, '--users', '5', '--pricing', 'seed'], /--from re-renders a saved report as it was computed; leave out --users, --pricing/],
    [['report', '--users', '50000', '--charts', notJson], /cannot create --charts .*not\.json: a file has that name/],
    [['report', '--users', '50000', '--purchase', 'cheapest'], /--purchase must be one of on-demand, reserved-1y, .*; got "cheapest"/],
    [['report', '--users', '50000', '--upfront', 'all'], /--upfront picks how a reservation is paid; it needs --purchase/],
    [['report', '--users', '50000', '--purchase', 'spot', '--upfront', 'all'], /--purchase spot commits nothing/],
    [['report', '--users', '50000', '--purchase', 'optimized', '--pricing', 'seed'], /--purchase prices commitments from rates, but --pricing seed/],
    [['report', '--from', simulateJson, '--purchase', 'optimized'], /--from re-renders a saved report as it was computed; leave out --purchase/],
  ])('%j', async (args, message) => {
    writeFileSync(simulateJson, (await run(['simulate', '--users', '50', '--format', 'json'])).stdout);
    const saved = JSON.parse((await run(['report', '--users', '50', '--format', 'json'])).stdout) as { points: Array<{ users: unknown }> };
    saved.points[0]!.users = 'fifty';
    writeFileSync(edited, JSON.stringify(saved));
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('names --charts when a chart file cannot be written, and writes no markdown', async () => {
    const dir = join(tmp, 'blocked');
    mkdirSync(join(dir, 'latency.svg'), { recursive: true });
    const out = join(tmp, 'blocked.md');
    const result = await run(['report', '--users', '50000', '--charts', dir, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--charts .*latency\.svg is a folder/);
    expect(readdirSync(tmp)).not.toContain('blocked.md');
  });
});

describe('report: break-even', () => {
  /** The user count in words as the report writes it: "68,010 users (17,003 premium, phase 3)". */
  const at = (p: { users: number; premiumUsers: number; phase: number }) =>
    `${p.users.toLocaleString('en-US')} user${p.users === 1 ? '' : 's'} (${p.premiumUsers.toLocaleString('en-US')} premium, phase ${p.phase})`;
  const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

  it.each([[[]], [['--purchase', 'optimized']], [['--purchase', 'reserved-1y', '--upfront', 'none']]])(
    'is the breakeven command’s, for the same catalog, book and purchase %j',
    async (purchase) => {
      const expected = JSON.parse((await run(['breakeven', ...purchase, '--format', 'json'])).stdout) as Record<string, { users: number; premiumUsers: number; phase: number }> & { impliedOpexUsd: number; opexUsd: number };
      const json = (await run(['report', '--users', '50000', ...purchase, '--format', 'json'])).stdout;
      const { breakeven } = JSON.parse(json) as { breakeven: unknown };
      const point = (name: string) => ({ users: expected[name]!.users, premiumUsers: expected[name]!.premiumUsers, phase: expected[name]!.phase });
      expect(breakeven).toEqual({ infrastructureOnly: point('infrastructureOnly'), withOpex: point('withOpex'), impliedOpexUsd: expected.impliedOpexUsd, opexUsd: expected.opexUsd });

      const markdown = (await run(['report', '--users', '50000', ...purchase])).stdout;
      const summary = markdown.slice(markdown.indexOf('**Break-even:**'), markdown.indexOf('\n\n', markdown.indexOf('**Break-even:**'))).replace(/\n/g, ' ');
      expect(summary).toContain(`the plan breaks even from ${at(point('withOpex'))} with ${usd(expected.opexUsd)} opex a month;`);
      expect(summary).toContain(`revenue covers infrastructure alone from ${at(point('infrastructureOnly'))}.`);
      const margin = (JSON.parse(json) as { points: Array<{ revenue: { contributionMarginUsd: number } }> }).points[0]!.revenue.contributionMarginUsd;
      expect(summary).toContain(`Contribution margin a month: ${margin < 0 ? '-' : '+'}${usd(Math.abs(margin))} at 50,000 users.`);
    },
  );

  it('reads a report saved before the field existed (schemaVersion 1 without breakeven) and renders it without the line', async () => {
    const saved = JSON.parse((await run(['report', '--users', '50000', '--format', 'json'])).stdout) as Record<string, unknown>;
    delete saved.breakeven;
    const file = join(tmp, 'without-breakeven.json');
    writeFileSync(file, JSON.stringify(saved));
    const result = await run(['report', '--from', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('**Break-even:**');
  });
});

describe('report --growth', () => {
  it('dates the migration as advise does: phase 3 serves up to its headroom, reached at 10 % a month', async () => {
    const json = JSON.parse((await run(['report', '--users', '50000', '--growth', '10%', '--as-of', '2027-01-01', '--format', 'json'])).stdout) as {
      growth: { perMonth: number; asOf: string };
      recommendations: Array<{ migrationDates: { daysToExhaustion: number; exhaustion: string; start: string; latestSafeStart: string } }>;
      points: Array<{ headroom: { maxUsers: number } }>;
    };
    expect(json.growth).toEqual({ perMonth: 0.1, asOf: '2027-01-01' });
    const { maxUsers } = json.points[0]!.headroom;
    // t = (365.25 / 12) · ln(maxUsers / 50,000) / ln 1.1 days (docs/model.md § Headroom and migration dates); with
    // phase 3's 105,624 users that is 30.4375 × ln 2.11248 / 0.0953102 = 238.8 days: 2027-01-01 + 238 = 2027-08-27,
    // and the bundled steps take 5–8 weeks: start 56 days earlier (2027-07-02), latest safe start 35 days (2027-07-23).
    const dates = json.recommendations[0]!.migrationDates;
    expect(dates.daysToExhaustion).toBeCloseTo((30.4375 * Math.log(maxUsers / 50_000)) / Math.log(1.1), 9);
    expect(maxUsers).toBe(105_624);
    expect(dates).toMatchObject({ exhaustion: '2027-08-27', start: '2027-07-02', latestSafeStart: '2027-07-23' });
  });

  it('says so in the summary, and refuses --as-of without --growth (exit 2)', async () => {
    const markdown = (await run(['report', '--users', '50000', '--growth', '10', '--as-of', '2027-01-01'])).stdout;
    expect(markdown).toMatch(/10\.0 % a month from 2027-01-01 the phase runs out on 2027-08-27: start\s+migrating by 2027-07-02 \(latest safe start 2027-07-23\)/);
    const refused = await run(['report', '--users', '50000', '--as-of', '2027-01-01']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--as-of dates the migration at a growth rate: give --growth too/);
    expect(refused.stderr).not.toMatch(STACK_LINE);
  });
});
