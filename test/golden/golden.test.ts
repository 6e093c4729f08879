import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

// Rendered output of `simulate` at each phase's midpoint, with the offline snapshot prices only.
// Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run test/golden
const update = process.env.UPDATE_GOLDEN === '1';
const MIDPOINTS = [
  [0, 50],
  [1, 550],
  [2, 5500],
  [3, 55000],
  [4, 550000],
] as const;

describe.each(MIDPOINTS)('simulate at the midpoint of phase %i (%i users)', (phase, users) => {
  it.each([
    ['table', 'txt'],
    ['md', 'md'],
  ])('%s matches its golden file', async (format, ext) => {
    const result = await run(['simulate', '--users', String(users), '--format', format]);
    expect(result.code).toBe(0);
    const file = fileURLToPath(new URL(`./simulate-phase${phase}.${ext}`, import.meta.url));
    if (update) writeFileSync(file, result.stdout);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
    expect(result.stdout).toBe(readFileSync(file, 'utf8'));
  });
});
