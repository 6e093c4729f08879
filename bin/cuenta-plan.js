#!/usr/bin/env node
// Loads the bundled CLI (dist/cli.cjs) with V8's code cache (dist/cli.cache, written by `npm run build`),
// so a run does not parse and compile the whole bundle again. A cache from another Node.js version is
// rejected by V8 and the bundle is simply compiled as usual.
// CommonJS (bin/package.json): an ES module entry point makes Node load its ES module loader first, which
// costs a bare start-up several milliseconds.
'use strict';
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = join(__dirname, '..', 'dist', 'cli.cache');

let source;
try {
  // ASCII (the build checks), so Latin-1 reads it exactly without decoding UTF-8.
  source = readFileSync(bundle, 'latin1');
} catch {
  process.stderr.write('cuenta-plan: the CLI is not built yet. Run `npm run build` (npm ci does it for you).\n');
  process.exit(70);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}

const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new vm.Script(wrapper, { filename: bundle, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));

if (process.env.CUENTA_PLAN_WRITE_CODE_CACHE === '1') {
  // On 'exit', not 'beforeExit': the CLI ends with process.exit once its output is written (src/process-io.ts).
  process.once('exit', () => {
    // The build asks for the cache; an install that cannot be written (read-only, another owner) keeps
    // working without it, so the failure is one line, not a crash.
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch (error) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing to remove, or it cannot be removed either.
      }
      process.stderr.write(`cuenta-plan: the code cache ${cacheFile} was not written (${error.code ?? error.message}); start-up is only slower\n`);
    }
  });
}
cli.exports.run();
