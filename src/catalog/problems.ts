/**
 * Catalog problems as data: every stage (read, YAML, schema, rules, dry run) returns these instead of
 * throwing, so `catalog validate` can list them all and tests can assert on them.
 */
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { isCollection, isNode, isPair, isScalar } from 'yaml';
import { formatPath } from '../paths.js';

export type Severity = 'error' | 'warning';

export interface CatalogProblem {
  severity: Severity;
  file: string;
  /** 1-based; absent for problems with the file as a whole (too big, binary, unreadable). */
  line?: number;
  column?: number;
  /** Dotted path into the catalog, e.g. "phases[2].components[1].count"; "" for the whole file. */
  path: string;
  /** What is wrong and what to do about it. */
  message: string;
}

export type PathSegment = string | number;

/** One problem on one line: `file:line:col  path  message` (the parts that exist). */
export function formatProblem(problem: CatalogProblem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return [where, problem.path, `${tag}${problem.message}`].filter((part) => part !== '').join('  ');
}

/** Finds where a path points in the YAML source, for line/column. */
export class Locator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lineCounter: LineCounter | undefined,
  ) {}

  /**
   * The line and column of the node at `path`; for a path that does not exist (a missing key),
   * the deepest existing ancestor. `onKey` points at the key instead of its value (unknown keys).
   */
  locate(path: readonly PathSegment[], onKey = false): { line?: number; column?: number } {
    if (!this.doc || !this.lineCounter) return {};
    let node: unknown = this.doc.contents;
    let best: YamlNode | undefined = isNode(node) ? node : undefined;
    for (const segment of path) {
      if (!isCollection(node)) break;
      const pair = findPair(node, segment);
      if (pair === undefined) break;
      const next = pair.value;
      if (onKey && segment === path[path.length - 1] && pair.key !== undefined && isNode(pair.key)) {
        best = pair.key;
        break;
      }
      if (isNode(next)) best = next;
      else if (pair.key !== undefined && isNode(pair.key)) best = pair.key;
      node = next;
    }
    const offset = best?.range?.[0];
    if (offset === undefined) return {};
    const pos = this.lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

function findPair(collection: unknown, segment: PathSegment): { key?: unknown; value: unknown } | undefined {
  if (!isCollection(collection)) return undefined;
  const items = collection.items as unknown[];
  if (typeof segment === 'number') {
    const item = items[segment];
    if (item === undefined) return undefined;
    return isPair(item) ? { key: item.key, value: item.value } : { value: item };
  }
  for (const item of items) {
    if (!isPair(item)) continue;
    const key = isScalar(item.key) ? item.key.value : item.key;
    if (key === segment || String(key) === segment) return { key: item.key, value: item.value };
  }
  return undefined;
}

/** Collects problems for one file, locating each by its path. */
export class ProblemList {
  readonly items: CatalogProblem[] = [];
  constructor(
    readonly file: string,
    private readonly locator: Locator = new Locator(undefined, undefined),
  ) {}

  add(severity: Severity, path: readonly PathSegment[], message: string, options: { onKey?: boolean } = {}): void {
    const position = this.locator.locate(path, options.onKey);
    this.items.push({ severity, file: this.file, ...position, path: formatPath(path), message });
  }
  error(path: readonly PathSegment[], message: string, options?: { onKey?: boolean }): void {
    this.add('error', path, message, options);
  }
  warning(path: readonly PathSegment[], message: string, options?: { onKey?: boolean }): void {
    this.add('warning', path, message, options);
  }
  /** A problem with a known position (YAML syntax errors) or none (file-level). */
  at(severity: Severity, message: string, position: { line?: number; column?: number } = {}): void {
    this.items.push({ severity, file: this.file, ...position, path: '', message });
  }
  get errors(): CatalogProblem[] {
    return this.items.filter((p) => p.severity === 'error');
  }
  get warnings(): CatalogProblem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }
  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}
