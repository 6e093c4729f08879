// Keeps the documentation's examples true: every ```console block in README.md and docs/*.md is re-run and the
// real output pasted under each `$ ` command. (```sh blocks are instructions, not examples: never run.)
//   node scripts/docs.mjs          rewrite the files in place (npm run docs builds first)
//   node scripts/docs.mjs --check  exit 1 and name the first stale line of each stale file (the test suite runs this)
// A command runs in bash from the repository root, with stderr merged into stdout as a terminal shows them,
// `cuenta-plan` (or `npx cuenta-plan`) being the built bin/cuenta-plan.js, and NO_COLOR=1. Pipes, `cat` and
// `; echo "exit $?"` therefore work. An output whose last line is "…" keeps only as many lines as it shows.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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

/** Runs one example; resolves to what a terminal would show, trailing blank space trimmed. */
function runExample(command, shim) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `exec 2>&1\n${command.replaceAll('npx cuenta-plan', 'cuenta-plan')}`], {
      cwd: root,
      env: { PATH: `${shim}:${process.env.PATH}`, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => reject(new Error(`cannot run example "${command}": ${error.message}`)));
    child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '')));
  });
}

/** Runs every command, a few at a time (each is a separate Node process, mostly start-up). */
async function runAll(commands, shim) {
  const queue = [...new Set(commands)];
  const outputs = new Map();
  const worker = async () => {
    for (let command = queue.shift(); command !== undefined; command = queue.shift()) {
      outputs.set(command, await runExample(command, shim));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, availableParallelism()) }, worker));
  return outputs;
}

const CONSOLE_BLOCK = /```console\n([\s\S]*?)```/g;

/** A block may hold several `$ ` commands, separated by a blank line. */
function segmentsOf(body) {
  return body.split(/^(?=\$ )/m).filter((segment) => segment.trim() !== '');
}

function commandOf(segment) {
  return segment.split('\n', 1)[0].slice(2);
}

/** The example re-shown with its fresh output; an output ending in a "…" line keeps as many lines as it shows. */
function refreshSegment(segment, outputs) {
  const [first, ...shown] = segment.replace(/\n+$/, '').split('\n');
  const fresh = outputs.get(commandOf(segment)).split('\n');
  const truncated = shown.at(-1) === '…';
  const lines = truncated ? [...fresh.slice(0, shown.length - 1), '…'] : fresh;
  return [first, ...lines].join('\n');
}

/** Every command in the ```console blocks of a text. */
export function exampleCommands(text) {
  return [...text.matchAll(CONSOLE_BLOCK)].flatMap(([, body]) => segmentsOf(body).map(commandOf));
}

/** The text with each ```console block's outputs replaced by the ones in `outputs` (command → output). */
export function refresh(text, outputs) {
  return text.replace(CONSOLE_BLOCK, (_block, body) => {
    const segments = segmentsOf(body).map((segment) => refreshSegment(segment, outputs));
    return `\`\`\`console\n${segments.join('\n\n')}\n\`\`\``;
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
    const texts = new Map(documentFiles().map((file) => [file, readFileSync(join(root, file), 'utf8')]));
    const outputs = await runAll([...texts.values()].flatMap(exampleCommands), shim);
    for (const [file, current] of texts) {
      const updated = refresh(current, outputs);
      if (updated === current) continue;
      if (check) {
        console.error(`${file} is stale from line ${firstDifferentLine(current, updated)}: run npm run docs`);
        process.exitCode = 1;
      } else {
        writeFileSync(join(root, file), updated);
        console.log(`${file}: examples refreshed`);
      }
    }
  } finally {
    rmSync(shim, { recursive: true, force: true });
  }
}
