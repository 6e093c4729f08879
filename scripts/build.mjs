// Builds dist/cli.cjs, one bundle of the CLI, and dist/cli.cache, V8's code cache for it.
// Start-up is most of a CLI's time, so the build does every piece of work a run would otherwise repeat:
//  - checks the bundled catalog and price snapshot with the full validators and writes the checked data
//    to dist/checked/ (scripts/check-bundled.ts, src/build-info.ts): no run parses their YAML or loads zod;
//  - makes the heavy modules load on first use (lazyModules below), so a command pays only for what it runs;
//  - compiles the bundle once and stores V8's code cache, so a run does not parse and compile it again.
// bench/startup.mjs measures the result against a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { lazyModules } from './lazy-modules.mjs';

const require = createRequire(import.meta.url);

/**
 * Imports that load on first use instead of when the bundle starts (scripts/lazy-modules.mjs): the parsers
 * and validators only a catalog's or snapshot's first check needs, node:crypto (only the cache of a user's
 * catalogs hashes), node:os (only to find that cache), node:child_process (commander needs it only for
 * external subcommands), node:worker_threads (only a Monte Carlo shared with a worker) and the AWS SDK clients (only the live paths need them). A lazy module must not
 * be used at the top level of a module the common commands load: test/cli/startup.test.ts checks.
 */
const LAZY_PACKAGES = /^(yaml|zod|mathjs(\/number)?|@aws-sdk\/.+)$/;
const LAZY_BUILTINS = /^(node:)?(crypto|child_process|os|worker_threads)$/;
/**
 * Source modules that use a lazy package at their top level (zod schemas built on import). src/results/registry.ts
 * holds every result schema, whose modules build zod fields at their top level; `gate` reads saved results
 * (src/inputs/baseline.ts → src/results/read-saved.ts), so the registry loads when a baseline is read.
 */
const LAZY_SOURCES = new Set(['src/pricing/snapshot-schema.ts', 'src/results/registry.ts'].map((file) => resolve(file)));

const common = {
  bundle: true,
  platform: 'node',
  // CommonJS so that bin/cuenta-plan.js can compile it with vm.Script and V8's code cache.
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // Smaller to parse at every start; identifiers are kept so a bug report's stack trace stays readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
};
/**
 * src/paths.ts finds data/ from the module's folder: in the bundle, its `__dirname` (dist/). Not a file URL: building
 * the first URL of a run costs about a millisecond.
 */
const moduleDir = { define: { 'import.meta.dirname': '__dirname' } };

/**
 * chalk's colour detection (its `#supports-color`) runs at import and loads node:tty (~4 ms); cuenta-plan
 * never uses it: every renderer passes the level it decided (src/render/table.ts), so it is left out.
 */
function noColorDetection() {
  return {
    name: 'no-color-detection',
    setup(b) {
      b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
        loader: 'js',
        contents: 'export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };\n',
      }));
    },
  };
}

/** Runs the full validators on the bundled data (scripts/check-bundled.ts) and returns the checked data. */
async function checkBundledData() {
  // Built into dist/ so that src/paths.ts finds data/ from it as it does from the CLI's bundle.
  const file = resolve('dist/check-bundled.cjs');
  await build({ ...common, ...moduleDir, entryPoints: ['scripts/check-bundled.ts'], outfile: file });
  try {
    const result = require(file).checkBundledData();
    if (!result.ok) {
      console.error(`build: the bundled catalog does not pass its own checks:\n  ${result.problems.join('\n  ')}`);
      process.exit(1);
    }
    return result;
  } catch (error) {
    console.error(`build: the bundled data does not pass its own checks: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  } finally {
    rmSync(file, { force: true });
  }
}

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
const { checked, sources } = await checkBundledData();

// The build id is a digest of the bundle, computed with a placeholder of the same length in its place.
const placeholder = 'cuenta-plan-build-id:'.padEnd(64, '?');
const bundled = await build({
  ...common,
  ...moduleDir,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  write: false,
  define: { ...moduleDir.define, 'globalThis.__CUENTA_PLAN_BUILD__': JSON.stringify({ id: placeholder }) },
  plugins: [
    lazyModules({ packages: LAZY_PACKAGES, builtins: LAZY_BUILTINS, sources: LAZY_SOURCES, srcDir: 'src', outDir: 'dist/lazy', esbuild: common }),
    noColorDetection(),
  ],
});
const text = bundled.outputFiles[0].text;
if (text.split(placeholder).length !== 2) throw new Error('build: the build id placeholder must occur exactly once in the bundle');
// bin/cuenta-plan.js reads the bundle as Latin-1, which is exact for ASCII: no UTF-8 decoding, and a one-byte string
// half the size of a two-byte one. esbuild escapes non-ASCII in strings but not in a regular expression's literal.
const nonAscii = text.search(/[^\x00-\x7f]/);
if (nonAscii >= 0) throw new Error(`build: the bundle must be ASCII; write \\u escapes in the sources instead of: ${JSON.stringify(text.slice(Math.max(0, nonAscii - 40), nonAscii + 10))}`);
const id = createHash('sha256').update(text).digest('hex');
writeFileSync('dist/cli.cjs.tmp', text.replace(placeholder, id));
renameSync('dist/cli.cjs.tmp', 'dist/cli.cjs');
// The bundled files as the build checked them (src/build-info.ts): their exact bytes, to compare with at
// run time, and the checked data, in ASCII (\u escapes) so that Node reads it into a one-byte string.
mkdirSync('dist/checked');
for (const [kind, bytes] of Object.entries(sources)) writeFileSync(`dist/checked/${kind}.source`, bytes);
const checkedJson = JSON.stringify({ build: id, checked }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync('dist/checked/checked.json', checkedJson);

// Run the most common command so the code cache holds the functions a run compiles, not just the top
// level. It takes the fast path (the checked bundled data), so the parsers stay out of the cache.
const warm = spawnSync(process.execPath, ['bin/cuenta-plan.js', 'simulate', '--users', '50000'], {
  env: { ...process.env, CUENTA_PLAN_WRITE_CODE_CACHE: '1', CUENTA_PLAN_NO_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warm.status !== 0) {
  console.error('build: the warm-up run failed; dist/cli.cache was not written (the CLI still works, only slower to start)');
}
