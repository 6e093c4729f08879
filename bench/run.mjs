// Runs every benchmark in bench/ one after another, each in its own process.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
// bundle.mjs is the helper the benchmarks share, not a benchmark; instructions.mjs is a diagnostic, run on its own.
const benches = readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && f !== 'bundle.mjs' && f !== 'instructions.mjs').sort();
let status = 0;
for (const file of benches) {
  const child = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  if (child.status !== 0) status = child.status ?? 1;
  console.log();
}
process.exitCode = status;
