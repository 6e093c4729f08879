/**
 * Every command's real `--format json` output validates against its result schema, and reads back through
 * readSavedResult unchanged. In-process runs of the real commands (test/cli/run.ts), on the bundled catalog and
 * the offline snapshot prices; the cases reach the nullable and optional corners of each schema.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { readSavedResult, RESULT_COMMANDS, RESULT_SCHEMAS, type ResultCommand } from '../../src/results/index.js';
import { run } from '../cli/run.js';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

const CASES: Array<{ command: ResultCommand; args: string[]; exit?: number }> = [
  { command: 'simulate', args: ['simulate', '--users', '50000'] },
  { command: 'simulate', args: ['simulate', '--users', '50'] },
  { command: 'simulate', args: ['simulate', '--users', '5000', '--pricing', 'seed'] },
  { command: 'simulate', args: ['simulate', '--users', '400000', '--phase', '3'] },
  { command: 'simulate', args: ['simulate', '--users', '1000000000', '--phase', '4'] },
  { command: 'compare', args: ['compare', '2', '3'] },
  { command: 'compare', args: ['compare', '0', '1', '2', '3', '4', '--users', '900'] },
  { command: 'sweep', args: ['sweep', '--from', '100', '--to', '1000000', '--log'] },
  { command: 'sweep', args: ['sweep', '--from', '1000', '--to', '1003', '--points', '10'] },
  { command: 'catalog validate', args: ['catalog', 'validate'] },
  { command: 'catalog validate', args: ['catalog', 'validate', fixture('catalogs/bad-enum.yaml')], exit: 2 },
  { command: 'catalog validate', args: ['catalog', 'validate', fixture('catalogs/warn.yaml')] },
  { command: 'catalog show', args: ['catalog', 'show'] },
  { command: 'catalog show', args: ['catalog', 'show', '4'] },
  { command: 'queue mmc', args: ['queue', 'mmc', '--arrival-rate', '80', '--service-rate', '10', '--servers', '10'] },
  { command: 'queue size', args: ['queue', 'size', '--arrival-rate', '400', '--service-time', '0.05', '--percentile', '95', '--target', '0.2'] },
  { command: 'queue size', args: ['queue', 'size', '--arrival-rate', '100', '--service-time', '0.05', '--percentile', '95', '--target', '0.1'] },
  { command: 'queue mmck', args: ['queue', 'mmck', '--arrival-rate', '500', '--service-rate', '20', '--servers', '20', '--capacity', '20'] },
  { command: 'queue erlang-b', args: ['queue', 'erlang-b', '--traffic', '10', '--servers', '10'] },
  { command: 'queue erlang-c', args: ['queue', 'erlang-c', '--traffic', '2', '--servers', '3'] },
  { command: 'queue mva', args: ['queue', 'mva', '--users', '200', '--think-time', '2', '--station', 'app:0.05:8', '--station', 'cdn:0.03:delay'] },
  { command: 'queue usl', args: ['queue', 'usl', '--fit', fixture('usl/ripple.csv')] },
  { command: 'queue usl', args: ['queue', 'usl', '--fit', fixture('usl/no-header.csv')] },
];

describe('each command prints JSON its result schema accepts', () => {
  it.each(CASES)('$args', async ({ command, args, exit = 0 }) => {
    const result = await run([...args, '--format', 'json']);
    expect(result.code).toBe(exit);
    const data = JSON.parse(result.stdout) as { command: unknown; schemaVersion: unknown };
    expect(data.command).toBe(command);
    const parsed = RESULT_SCHEMAS[command]().safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5))).toBe(true);
    const saved = readSavedResult(result.stdout, 'saved.json');
    expect(saved.command).toBe(command);
    expect(saved.result).toEqual(data);
  });

  it('has at least one case per result schema', () => {
    expect([...new Set(CASES.map((c) => c.command))].sort()).toEqual([...RESULT_COMMANDS].sort());
  });
});

/** Every runnable command of the CLI, subcommands joined by a space ("catalog validate"). */
function leafCommands(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return sub.commands.length === 0 ? [path.join(' ')] : leafCommands(sub, path);
  });
}

describe('every command has a result schema', () => {
  it('but `catalog schema`, whose output is itself a JSON Schema (schema/catalog.schema.json)', () => {
    const program = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false });
    const withoutSchema = leafCommands(program).filter((name) => !(RESULT_COMMANDS as string[]).includes(name));
    expect(withoutSchema).toEqual(['catalog schema']);
  });
});
