// Builds dist/cli.cjs, one bundle of the CLI, and dist/cli.cache, V8's code cache for it.
// Start-up is most of a CLI's time: one file instead of hundreds of modules, and compiled code read
// from the cache instead of parsed again, keep `cuenta-plan` within 2.5× a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  // CommonJS so that bin/cuenta-plan.js can compile it with vm.Script and V8's code cache.
  format: 'cjs',
  target: 'node20',
  // Smaller to parse at every start; identifiers are kept so a bug report's stack trace stays readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__cpModuleUrl' },
  banner: { js: "const __cpModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// Run one representative command so the cache holds the functions a run compiles, not just the top level.
const warm = spawnSync(process.execPath, ['bin/cuenta-plan.js', 'simulate', '--users', '50000'], {
  env: { ...process.env, CUENTA_PLAN_WRITE_CODE_CACHE: '1', CUENTA_PLAN_NO_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) {
  console.error('build: the warm-up run failed; dist/cli.cache was not written (the CLI still works, only slower to start)');
}
