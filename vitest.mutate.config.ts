import { defineConfig } from 'vitest/config';
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

// Each project names its own files: with `extends: true` a project's `include` is added to the root's
// (test/**), which ran every file a second time in the isolated project.
const { include, testTimeout } = base.test ?? {};
const setupFiles = ['test/helpers/mutate-setup.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', testTimeout, include, setupFiles, isolate: false, exclude: [...EXCLUDE, ...MOCKS_MODULES] } },
      { test: { name: 'isolated', testTimeout, include: MOCKS_MODULES, setupFiles } },
    ],
  },
});
