import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.js';

const reasons: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
};

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes `--out FILE`. A regular file is replaced atomically: the text goes to a temp file beside it, then
 * a rename puts it in place in one step, so a reader never sees half a file, and a failure leaves the old
 * file as it was. A symlink is followed (its target is written, the link stays); a device or a pipe
 * (/dev/null, /dev/stdout) is written directly; an existing file keeps its permissions.
 */
export function writeFileAtomic(path: string, text: string): void {
  if (path === '') throw new UserError('--out needs a file name (leave --out out to print to stdout)');
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A new file: there is no link to follow.
  }
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UserError(`--out ${path} is a folder; give a file name inside it`);
  if (existing && !existing.isFile()) {
    try {
      writeFileSync(target, text);
      return;
    } catch (error) {
      throw new UserError(`cannot write --out ${path}: ${describe(error)}`);
    }
  }
  const folder = dirname(target);
  if (!statOrUndefined(folder)?.isDirectory()) {
    throw new UserError(`cannot write --out ${path}: the folder ${dirname(path)} does not exist; create it first`);
  }
  const tmp = join(folder, `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (existing) chmodSync(tmp, existing.mode & 0o7777);
    renameSync(tmp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write --out ${path}: ${describe(error)}`);
  }
}
