/**
 * A content-addressed cache of checked input: data that passed validation is stored as JSON, keyed by a
 * kind ("catalog", "snapshot"), the SHA-256 of its text and a stamp of the code that checked it. A later
 * run with the same text and the same build skips the parsers and validators (the `yaml` parser needs
 * ~90 ms cold on the bundled 50 KB catalog, and loading zod ~20 ms) — most of the CLI's start-up budget.
 * A catalog read from the cache is still normalised and its rules still run.
 *
 * Location: $CUENTA_PLAN_CACHE_DIR, else $XDG_CACHE_HOME/cuenta-plan, else ~/.cache/cuenta-plan.
 * CUENTA_PLAN_NO_CACHE=1 turns it off. Any failure to read or write is silent: the slow path is correct.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from './version.js';

const FORMAT = 1;

/**
 * Running from the sources (tests, ts-node) rather than the one-file bundle: the stamp below cannot see
 * edits to the other modules that check the data, so the cache is off there.
 */
const fromSources = /[\\/]cache\.[cm]?[jt]s$/.test(fileURLToPath(import.meta.url));

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (fromSources) return undefined;
  if (env.CUENTA_PLAN_NO_CACHE && env.CUENTA_PLAN_NO_CACHE !== '0') return undefined;
  if (env.CUENTA_PLAN_CACHE_DIR) return env.CUENTA_PLAN_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'cuenta-plan');
  try {
    return join(homedir(), '.cache', 'cuenta-plan');
  } catch {
    return undefined;
  }
}

let stamp: string | undefined;
/** Identifies the code that checked the data (the bundle's size and mtime): a rebuild invalidates the cache. */
function codeStamp(): string {
  if (stamp === undefined) {
    let fileStamp = '';
    try {
      const stat = statSync(fileURLToPath(import.meta.url));
      fileStamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      fileStamp = 'unknown';
    }
    stamp = `${FORMAT}:${version}:${fileStamp}`;
  }
  return stamp;
}

export type CacheKind = 'catalog' | 'snapshot';

function entryPath(dir: string, kind: CacheKind, text: string): string {
  const key = createHash('sha256').update(codeStamp()).update('\0').update(text).digest('hex');
  return join(dir, `${kind}-${key.slice(0, 32)}.json`);
}

interface Entry<T> {
  format: number;
  stamp: string;
  data: T;
}

/** The checked data cached for this kind, exact text and build, if any. */
export function readCached<T extends object>(kind: CacheKind, text: string, dir: string | undefined = cacheDir()): T | undefined {
  if (!dir) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryPath(dir, kind, text), 'utf8')) as Entry<T>;
    if (entry.format !== FORMAT || entry.stamp !== codeStamp() || typeof entry.data !== 'object' || entry.data === null) return undefined;
    return entry.data;
  } catch {
    return undefined;
  }
}

/** Stores data that passed every check with no problem; atomic (temp file + rename); silent on failure. */
export function writeCached<T extends object>(kind: CacheKind, text: string, data: T, dir: string | undefined = cacheDir()): void {
  if (!dir) return;
  const path = entryPath(dir, kind, text);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    ensureDir(dir);
    const entry: Entry<T> = { format: FORMAT, stamp: codeStamp(), data };
    writeFileSync(tmp, JSON.stringify(entry));
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
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.json'))
    .map((name) => ({ path: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const stale of entries.slice(KEEP_PER_KIND)) rmSync(stale.path, { force: true });
}

/**
 * Creates the cache folder and, if needed, its parent (~/.cache). Not `recursive: true`: on Node 20 that
 * spins forever on some unwritable paths (/proc/…).
 */
function ensureDir(dir: string): void {
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
