import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root. This module sits one level below it both as source
 * (src/paths.ts) and bundled (dist/cli.cjs), so the bundled catalog is found from any working directory.
 */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export const defaultCatalogPath = fileURLToPath(new URL('../data/phases.yaml', import.meta.url));
export const defaultSnapshotPath = fileURLToPath(new URL('../data/pricing/aws-us-east-1.json', import.meta.url));

/**
 * How messages and reports name one of the package's own files (the bundled catalog and prices):
 * relative to the package ("data/phases.yaml"), so output reads the same on every machine.
 */
export function displayPath(file: string): string {
  const inside = relative(packageRoot, file);
  return inside.startsWith('..') || inside === file ? file : inside.split(sep).join('/');
}
