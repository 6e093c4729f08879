/**
 * Catalog fixtures: test/fixtures/catalogs/minimal.yaml and small patches of it (./patches/<name>.yaml, a list
 * of { find, replace } text edits, each `find` occurring exactly once). The patched text is validated as text,
 * so positions (line:col) are those of the patched file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const fixturesDir = fileURLToPath(new URL('../fixtures/catalogs/', import.meta.url));
export const fixture = (name: string): string => join(fixturesDir, name);
export const minimalPath = fixture('minimal.yaml');
export const minimalText = readFileSync(minimalPath, 'utf8');
/** A price book for eu-central-1 in the snapshot's format. */
export const euBookPath = fileURLToPath(new URL('../../examples/prices/eu-central-1.json', import.meta.url));

interface Edit {
  find: string;
  replace: string;
}

/** Applies edits to `text`; each `find` must occur exactly once, so a patch never lands in the wrong place. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((current, { find, replace }) => {
    const at = current.indexOf(find);
    if (at < 0 || current.indexOf(find, at + 1) >= 0) throw new Error(`patch text ${JSON.stringify(find)} must occur exactly once in the catalog`);
    return current.slice(0, at) + replace + current.slice(at + find.length);
  }, text);
}

/** minimal.yaml with the patch ./patches/<name>.yaml applied. */
export function patched(name: string): string {
  const edits = parse(readFileSync(fixture(`patches/${name}.yaml`), 'utf8')) as Edit[];
  return applyEdits(minimalText, edits);
}

/** minimal.yaml with one ad-hoc edit (for a rule's two sides of a limit). */
export const variantText = (find: string, replace: string): string => applyEdits(minimalText, [{ find, replace }]);

/** Writes a patched catalog to `dir`/<name>.yaml (for the CLI, which reads files) and returns its path. */
export function patchedFile(name: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, patched(name));
  return file;
}
