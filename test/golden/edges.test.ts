import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

// Rendered output of `simulate` at the edges of each phase (golden.test.ts covers the midpoints): the first
// user of the range, its top (data/phases.yaml `users.max`), and twice the top forced onto the phase with
// --phase, where sizing runs into the tiers' maxima. First and top sit either side of each phase boundary
// (100 → phase 0, 101 → phase 1), so a shifted range check changes a file. Offline snapshot prices only.
// Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run test/golden
const update = process.env.UPDATE_GOLDEN === '1';
const dir = fileURLToPath(new URL('./edges/', import.meta.url));

const PHASES = [
  { phase: 0, first: 1, top: 100 },
  { phase: 1, first: 101, top: 1_000 },
  { phase: 2, first: 1_001, top: 10_000 },
  { phase: 3, first: 10_001, top: 100_000 },
  { phase: 4, first: 100_001, top: 1_000_000 },
];

const CASES = PHASES.flatMap(({ phase, first, top }) => [
  { name: `phase${phase}-first`, args: ['--users', String(first)] },
  { name: `phase${phase}-top`, args: ['--users', String(top)] },
  { name: `phase${phase}-past`, args: ['--users', String(2 * top), '--phase', String(phase)] },
]);

describe.each(CASES)('simulate $name ($args)', ({ name, args }) => {
  it.each([
    ['table', 'txt'],
    ['md', 'md'],
  ])('%s matches its golden file', async (format, ext) => {
    const result = await run(['simulate', ...args, '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = `${dir}simulate-${name}.${ext}`;
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, result.stdout);
    }
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
    expect(result.stdout).toBe(readFileSync(file, 'utf8'));
  });
});
