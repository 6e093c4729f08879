import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runBinary, STACK_LINE } from './run.js';

// The catalog cache is best effort: a cache folder that cannot be created must never stop a command.
it.each([
  ['under a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cuenta-plan-')), 'afile');
    writeFileSync(file, '');
    return join(file, 'cache');
  }],
  ['in /proc', () => '/proc/cuenta-plan-nope'],
])('a cache folder %s is ignored', (_label, dir) => {
  const result = runBinary(['simulate', '--users', '550', '--format', 'json'], { env: { CUENTA_PLAN_CACHE_DIR: dir() } });
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout).phase.id).toBe(1);
});
