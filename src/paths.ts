import { fileURLToPath } from 'node:url';

/**
 * The installed package's root. This module sits one level below it both as source
 * (src/paths.ts) and bundled (dist/cli.cjs), so the bundled catalog is found from any working directory.
 */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export const defaultCatalogPath = fileURLToPath(new URL('../data/phases.yaml', import.meta.url));
export const defaultSnapshotPath = fileURLToPath(new URL('../data/pricing/aws-us-east-1.json', import.meta.url));
