// Keeps the documentation's examples true: every ```console block in README.md and docs/*.md is re-run and the
// real output pasted under each `$ ` command. (```sh blocks are instructions, not examples: never run.)
//   node scripts/docs.mjs          rewrite the files in place (npm run docs builds first)
//   node scripts/docs.mjs --check  exit 1 and name the first stale line of each stale file (the test suite runs this)
// A command runs in bash from the repository root, with stderr merged into stdout as a terminal shows them,
// `cuenta-plan` (or `npx cuenta-plan`) being the built bin/cuenta-plan.js, and NO_COLOR=1. Pipes, `cat` and
// `; echo "exit $?"` therefore work. An output whose last line is "…" keeps only as many lines as it shows.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'cuenta-plan.js');

/** README.md and every docs/*.md, repository-relative. */
export function documentFiles() {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** A folder holding a `cuenta-plan` executable that runs this checkout's build, as `npm link` would. */
function shimFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'cuenta-plan-docs-'));
  const shim = join(folder, 'cuenta-plan');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(shim, 0o755);
  return folder;
}

function runExample(command, shim) {
  const child = spawnSync('bash', ['-c', `exec 2>&1\n${command.replaceAll('npx cuenta-plan', 'cuenta-plan')}`], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: `${shim}:${process.env.PATH}`, NO_COLOR: '1' },
    timeout: 60_000,
  });
  if (child.error) throw new Error(`cannot run example "${command}": ${child.error.message}`);
  return child.stdout.replace(/\s+$/, '');
}

function refreshSegment(segment, shim) {
  const [first, ...shown] = segment.replace(/\n+$/, '').split('\n');
  const fresh = runExample(first.slice(2), shim).split('\n');
  const truncated = shown.at(-1) === '…';
  const lines = truncated ? [...fresh.slice(0, shown.length - 1), '…'] : fresh;
  return [first, ...lines].join('\n');
}

/** Refreshes every ```console block; a block may hold several `$ ` commands, separated by a blank line. */
export function refresh(text, shim) {
  return text.replace(/```console\n([\s\S]*?)```/g, (_block, body) => {
    const segments = body.split(/^(?=\$ )/m).filter((segment) => segment.trim() !== '');
    return `\`\`\`console\n${segments.map((segment) => refreshSegment(segment, shim)).join('\n\n')}\n\`\`\``;
  });
}

/** Line (1-based) of the first difference between two texts. */
function firstDifferentLine(current, updated) {
  const at = [...current].findIndex((ch, i) => ch !== updated[i]);
  return current.slice(0, at < 0 ? current.length : at).split('\n').length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const shim = shimFolder();
  try {
    for (const file of documentFiles()) {
      const path = join(root, file);
      const current = readFileSync(path, 'utf8');
      const updated = refresh(current, shim);
      if (updated === current) continue;
      if (check) {
        console.error(`${file} is stale from line ${firstDifferentLine(current, updated)}: run npm run docs`);
        process.exitCode = 1;
      } else {
        writeFileSync(path, updated);
        console.log(`${file}: examples refreshed`);
      }
    }
  } finally {
    rmSync(shim, { recursive: true, force: true });
  }
}
