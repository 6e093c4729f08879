/**
 * Golden files of `gate` in the terminal table and the pull-request comment (markdown), passing and failing, with
 * the offline snapshot prices. The failing case compares with test/fixtures/gate/gate-base.json, a saved gate
 * result whose totals were edited by hand to $500.00 at 10,000 users and $1,700.00 at 50,000.
 * Regenerate after an intended change with: UPDATE_GOLDEN=1 npx vitest run test/golden
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const update = process.env.UPDATE_GOLDEN === '1';
const BASELINE = 'test/fixtures/gate/gate-base.json';

const CASES = [
  { name: 'pass', args: ['gate', '--users', '10000', '--budget', '50000'], exit: 0 },
  {
    name: 'fail',
    args: ['gate', '--users', '10000', '--users', '50000', '--budget', '1500', '--require-slo', '--baseline', BASELINE, '--max-increase', '10%'],
    exit: 1,
  },
] as const;

describe.each(CASES)('gate ($name)', ({ name, args, exit }) => {
  it.each([
    ['table', 'txt'],
    ['md', 'md'],
  ])('%s matches its golden file', async (format, ext) => {
    const result = await run([...args, '--format', format]);
    expect(result.code, result.stderr).toBe(exit);
    const file = fileURLToPath(new URL(`./gate-${name}.${ext}`, import.meta.url));
    if (update) writeFileSync(file, result.stdout);
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
    expect(result.stdout).toBe(readFileSync(file, 'utf8'));
  });
});

describe('the pull-request comment', () => {
  it('starts with the marker line, then a one-line headline with the change against the baseline', async () => {
    const { stdout } = await run([...CASES[1].args, '--format', 'md']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('<!-- cuenta-plan-gate -->');
    // (2,007.35 − 1,700.00) / 1,700.00 = 18.08 %: the larger of the two changes ($29.15 at 10,000 users).
    // Failing: at 50,000 users $2,007.35 > $1,500, 99.977 % < 99.99 % and +18.08 % > 10 %; at 10,000 all three pass.
    expect(lines[2]).toMatch(/^❌ \*\*cuenta-plan gate failed\*\*: 3 of 8 checks fail at 10,000 and 50,000 users — monthly cost \+\$307\.35 \(\+18\.08%\) at 50,000 users against the baseline$/);
  });

  it('lists the failing checks before the passing ones, and folds the costs into <details>', async () => {
    const { stdout } = await run([...CASES[1].args, '--format', 'md']);
    const rows = stdout.split('\n').filter((line) => /^\| (✅|❌)/.test(line));
    const firstPass = rows.findIndex((row) => row.startsWith('| ✅'));
    expect(rows.slice(firstPass).every((row) => row.startsWith('| ✅'))).toBe(true);
    expect(rows.slice(0, firstPass).map((row) => row.split(' | ').at(-1))).toEqual(['`cost-over-limit` |', '`availability-short` |', '`cost-increase-over-limit` |']);
    expect(stdout.indexOf('<details>')).toBeGreaterThan(stdout.indexOf('| ❌ fail'));
    expect(stdout).toMatch(/<details>\n<summary>[^\n]+<\/summary>\n\n\| users \|/);
    expect(stdout.trimEnd().endsWith('</details>')).toBe(true);
  });

  it.each(CASES)('passes markdownlint ($name)', async ({ args }) => {
    const { stdout } = await run([...args, '--format', 'md']);
    // Long lines are the table's; inline HTML is the marker comment and <details>.
    const found = lint({ strings: { comment: stdout }, config: { default: true, MD013: false, MD033: { allowed_elements: ['details', 'summary'] }, MD041: false } });
    expect(found.comment).toEqual([]);
  });
});
