import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/catalog/problems.js';
import { MAX_CATALOG_BYTES, readCatalogText } from '../../src/catalog/read.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** readCatalogText's result and its one problem's message (undefined when there is none). */
function read(path: string, stdin?: number) {
  const problems = new ProblemList('plan.yaml');
  const result = readCatalogText(path, problems, stdin);
  expect(problems.items.length).toBeLessThanOrEqual(1);
  return { result, message: problems.items[0]?.message };
}

/** Reads `path` as if it were standard input ("-"): its descriptor stands in for fd 0. */
function readAsStdin(path: string) {
  const fd = openSync(path, 'r');
  try {
    return read('-', fd);
  } finally {
    closeSync(fd);
  }
}

describe('stage 1: reading the catalog', () => {
  it('reads UTF-8 text, dropping a byte-order mark', () => {
    expect(read(file('plan.yaml', '\uFEFFversion: 1\n'))).toEqual({ result: { ok: true, text: 'version: 1\n' }, message: undefined });
  });

  it('refuses a directory, a missing file, an empty file, binary bytes and another encoding, each with what to do', () => {
    const dir = join(tmp, 'plans');
    mkdirSync(dir);
    const cases: Array<[string, string]> = [
      [dir, 'is a directory, not a catalog file: pass the path of a .yaml file'],
      [join(tmp, 'missing.yaml'), 'no such file; check the path (the default catalog is data/phases.yaml in the package)'],
      [file('empty.yaml', ' \n\t\n'), 'the file is empty; a catalog needs at least version, name, workload and phases (see `cuenta-plan catalog schema`)'],
      [file('nul.yaml', new Uint8Array([0x61, 0x3a, 0x00, 0x31])), "this is a binary file, not YAML text (a NUL byte at offset 2); pass the catalog's .yaml file"],
      [file('latin1.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xe9])), 'this is not UTF-8 text (a binary file, or another encoding); save the catalog as UTF-8'],
    ];
    for (const [path, message] of cases) expect(read(path), path).toEqual({ result: { ok: false }, message });
  });

  it('refuses a file over 10 MB from its size, before reading it', () => {
    const big = file('big.yaml', '');
    truncateSync(big, MAX_CATALOG_BYTES + 1); // sparse: nothing written
    expect(read(big)).toEqual({ result: { ok: false }, message: 'the file is 10.0 MB; a catalog may be at most 10.0 MB — is this the right file?' });
    truncateSync(big, MAX_CATALOG_BYTES); // exactly 10 MB of NUL bytes: read, then refused as binary
    expect(read(big).message).toMatch(/^this is a binary file/);
  });

  it('reads standard input ("-") up to 10 MB, and refuses more', () => {
    expect(readAsStdin(file('in.yaml', 'name: piped\n'))).toEqual({ result: { ok: true, text: 'name: piped\n' }, message: undefined });
    const big = file('big-in.yaml', '');
    truncateSync(big, MAX_CATALOG_BYTES + 1);
    expect(readAsStdin(big)).toEqual({ result: { ok: false }, message: 'standard input is over 10.0 MB; a catalog may be at most that' });
    truncateSync(big, MAX_CATALOG_BYTES);
    expect(readAsStdin(big).message).toMatch(/^this is a binary file/);
  });

  it('names a descriptor that cannot be read', () => {
    expect(read('-', 987_654)).toEqual({ result: { ok: false }, message: expect.stringMatching(/^cannot read the file: EBADF/) });
  });
});
