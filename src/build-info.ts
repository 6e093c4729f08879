/**
 * What scripts/build.mjs bakes into the bundle: the build's identity (a digest of the bundle) and the
 * bundled data files (data/phases.yaml, data/pricing/aws-us-east-1.json) as the build's full validators
 * checked them. Both are absent when running from the sources (tests), where nothing checked earlier
 * can be trusted to match the code.
 */

declare global {
  /** Replaced by scripts/build.mjs (esbuild `define`, so never a real global); undefined in the sources. */
  var __CUENTA_PLAN_BUILD__: BuildInfo | undefined;
}

export type CheckedKind = 'catalog' | 'snapshot';

/** A bundled file as the build checked it. */
export interface CheckedAtBuild {
  /** The file's exact text. */
  text: string;
  /** What else the check depended on (for the catalog, the price keys it was checked against). */
  context: string;
  /** The checked data as JSON, parsed on first use. */
  json: string;
}

export interface BuildInfo {
  id: string;
  checked: Readonly<Record<CheckedKind, CheckedAtBuild>>;
}

// Referenced once: the build inlines the data at each reference.
const info: BuildInfo | undefined = globalThis.__CUENTA_PLAN_BUILD__;

/** Identifies the bundle: a rebuild with any change gets another id. Undefined in the sources. */
export const buildId: string | undefined = info?.id;

const parsed = new Map<CheckedKind, unknown>();

/**
 * The data the build checked for this kind, if `text` is exactly the text it checked, in the same
 * `context`. Comparing the text itself costs ~0.1 ms for the 55 KB catalog; a digest would need
 * node:crypto, which takes longer to load than the comparison (see bench/startup.mjs).
 */
export function checkedAtBuild<T>(kind: CheckedKind, text: string, context: string): T | undefined {
  const entry = info?.checked[kind];
  if (!entry || entry.text !== text || entry.context !== context) return undefined;
  let data = parsed.get(kind);
  if (data === undefined) {
    data = JSON.parse(entry.json) as unknown;
    parsed.set(kind, data);
  }
  return data as T;
}
