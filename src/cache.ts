/**
 * A content-addressed cache of checked input the build did not check (a user's catalog or price snapshot,
 * the bundled catalog checked against another price book):
 * data that passed validation is stored as JSON, keyed by a kind ("catalog", "snapshot"), the text it
 * came from, what else the check depended on (`context`, e.g. the price book's stamp) and the build that
 * checked it. A later run with the same text, context and build skips the parsers and validators.
 * (The bundled catalog with the bundled book needs no cache: the build checked them, see src/build-info.ts.)
 *
 * Each entry is verified before use: its first line is a SHA-256 digest of the build id, kind, context,
 * source text and the stored JSON, so an entry edited by hand, truncated or left by another build is
 * rejected and the full validation runs.
 *
 * Location: $CUENTA_PLAN_CACHE_DIR, else $XDG_CACHE_HOME/cuenta-plan, else ~/.cache/cuenta-plan.
 * CUENTA_PLAN_NO_CACHE=1 turns it off; so does running from the sources. Any failure to read or write
 * is silent: the slow path is correct.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildId } from './build-info.js';
import { pruneStaleTemps } from './temp-files.js';

const FORMAT = 2;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (buildId === undefined) return undefined;
  if (env.CUENTA_PLAN_NO_CACHE && env.CUENTA_PLAN_NO_CACHE !== '0') return undefined;
  if (env.CUENTA_PLAN_CACHE_DIR) return env.CUENTA_PLAN_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'cuenta-plan');
  try {
    return join(homedir(), '.cache', 'cuenta-plan');
  } catch {
    return undefined;
  }
}

export type CacheKind = 'catalog' | 'snapshot';

/** SHA-256 over the parts, each ended by a NUL so that no two splits of the same bytes collide. */
function digest(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

function entryPath(dir: string, kind: CacheKind, text: string, context: string): string {
  const key = digest([`${FORMAT}`, buildId ?? '', kind, context, text]);
  return join(dir, `${kind}-${key.slice(0, 32)}.json`);
}

const entryDigest = (kind: CacheKind, text: string, context: string, json: string): string =>
  digest([`${FORMAT}`, buildId ?? '', kind, context, text, json]);

/** The checked data cached for this kind, exact text, context and build, if any and intact. */
export function readCached<T extends object>(kind: CacheKind, text: string, context: string, dir: string | undefined = cacheDir()): T | undefined {
  if (!dir) return undefined;
  try {
    const entry = readFileSync(entryPath(dir, kind, text, context), 'utf8');
    const newline = entry.indexOf('\n');
    const json = entry.slice(newline + 1);
    if (newline < 0 || entry.slice(0, newline) !== entryDigest(kind, text, context, json)) return undefined;
    const data = JSON.parse(json) as unknown;
    return typeof data === 'object' && data !== null ? (data as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores data that passed every check; atomic (temp file + rename); silent on failure. */
export function writeCached<T extends object>(kind: CacheKind, text: string, context: string, data: T, dir: string | undefined = cacheDir()): void {
  if (!dir) return;
  const path = entryPath(dir, kind, text, context);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    ensureDir(dir);
    const json = JSON.stringify(data);
    writeFileSync(tmp, `${entryDigest(kind, text, context, json)}\n${json}`);
    renameSync(tmp, path);
    prune(dir, kind);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written, or it cannot be removed either: the cache is best effort.
    }
  }
}

/** Entries kept per kind; older ones (other builds, other texts) are removed when a new one is written. */
const KEEP_PER_KIND = 8;

function prune(dir: string, kind: CacheKind): void {
  const names = readdirSync(dir);
  const entries = names
    .filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.json'))
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const stale of entries.slice(KEEP_PER_KIND)) rmSync(stale.path, { force: true });
  // Temp files of runs killed between writing and renaming.
  pruneStaleTemps(dir, names, (name) => /^(catalog|snapshot)-[0-9a-f]+\.json\.\d+\.tmp$/.test(name));
}

/**
 * Creates the cache folder and, if needed, its parent (~/.cache). Not `recursive: true`: on Node 20 that
 * spins forever on some unwritable paths (/proc/…).
 */
export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT') throw error;
    mkdirSync(dirname(dir));
    mkdirSync(dir);
  }
}
