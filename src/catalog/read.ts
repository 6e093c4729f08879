/**
 * Stage 1 and 2 of catalog validation: read the file (size, emptiness, text vs binary) and parse
 * the YAML keeping positions. Both return problems instead of throwing.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ProblemList } from './problems.js';

/** Largest catalog accepted: checked on the file's size before reading it. */
export const MAX_CATALOG_BYTES = 10 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false };

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Reads a catalog file ("-": standard input) as UTF-8 text, refusing what is too big, empty or binary.
 * @param stdin the descriptor "-" reads (tests pass a file's)
 */
export function readCatalogText(path: string, problems: ProblemList, stdin = 0): ReadResult {
  if (path === '-') return readStdin(stdin, problems);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      problems.at('error', 'is a directory, not a catalog file: pass the path of a .yaml file');
      return { ok: false };
    }
    size = stat.size;
  } catch (error) {
    problems.at('error', describeFsError(error));
    return { ok: false };
  }
  if (size > MAX_CATALOG_BYTES) {
    problems.at('error', `the file is ${mb(size)}; a catalog may be at most ${mb(MAX_CATALOG_BYTES)} — is this the right file?`);
    return { ok: false };
  }
  let bytes: Buffer;
  try {
    bytes = readBounded(path, MAX_CATALOG_BYTES + 1);
  } catch (error) {
    problems.at('error', describeFsError(error));
    return { ok: false };
  }
  if (bytes.length > MAX_CATALOG_BYTES) {
    problems.at('error', `the file is over ${mb(MAX_CATALOG_BYTES)}; a catalog may be at most that`);
    return { ok: false };
  }
  return decodeCatalogBytes(bytes, problems);
}

function readStdin(fd: number, problems: ProblemList): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFd(fd, MAX_CATALOG_BYTES + 1);
  } catch (error) {
    problems.at('error', describeFsError(error));
    return { ok: false };
  }
  if (bytes.length > MAX_CATALOG_BYTES) {
    problems.at('error', `standard input is over ${mb(MAX_CATALOG_BYTES)}; a catalog may be at most that`);
    return { ok: false };
  }
  return decodeCatalogBytes(bytes, problems);
}

/** Reads at most `limit` bytes (the file may grow between stat and read). */
function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readFd(fd, limit);
  } finally {
    closeSync(fd);
  }
}

/** Reads an open descriptor to its end or `limit` bytes; waits out EAGAIN (a non-blocking pipe not yet written). */
function readFd(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(1 << 20, limit - total));
    if (chunk.length === 0) break;
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

/** Text checks on the raw bytes: empty, NUL bytes, invalid UTF-8. A UTF-8 byte-order mark is dropped. */
export function decodeCatalogBytes(bytes: Uint8Array, problems: ProblemList): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    problems.at('error', `this is a binary file, not YAML text (a NUL byte at offset ${nul}); pass the catalog's .yaml file`);
    return { ok: false };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    problems.at('error', 'this is not UTF-8 text (a binary file, or another encoding); save the catalog as UTF-8');
    return { ok: false };
  }
  if (text.trim() === '') {
    problems.at('error', 'the file is empty; a catalog needs at least version, name, workload and phases (see `cuenta-plan catalog schema`)');
    return { ok: false };
  }
  return { ok: true, text };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file; check the path (the default catalog is data/phases.yaml in the package)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return 'is a directory, not a catalog file';
    default:
      return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
  }
}
