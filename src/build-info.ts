/**
 * What scripts/build.mjs leaves for the CLI: the build's identity (a digest of the bundle, baked into
 * it) and, in dist/checked/, the bundled data files (data/phases.yaml, data/pricing/aws-us-east-1.json)
 * as the build's full validators checked them. Both are ignored when running from the sources (tests),
 * where nothing checked earlier can be trusted to match the code.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

declare global {
  /** Replaced by scripts/build.mjs (esbuild `define`, so never a real global); undefined in the sources. */
  var __CUENTA_PLAN_BUILD__: { id: string } | undefined;
}

/** Identifies the bundle: a rebuild with any change gets another id. Undefined in the sources. */
export const buildId: string | undefined = globalThis.__CUENTA_PLAN_BUILD__?.id;

export type CheckedKind = 'catalog' | 'snapshot';

/** What the build checked of one file: dist/checked/<kind>.source holds the file's exact bytes. */
export interface CheckedAtBuild {
  /** What else the check depended on (for the catalog, the stamp of the price book it was checked against). */
  context: string;
  /** The checked data. */
  data: unknown;
}

/** dist/checked/checked.json: what the build checked, and which build it was. */
export interface CheckedFile {
  build: string;
  checked: Record<CheckedKind, CheckedAtBuild>;
}

/** dist/checked/, beside the bundle (dist/cli.cjs). */
const checkedDir = (name: string) => join(packageRoot, 'dist', 'checked', name);

let file: CheckedFile | null | undefined;
function checkedFile(): CheckedFile | undefined {
  if (file === undefined) {
    file = null;
    try {
      const parsed = JSON.parse(readFileSync(checkedDir('checked.json'), 'latin1')) as CheckedFile;
      if (parsed.build === buildId) file = parsed;
    } catch {
      // Missing or unreadable: every file is validated in full, as from the sources.
    }
  }
  return file ?? undefined;
}

/** The file's bytes when they are exactly those the build checked, else undefined (size first: cheap). */
function sameBytes(kind: CheckedKind, path: string): boolean {
  try {
    const source = checkedDir(`${kind}.source`);
    if (statSync(path).size !== statSync(source).size) return false;
    return readFileSync(path).equals(readFileSync(source));
  } catch {
    return false;
  }
}

/**
 * The data the build checked for this kind, if the file at `path` has exactly the bytes the build
 * checked, and the check's `context` is the same. Comparing the bytes costs microseconds; a digest
 * would need node:crypto, which takes milliseconds to load (bench/startup.mjs), and decoding the text
 * would cost more than comparing it.
 */
export function checkedAtBuild<T>(kind: CheckedKind, path: string, context: string): T | undefined {
  if (buildId === undefined || !sameBytes(kind, path)) return undefined;
  const entry = checkedFile()?.checked[kind];
  return entry && entry.context === context ? (entry.data as T) : undefined;
}
