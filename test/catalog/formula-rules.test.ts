import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCatalogText } from '../../src/catalog/validate.js';

// The formula rules (src/catalog/rules/formulas.ts) on the bundled catalog with one formula changed: every name a
// formula reads must be known in its phase, a count or a worker's queue cannot read the instances sized from it,
// and a cost line's quantity must have one unit.
const bundled = readFileSync(new URL('../../data/phases.yaml', import.meta.url), 'utf8');

function errorsWith(from: string, to: string): string[] {
  const text = bundled.replace(from, to);
  expect(text).not.toBe(bundled);
  return validateCatalogText(text, 'phases.yaml').errors.map((e) => `${e.path}: ${e.message}`);
}

const BATCH_WORKER = 'worker: { events_per_request: "=events_per_request", seconds_per_event: "=batch_seconds_per_event" }';

describe('formula rules', () => {
  it("refuse a worker's queue that reads the instances sized from it, in either field", () => {
    expect(errorsWith(BATCH_WORKER, BATCH_WORKER.replace('"=batch_seconds_per_event"', '"=batch_seconds_per_event * instances"'))).toEqual([
      "phases[4].components[9].worker.seconds_per_event: a worker's queue cannot read instances: the instances are sized from it; use requests_per_s or an assumption",
    ]);
    expect(errorsWith(BATCH_WORKER, BATCH_WORKER.replace('"=events_per_request"', '"=events_per_request / peak_instances"'))).toEqual([
      "phases[4].components[9].worker.events_per_request: a worker's queue cannot read peak_instances: the instances are sized from it; use requests_per_s or an assumption",
    ]);
  });

  it("report an unknown name in a worker's queue at its field, and nothing more about it", () => {
    const errors = errorsWith(BATCH_WORKER, BATCH_WORKER.replace('"=batch_seconds_per_event"', '"=batch_seconds_per_evnt"'));
    expect(errors).toEqual([expect.stringMatching(/^phases\[4\]\.components\[9\]\.worker\.seconds_per_event: unknown variable "batch_seconds_per_evnt" — did you mean "batch_seconds_per_event"\?$/)]);
  });

  it('refuse a quantity whose terms have different units, and say how to declare a converting constant', () => {
    const line = 'quantity: "=monthly_requests * events_per_request / 1e6", description: "queued batch work, millions"';
    expect(errorsWith(line, line.replace('"=monthly_requests * events_per_request / 1e6"', '"=monthly_requests + instance_hours"'))).toEqual([
      expect.stringMatching(/^phases\[4\]\.components\[8\]\.cost\[3\]\.quantity: the quantity "=monthly_requests \+ instance_hours" .*; if a constant in it converts one unit to the other, declare the line's unit: \(the price's unit\)$/),
    ]);
  });
});
