// Keeps the README's examples true: every ```console block that starts with `$ cuenta-plan …` is re-run
// with the built CLI and its output pasted under the command.
//   node scripts/readme.mjs          rewrite README.md in place (npm run docs)
//   node scripts/readme.mjs --check  exit 1 and name the first stale block (the test suite runs this)
// A block whose output ends with a line "…" keeps only as many lines as it shows.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${root}README.md`;
const bin = `${root}bin/cuenta-plan.js`;

/** Splits a shell-like command line: words, with '…' or "…" quoting. */
function words(line) {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function runExample(args) {
  const child = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  return `${child.stdout}${child.stderr}`.replace(/\s+$/, '');
}

/** Re-runs one `$ cuenta-plan …` example; other commands (and pipes) are left as written. */
function refreshSegment(segment) {
  const [first, ...shown] = segment.replace(/\n+$/, '').split('\n');
  const command = first.slice(2);
  if (!/^cuenta-plan( |$)/.test(command) || /[|><]/.test(command)) return segment.replace(/\n+$/, '');
  const fresh = runExample(words(command).slice(1)).split('\n');
  const truncated = shown.at(-1) === '…';
  const lines = truncated ? [...fresh.slice(0, shown.length - 1), '…'] : fresh;
  return [first, ...lines].join('\n');
}

/** Refreshes every ```console block; a block may hold several `$ ` commands, separated by a blank line. */
export function refresh(text) {
  return text.replace(/```console\n([\s\S]*?)```/g, (_block, body) => {
    const segments = body.split(/^(?=\$ )/m).filter((segment) => segment.trim() !== '');
    return `\`\`\`console\n${segments.map((segment) => refreshSegment(segment)).join('\n\n')}\n\`\`\``;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = readFileSync(readmePath, 'utf8');
  const updated = refresh(current);
  if (process.argv.includes('--check')) {
    if (updated !== current) {
      const at = [...current].findIndex((ch, i) => ch !== updated[i]);
      const line = current.slice(0, at).split('\n').length;
      console.error(`README.md is stale from line ${line}: run npm run docs`);
      process.exitCode = 1;
    }
  } else if (updated !== current) {
    writeFileSync(readmePath, updated);
    console.log('README.md examples refreshed');
  }
}
