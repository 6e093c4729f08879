import { Chalk, type ChalkInstance } from 'chalk';
import type { RenderOptions } from '../output.js';

/** A chalk instance that colours only when the renderer is allowed to. */
export const paint = (options: RenderOptions): ChalkInstance => new Chalk({ level: options.color ? 1 : 0 });

export type Align = 'left' | 'right';

const ANSI = /\u001b\[[0-9;]*m/g;
const visibleLength = (text: string): number => text.replace(ANSI, '').length;

/** Greedy word wrap at `width` columns; a word longer than a line is cut. Coloured text is not wrapped. */
function wrap(text: string, width: number): string[] {
  if (visibleLength(text) <= width || text.includes('\u001b')) return [text];
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * A boxed terminal table, columns right-aligned where `align` says so. A column with a `maxWidths`
 * entry wraps its words at that many characters, so long notes do not run off the screen.
 * (Drawn here rather than with cli-table3, whose width measuring cost ~20 ms of every `simulate`.)
 */
export function terminalTable(
  head: string[],
  rows: string[][],
  options: RenderOptions,
  align: Align[] = [],
  maxWidths: Array<number | undefined> = [],
): string {
  const c = paint(options);
  const widths = head.map((h, i) => {
    const widest = Math.max(visibleLength(h), ...rows.map((row) => visibleLength(row[i] ?? '')));
    const limit = maxWidths[i];
    return limit === undefined ? widest : Math.min(widest, limit);
  });
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const draw = (cells: string[]) => {
    const wrapped = widths.map((w, i) => wrap(cells[i] ?? '', w));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, k) =>
      `│${wrapped.map((lines, i) => ` ${pad(lines[k] ?? '', widths[i]!, align[i] ?? 'left')} `).join('│')}│`,
    );
  };
  return [rule('┌', '┬', '┐'), ...draw(head.map((h) => c.bold(h))), ...rows.flatMap(draw), rule('└', '┴', '┘')].join('\n');
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
