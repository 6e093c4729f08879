// Mutation testing of the engine, pricing and catalog: `npm run mutate` (not part of `npm test` or .ci/run).
// Incremental: the committed reports/stryker-incremental.json lets a later run re-test only mutants in changed
// code or covered by changed tests; pass `--force` to re-test everything.
// All 151 files at once (13,100 mutants) run out of memory in the dry run's per-test coverage, even with a 6 GB
// heap: score them in batches, `npm run mutate -- --mutate a.ts,b.ts`; the incremental file keeps every batch, and
// `node scripts/mutation-score.mjs` prints the score of the files scored so far.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/model/**/*.ts', 'src/pricing/**/*.ts', 'src/catalog/**/*.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  checkers: [],
  // Static mutants (module-level constants) can't be traced to tests, so each would re-run the whole suite
  // (~640 of them in the engine alone, 94 % of the run time): they are left out of the score. The catalog schema's
  // construction, run once per process on first use, is made static the same way (test/helpers/mutate-setup.ts).
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 10_000,
  // The initial run is the whole test set once (~3 minutes alone); on a busy two-core machine it took over the default 5.
  dryRunTimeoutMinutes: 15,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
};
