import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  formatProblem,
  loadCatalog,
  MAX_CATALOG_BYTES,
  validateCatalogFile,
  validateCatalogText,
  type CatalogValidation,
} from '../../src/catalog/index.js';

const fixtures = new URL('../fixtures/catalogs/', import.meta.url);
const fixture = (name: string) => new URL(name, fixtures).pathname;
const minimal = readFileSync(fixture('minimal.yaml'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Validates minimal.yaml with one textual change. */
function variant(from: string, to: string): CatalogValidation {
  expect(minimal).toContain(from);
  return validateCatalogText(minimal.replace(from, to), 'variant.yaml');
}

function only(validation: CatalogValidation) {
  expect(validation.errors, validation.errors.map(formatProblem).join('\n')).toHaveLength(1);
  return validation.errors[0]!;
}

describe('stage 1: reading the file', () => {
  it('refuses a file over 10 MB before reading it', () => {
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_CATALOG_BYTES + 1); // sparse: no 10 MB written to disk
    const v = validateCatalogFile(big);
    expect(v.stage).toBe('read');
    expect(only(v).message).toMatch(/10\.0 MB; a catalog may be at most 10\.0 MB/);
    expect(only(v).line).toBeUndefined();
  });

  it.each([
    ['empty.yaml', /the file is empty/],
    ['binary.yaml', /binary file, not YAML text \(a NUL byte at offset 8\)/],
  ])('%s', (name, message) => {
    const v = validateCatalogFile(fixture(name));
    expect(v.stage).toBe('read');
    expect(only(v).message).toMatch(message);
  });

  it('refuses invalid UTF-8 and a missing file or a directory, naming the problem', () => {
    const latin1 = join(tmp, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from('name: Se\xf1or\n', 'latin1'));
    expect(only(validateCatalogFile(latin1)).message).toMatch(/not UTF-8 text/);
    expect(only(validateCatalogFile(join(tmp, 'missing.yaml'))).message).toMatch(/no such file/);
    expect(only(validateCatalogFile(tmp)).message).toMatch(/is a directory/);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const v = validateCatalogText(`\ufeff${minimal}`, 'bom.yaml');
    expect(v.errors).toEqual([]);
  });
});

describe('stage 2: YAML', () => {
  it('reports syntax errors with line and column', () => {
    const v = validateCatalogFile(fixture('syntax-error.yaml'));
    expect(v.stage).toBe('yaml');
    expect(v.errors[0]).toMatchObject({ line: 31, column: 5, path: '' });
    expect(v.errors[0]!.message).toMatch(/^YAML syntax error: Flow map/);
    expect(v.errors[0]!.message).not.toMatch(/\n/);
  });

  it('stops an alias bomb quickly, pointing at the first alias', () => {
    const start = performance.now();
    const v = validateCatalogFile(fixture('alias-bomb.yaml'));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(only(v)).toMatchObject({ line: 3, column: 8 });
    expect(only(v).message).toMatch(/billion laughs/);
  });

  it('rejects duplicate keys and a second document', () => {
    expect(only(variant('name: Minimal\n', 'name: Minimal\nname: Again\n')).message).toMatch(/Map keys must be unique/);
    expect(variant('backups:', '---\nbackups:').errors[0]!.message).toMatch(/YAML syntax error/);
  });

  it('reports a nesting too deep for the parser as a problem, not a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const v = validateCatalogText(deep, 'deep.yaml');
    expect(v.errors.length).toBeGreaterThan(0);
  });
});

