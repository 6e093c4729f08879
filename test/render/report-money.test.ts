import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../src/model/report.js';
import { renderReportMarkdown } from '../../src/render/report.js';
import { run } from '../cli/run.js';
import { lintMarkdown, toHtml } from './markdown-checks.js';

async function report(...args: string[]): Promise<ReportResult> {
  const result = await run([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as ReportResult;
}

const headings = (text: string) => text.split('\n').filter((line) => line.startsWith('### '));

describe('the report’s purchase options', () => {
  it('are left out without --purchase, as simulate leaves them out', async () => {
    const text = renderReportMarkdown(await report('report', '--users', '50000'));
    expect(text).not.toContain('### Purchase options');
    expect(text).not.toContain('bought ');
  });

  it('show every strategy, the chosen one marked, between the cost breakdown and the revenue', async () => {
    const r = await report('report', '--users', '50000', '--purchase', 'reserved-3y', '--upfront', 'all');
    const text = renderReportMarkdown(r);
    expect(headings(text)).toEqual([
      '### Capacity per tier at 50,000 users',
      '### Cost breakdown at 50,000 users',
      '### Purchase options at 50,000 users',
      '### Revenue and break-even at 50,000 users',
      '### Headroom at 50,000 users',
      '### Remarks at 50,000 users',
      '### Prices',
    ]);
    expect(text).toContain('| strategy | monthly | saving | saving % | upfront | 1 year | 3 years | break-even use |');
    // One row per strategy and payment option: on-demand, 3 × 2 reserved, 2 savings plans, spot, optimized.
    const rows = text.split('\n').filter((line) => /^\| (▸ )?(on-demand|reserved|savings-plan|spot|optimized)/.test(line));
    expect(rows).toHaveLength(11);
    expect(rows.filter((line) => line.startsWith('| ▸ '))).toEqual([expect.stringMatching(/^\| ▸ reserved-3y \(all upfront\) \|/)]);
    // The summary's cost is the bill as bought, and says how.
    const p = r.points[0]!;
    expect(p.purchase?.strategy).toBe('reserved-3y');
    expect(p.cost.totalUsd).toBeLessThan(p.purchase!.onDemandUsd);
    expect(text).toMatch(new RegExp(`\\$${p.cost.totalUsd.toLocaleString('en-US', { minimumFractionDigits: 2 })} a month\\s+\\(\\$[\\d.]+ per user\\),\\s+bought\\s+reserved-3y\\s+\\(all\\s+upfront\\)\\s+against\\s+\\$2,007\\.35\\s+on\\s+demand`));
    expect(lintMarkdown(text)).toEqual([]);
  });
});

describe('the report’s revenue and break-even', () => {
  it('are left out for a catalog without a revenue section, whose break-even is null', async () => {
    const r = await report('--catalog', 'examples/catalogs/b2b-saas.yaml', 'report', '--users', '200');
    expect(r.breakeven).toBeNull();
    const text = renderReportMarkdown(r);
    expect(text).not.toContain('### Revenue and break-even');
    expect(text).not.toContain('**Break-even:**');
    expect(lintMarkdown(text)).toEqual([]);
  });

  it('give the margins from MRR down to the contribution margin, which the point’s revenue section carries', async () => {
    const r = await report('report', '--users', '50000');
    const revenue = r.points[0]!.revenue!;
    // Gross margin = MRR − fees − infrastructure (docs/model.md § Revenue), each rounded to the cent on its own:
    // within two cents of each other.
    expect(Math.abs(revenue.grossMarginUsd - (revenue.mrrUsd - revenue.feesUsd - r.points[0]!.cost.totalUsd))).toBeLessThanOrEqual(0.02);
    const text = renderReportMarkdown(r);
    expect(text).toContain(`| contribution margin | -$${(-revenue.contributionMarginUsd).toLocaleString('en-US', { minimumFractionDigits: 2 })} |`);
    expect(text).toContain('The contribution margin is negative at 50,000 users.');
    expect(toHtml(text).match(/<table>/g)).toHaveLength(6 + 4);
  });

  it('re-renders a report saved before the break-even existed: the revenue stays, the break-even line goes', async () => {
    const r = await report('report', '--users', '50000');
    delete r.breakeven;
    const text = renderReportMarkdown(r);
    expect(text).toContain('### Revenue and break-even at 50,000 users');
    expect(text).not.toContain('**Break-even:**');
    expect(text).not.toContain('breaks even from');
    expect(lintMarkdown(text)).toEqual([]);
  });
});
