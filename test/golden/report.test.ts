import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { lintMarkdown, toHtml } from '../render/markdown-checks.js';

// The report's markdown on the bundled catalog with the offline snapshot prices.
// Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run test/golden
const update = process.env.UPDATE_GOLDEN === '1';

// Each case with the tables each point adds to the report's six (summary, phases, series, migration,
// assumptions, prices): capacity and cost, revenue's plans and margins, and with --purchase the strategies.
const CASES = [
  // One user count: the charts run along a ladder through the phases.
  ['report-50000', ['report', '--users', '50000'], 4],
  // Three: the charts run along them; phase 4 at 500,000 and phase 2 at 5,000 have their own sections.
  ['report-three', ['report', '--users', '5000', '--users', '50000', '--users', '500000'], 4],
  // Bought at the cheapest mix: every bill, the series and the break-even; the strategies table at each count.
  ['report-optimized', ['report', '--users', '5000', '--users', '50000', '--purchase', 'optimized'], 5],
] as const;

describe.each(CASES)('%s', (name, args, tablesPerPoint) => {
  it('matches its golden file', async () => {
    const result = await run([...args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = fileURLToPath(new URL(`./${name}.md`, import.meta.url));
    if (update) writeFileSync(file, result.stdout);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
    expect(result.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it('passes markdownlint', async () => {
    expect(lintMarkdown((await run([...args])).stdout)).toEqual([]);
  });

  it('renders to HTML with its tables and mermaid charts', async () => {
    const html = toHtml((await run([...args])).stdout);
    expect(html).toMatch(/^<h1>Capacity and cost report: Cuenta Conmigo<\/h1>/);
    // Summary, phases, the series, and per point: capacity and cost; then migration, assumptions and prices.
    const points = args.filter((a) => a === '--users').length;
    expect(html.match(/<table>/g)).toHaveLength(6 + tablesPerPoint * points);
    // Cost per user and latency across users, and the cost by component at each point.
    const charts = [...html.matchAll(/<pre><code class="language-mermaid">xychart-beta/g)];
    expect(charts).toHaveLength(2 + points);
    expect(html).not.toContain('<img');
  });
});
