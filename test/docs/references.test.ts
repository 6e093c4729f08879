/**
 * The documentation as a whole: the README stays a five-minute read, every command is toured there and described
 * in docs/commands.md, every link resolves, and every document the code cites lives inside the repository.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Lines outside fenced code blocks: where headings and links are. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && !line.startsWith('```');
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped (hyphens and underscores kept), spaces → hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');
}

function headings(markdown: string): string[] {
  return prose(markdown)
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, ''));
}

/** Every command a user can run, as typed after `cuenta-plan` ("simulate", "queue mmc", …). */
function commandNames(): string[] {
  const program = buildProgram({ stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false });
  const walk = (command: Command, prefix: string): string[] =>
    command.commands.flatMap((sub) => {
      const name = `${prefix}${sub.name()}`;
      return [name, ...walk(sub, `${name} `)];
    });
  return walk(program, '');
}

describe('README.md', () => {
  const readme = read('README.md');

  it('is a five-minute read: at most 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('shows the two set-up commands on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm ci && npx cuenta-plan simulate --users 50000');
    expect(firstScreen).toMatch(/^npm test\b/m);
  });
});

describe('every command is documented', () => {
  const names = commandNames();
  const readme = read('README.md');
  const reference = headings(read('docs/commands.md'));

  it('finds the commands to check', () => {
    expect(names).toEqual(expect.arrayContaining(['simulate', 'catalog validate', 'queue mmc']));
  });

  it.each(names)('the README tour mentions "%s"', (name) => {
    expect(readme.includes(`$ cuenta-plan ${name}`) || readme.includes(`\`${name}\``), name).toBe(true);
  });

  it.each(names)('docs/commands.md has a section on "%s"', (name) => {
    const pattern = new RegExp(`(^|[\\s\`])${name.replace(/[-]/g, '\\-')}($|[\\s,\`])`);
    expect(reference.some((heading) => pattern.test(heading)), `${name} in ${reference.join(' | ')}`).toBe(true);
  });
});

describe('links in README.md and docs/', () => {
  const links = pages.flatMap((page) =>
    prose(read(page)).flatMap((line) =>
      [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => ({ page, target: m[1]! })).filter(({ target }) => !/^[a-z]+:/.test(target)),
    ),
  );

  it('finds links to check', () => {
    expect(links.length).toBeGreaterThan(10);
  });

  it.each(links.map(({ page, target }) => [page, target]))('%s → %s resolves', (page, target) => {
    const [path = '', hash] = target.split('#');
    const file = path === '' ? page : relative(root, join(root, dirname(page), path));
    expect(existsSync(join(root, file)), `${file} exists`).toBe(true);
    if (hash !== undefined && file.endsWith('.md')) expect(headings(read(file)).map(anchor)).toContain(hash);
  });
});

describe('citations stay inside the repository', () => {
  /** Every text file under the folders that hold code, tests and data. */
  function files(folder: string): string[] {
    return readdirSync(join(root, folder)).flatMap((name) => {
      const path = `${folder}/${name}`;
      return statSync(join(root, path)).isDirectory() ? files(path) : [path];
    });
  }
  const cited = ['src', 'test', 'data', 'scripts', 'bench', '.ci'].flatMap(files);

  it('no file cites a document outside it (../shared, an absolute machine path, the plan by its original name)', () => {
    const outside = /\.\.\/shared\/|\/work\/shared|000_ad7f83112c39a733/;
    const self = fileURLToPath(import.meta.url);
    const offenders = cited.filter((f) => join(root, f) !== self && outside.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('every docs/ path they cite exists', () => {
    const missing = cited.flatMap((f) =>
      [...read(f).matchAll(/\bdocs\/[\w.-]+\.md\b/g)].map((m) => m[0]).filter((path) => !existsSync(join(root, path))),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the plan document as written (its sha256 is the original one)', () => {
    const sha256 = createHash('sha256').update(readFileSync(join(root, 'docs/plan-cuenta-conmigo.md'))).digest('hex');
    expect(sha256).toBe('173e6cb8463ec4c6e7b593ca0f79af7eac42e8402cab785ccc39c2b5cc9a2061');
  });
});
