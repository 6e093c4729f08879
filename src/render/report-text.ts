/**
 * Prose for the report's markdown: paragraphs wrapped at 80 columns (markdownlint's MD013, and what a reader
 * sees in a diff), URLs as autolinks (MD034). Words are never cut, so a long URL stays one link.
 */

export const PROSE_WIDTH = 80;

/** A word that would start a list, a quote or a heading at the start of a line: it never begins one. */
const MARKER = /^([-+*>#]+|\d+[.)])$/;

/** Greedy word wrap; a line that starts with a markdown marker takes it back onto the line before. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && (line.length + 1 + word.length <= width || MARKER.test(word))) line += ` ${word}`;
    else {
      if (line !== '') lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A paragraph wrapped at PROSE_WIDTH; a hard break (two spaces and a newline) is kept. */
export const paragraph = (text: string): string =>
  text
    .split('  \n')
    .map((part) => wrapWords(part, PROSE_WIDTH).join('\n'))
    .join('  \n');

/** A list item: "- " and the text, its continuation lines indented under it. */
export const listItem = (text: string): string =>
  wrapWords(text, PROSE_WIDTH - 2)
    .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
    .join('\n');

/** Bare URLs as <autolinks>; a trailing full stop, comma or bracket stays outside. */
export const linkUrls = (text: string): string => text.replace(/https?:\/\/[^\s<>|]*[^\s<>|.,;:)\]]/g, (url) => `<${url}>`);
