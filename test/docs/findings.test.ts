/**
 * The published lists are documented as they are: docs/commands.md has a table row for every finding code
 * (its severity, group, metric and description) and for every metric name (its unit and description), and
 * names nothing else.
 * A code or metric added to src/model without a row, or a row left behind, fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCodeName } from '../../src/model/finding-codes.js';
import { METRICS, type MetricName } from '../../src/model/metrics.js';

const commands = readFileSync(fileURLToPath(new URL('../../docs/commands.md', import.meta.url)), 'utf8');

/** The table rows whose first cell is a code span: first cell (without backticks) → the other cells. */
function rows(heading: string): Map<string, string[]> {
  const start = commands.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`docs/commands.md has no "### ${heading}" section`);
  const end = commands.indexOf('\n### ', start + 1);
  const section = commands.slice(start, end < 0 ? undefined : end);
  const table = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split(' | ').map((cell) => cell.replace(/^\| /, '').replace(/ \|$/, '').trim());
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (line.startsWith('| `') && name !== undefined) table.set(name, cells.slice(1));
  }
  return table;
}

describe('docs/commands.md documents the finding codes', () => {
  const documented = rows('Findings');

  it.each(Object.keys(FINDING_CODES) as FindingCodeName[])('%s: a row with its severity, group, metric and description', (code) => {
    const { severity, group, metric, description } = FINDING_CODES[code];
    expect(documented.get(code), code).toEqual([severity, group, `\`${metric}\``, description]);
  });

  it('has no row for a code that does not exist', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(FINDING_CODES).sort());
  });
});

describe('docs/commands.md documents the metric names', () => {
  const documented = rows('Metrics');

  it.each(Object.keys(METRICS) as MetricName[])('%s: a row with its unit and description', (metric) => {
    expect(documented.get(metric), metric).toEqual([METRICS[metric].unit, METRICS[metric].description]);
  });

  it('has no row for a metric that does not exist', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(METRICS).sort());
  });
});
