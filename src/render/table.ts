import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { RenderOptions } from '../output.js';

/** A chalk instance that colours only when the renderer is allowed to. */
export const paint = (options: RenderOptions): ChalkInstance => new Chalk({ level: options.color ? 1 : 0 });

export type Align = 'left' | 'right';

const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string) => text.replace(ANSI, '').length;

/**
 * A terminal table (cli-table3), columns right-aligned where `align` says so. A column with a
 * `maxWidths` entry wraps its words at that many characters, so long notes do not run off the screen.
 */
export function terminalTable(
  head: string[],
  rows: string[][],
  options: RenderOptions,
  align: Align[] = [],
  maxWidths: Array<number | undefined> = [],
): string {
  const c = paint(options);
  const wraps = maxWidths.some((w) => w !== undefined);
  const colWidths = head.map((h, i) => {
    const widest = Math.max(visibleLength(h), ...rows.map((row) => visibleLength(row[i] ?? '')));
    const limit = maxWidths[i];
    return (limit === undefined ? widest : Math.min(widest, limit)) + 2;
  });
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    colAligns: head.map((_, i) => align[i] ?? 'left'),
    ...(wraps ? { colWidths, wordWrap: true } : {}),
    style: { head: [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

/** A GitHub-flavoured markdown table; pipes in cells are escaped. */
export function markdownTable(head: string[], rows: string[][], align: Align[] = []): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rule = head.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [head, rule, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

/** ✓/✗ for a pass/fail, coloured when allowed. */
export function verdict(pass: boolean, options: RenderOptions): string {
  const c = paint(options);
  return pass ? c.green('pass') : c.red('FAIL');
}
