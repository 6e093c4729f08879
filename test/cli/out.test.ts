/**
 * `--out FILE` that cannot be written: always one friendly line and exit 2, never a stack trace, an errno
 * dump or the name of the temp file; and temp files of killed runs are cleaned up.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STALE_TEMP_MS } from '../../src/temp-files.js';
import { run, STACK_LINE } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const aFile = join(tmp, 'a-file');
writeFileSync(aFile, '');
const isRoot = process.getuid?.() === 0;

const simulateTo = (out: string) => run(['simulate', '--users', '500', '--out', out]);

describe('an unwritable --out', () => {
  it.each([
    ['/proc/x', /^cuenta-plan: cannot write --out \/proc\/x: \/proc does not take new files; write it somewhere else\n$/],
    ['/proc/self/x', /^cuenta-plan: cannot write --out \/proc\/self\/x: \/proc\/self does not take new files; write it somewhere else\n$/],
    ['/proc/self/status', /^cuenta-plan: cannot write --out \/proc\/self\/status: /],
    ['/sys/x', /^cuenta-plan: cannot write --out \/sys\/x: (permission denied|the file system is read-only|\/sys does not take new files)/],
    [join(aFile, 'x'), /^cuenta-plan: cannot write --out .*a-file\/x: the folder .*a-file does not exist; create it first\n$/],
    ['/dev/full', /^cuenta-plan: cannot write --out \/dev\/full: the disk is full\n$/],
  ])('%s: one friendly line, exit 2', async (out, message) => {
    const result = await simulateTo(out);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toMatch(/\.tmp|ENOENT|errno|open '/);
  });

  it.skipIf(isRoot)('a read-only folder: permission denied, exit 2', async () => {
    const dir = mkdtempSync(join(tmp, 'ro-'));
    chmodSync(dir, 0o555);
    const result = await simulateTo(join(dir, 'plan.txt'));
    chmodSync(dir, 0o755);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cuenta-plan: cannot write --out .*plan\.txt: permission denied; write it somewhere else\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('temp files of killed runs', () => {
  it('are removed when the same file is written again, once they are stale', async () => {
    const dir = mkdtempSync(join(tmp, 'out-'));
    const out = join(dir, 'plan.txt');
    const stale = join(dir, '.plan.txt.4242.tmp');
    const fresh = join(dir, '.plan.txt.4343.tmp');
    const other = join(dir, '.other.txt.4444.tmp');
    for (const file of [stale, fresh, other]) writeFileSync(file, 'half a report');
    const old = (Date.now() - STALE_TEMP_MS - 5_000) / 1000;
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    const result = await simulateTo(out);
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/phase 1/i);
    expect(existsSync(stale)).toBe(false);
    // A live run may be writing the fresh one; the other file's temp is not this run's to judge.
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});
