/**
 * End to end: the built binary (`npm test` builds first) on good and broken catalogs.
 * Every failure must exit 2 with file:line:col where there is a position, and never print a stack.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { CatalogShowResult, CatalogValidateResult } from '../../src/catalog/summary.js';
import { applyEdits, euBookPath, patched, patchedFile } from '../catalog/fixtures.js';
import { binPath, runBinary, STACK_LINE, type RunResult } from './run.js';

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
    expect(result.stdout).toBe('data/phases.yaml is valid: 5 phases, 43 components, 0 warnings\n');
    expect(result.stderr).toBe('');
  });

  it('takes the file from --catalog when no FILE is given', () => {
    const result = cli(['--catalog', join(fixturesDir, 'minimal.yaml'), 'catalog', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/minimal.yaml is valid: 2 phases, 2 components/);
  });

  // Each broken fixture, and where its first problem is (line:col). Patches of minimal.yaml are written to a
  // temporary folder first; the rest are files of their own.
  it.each([
    ['syntax-error.yaml', '5:1', /YAML syntax error/],
    ['wrong-type', '40:47', /instance\.vcpus  expected a number; got the text "two"/],
    ['negative-users', '47:19', /users\.min  must not be negative; got -5/],
    ['overlapping-phases', '47:19', /overlap phase 0's/],
    ['gap-phases', '47:19', /leave a gap/],
    ['min-greater-than-max', '60:25', /scaling min 5 is greater than max 4/],
    ['unknown-variable', '63:49', /unknown variable "instance_hourz"/],
    ['formula-import', '63:49', /the function "import" is not allowed/],
    ['formula-evaluate', '63:49', /the function "evaluate" is not allowed/],
    ['formula-createunit', '63:49', /the function "createUnit" is not allowed/],
    ['formula-assignment', '63:49', /assignment \("x = …"\) is not allowed/],
    ['formula-accessor', '63:49', /property or index access/],
    ['duplicate-ids', '60:13', /component id "vps" is used twice/],
    ['quoted-sum-mismatch', '53:23', /sum to \$30\.00 but quoted_total_usd is \$30\.01/],
    ['unknown-key', '41:9', /unknown key "cuont"/],
    ['missing-assumption', '8:3', /"demand_app_s"/],
    ['daily-profile-max', '23:18', /must be exactly 1/],
    ['bad-enum', '37:15', /did you mean "compute"/],
    ['droplet-instance-hours', '44:60', /the quantity "=instance_hours" is in hours, but price "digitalocean:s-2vcpu-4gb" is per month/],
    ['declared-unit-mismatch', '64:83', /declares unit: gb but price "ebs:gp3:gb-month" is per gb-month/],
    ['alias-bomb.yaml', '3:8', /billion laughs/],
  ])('%s exits 2 naming %s', (name, position, message) => {
    const file = name.endsWith('.yaml') ? join(fixturesDir, name) : patchedFile(name, join(tmp, 'patched'));
    const result = cli(['catalog', 'validate', file]);
    expectCleanFailure(result);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cuenta-plan: catalog .* is invalid \(\d+ errors?/);
    expect(result.stderr).toContain(`  ${file}:${position}  `);
    expect(result.stderr).toMatch(message);
  });

  it.each([['=1/0'], ['=log(0) * -1'], ['=10^400']])('a formula %s that is not finite is a problem at its line, in --format json too', (formula) => {
    const file = join(tmp, 'infinite.yaml');
    writeFileSync(file, applyEdits(patched('quoted'), [{ find: 'quantity: "=instance_hours"', replace: `quantity: "${formula}"` }]));
    const table = cli(['catalog', 'validate', file]);
    expectCleanFailure(table);
    expect(table.stderr).toMatch(/infinite\.yaml:65:49  phases\[1\]\.components\[0\]\.cost\[0\]\.quantity  the quantity \(".*"\) evaluates to (-?Infinity|NaN)/);
    const json = cli(['catalog', 'validate', file, '--format', 'json']);
    expectCleanFailure(json);
    const report = JSON.parse(json.stdout) as CatalogValidateResult;
    expect(report.errors[0]).toMatchObject({ line: 65, column: 49, path: 'phases[1].components[0].cost[0].quantity' });
    const simulate = cli(['--catalog', file, 'simulate', '--users', '500']);
    expectCleanFailure(simulate);
    expect(simulate.stderr).toContain('infinite.yaml:65:49');
  });

  it('reads the catalog from standard input with -', () => {
    const child = spawnSync(process.execPath, [binPath, 'catalog', 'validate', '-'], {
      input: patched('droplet-instance-hours'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CUENTA_PLAN_CACHE_DIR: cacheDir },
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/^cuenta-plan: catalog <stdin> is invalid \(1 error\):\n {2}<stdin>:44:60 {2}phases\[0\]/);
    const good = spawnSync(process.execPath, [binPath, 'catalog', 'validate', '-'], { input: patched('quoted'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CUENTA_PLAN_CACHE_DIR: cacheDir } });
    expect(good.status).toBe(0);
    expect(good.stdout).toBe('<stdin> is valid: 2 phases, 2 components, 0 warnings\n');
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
    const result = cli(['catalog', 'validate', patchedFile('min-greater-than-max', join(tmp, 'patched')), '--format', 'json']);
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
  }, 120_000); // 18 runs of the binary: ~32 s on the shared 2-core machine, before and after the catalog rewrite
});

describe('--prices FILE: a price book of your own, for another region', () => {
  const euCatalog = () => {
    const file = join(tmp, 'eu.yaml');
    writeFileSync(file, applyEdits(patched('quoted'), [{ find: 'currency: USD\n', replace: 'currency: USD\nregion: eu-central-1\n' }]));
    return file;
  };

  it('validates and prices a catalog for eu-central-1 with an eu-central-1 book', () => {
    const file = euCatalog();
    const validate = cli(['--prices', euBookPath, 'catalog', 'validate', file]);
    expect(validate.code, validate.stderr).toBe(0);
    const simulate = cli(['--prices', euBookPath, '--catalog', file, 'simulate', '--users', '500', '--format', 'json']);
    expect(simulate.code, simulate.stderr).toBe(0);
    const lines = (JSON.parse(simulate.stdout) as { cost: { components: Array<{ lines: Array<{ priceKey: string; usdPerUnit: number }> }> } }).cost.components.flatMap((c) => c.lines);
    // The eu book's t3.medium, not the bundled us-east-1 one ($0.0416).
    expect(lines.find((l) => l.priceKey === 'ec2:t3.medium')?.usdPerUnit).toBe(0.048);
  });

  it('refuses a catalog whose region is not the book\'s, naming both', () => {
    const result = cli(['catalog', 'validate', euCatalog()]);
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/eu\.yaml:7:9 {2}region {2}the catalog is for region eu-central-1 but the price book data\/pricing\/aws-us-east-1\.json is for us-east-1/);
    const bundled = cli(['--prices', euBookPath, 'catalog', 'show']);
    expectCleanFailure(bundled);
    expect(bundled.stderr).toMatch(/the catalog is for region us-east-1 but the price book .*eu-central-1\.json is for eu-central-1/);
  });

  it('checks the book like the bundled one: exit 2 naming the file and the field', () => {
    const book = JSON.parse(readFileSync(euBookPath, 'utf8')) as { prices: Record<string, { unit: string }> };
    book.prices['ec2:t3.medium']!.unit = 'hours';
    const file = join(tmp, 'bad-book.json');
    writeFileSync(file, JSON.stringify(book));
    const result = cli(['--prices', file, 'catalog', 'validate', join(fixturesDir, 'minimal.yaml')]);
    expectCleanFailure(result);
    expect(result.stderr).toMatch(/bad-book\.json: invalid price snapshot: prices\["ec2:t3\.medium"\]\.unit: /);
    expect(cli(['--prices', join(tmp, 'none.json'), 'catalog', 'validate']).stderr).toMatch(/none\.json: cannot read the price snapshot/);
  });
});

describe('cuenta-plan catalog show', () => {
  it('speaks of the document\'s quote only when the catalog has quotes', () => {
    const plain = cli(['--catalog', join(fixturesDir, 'minimal.yaml'), 'catalog', 'show', '1']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/quoted|document/);
    const overview = cli(['--catalog', join(fixturesDir, 'minimal.yaml'), 'catalog', 'show']);
    expect(overview.stdout).not.toMatch(/quoted|per user/);
    const quoted = cli(['--catalog', patchedFile('quoted', join(tmp, 'patched')), 'catalog', 'show', '1']);
    expect(quoted.stdout).toMatch(/quoted {12}\$30\.00\/month = \$0\.03 per user at 1,000 users/);
    const json = JSON.parse(cli(['--catalog', join(fixturesDir, 'minimal.yaml'), 'catalog', 'show', '0', '--format', 'json']).stdout) as CatalogShowResult;
    expect(json.catalog.quoted).toBe(false);
    expect(json.phases[0]).toMatchObject({ quotedTotalUsd: null, quotedCostPerUserUsd: null });
  });

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
