import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Every console example in README.md and docs/*.md is re-run against the built CLI; its output must be what
// the page shows (refresh them with `npm run docs`).
it('the examples in README.md and docs/ show the real output of the current build', () => {
  const script = fileURLToPath(new URL('../../scripts/docs.mjs', import.meta.url));
  const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8', timeout: 600_000 });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
}, 600_000);
