import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (fast; for most command tests). Never a TTY, never coloured. */
export async function run(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { ...env },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

export const binPath = fileURLToPath(new URL('../../bin/cuenta-plan.js', import.meta.url));

/**
 * Runs the built binary as a user would (`npm test` builds first).
 * @param options.bin another copy of the binary (see install-copy.ts)
 * @param options.node options for node itself, before the script
 */
export function runBinary(args: string[], options: { cwd?: string; env?: Record<string, string>; bin?: string; node?: string[] } = {}): RunResult {
  const child = spawnSync(process.execPath, [...(options.node ?? []), options.bin ?? binPath, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** A stack trace line, which no user-facing error may print. */
export const STACK_LINE = /^\s+at .+\(.*\)$|^\s+at file:/m;
