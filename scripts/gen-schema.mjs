// Writes the published JSON Schemas, each generated from its zod schema:
//   schema/catalog.schema.json                 the catalog file (src/catalog/json-schema.ts)
//   schema/policy.schema.json                  the gate's policy file (src/inputs/policy-schema.ts)
//   schema/observations.schema.json            the observations file of --metrics (src/inputs/observations-schema.ts)
//   schema/<command>.result.schema.json        every command's JSON result (src/results/)
// Usage: node scripts/gen-schema.mjs [--check]
//   --check  write nothing; exit 1 naming each file that is missing or differs (for CI and test/results).
// The generators are TypeScript: esbuild bundles them into a temporary module first, so no build is needed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

async function generatedFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-gen-schema-'));
  try {
    const outfile = join(dir, 'generate.mjs');
    await build({
      stdin: {
        contents: [
          "export { catalogJsonSchemaText } from './src/catalog/json-schema.ts';",
          "export { resultSchemaFiles } from './src/results/json-schema.ts';",
          "export { policyJsonSchemaText } from './src/inputs/policy-schema.ts';",
          "export { observationsJsonSchemaText } from './src/inputs/observations-schema.ts';",
        ].join('\n'),
        resolveDir: root,
        sourcefile: 'gen-schema-entry.ts',
        loader: 'ts',
      },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      // Bundled CommonJS dependencies may call require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __cpRequire } from 'node:module'; const require = __cpRequire(import.meta.url);" },
    });
    const { catalogJsonSchemaText, resultSchemaFiles, policyJsonSchemaText, observationsJsonSchemaText } = await import(pathToFileURL(outfile).href);
    return [
      { path: 'schema/catalog.schema.json', text: catalogJsonSchemaText() },
      { path: 'schema/policy.schema.json', text: policyJsonSchemaText() },
      { path: 'schema/observations.schema.json', text: observationsJsonSchemaText() },
      ...resultSchemaFiles(),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const files = await generatedFiles();
const expected = new Set(files.map((f) => f.path));
const stale = readdirSync(join(root, 'schema'))
  .filter((name) => name.endsWith('.result.schema.json') && !expected.has(`schema/${name}`))
  .map((name) => `schema/${name}`);

if (check) {
  const differing = files.filter(({ path, text }) => {
    try {
      return readFileSync(join(root, path), 'utf8') !== text;
    } catch {
      return true; // missing counts as different
    }
  });
  for (const { path } of differing) console.error(`${path} is out of date`);
  for (const path of stale) console.error(`${path} belongs to no command's result: delete it`);
  if (differing.length > 0 || stale.length > 0) {
    console.error('run `node scripts/gen-schema.mjs` to regenerate the schemas');
    process.exit(1);
  }
  console.log(`${files.length} schemas are up to date`);
} else {
  for (const { path, text } of files) writeFileSync(join(root, path), text);
  for (const path of stale) rmSync(join(root, path));
  console.log(`wrote ${files.length} schemas in schema/${stale.length > 0 ? `; removed ${stale.join(', ')}` : ''}`);
}
