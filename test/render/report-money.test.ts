import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../src/model/report.js';
import { renderReportMarkdown } from '../../src/render/report.js';
import { run } from '../cli/run.js';
import { lintMarkdown, toHtml } from './markdown-checks.js';

/** A saved report at 50,000 users; issue 9's sections are added by hand, as a simulate result would carry them. */
async function report(): Promise<ReportResult> {
  return JSON.parse((await run(['report', '--users', '50000', '--format', 'json'])).stdout) as ReportResult;
}

const purchase = {
  strategy: 'reserved-1y-no-upfront',
  onDemandUsd: 2007.35,
  savingUsd: 401.47,
  savingPercent: 20,
  upfrontUsd: 0,
  strategies: [
    { strategy: 'on-demand', monthlyUsd: 2007.35, savingUsd: 0, savingPercent: 0, upfrontUsd: 0 },
    { strategy: 'reserved-1y-no-upfront', monthlyUsd: 1605.88, savingUsd: 401.47, savingPercent: 20, upfrontUsd: 0 },
  ],
};
const revenue = { mrrUsd: 30000, premiumUsers: 6000, enterpriseSchools: 12, feesUsd: 900, opexUsd: 40000, grossMarginUsd: 27092.65, contributionMarginUsd: -12907.35 };

describe('the report with purchase options and revenue', () => {
  it('leaves both sections out when the result has neither', async () => {
    const text = renderReportMarkdown(await report());
    expect(text).not.toContain('### Purchase options');
    expect(text).not.toContain('### Revenue and break-even');
  });

  it('shows them, after the cost breakdown and before the headroom, when a point carries them', async () => {
    const r = await report();
    Object.assign(r.points[0]!, { purchase, revenue });
    const text = renderReportMarkdown(r);
    const headings = text.split('\n').filter((line) => line.startsWith('### '));
    expect(headings).toEqual([
      '### Capacity per tier at 50,000 users',
      '### Cost breakdown at 50,000 users',
      '### Purchase options at 50,000 users',
      '### Revenue and break-even at 50,000 users',
      '### Headroom at 50,000 users',
      '### Remarks at 50,000 users',
      '### Prices',
    ]);
    expect(text).toContain('Priced as reserved-1y-no-upfront: $401.47 a month less than on-demand\n($2,007.35), 20.0 % saved, $0.00 paid upfront.');
    expect(text).toContain('| reserved-1y-no-upfront | $1,605.88 | $401.47 | 20.0 % | $0.00 |');
    expect(text).toContain('| contribution margin | -$12,907.35 |');
    expect(text).toContain('The contribution margin is negative: at this count the plan does not break even');
    expect(lintMarkdown(text)).toEqual([]);
    expect(toHtml(text).match(/<table>/g)).toHaveLength(6 + 2 + 2);
  });

  it('writes a dash for a strategy field the result does not give', async () => {
    const r = await report();
    Object.assign(r.points[0]!, { purchase: { ...purchase, strategies: [{ strategy: 'spot' }] } });
    expect(renderReportMarkdown(r)).toContain('| spot | — | — | — | — |');
  });
});
