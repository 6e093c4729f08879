import { lint } from 'markdownlint/sync';
import { marked } from 'marked';

/**
 * markdownlint's defaults with one rule configured: MD013 (line length) skips tables and code blocks. A
 * generated table's row is as long as its cells, and wrapping a row breaks the table; a mermaid chart's
 * labels are one array on one line. Prose is wrapped at 80 columns and still checked.
 */
export const MARKDOWNLINT_CONFIG = { default: true, MD013: { tables: false, code_blocks: false } } as const;

/** markdownlint's findings, one line each ("report: 12: MD034/no-bare-urls …"); empty when clean. */
export function lintMarkdown(text: string): string[] {
  const result = lint({ strings: { report: text }, config: MARKDOWNLINT_CONFIG });
  return result.toString().split('\n').filter((line) => line !== '');
}

/** The markdown as HTML, rendered by marked (GitHub-flavoured: tables on). */
export const toHtml = (text: string): string => marked.parse(text, { gfm: true, async: false });
