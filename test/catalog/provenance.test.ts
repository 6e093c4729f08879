/** Every sourced number of a catalog file by its YAML path (src/catalog/provenance.ts), on hand-made data. */
import { describe, expect, it } from 'vitest';
import { collectProvenance } from '../../src/catalog/provenance.js';

const entries = (file: unknown) => collectProvenance(file).map((e) => e.entry);

describe('collectProvenance', () => {
  it('takes a { value, source } with its note and range, and skips nulls and unsourced numbers', () => {
    const file = { workload: { a: { value: 0.5, source: 'seed', note: 'the plan', range: [0.2, 0.8] }, b: null, c: 3, d: [null, { value: 1, source: 'assumption', note: 7 }] } };
    expect(entries(file)).toEqual([
      { path: 'workload.a', value: 0.5, source: 'seed', note: 'the plan', range: [0.2, 0.8] },
      { path: 'workload.d[1]', value: 1, source: 'assumption' },
    ]);
  });

  it('gives one entry per number of another sourced mapping (a range, a latency target), and none for an unknown source', () => {
    const file = { phases: [{ users: { min: 10, max: 20, source: 'seed', note: 'the table' }, slo: { target_ms: 200, source: 'nobody' } }] };
    expect(entries(file)).toEqual([
      { path: 'phases[0].users.min', value: 10, source: 'seed', note: 'the table' },
      { path: 'phases[0].users.max', value: 20, source: 'seed', note: 'the table' },
    ]);
  });
});
