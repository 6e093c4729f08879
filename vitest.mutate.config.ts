import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The test set for `npm run mutate`. Stryker swaps mutants into the sources that tests import in-process;
// tests that spawn the built binary (dist/) never see a mutant, so there they only cost time, and so does the
// catalog fuzz test (≈ 22 s, re-run for every mutant it covers, and it asserts only "no crash").
// `npm test` still runs them all.
const EXCLUDE = [
  'node_modules/**',
  'test/readme.test.ts',
  'test/cli/catalog.test.ts',
  'test/cli/queue.test.ts',
  'test/cli/cache-dir.test.ts',
  'test/catalog/mutation.property.test.ts',
];

// Test files share one module graph (`isolate: false`): Stryker runs the tests that cover a mutant for each mutant,
// and importing the sources afresh for every test file was most of that time: a run over src/model/money.ts (86
// mutants) took 10 minutes shared, and was still going after 20 isolated. A file that replaces a module with
// `vi.mock` needs a graph of its own.
const MOCKS_MODULES = ['test/pricing/load-snapshot-cache.test.ts'];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'shared', isolate: false, exclude: [...EXCLUDE, ...MOCKS_MODULES] } },
        { extends: true, test: { name: 'isolated', include: MOCKS_MODULES } },
      ],
    },
  }),
);
