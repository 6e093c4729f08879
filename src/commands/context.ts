import type { Command } from 'commander';
import { parseFormat, type GlobalOptions, type Io } from '../output.js';
import { defaultSnapshotPath } from '../paths.js';
import { loadSnapshotPriceBook } from '../pricing/load-snapshot.js';
import type { SnapshotPriceBook } from '../pricing/snapshot-book.js';

export interface CommandGlobals extends GlobalOptions {
  /** --prices FILE: a price book in the snapshot's format that stands in for the bundled snapshot. */
  prices?: string;
}

/** What every command gets: the process's streams and the resolved global options. */
export interface CommandContext {
  io: Io;
  /** The command line being run (after the program name): what a worker thread runs again (./sample-workers.ts). */
  argv: readonly string[];
  globals(command: Command): CommandGlobals;
  /**
   * The snapshot-format price book the command validates and prices with: --prices FILE, else the bundled one.
   * @throws InvalidPriceSnapshotError naming the file and field when the file is not a valid snapshot (exit 2)
   */
  snapshotBook(globals: CommandGlobals): SnapshotPriceBook;
}

export function makeContext(io: Io, argv: readonly string[] = []): CommandContext {
  return {
    io,
    argv,
    globals(command) {
      const raw = command.optsWithGlobals<{ catalog?: string; format?: string; out?: string; color?: boolean; prices?: string }>();
      return {
        catalog: raw.catalog,
        format: parseFormat(raw.format ?? 'table'),
        out: raw.out,
        color: raw.color !== false,
        prices: raw.prices,
      };
    },
    snapshotBook: (globals) => loadSnapshotPriceBook(globals.prices ?? defaultSnapshotPath),
  };
}
