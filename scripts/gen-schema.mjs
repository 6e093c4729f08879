// Writes schema/catalog.schema.json from the zod schema, through the built CLI (`catalog schema`).
// Usage: npm run build && node scripts/gen-schema.mjs [--check]
//   --check  exit 1 when the committed file differs from the generated schema (for CI).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/cuenta-plan.js', import.meta.url));
const target = fileURLToPath(new URL('../schema/catalog.schema.json', import.meta.url));
const generated = execFileSync(process.execPath, [bin, 'catalog', 'schema'], { encoding: 'utf8' });

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as different
  }
  if (committed !== generated) {
    console.error('schema/catalog.schema.json is out of date: run `npm run build && node scripts/gen-schema.mjs`');
    process.exit(1);
  }
  console.log('schema/catalog.schema.json is up to date');
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
