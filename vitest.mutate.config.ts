import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test set for `npm run mutate`. Stryker swaps mutants into the sources it runs in-process; tests that
// spawn the built binary (dist/) never see a mutant, so they only cost time there. `npm test` still runs them.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/readme.test.ts', 'test/cli/catalog.test.ts', 'test/cli/queue.test.ts', 'test/cli/cache-dir.test.ts', 'node_modules/**'],
    },
  }),
);
