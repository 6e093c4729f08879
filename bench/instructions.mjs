// Where start-up goes, counted in machine instructions (valgrind's callgrind), not milliseconds: the counts do not
// move with the machine's load, so a change to start-up can be measured while other work runs (a mutation test, CI).
// A diagnostic, not a target: bench/startup.mjs measures the target (a ratio of wall times on a quiet machine).
// Usage: node bench/instructions.mjs   (needs valgrind; npm run build first; about 10 s per line)
//
// Each line is one whole process in a clean environment (PATH and an empty HOME, as bench/startup.mjs runs them);
// the first, `node -e 0`, is what any Node.js program pays. A random prime test at Node's start-up (OpenSSL's
// detail::sprp) varies by a few million instructions from run to run and is left out of every count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cuenta-plan.js');

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.log('instructions — skipped: valgrind is not installed');
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), 'cuenta-plan-instructions-'));
const home = mkdtempSync(join(scratch, 'home-'));

/** Instructions of one process, in millions, less the random prime test. */
function millions(args) {
  const out = join(scratch, 'callgrind.out');
  const child = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, '--smc-check=all-non-file', process.execPath, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: home },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const annotated = spawnSync('callgrind_annotate', [out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  const counts = (pattern) => [...annotated.matchAll(pattern)].map((m) => Number(m[1].replaceAll(',', '')));
  const [total] = counts(/^\s*([\d,]+)\s.*PROGRAM TOTALS/gm);
  const random = counts(/^\s*([\d,]+)\s.*detail::sprp/gm).reduce((sum, n) => sum + n, 0);
  if (!(total > 0)) throw new Error(`callgrind gave no total for node ${args.join(' ')}`);
  return (total - random) / 1e6;
}

const lines = [
  ['node -e 0', ['-e', '0']],
  ['cuenta-plan --version', [bin, '--version']],
  ['cuenta-plan catalog show 2', [bin, 'catalog', 'show', '2']],
  ['cuenta-plan simulate --users 50000 --format json', [bin, 'simulate', '--users', '50000', '--format', 'json']],
  ['cuenta-plan simulate --users 50000', [bin, 'simulate', '--users', '50000']],
];
console.log('instructions — millions per whole process (valgrind callgrind), and beyond node -e 0');
let base;
for (const [label, args] of lines) {
  const m = millions(args);
  base ??= m;
  console.log(`  ${label.padEnd(50)}${m.toFixed(1).padStart(7)} M${label === 'node -e 0' ? '' : `  +${(m - base).toFixed(1)} M`}`);
}
rmSync(scratch, { recursive: true, force: true });
