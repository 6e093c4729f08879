// Writes examples/report/: the report the README links to, its markdown and its SVG charts, from the built
// binary (npm run docs and npm run refresh build first). test/docs/report-example.test.ts checks it is current.
//   node scripts/report-example.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example's command, without its outputs (the test runs the same). */
export const REPORT_EXAMPLE_ARGS = ['report', '--users', '50000'];
export const REPORT_EXAMPLE_DIR = 'examples/report';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const charts = join(root, REPORT_EXAMPLE_DIR, 'charts');
  mkdirSync(charts, { recursive: true });
  // A chart of an earlier example (another user count) would stay behind, linked from nothing.
  for (const name of readdirSync(charts).filter((n) => n.endsWith('.svg'))) rmSync(join(charts, name));
  const child = spawnSync(
    process.execPath,
    [join(root, 'bin', 'cuenta-plan.js'), ...REPORT_EXAMPLE_ARGS, '--out', `${REPORT_EXAMPLE_DIR}/plan.md`, '--charts', `${REPORT_EXAMPLE_DIR}/charts`],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
  console.log(`${REPORT_EXAMPLE_DIR}: report refreshed`);
}