describe('stage 3: schema, located in the YAML', () => {
  it('names the line, column and path of a wrong type', () => {
    const e = only(validateCatalogFile(fixture('wrong-type.yaml')));
    expect(e).toMatchObject({ line: 38, column: 47, path: 'phases[0].components[0].instance.vcpus' });
    expect(e.message).toBe('expected a number; got the text "two"');
  });

  it('says which key is unknown and suggests the right one', () => {
    const e = only(validateCatalogFile(fixture('unknown-key.yaml')));
    expect(e).toMatchObject({ line: 39, column: 9, path: 'phases[0].components[0].cuont' });
    expect(e.message).toMatch(/did you mean "cost" or "count"/);
  });

  it('suggests the enum value meant', () => {
    expect(only(validateCatalogFile(fixture('bad-enum.yaml'))).message).toMatch(/got the text "compuet" — did you mean "compute"\?/);
  });

  it('names a missing key at its parent', () => {
    const e = only(variant('    name: Bigger\n', ''));
    expect(e.path).toBe('phases[1].name');
    expect(e.message).toMatch(/missing required key "name"/);
    expect(e.line).toBe(44); // the "- id: 1" item that lacks it
  });

  it('reports inside a { value, source } quantity rather than "invalid union"', () => {
    const v = variant('{ value: 0.2, source: assumption, note: one request every 5 s }', '{ value: 0.2, sorce: assumption }');
    expect(v.errors.map((e) => [e.path, e.message])).toEqual([
      ['workload.requests_per_active_user_per_s.source', 'missing required key "source": add it (one of seed, assumption, aws, measured, derived)'],
      ['workload.requests_per_active_user_per_s.sorce', 'unknown key "sorce": fix its spelling or remove it — did you mean "source"?'],
    ]);
  });

  it('explains a formula without "="', () => {
    const e = only(variant('quantity: "=instance_hours" }', 'quantity: "instance_hours" }'));
    expect(e.message).toMatch(/a formula is a string starting with "="/);
  });

  it.each([
    ['users: { min: 101, max: 1000 }', 'users: { min: -5, max: 1000 }', /must not be negative; got -5/],
    ['availability: { value: 0.995, source: assumption, note: one box }', 'availability: { value: 99.5, source: assumption, note: one box }', /fraction up to 1/],
    ['target_cpu: 0.7 }', 'target_cpu: 70 }', /fraction up to 1 \(70 % is 0\.7\)/],
    ['version: 1', 'version: 2', /must be 1/],
    ['count: 1\n', 'count: .nan\n', /NaN/],
    ['count: 1\n', 'count: 1e999\n', /Infinity|number/],
  ])('%s → %s', (from, to, message) => {
    expect(variant(from, to).errors.map((e) => e.message).join('\n')).toMatch(message);
  });
});

