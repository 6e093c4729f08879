import { join, relative, sep } from 'node:path';

/**
 * The installed package's root. This module sits one level below it both as source
 * (src/paths.ts) and bundled (dist/cli.cjs), so the bundled catalog is found from any working directory.
 * `import.meta.dirname` is the bundle's `__dirname` once built (scripts/build.mjs): no file URL to build at start-up.
 */
export const packageRoot = join(import.meta.dirname, '..');

export const defaultCatalogPath = join(packageRoot, 'data', 'phases.yaml');
export const defaultSnapshotPath = join(packageRoot, 'data', 'pricing', 'aws-us-east-1.json');

/** What a file read from standard input (`-`) is called in messages. */
export const STDIN_NAME = '<stdin>';

/**
 * How messages and reports name a file: the package's own data (the bundled catalog and prices) relative to
 * the package ("data/phases.yaml"), so output reads the same on every machine; any other file as given.
 */
export function displayPath(file: string): string {
  if (file === '-') return STDIN_NAME;
  const inside = relative(packageRoot, file);
  return inside.startsWith(`data${sep}`) ? inside.split(sep).join('/') : file;
}

/**
 * A path into a document as dotted text: ["phases", 2, "components", 1, "count"] → "phases[2].components[1].count";
 * keys that are not identifiers are quoted: ["prices", "ec2:t3.medium"] → 'prices["ec2:t3.medium"]'. "" for the root.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
