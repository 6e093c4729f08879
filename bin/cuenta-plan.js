#!/usr/bin/env node
// Loads the bundled CLI (dist/cli.cjs) with V8's code cache (dist/cli.cache, written by `npm run build`),
// so a run does not parse and compile the whole bundle again. A cache from another Node.js version is
// rejected by V8 and the bundle is simply compiled as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('../dist/cli.cache', import.meta.url));

let source;
try {
  source = readFileSync(bundle, 'utf8');
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
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

if (process.env.CUENTA_PLAN_WRITE_CODE_CACHE === '1') {
  process.once('beforeExit', () => writeFileSync(cacheFile, script.createCachedData()));
}
module.exports.run();
