// Bundles a TypeScript entry of the project into a temporary ESM file and imports it, so benchmarks
// measure the same code the CLI ships without a separate compile step.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function importTs(relativeEntry) {
  const entry = fileURLToPath(new URL(`../${relativeEntry}`, import.meta.url));
  const outfile = join(mkdtempSync(join(tmpdir(), 'cuenta-plan-bench-')), 'entry.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cpCreateRequire } from 'node:module'; const require = __cpCreateRequire(import.meta.url);" },
    // Keep the module's folder in the repo (the entry's, one level below the root, as src/paths.ts expects), so the
    // bundled catalog and prices are found.
    define: { 'import.meta.dirname': JSON.stringify(dirname(entry)) },
  });
  return import(pathToFileURL(outfile).href);
}

/**
 * Median time per call in microseconds: `rounds` rounds of `calls` calls each, after a warm-up of `calls` calls and
 * at least `warmupMs` milliseconds (for a function called thousands of times a run, whose steady speed is the figure:
 * V8 takes a few thousand calls of a sizing to settle on optimised code).
 */
export function medianMicros(fn, { calls = 100, rounds = 15, warmupMs = 0 } = {}) {
  const warmUntil = performance.now() + warmupMs;
  for (let i = 0; i < calls || performance.now() < warmUntil; i += 1) fn();
  const samples = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i += 1) fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e3 / calls);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
