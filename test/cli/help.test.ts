/** Every command's --help lists the global options, so a user never has to guess where --format goes. */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { run } from './run.js';

const silent = { stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false };

function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...commandPaths(sub, path)];
  });
}

const paths = commandPaths(buildProgram(silent));
const GLOBAL_OPTIONS = ['--catalog <file>', '--format <format>', '--out <file>', '--no-color'];

describe('--help of every command', () => {
  it('covers the whole command tree', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['simulate', 'catalog', 'catalog show', 'queue']));
  });

  it.each(paths.map((p) => [p.join(' '), p]))('%s --help lists the global options', async (_name, path) => {
    const result = await run([...path, '--help']);
    expect(result.code).toBe(0);
    const globals = result.stdout.split('\nGlobal Options:\n')[1];
    expect(globals, result.stdout).toBeDefined();
    for (const option of GLOBAL_OPTIONS) expect(globals).toContain(option);
  });
});
