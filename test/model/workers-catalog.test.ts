import { describe, expect, it } from 'vitest';
import { formatProblem, validateCatalogText, type CatalogValidation } from '../../src/catalog/index.js';
import { sizePlan, thresholdsOf } from '../../src/model/plan.js';
import { pricePlan } from '../../src/model/price-plan.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { defaultSnapshotPath } from '../../src/paths.js';
import { variantText } from '../catalog/fixtures.js';

// A worker tier written in YAML, as a catalog author would, on test/fixtures/catalogs/minimal.yaml's phase 1.
const book = loadSnapshotPriceBook(defaultSnapshotPath);
const validate = (text: string): CatalogValidation => validateCatalogText(text, 'x.yaml', { book });
const messages = (v: CatalogValidation) => [...v.errors, ...v.warnings].map(formatProblem).join('\n');

const worker = (lines: string) =>
  variantText(
    'alerts:\n',
    `      - id: jobs
        name: Queue workers
        kind: compute
        provider: AWS
${lines}
        cost:
          - { price: "ec2:t3.medium", quantity: "=instance_hours" }
alerts:
`,
  );

const poolLines = `        serves: [worker]
        worker: { events_per_request: 0.5, seconds_per_event: "=0.02 * 10" }
        instance: { type: t3.medium, vcpus: 2, memory_gb: 4 }
        scaling: { min: 1, max: 20, target_cpu: 0.5 }`;

describe('a worker tier in the catalog', () => {
  it('validates, sizes by its queue and bills its sized count', () => {
    const v = validate(worker(poolLines));
    expect(v.errors, messages(v)).toEqual([]);
    const catalog = v.catalog!;
    const phase = catalog.phases[1]!;
    // At 1,000 users: 200 concurrent (minimal.yaml's top) × requests_per_active_user_per_s. The pool takes
    // λ = requests/s × 0.5 events of 0.2 s: c = 2 × instances with λ·0.2 / c ≤ 0.5, so instances = ⌈λ·0.2 / 1⌉.
    const plan = sizePlan(catalog, phase, 1000, thresholdsOf(catalog));
    const jobs = plan.tiers.find((t) => t.id === 'jobs')!;
    const lambda = plan.workload.peakRequestsPerS * 0.5;
    expect(jobs.instances.peak).toBe(Math.max(1, Math.ceil(lambda * 0.2 - 1e-9)));
    const line = pricePlan(plan, book).components.find((c) => c.component === 'jobs')!.lines[0]!;
    expect(line.quantity).toBeCloseTo(jobs.instances.average * catalog.hoursPerMonth, 9);
  });

  it.each([
    ['a worker role without its queue', poolLines.replace(/ {8}worker: .*\n/, ''), /serves worker but has no worker: \{ events_per_request, seconds_per_event \}/],
    ['a queue without the worker role', poolLines.replace('serves: [worker]', 'serves: []'), /worker: is set but the component does not serve worker/],
    ['a worker on the request path too', poolLines.replace('serves: [worker]', 'serves: [app, worker]'), /serves worker alone, not app, worker/],
    ['no work per event', poolLines.replace('seconds_per_event: "=0.02 * 10"', 'seconds_per_event: 0'), /seconds_per_event.*greater than 0/],
    ['a queue formula over an unknown name', poolLines.replace('events_per_request: 0.5', 'events_per_request: "=events_per_click"'), /events_per_click/],
    ['a queue formula over its own instances', poolLines.replace('events_per_request: 0.5', 'events_per_request: "=instances / 10"'), /cannot read instances: the instances are sized from it/],
    // Formulas pass the schema and fail when evaluated: the dry run reports them at their phase.
    ['events that go negative', poolLines.replace('events_per_request: 0.5', 'events_per_request: "=0.5 - users / 500"'), /component jobs: worker\.events_per_request evaluates to -\d+(\.\d+)?; it must be a finite number ≥ 0/],
    ['work per event that goes to 0', poolLines.replace('seconds_per_event: "=0.02 * 10"', 'seconds_per_event: "=0 * users"'), /component jobs: worker\.seconds_per_event evaluates to 0; it must be a finite number > 0/],
  ])('refuses %s', (_what, lines, message) => {
    const v = validate(worker(lines));
    expect(v.errors.map(formatProblem).join('\n')).toMatch(message);
  });
});
