import type { Command } from 'commander';
import { parseFormat, type GlobalOptions, type Io } from '../output.js';

/** What every command gets: the process's streams and the resolved global options. */
export interface CommandContext {
  io: Io;
  globals(command: Command): GlobalOptions;
}

export function makeContext(io: Io): CommandContext {
  return {
    io,
    globals(command) {
      const raw = command.optsWithGlobals<{ catalog?: string; format?: string; out?: string; color?: boolean }>();
      return {
        catalog: raw.catalog,
        format: parseFormat(raw.format ?? 'table'),
        out: raw.out,
        color: raw.color !== false,
      };
    },
  };
}
