import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without types
import { REPORT_EXAMPLE_ARGS, REPORT_EXAMPLE_DIR } from '../../scripts/report-example.mjs';
import { run } from '../cli/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const committed = join(root, REPORT_EXAMPLE_DIR as string);

describe('examples/report (the report the README links to)', () => {
  it('is what the report command writes today (regenerate: npm run docs)', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cuenta-plan-report-example-'));
    const result = await run([...(REPORT_EXAMPLE_ARGS as string[]), '--out', join(fresh, 'plan.md'), '--charts', join(fresh, 'charts')]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(committed, 'plan.md'), 'utf8')).toBe(readFileSync(join(fresh, 'plan.md'), 'utf8'));
    const charts = readdirSync(join(fresh, 'charts')).sort();
    expect(readdirSync(join(committed, 'charts')).sort()).toEqual(charts);
    for (const name of charts) expect(readFileSync(join(committed, 'charts', name), 'utf8'), name).toBe(readFileSync(join(fresh, 'charts', name), 'utf8'));
  });
});
