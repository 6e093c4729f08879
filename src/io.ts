import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.js';
import { pruneStaleTemps } from './temp-files.js';

const ELSEWHERE = 'write it somewhere else';

const reasons: Readonly<Record<string, string>> = {
  EACCES: `permission denied; ${ELSEWHERE}`,
  EPERM: `permission denied; ${ELSEWHERE}`,
  EROFS: `the file system is read-only; ${ELSEWHERE}`,
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * Why a write failed, in words, without the errno text or the temp file's name. A code not listed (say,
 * EINVAL from a special file system) is named in parentheses so that it can still be looked up.
 * @param folder the folder the file goes in: ENOENT there means it takes no new files (/proc, /sys)
 */
function describe(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && reasons[code]) return reasons[code];
  if (code === 'ENOENT') return `${folder} does not take new files; ${ELSEWHERE}`;
  return code ? `the system refused the write (${code}); ${ELSEWHERE}` : String(error);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
 * @param flag the option that named the file, for messages (`report --charts DIR` writes its files here too)
 */
export function writeFileAtomic(path: string, text: string, flag = '--out'): void {
  if (path === '') throw new UserError('--out needs a file name (leave --out out to print to stdout)');
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A new file: there is no link to follow.
  }
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw new UserError(`${flag} ${path} is a folder; give a file name inside it`);
  if (existing && !existing.isFile()) {
    try {
      writeFileSync(target, text);
      return;
    } catch (error) {
      throw new UserError(`cannot write ${flag} ${path}: ${describe(error, dirname(path))}`);
    }
  }
  const folder = dirname(target);
  if (!statOrUndefined(folder)?.isDirectory()) {
    throw new UserError(`cannot write ${flag} ${path}: the folder ${dirname(path)} does not exist; create it first`);
  }
  // Temp files of runs killed between writing and renaming, for this same file.
  const stale = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.\\d+\\.tmp$`);
  pruneStaleTemps(folder, undefined, (name) => stale.test(name));
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
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // Left behind: the next write to this file prunes it.
    }
    throw new UserError(`cannot write ${flag} ${path}: ${describe(error, dirname(path))}`);
  }
}
