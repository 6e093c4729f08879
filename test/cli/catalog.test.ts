/**
 * End to end: the built binary (`npm test` builds first) on good and broken catalogs.
 * Every failure must exit 2 with file:line:col where there is a position, and never print a stack.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { CatalogShowResult, CatalogValidateResult } from '../../src/catalog/summary.js';
import { runBinary, STACK_LINE, type RunResult } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-catalog-cli-'));
const cacheDir = join(tmp, 'cache');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fixturesDir = new URL('../fixtures/catalogs/', import.meta.url).pathname;
const cli = (args: string[], env: Record<string, string> = {}): RunResult => runBinary(args, { env: { CUENTA_PLAN_CACHE_DIR: cacheDir, ...env } });

function expectCleanFailure(result: RunResult): void {
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr).not.toMatch(/internal error/);
}

describe('cuenta-plan catalog validate', () => {
  it('passes the bundled catalog', () => {
    const result = cli(['catalog', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('data/phases.yaml is valid: 5 phases, 36 components, 0 warnings\n');
    expect(result.stderr).toBe('');
  });

  it('takes the file from --catalog when no FILE is given', () => {
    const result = cli(['--catalog', join(fixturesDir, 'minimal.yaml'), 'catalog', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/minimal.yaml is valid: 2 phases, 2 components/);
  });

  // Each broken fixture, and where its first problem is (line:col), or none for file-level problems.
  it.each([
    ['syntax-error.yaml', '31:5', /YAML syntax error/],
    ['wrong-type.yaml', '38:47', /instance\.vcpus  expected a number; got the text "two"/],
    ['negative-users.yaml', '46:19', /users\.min  must not be negative; got -5/],
    ['overlapping-phases.yaml', '46:19', /overlap phase 0's/],
    ['gap-phases.yaml', '46:19', /leave a gap/],
    ['min-greater-than-max.yaml', '60:25', /scaling min 5 is greater than max 4/],
    ['unknown-variable.yaml', '64:49', /unknown variable "instance_hourz"/],
    ['formula-import.yaml', '64:49', /the function "import" is not allowed/],
    ['formula-evaluate.yaml', '64:49', /the function "evaluate" is not allowed/],
    ['formula-createunit.yaml', '64:49', /the function "createUnit" is not allowed/],
    ['formula-assignment.yaml', '64:49', /assignment \("x = …"\) is not allowed/],
    ['formula-accessor.yaml', '64:49', /property or index access/],
    ['duplicate-ids.yaml', '60:13', /component id "vps" is used twice/],
    ['quoted-sum-mismatch.yaml', '52:23', /sum to \$30 but quoted_total_usd is \$35/],
    ['unknown-key.yaml', '39:9', /unknown key "cuont"/],
    ['missing-assumption.yaml', '7:3', /"demand_app_s"/],
    ['daily-profile-max.yaml', '20:18', /must be exactly 1/],
    ['bad-enum.yaml', '35:15', /did you mean "compute"/],
    ['alias-bomb.yaml', '3:8', /billion laughs/],
  ])('%s exits 2 naming %s', (name, position, message) => {
    const file = join(fixturesDir, name);
    const result = cli(['catalog', 'validate', file]);
    expectCleanFailure(result);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cuenta-plan: catalog .* is invalid \(\d+ errors?/);
    expect(result.stderr).toContain(`  ${file}:${position}  `);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['empty.yaml', /the file is empty/],
    ['binary.yaml', /binary file, not YAML text/],
  ])('%s exits 2 with one line, no position', (name, message) => {
    const result = cli(['catalog', 'validate', join(fixturesDir, name)]);
    expectCleanFailure(result);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file over 10 MB before parsing it', () => {
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, 10 * 1024 * 1024 + 1); // sparse: nothing is written to disk
    const result = cli(['catalog', 'validate', big]);
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/a catalog may be at most 10\.0 MB/);
  });

  it('refuses text that is not UTF-8', () => {
    const latin1 = join(tmp, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from('name: Se\xf1or\n', 'latin1'));
    const result = cli(['catalog', 'validate', latin1]);
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/not UTF-8 text/);
  });

  it('prints the problems as data with --format json, still exiting 2', () => {
    const result = cli(['catalog', 'validate', join(fixturesDir, 'min-greater-than-max.yaml'), '--format', 'json']);
    expectCleanFailure(result);
    const report = JSON.parse(result.stdout) as CatalogValidateResult;
    expect(report).toMatchObject({ schemaVersion: 1, valid: false, phases: 0 });
    expect(report.errors.map((e) => [e.line, e.column, e.path])).toEqual([
      [60, 25, 'phases[1].components[0].scaling.min'],
      [60, 45, 'phases[1].components[0].scaling.desired'],
    ]);
  });

  it('never exits 70 on mutated catalogs', () => {
    const base = parse(readFileSync(new URL('../../data/phases.yaml', import.meta.url), 'utf8')) as Record<string, any>;
    const mutations: Array<(d: Record<string, any>) => void> = [
      (d) => (d.phases[2].components[3].scaling.max = -1),
      (d) => (d.phases[3].components[0].cost[0].quantity = '=users / (users - users)'),
      (d) => (d.workload.daily_profile = 'flat'),
      (d) => delete d.phases,
      (d) => (d.phases[1].components = [{}]),
      (d) => (d.revenue = [1, 2, 3]),
    ];
    mutations.forEach((mutate, i) => {
      const doc = structuredClone(base);
      mutate(doc);
      const file = join(tmp, `mutated-${i}.yaml`);
      writeFileSync(file, stringify(doc));
      for (const args of [['catalog', 'validate', file], ['--catalog', file, 'catalog', 'show', '2'], ['--catalog', file, 'simulate', '--users', '5000']]) {
        const result = cli(args);
        expect([0, 2], `${args.join(' ')}: ${result.stderr}`).toContain(result.code);
        expect(result.stderr).not.toMatch(STACK_LINE);
      }
    });
  });
});

describe('cuenta-plan catalog show', () => {
  it('shows phase 2 as JSON: six quoted rows summing to $335, unquoted architecture marked', () => {
    const result = cli(['catalog', 'show', '2', '--format', 'json']);
    expect(result.code).toBe(0);
    const show = JSON.parse(result.stdout) as CatalogShowResult;
    expect(show.schemaVersion).toBe(1);
    expect(show.phases).toHaveLength(1);
    const phase = show.phases[0]!;
    expect(phase).toMatchObject({ id: 2, quotedTotalUsd: 335, quotedComponentsUsd: 335, quotedComponentCount: 6, budgetUsd: { min: 335, max: 450 } });
    expect(phase.quotedCostPerUserUsd).toBeCloseTo(0.0335, 10);
    const quoted = phase.components.filter((c) => c.inCostTable);
    expect(quoted.map((c) => c.quoted!.usd).reduce((a, b) => a + b, 0)).toBe(335);
    expect(phase.components.filter((c) => !c.inCostTable).map((c) => [c.id, c.quoted])).toEqual([
      ['alb', null],
      ['s3', null],
    ]);
  });

  it('summarises every phase with the quoted cost per user at the top of its range', () => {
    const result = cli(['catalog', 'show']);
    expect(result.code).toBe(0);
    for (const text of ['$0.25', '$0.08', '$0.0335', '$0.0098', '$0.0036', '$3,600.00–$8,000.00', '99.999%']) expect(result.stdout).toContain(text);
    expect(result.stdout).not.toMatch(/\u001b\[/); // not a TTY: no colour
  });

  it('renders one phase as a table and as markdown', () => {
    const table = cli(['catalog', 'show', '0']);
    expect(table.stdout).toMatch(/Phase 0 · Métricas actuales/);
    expect(table.stdout).toMatch(/\$25\.00\/month = \$0\.25 per user at 100 users/);
    const md = cli(['catalog', 'show', '3', '--format', 'md']);
    expect(md.stdout).toMatch(/^## Phase 3 · Escala empresarial/);
    expect(md.stdout).toMatch(/\| api \| compute \| AWS \| app \|/);
    expect(md.stdout).toMatch(/- \*\*regions\*\*: us-east-1, eu-west-1/);
  });

  it.each([['7'], ['abc'], ['-1'], ['1.5']])('exits 2 for phase %s, listing the valid ids', (id) => {
    const result = cli(['catalog', 'show', id]);
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/its phases are 0, 1, 2, 3, 4/);
  });

  it('exits 2 naming the path when --catalog does not exist', () => {
    const result = cli(['--catalog', 'missing.yaml', 'catalog', 'show']);
    expectCleanFailure(result);
    expect(result.stderr).toBe('cuenta-plan: cannot use catalog missing.yaml: no such file; check the path (the default catalog is data/phases.yaml in the package)\n');
  });
});

describe('cuenta-plan catalog schema and help', () => {
  it('prints the committed JSON Schema', () => {
    const result = cli(['catalog', 'schema']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(new URL('../../schema/catalog.schema.json', import.meta.url), 'utf8'));
    expect(JSON.parse(result.stdout).$schema).toMatch(/json-schema\.org/);
  });

  it.each([['catalog'], ['catalog', 'validate'], ['catalog', 'schema'], ['catalog', 'show']])('%j --help has an example', (...args) => {
    const result = cli([...args, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:\n\s+\$ cuenta-plan /);
  });
});
