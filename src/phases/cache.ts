/**
 * A content-addressed cache of schema-checked catalog data. The `yaml` parser needs ~150 ms cold on
 * the bundled 50 KB catalog (its lexer alone ~90 ms) and zod another ~40 ms — most of the CLI's start-up
 * budget. A catalog that validated with no problem at all is stored as JSON, keyed by the SHA-256 of
 * its text and a stamp of the code that checked it; a later run with the same text and the same build
 * skips YAML and zod (JSON.parse is < 1 ms) but still normalises, compiles formulas and runs the rules.
 *
 * Location: $CUENTA_PLAN_CACHE_DIR, else $XDG_CACHE_HOME/cuenta-plan, else ~/.cache/cuenta-plan.
 * CUENTA_PLAN_NO_CACHE=1 turns it off. Any failure to read or write is silent: the slow path is correct.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../version.js';
import type { CatalogFile } from './schema.js';

const FORMAT = 1;

/**
 * Running from the sources (tests, ts-node) rather than the one-file bundle: the stamp below cannot see
 * edits to the other modules that check the data, so the cache is off there.
 */
const fromSources = /[\\/]cache\.[cm]?[jt]s$/.test(fileURLToPath(import.meta.url));

export function catalogCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
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

function entryPath(dir: string, text: string): string {
  const key = createHash('sha256').update(codeStamp()).update('\0').update(text).digest('hex');
  return join(dir, `catalog-${key.slice(0, 32)}.json`);
}

interface Entry {
  format: number;
  stamp: string;
  data: CatalogFile;
}

/** The cached schema-checked data for this exact text and build, if any. */
export function readCachedCatalog(text: string, dir: string | undefined = catalogCacheDir()): CatalogFile | undefined {
  if (!dir) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryPath(dir, text), 'utf8')) as Entry;
    if (entry.format !== FORMAT || entry.stamp !== codeStamp() || typeof entry.data !== 'object' || entry.data === null) return undefined;
    return entry.data;
  } catch {
    return undefined;
  }
}

/** Stores data that passed every stage with no problem; atomic (temp file + rename); silent on failure. */
export function writeCachedCatalog(text: string, data: CatalogFile, dir: string | undefined = catalogCacheDir()): void {
  if (!dir) return;
  const path = entryPath(dir, text);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    ensureDir(dir);
    const entry: Entry = { format: FORMAT, stamp: codeStamp(), data };
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, path);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written, or it cannot be removed either: the cache is best effort.
    }
  }
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
