/** Stage 2: YAML to plain data, with positions kept for every later problem. */
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { ProblemList } from './problems.js';

/** How many times aliases may expand: enough for real catalogs, far too few for a "billion laughs" bomb. */
export const MAX_ALIAS_COUNT = 100;

export type ParseResult = { ok: true; doc: Document; lineCounter: LineCounter; data: unknown } | { ok: false; doc?: Document; lineCounter?: LineCounter };

/**
 * Parses YAML with positions (LineCounter), reports syntax errors with line/column, and converts
 * to plain data with a low alias budget so an alias bomb fails fast with a clear message.
 */
export function parseCatalogYaml(text: string, problems: ProblemList): ParseResult {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  } catch (error) {
    // The parser reports problems in doc.errors; a throw here means input it cannot even hold
    // (e.g. nesting deep enough to exhaust the stack).
    problems.at('error', `the YAML cannot be parsed: ${firstLine(error)}; simplify its nesting`);
    return { ok: false };
  }
  for (const error of doc.errors) {
    const pos = error.linePos?.[0];
    problems.at('error', `YAML syntax error: ${firstLine(error)}`, pos ? { line: pos.line, column: pos.col } : {});
  }
  for (const warning of doc.warnings) {
    const pos = warning.linePos?.[0];
    problems.at('warning', `YAML: ${firstLine(warning)}`, pos ? { line: pos.line, column: pos.col } : {});
  }
  if (doc.errors.length > 0) return { ok: false, doc, lineCounter };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, doc, lineCounter, data };
  } catch (error) {
    const message = firstLine(error);
    const unresolved = /^Unresolved alias .*: (.+)$/.exec(message)?.[1];
    if (/^Excessive alias count/.test(message)) {
      problems.at(
        'error',
        `the YAML expands aliases more than ${MAX_ALIAS_COUNT} times (a "billion laughs" alias bomb?); write the values out instead of nesting *aliases`,
        firstAliasPosition(doc, lineCounter),
      );
    } else if (unresolved !== undefined) {
      problems.at('error', `the alias *${unresolved} names no anchor set before it; define &${unresolved} first or fix the name`, firstAliasPosition(doc, lineCounter, unresolved));
    } else {
      problems.at('error', `the YAML cannot be converted to data: ${message}`);
    }
    return { ok: false, doc, lineCounter };
  }
}

/** Where the first alias (or the first alias to `name`) is. */
function firstAliasPosition(doc: Document, lineCounter: LineCounter, name?: string): { line?: number; column?: number } {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (name !== undefined && node.source !== name) return undefined;
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  if (offset === undefined) return {};
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The first line of an error message (yaml's pretty errors append a code frame). */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
