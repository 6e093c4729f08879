import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test set for `npm run mutate`. Stryker swaps mutants into the sources that tests import in-process;
// tests that spawn the built binary (dist/) never see a mutant, so there they only cost time, and so does the
// catalog fuzz test (≈ 22 s, re-run for every mutant it covers, and it asserts only "no crash").
// `npm test` still runs them all.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'node_modules/**',
        'test/readme.test.ts',
        'test/cli/catalog.test.ts',
        'test/cli/queue.test.ts',
        'test/cli/cache-dir.test.ts',
        'test/catalog/mutation.property.test.ts',
      ],
    },
  }),
);