describe('stages 4–5: formulas and cross-field rules', () => {
  it.each([
    ['unknown-variable.yaml', 'phases[1].components[0].cost[0].quantity', /unknown variable "instance_hourz" — did you mean "instance_hours"/],
    ['formula-import.yaml', 'phases[1].components[0].cost[0].quantity', /"import" is not allowed/],
    ['formula-evaluate.yaml', 'phases[1].components[0].cost[0].quantity', /"evaluate" is not allowed/],
    ['formula-createunit.yaml', 'phases[1].components[0].cost[0].quantity', /"createUnit" is not allowed/],
    ['formula-assignment.yaml', 'phases[1].components[0].cost[0].quantity', /assignment/],
    ['formula-accessor.yaml', 'phases[1].components[0].cost[0].quantity', /property or index access/],
    ['overlapping-phases.yaml', 'phases[1].users.min', /overlap phase 0's \(0–100\); start it at 101/],
    ['gap-phases.yaml', 'phases[1].users.min', /leave a gap.*start it at 101/],
    ['duplicate-ids.yaml', 'phases[1].components[1].id', /component id "vps" is used twice/],
    ['quoted-sum-mismatch.yaml', 'phases[1].quoted_total_usd', /sum to \$30 but quoted_total_usd is \$35/],
    ['missing-assumption.yaml', 'workload', /"demand_app_s" .* is not defined/],
    ['daily-profile-max.yaml', 'workload.daily_profile', /largest value is 0\.95; it must be exactly 1/],
  ])('%s: %s', (name, path, message) => {
    const e = only(validateCatalogFile(fixture(name)));
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
    expect(e.line).toBeGreaterThan(0);
    expect(e.column).toBeGreaterThan(0);
  });

  it('checks min ≤ desired ≤ max', () => {
    const v = validateCatalogFile(fixture('min-greater-than-max.yaml'));
    expect(v.errors.map((e) => e.path)).toEqual(['phases[1].components[0].scaling.min', 'phases[1].components[0].scaling.desired']);
  });

  it.each([
    ['budget_usd: { min: 20, max: 50 }', 'budget_usd: { min: 60, max: 50 }', 'phases[0].budget_usd.min', /min 60 is greater than max 50/],
    ['weeks: { min: 1, max: 2,', 'weeks: { min: 3, max: 2,', 'migration.steps[0].weeks.min', /greater than max/],
    ['count: 1\n        availability: { value: 0.995', 'count: "=instances"\n        availability: { value: 0.995', 'phases[0].components[0].count', /a count cannot read instances/],
    ['count: 1\n        availability: { value: 0.995', 'count: 1\n        scaling: { min: 1, max: 2, target_cpu: 0.7 }\n        availability: { value: 0.995', 'phases[0].components[0].scaling', /either count .* or scaling/],
    ['count: 1\n        availability: { value: 0.995', 'availability: { value: 0.995', 'phases[0].components[0]', /give count/],
    ['  error_rate: { value', '  users: 3\n  error_rate: { value', 'workload.users', /a variable the engine binds/],
    ['  error_rate: { value', '  ceil: 3\n  error_rate: { value', 'workload.ceil', /a formula function/],
    ['from_users: 0,', 'from_users: 5,', 'revenue.premium.price_schedule[0].from_users', /must start at from_users: 0/],
    ['user_share: { value: 0.05', 'user_share: { value: 0.5', 'revenue.enterprise.user_share', /exceed 1/],
    ['  - { id: db-connections', '  - { id: cpu', 'alerts[1].id', /alert id "cpu" is used twice/],
  ])('%s → %s', (from, to, path, message) => {
    const v = variant(from, to);
    const match = v.errors.find((e) => e.path === path);
    expect(match, v.errors.map(formatProblem).join('\n')).toBeDefined();
    expect(match!.message).toMatch(message);
  });

  it('keeps warnings apart from errors; a catalog with warnings only is valid', () => {
    const v = variant('note: one request every 5 s }', '}');
    expect(v.errors).toEqual([]);
    expect(v.catalog).toBeDefined();
    expect(v.warnings.map((w) => w.path)).toContain('workload.requests_per_active_user_per_s.source');
    expect(v.warnings[0]!.severity).toBe('warning');
  });

  it('refuses price keys the snapshot lacks, with a suggestion', () => {
    const v = validateCatalogText(minimal.replace('"ec2:t3.medium"', '"ec2:t3.medum"'), 'x.yaml', { priceKeys: new Set(['ec2:t3.medium', 'ebs:gp3:gb-month', 'digitalocean:s-2vcpu-4gb']) });
    expect(v.errors[0]!.message).toMatch(/"ec2:t3.medum" is not in the price snapshot \(data\/pricing\/aws-us-east-1.json\): fix the key or add its price there — did you mean "ec2:t3.medium"/);
  });

  it('refuses an availability written as a fraction, and a missing CPU alert', () => {
    const fraction = validateCatalogText(minimal.replace('availability: 99.9', 'availability: 0.999'), 'x.yaml');
    expect(fraction.errors.map((e) => e.message).join('\n')).toMatch(/availability is a percent: 0.999 means 0.999 %, not 99.9 % — did you mean 99.9\?/);
    const noAlert = validateCatalogText(minimal.replace(/\n  - \{ id: cpu[^\n]*/, ''), 'x.yaml');
    expect(noAlert.errors.map((e) => e.message).join('\n')).toMatch(/no alert on cpu_utilization/);
  });

  it('dry-runs every formula at both ends of each phase: a negative quantity is caught at its line', () => {
    const v = validateCatalogText(minimal.replace('quantity: "=instance_hours"', 'quantity: "=instance_hours - 1e9"'), 'x.yaml');
    expect(v.errors).toHaveLength(2); // at the phase's smallest and largest user counts
    expect(v.errors[0]!.message).toMatch(/the quantity \("=instance_hours - 1e9"\) evaluates to -\d+(\.\d+)? at [\d,]+ users; it must be a finite number ≥ 0/);
    expect(v.errors[0]!.path).toMatch(/^phases\[1\]\.components\[0\]\.cost\[0\]\.quantity$/);
  });

  it('dry-runs counts: a request path with no instance is an error', () => {
    const v = validateCatalogText(minimal.replace(/count: 1\b/, 'count: 0'), 'x.yaml');
    expect(v.errors.map((e) => e.message).join('\n')).toMatch(/no instance at [\d,]+ users, but it serves/);
  });
});

describe('problems as one line each', () => {
  it('formats file:line:col  path  message', () => {
    const e = only(validateCatalogFile(fixture('wrong-type.yaml'), {}, 'wrong-type.yaml'));
    expect(formatProblem(e)).toBe('wrong-type.yaml:38:47  phases[0].components[0].instance.vcpus  expected a number; got the text "two"');
  });

  it('loadCatalog throws a UserError with one detail line per problem', () => {
    let error: unknown;
    try {
      loadCatalog(fixture('min-greater-than-max.yaml'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const userError = error as UserError;
    expect(userError.message).toMatch(/is invalid \(2 errors\)/);
    expect(userError.details).toHaveLength(2);
    expect(userError.details[0]).toMatch(/min-greater-than-max\.yaml:60:25  phases\[1\]\.components\[0\]\.scaling\.min  scaling min 5/);
  });

  it('loadCatalog names a missing file in one line', () => {
    expect(() => loadCatalog(join(tmp, 'nope.yaml'))).toThrow(/cannot use catalog .*nope\.yaml: no such file/);
  });
});
