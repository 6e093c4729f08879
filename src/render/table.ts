import { Chalk, type ChalkInstance } from 'chalk';
import type { RenderOptions } from '../output.js';

/** A chalk instance that colours only when the renderer is allowed to. */
export const paint = (options: RenderOptions): ChalkInstance => new Chalk({ level: options.color ? 1 : 0 });

export type Align = 'left' | 'right';

const ANSI = /\u001b\[[0-9;]*m/g;
/** Columns a cell takes: its length without colour codes (most cells have none, and are not copied to find out). */
const visibleLength = (text: string): number => (text.includes('\u001b') ? text.replace(ANSI, '').length : text.length);

/** A word's pieces between which a line may break: after a hyphen that follows a letter ("requests-per-target"). */
const pieces = (word: string): string[] => word.split(/(?<=[A-Za-z]-)/);

/**
 * Greedy word wrap at `width` columns. A word longer than a line breaks after its hyphens, and a piece
 * still longer is cut. Coloured text is not wrapped.
 */
export function wrap(text: string, width: number): string[] {
  if (visibleLength(text) <= width || text.includes('\u001b')) return [text];
  const lines: string[] = [];
  let line = '';
  const place = (word: string) => {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  };
  for (const word of text.split(' ')) {
    if (word.length <= width) {
      place(word);
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (let piece of pieces(word)) {
      while (piece.length > width) {
        if (line) lines.push(line);
        lines.push(piece.slice(0, width));
        piece = piece.slice(width);
        line = '';
      }
      if (line.length + piece.length <= width) line += piece;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Text wrapped to the terminal's width when there is one (lines joined with newlines). */
export const wrapToWidth = (text: string, columns: number | undefined): string =>
  columns === undefined ? text : text.split('\n').flatMap((line) => wrap(line, columns)).join('\n');

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
  const widths = head.map((h, i) => {
    const widest = Math.max(visibleLength(h), ...rows.map((row) => visibleLength(row[i] ?? '')));
    const limit = maxWidths[i];
    return limit === undefined ? widest : Math.min(widest, limit);
  });
  return drawTable(head, rows, widths, options, align);
}

function drawTable(head: string[], rows: string[][], widths: number[], options: RenderOptions, align: Align[]): string {
  const c = paint(options);
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const draw = (cells: string[], style: (text: string) => string = (text) => text) => {
    const wrapped = widths.map((w, i) => wrap(cells[i] ?? '', w));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, k) =>
      `│${wrapped.map((lines, i) => ` ${pad(style(lines[k] ?? ''), widths[i]!, align[i] ?? 'left')} `).join('│')}│`,
    );
  };
  return [rule('┌', '┬', '┐'), ...draw(head, (text) => (text ? c.bold(text) : text)), ...rows.flatMap((row) => draw(row)), rule('└', '┴', '┘')].join('\n');
}

/** A table to fit into the terminal's width. */
export interface TableSpec {
  head: string[];
  rows: string[][];
  align: Align[];
  /** Widest a column may be at any terminal width (its words wrap beyond). */
  maxWidths?: Array<number | undefined>;
  /** Columns whose cells may wrap their words to fit; the others (figures) keep each cell on one line. */
  flexible?: boolean[];
  /** Narrowest a flexible column may become before columns are dropped. */
  minWidths?: Array<number | undefined>;
  /** Columns left out, first to last, while the table is still too wide. */
  dropOrder?: number[];
}

/** The table without the given columns (indexes into the full table); a drop order is renumbered to match. */
export function withoutColumns(spec: TableSpec, columns: readonly number[]): TableSpec {
  const keep = (_: unknown, i: number) => !columns.includes(i);
  const pick = <T>(list: T[] | undefined) => list?.filter(keep);
  const renumber = (i: number) => i - columns.filter((c) => c < i).length;
  const result: TableSpec = { head: spec.head.filter(keep), rows: spec.rows.map((row) => row.filter(keep)), align: spec.align.filter(keep) };
  const maxWidths = pick(spec.maxWidths);
  const flexible = pick(spec.flexible);
  const minWidths = pick(spec.minWidths);
  const dropOrder = spec.dropOrder?.filter((i) => !columns.includes(i)).map(renumber);
  if (maxWidths) result.maxWidths = maxWidths;
  if (flexible) result.flexible = flexible;
  if (minWidths) result.minWidths = minWidths;
  if (dropOrder) result.dropOrder = dropOrder;
  return result;
}

const longestPiece = (text: string): number =>
  Math.max(0, ...text.replace(ANSI, '').split(' ').flatMap(pieces).map((piece) => piece.length));

/** Σ widths + a border and two spaces of padding per column + the closing border. */
const tableWidth = (widths: readonly number[]): number => widths.reduce((sum, w) => sum + w + 3, 1);

/** Column widths within `columns`: each column shrinks toward its minimum, widest first; undefined if even that is too wide. */
function shrink(natural: readonly number[], minimum: readonly number[], columns: number): number[] | undefined {
  const widths = [...natural];
  let excess = tableWidth(widths) - columns;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > minimum[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) return undefined;
    widths[widest] = widths[widest]! - 1;
    excess -= 1;
  }
  return widths;
}

/**
 * Draws a table within `options.columns` (a terminal's width): headers wrap, flexible columns wrap their
 * words, and while it is still too wide the columns in `dropOrder` are left out; `dropped` names them so
 * the caller can say so. Without a terminal width it is `terminalTable` unchanged.
 */
export function fitTable(spec: TableSpec, options: RenderOptions): { text: string; dropped: string[] } {
  const columns = options.columns;
  const maxWidths = spec.maxWidths ?? [];
  if (columns === undefined) return { text: terminalTable(spec.head, spec.rows, options, spec.align, maxWidths), dropped: [] };
  // Widest cell of a column, within its maxWidths entry.
  const natural = (i: number) => {
    const widest = Math.max(visibleLength(spec.head[i]!), ...spec.rows.map((row) => visibleLength(row[i] ?? '')));
    return Math.min(widest, maxWidths[i] ?? widest);
  };
  // Narrowest it may wrap to: its longest unbreakable piece (flexible columns), or its widest cell (figures).
  const minimum = (i: number) => {
    const cells = spec.rows.map((row) => row[i] ?? '');
    const cellMin = spec.flexible?.[i] ? Math.max(spec.minWidths?.[i] ?? 0, ...cells.map(longestPiece)) : Math.max(0, ...cells.map(visibleLength));
    return Math.min(natural(i), Math.max(longestPiece(spec.head[i]!), cellMin));
  };
  let keep = spec.head.map((_, i) => i);
  const dropped: string[] = [];
  let widths = shrink(keep.map(natural), keep.map(minimum), columns);
  for (const drop of spec.dropOrder ?? []) {
    if (widths) break;
    keep = keep.filter((i) => i !== drop);
    dropped.push(spec.head[drop]!);
    widths = shrink(keep.map(natural), keep.map(minimum), columns);
  }
  const pick = <T>(cells: readonly T[]) => keep.map((i) => cells[i]!);
  // A terminal too narrow even for that: every column gives way, words are cut.
  widths ??= shrink(keep.map(natural), keep.map(() => 1), columns) ?? keep.map(() => 1);
  return { text: drawTable(pick(spec.head), spec.rows.map(pick), widths, options, pick(spec.align)), dropped };
}

/** `fitTable`, with a line under it naming the columns left out, if any. */
export function fittedTable(spec: TableSpec, options: RenderOptions): string {
  const { text, dropped } = fitTable(spec, options);
  if (dropped.length === 0) return text;
  return `${text}\n${wrapToWidth(`(not shown at ${options.columns} columns: ${dropped.join(', ')}; see --format md)`, options.columns)}`;
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
