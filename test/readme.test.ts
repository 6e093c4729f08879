import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Every `$ cuenta-plan …` example in the README is re-run against the built CLI; its output must be
// what the README shows (refresh them with `npm run docs`).
it('README examples show the real output of the current build', () => {
  const script = fileURLToPath(new URL('../scripts/readme.mjs', import.meta.url));
  const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8', timeout: 120_000 });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
}, 120_000);
