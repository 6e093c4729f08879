import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A temp file this old belongs to a run that was killed between writing it and renaming it into place:
 * a live run renames its temp file within milliseconds.
 */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes the temp files in `dir` that `isOurs` recognises and that are older than STALE_TEMP_MS.
 * Best effort: a file that cannot be inspected or removed is left alone.
 * @param names the folder's entries, when the caller has listed it already
 */
export function pruneStaleTemps(dir: string, names: readonly string[] | undefined, isOurs: (name: string) => boolean, now: number = Date.now()): void {
  let entries = names;
  try {
    entries ??= readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (!isOurs(name)) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already (another run pruned it), or not ours to remove.
    }
  }
}
