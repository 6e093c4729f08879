import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  formatProblem,
  invalidCatalogError,
  loadCatalog,
  MAX_CATALOG_BYTES,
  validateCatalogFile,
  validateCatalogText,
  type CatalogValidation,
  type ValidateOptions,
} from '../../src/catalog/index.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';
import { defaultSnapshotPath } from '../../src/paths.js';
import { applyEdits, euBookPath, fixture, minimalText, patched, patchedFile, variantText } from './fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const book = loadSnapshotPriceBook(defaultSnapshotPath);

const validate = (text: string, options: ValidateOptions = { book }) => validateCatalogText(text, 'x.yaml', options);
/** minimal.yaml with one textual change, validated against the bundled book. */
const variant = (find: string, replace: string) => validate(variantText(find, replace));

function only(validation: CatalogValidation) {
  expect(validation.errors, validation.errors.map(formatProblem).join('\n')).toHaveLength(1);
  return validation.errors[0]!;
}
const messages = (v: CatalogValidation) => [...v.errors, ...v.warnings].map(formatProblem).join('\n');

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
    expect(validate(`\ufeff${minimalText}`).errors).toEqual([]);
  });
});

describe('assumption names, located at the name', () => {
  it.each([
    ['CacheHit', 'assumption name "CacheHit" must be snake_case'],
    ['users', '"users" is a variable the engine binds'],
    ['ceil', '"ceil" is a formula function'],
  ])('%s: at its key on line 22, column 3, not at its value', (name, message) => {
    const e = only(variant('  error_rate: { value: 0.0005', `  ${name}: { value: 1, source: assumption, note: x }\n  error_rate: { value: 0.0005`));
    expect(e).toMatchObject({ path: `workload.${name}`, line: 22, column: 3 });
    expect(e.message).toContain(message);
  });
});

describe('the error an invalid catalog raises', () => {
  it('counts its errors and warnings, in the singular and the plural', () => {
    const tagged = applyEdits(minimalText, [{ find: 'note: one box', replace: 'note: !foo one box' }]);
    const one = invalidCatalogError(validate(applyEdits(tagged, [{ find: 'version: 1', replace: 'version: 2' }])));
    expect(one.message).toMatch(/^catalog x\.yaml is invalid \(1 error, 1 warning\):$/);
    expect(one.details).toHaveLength(2);
    const twice = applyEdits(tagged, [
      { find: 'version: 1', replace: 'version: 2' },
      { find: 'note: EC2 instance SLA', replace: 'note: !bar EC2 instance SLA' },
      { find: 'target_ms: 300', replace: 'target_ms: -1' },
    ]);
    expect(invalidCatalogError(validate(twice)).message).toMatch(/^catalog x\.yaml is invalid \(2 errors, 2 warnings\):$/);
    expect(invalidCatalogError(validate(applyEdits(minimalText, [{ find: 'version: 1', replace: 'version: 2' }]))).message).toBe('catalog x.yaml is invalid (1 error):');
  });
});

describe('stage 2: YAML', () => {
  it("passes on the parser's warnings at their position: an unknown tag", () => {
    const v = variant('note: one box', 'note: !foo one box');
    expect(v.errors).toEqual([]);
    expect(v.warnings.map(formatProblem)).toEqual(['x.yaml:42:65  warning: YAML: Unresolved tag: !foo']);
  });

  it('reports syntax errors with line and column', () => {
    const v = validateCatalogFile(fixture('syntax-error.yaml'));
    expect(v.stage).toBe('yaml');
    expect(v.errors[0]).toMatchObject({ line: 5, column: 1, path: '' });
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
    expect(variant('alerts:', '---\nalerts:').errors[0]!.message).toMatch(/YAML syntax error/);
  });

  it('reports a nesting too deep for the parser as a problem, not a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(validate(deep).errors.length).toBeGreaterThan(0);
  });
});

describe('stage 3: schema, located in the YAML', () => {
  it('names the line, column and path of a wrong type', () => {
    const e = only(validate(patched('wrong-type')));
    expect(e).toMatchObject({ line: 40, column: 47, path: 'phases[0].components[0].instance.vcpus' });
    expect(e.message).toBe('expected a number; got the text "two"');
  });

  it('says which key is unknown and suggests the right one, and nothing more (the misspelt key may be the count)', () => {
    const e = only(validate(patched('unknown-key')));
    expect(e).toMatchObject({ line: 41, column: 9, path: 'phases[0].components[0].cuont' });
    expect(e.message).toMatch(/did you mean "cost" or "count"/);
  });

  it('suggests the enum value meant', () => {
    expect(only(validate(patched('bad-enum'))).message).toMatch(/got the text "compuet" — did you mean "compute"\?/);
  });

  it('names a missing key at its parent', () => {
    const e = only(variant('    name: Bigger\n', ''));
    expect(e.path).toBe('phases[1].name');
    expect(e.message).toMatch(/missing required key "name"/);
    expect(e.line).toBe(45); // the "- id: 1" item that lacks it
  });

  it('reports inside a { value, source } quantity rather than "invalid union"', () => {
    const v = variant('{ value: 0.2, source: assumption, note: one request every 5 s }', '{ value: 0.2, sorce: assumption }');
    expect(v.errors.map((e) => [e.path, e.message])).toEqual([
      ['workload.requests_per_active_user_per_s.source', 'missing required key "source": add it (one of seed, assumption, aws, measured, derived)'],
      ['workload.requests_per_active_user_per_s.sorce', 'unknown key "sorce": fix its spelling or remove it — did you mean "source"?'],
    ]);
  });

  it('explains a formula without "="', () => {
    expect(only(variant('quantity: "=instance_hours" }', 'quantity: "instance_hours" }')).message).toMatch(/a formula is a string starting with "="/);
  });

  it.each([
    ['formula-import', /the function "import" is not allowed/],
    ['formula-evaluate', /the function "evaluate" is not allowed/],
    ['formula-createunit', /the function "createUnit" is not allowed/],
    ['formula-assignment', /assignment/],
    ['formula-accessor', /property or index access/],
  ])('refuses a formula that is not arithmetic: %s', (name, message) => {
    const e = only(validate(patched(name)));
    expect(e).toMatchObject({ path: 'phases[1].components[0].cost[0].quantity', line: 63, column: 49 });
    expect(e.message).toMatch(message);
  });

  it('wants count or scaling, not both and not neither', () => {
    const both = variant('count: 1\n', 'count: 1\n        scaling: { min: 1, max: 2, target_cpu: 0.7 }\n');
    expect(only(both)).toMatchObject({ path: 'phases[0].components[0].scaling' });
    expect(only(both).message).toMatch(/either count .* or scaling/);
    expect(only(variant('        count: 1\n', '')).message).toMatch(/give count/);
  });

  it('checks the words of a unit', () => {
    const e = only(variant('\n  storage_gb_per_user: { value: 0.01, source: assumption, note: 10 MB per user }', '\n  storage_gb_per_user: { value: 0.01, source: assumption, note: 10 MB per user, unit: gb per furlong }'));
    expect(e.path).toBe('workload.storage_gb_per_user.unit');
    expect(e.message).toMatch(/"furlong" is not a unit word/);
  });

  it.each([
    ['users: { min: 101, max: 1000 }', 'users: { min: -5, max: 1000 }', /must not be negative; got -5/],
    ['availability: { value: 0.995, source: assumption, note: one box }', 'availability: { value: 99.5, source: assumption, note: one box }', /fraction up to 1/],
    ['target_cpu: 0.7 }', 'target_cpu: 70 }', /fraction up to 1 \(70 % is 0\.7\)/],
    ['version: 1', 'version: 2', /must be 1/],
    ['count: 1\n', 'count: .nan\n', /NaN/],
    ['count: 1\n', 'count: 1e999\n', /Infinity|number/],
    ['currency: USD\n', 'currency: USD\nregion: EU Central\n', /a region is lower-case/],
  ])('%s → %s', (find, replace, message) => {
    expect(variant(find, replace).errors.map((e) => e.message).join('\n')).toMatch(message);
  });
});

describe('the sections no command reads are optional', () => {
  it('validates a catalog without revenue, discounts, migration, kpis, backups or quotes', () => {
    const v = validate(minimalText);
    expect(messages(v)).toBe('');
    expect(v.catalog).toBeDefined();
    expect(v.catalog!.revenue).toBeUndefined();
    expect(v.catalog!.phases[0]!.quotedTotalUsd).toBeUndefined();
  });

  it('still checks a section that is there', () => {
    const v = variant('alerts:\n', 'migration:\n  steps:\n    - { id: prep, name: Prep, weeks: { min: 3, max: 2 } }\nalerts:\n');
    expect(only(v)).toMatchObject({ path: 'migration.steps[0].weeks.min' });
  });
});

describe('stage 4: cross-field rules, each on both sides of its limit', () => {
  it('phase ranges: contiguous is valid; an overlap of one user or a gap of one user is an error', () => {
    expect(validate(minimalText).errors).toEqual([]);
    const overlap = only(validate(patched('overlapping-phases')));
    expect(overlap).toMatchObject({ path: 'phases[1].users.min', line: 47, column: 19 });
    expect(overlap.message).toBe("phase 1's users (100–1000) overlap phase 0's (0–100); start it at 101");
    const gap = only(validate(patched('gap-phases')));
    expect(gap).toMatchObject({ path: 'phases[1].users.min' });
    expect(gap.message).toBe('phase ranges leave a gap: phase 0 ends at 100 users, phase 1 starts at 102; start it at 101');
  });

  it('the first phase may start at 0 or 1; from 2 on small user counts fall in no phase (a warning)', () => {
    expect(variant('users: { min: 0, max: 100 }', 'users: { min: 1, max: 100 }').warnings).toEqual([]);
    expect(variant('users: { min: 0, max: 100 }', 'users: { min: 2, max: 100 }').warnings.map((w) => w.message)).toEqual([
      'the first phase starts at 2 users; smaller user counts fall in no phase',
    ]);
  });

  it('min = max is valid; min = max + 1 is an error (users, budget, scaling)', () => {
    expect(variant('budget_usd: { min: 20, max: 50 }', 'budget_usd: { min: 50, max: 50 }').errors).toEqual([]);
    expect(only(variant('budget_usd: { min: 20, max: 50 }', 'budget_usd: { min: 51, max: 50 }'))).toMatchObject({ path: 'phases[0].budget_usd.min' });
    expect(variant('scaling: { min: 1, max: 4, desired: 1,', 'scaling: { min: 4, max: 4, desired: 4,').errors).toEqual([]);
    const v = validate(patched('min-greater-than-max'));
    expect(v.errors.map((e) => [e.path, e.line, e.column])).toEqual([
      ['phases[1].components[0].scaling.min', 60, 25],
      ['phases[1].components[0].scaling.desired', 60, 45],
    ]);
  });

  it('desired within [min, max] at both ends; one outside is an error', () => {
    expect(variant('desired: 1,', 'desired: 4,').errors).toEqual([]);
    expect(only(variant('desired: 1,', 'desired: 5,'))).toMatchObject({ path: 'phases[1].components[0].scaling.desired' });
    expect(only(variant('desired: 1,', 'desired: 0,'))).toMatchObject({ path: 'phases[1].components[0].scaling.desired' });
  });

  it('quoted rows that sum to the total to the cent are valid; one cent off is an error', () => {
    expect(validate(patched('quoted')).errors).toEqual([]);
    const e = only(validate(patched('quoted-sum-mismatch')));
    expect(e).toMatchObject({ path: 'phases[1].quoted_total_usd', line: 53, column: 23 });
    expect(e.message).toBe("the components' quoted rows sum to $30.00 but quoted_total_usd is $30.01; fix a row or the total (quoted: app $30.00)");
    // Half a cent rounds away: the document's figures are in cents.
    expect(validate(applyQuoted('30.004')).errors).toEqual([]);
  });

  it('a quoted total at the budget edge is within it; a cent over warns', () => {
    const at = (total: string, max: string) => validate(applyQuoted(total).replace('budget_usd: { min: 30, max: 120 }', `budget_usd: { min: 30, max: ${max} }`));
    expect(at('30', '30').warnings).toEqual([]);
    expect(at('30', '29.99').warnings.map((w) => w.path)).toEqual(['phases[1].quoted_total_usd']);
  });

  it('availability is a percent: 50 is accepted, below 50 is read as a fraction written by mistake', () => {
    expect(variant('availability: 99.9', 'availability: 50').errors).toEqual([]);
    const e = only(variant('availability: 99.9', 'availability: 0.999'));
    expect(e.message).toBe('availability is a percent: 0.999 means 0.999 %, not 99.9 % — did you mean 99.9?');
    // 0.57 × 100 is 56.99999999999999 in binary; the message shows what the user would write.
    expect(only(variant('availability: 99.9', 'availability: 0.57')).message).toBe('availability is a percent: 0.57 means 0.57 %, not 57 % — did you mean 57?');
  });

  it('P90 is conservative enough; P89 warns', () => {
    expect(variant('latency: { percentile: 95, target_ms: 300 }', 'latency: { percentile: 90, target_ms: 300 }').warnings).toEqual([]);
    expect(variant('latency: { percentile: 95, target_ms: 300 }', 'latency: { percentile: 89, target_ms: 300 }').warnings.map((w) => w.path)).toEqual(['phases[1].slo.latency.percentile']);
  });

  it('concurrent users up to the user count are fine; one more warns', () => {
    expect(variant('concurrent_users: { min: 10, max: 50,', 'concurrent_users: { min: 10, max: 100,').warnings).toEqual([]);
    expect(variant('concurrent_users: { min: 10, max: 50,', 'concurrent_users: { min: 10, max: 101,').warnings.map((w) => w.path)).toEqual(['phases[0].concurrent_users.max']);
  });

  it('the daily profile must peak at exactly 1', () => {
    const e = only(validate(patched('daily-profile-max')));
    expect(e).toMatchObject({ path: 'workload.daily_profile', line: 23, column: 18 });
    expect(e.message).toMatch(/largest value is 0\.95; it must be exactly 1/);
  });

  it('every required assumption is defined; a missing one is named with its meaning', () => {
    const e = only(validate(patched('missing-assumption')));
    expect(e).toMatchObject({ path: 'workload' });
    expect(e.message).toMatch(/"demand_app_s" \(CPU seconds one request costs the app tier/);
  });

  it('ids are unique: the second use is the error', () => {
    const e = only(validate(patched('duplicate-ids')));
    expect(e).toMatchObject({ path: 'phases[1].components[1].id', line: 60, column: 13 });
    expect(e.message).toMatch(/component id "vps" is used twice \(first at index 0\)/);
    expect(only(variant('  - { id: db-connections', '  - { id: cpu'))).toMatchObject({ path: 'alerts[1].id' });
  });

  it('formulas read only known names; a count cannot read its own instances', () => {
    const e = only(validate(patched('unknown-variable')));
    expect(e).toMatchObject({ path: 'phases[1].components[0].cost[0].quantity', line: 63, column: 49 });
    expect(e.message).toBe('unknown variable "instance_hourz" — did you mean "instance_hours"?');
    expect(only(variant('count: 1\n', 'count: "=instances"\n')).message).toMatch(/a count cannot read instances/);
    expect(variant('count: 1\n', 'count: "=ceil(users / 100)"\n').errors).toEqual([]);
  });

  it('assumption names: snake_case, not an engine variable, not a function', () => {
    expect(only(variant('  error_rate: { value', '  users: 3\n  error_rate: { value')).message).toMatch(/a variable the engine binds/);
    expect(only(variant('  error_rate: { value', '  ceil: 3\n  error_rate: { value')).message).toMatch(/a formula function/);
  });

  it('every alert the engine checks plans against is there', () => {
    expect(only(variant(/* the CPU alert */ '  - { id: cpu, metric: cpu_utilization, threshold: 0.8, unit: fraction, for_minutes: 5, source: seed, note: CPU }\n', '')).message).toMatch(/no alert on cpu_utilization/);
  });

  it('a fraction threshold of 1 is valid, 1.01 is not', () => {
    expect(variant('metric: cpu_utilization, threshold: 0.8,', 'metric: cpu_utilization, threshold: 1,').errors).toEqual([]);
    expect(only(variant('metric: cpu_utilization, threshold: 0.8,', 'metric: cpu_utilization, threshold: 1.01,'))).toMatchObject({ path: 'alerts[0].threshold' });
  });

  it('warnings stay apart from errors; a catalog with warnings only is valid', () => {
    const v = variant('note: one request every 5 s }', '}');
    expect(v.errors).toEqual([]);
    expect(v.catalog).toBeDefined();
    expect(v.warnings.map((w) => w.path)).toEqual(['workload.requests_per_active_user_per_s.source']);
    expect(v.warnings[0]!.severity).toBe('warning');
  });

  it('a value at the edge of its own range is inside it; beyond warns; a reversed range is an error', () => {
    const range = (r: string) => variant('cache_hit_ratio: { value: 0.8, source: assumption,', `cache_hit_ratio: { value: 0.8, source: assumption, range: ${r},`);
    expect(range('[0.8, 0.9]').warnings).toEqual([]);
    expect(range('[0.81, 0.9]').warnings.map((w) => w.path)).toEqual(['workload.cache_hit_ratio.value']);
    expect(only(range('[0.9, 0.1]'))).toMatchObject({ path: 'workload.cache_hit_ratio.range' });
  });
});

/** The `quoted` patch with another quoted total. */
function applyQuoted(total: string): string {
  return patched('quoted').replace('quoted_total_usd: 30\n', `quoted_total_usd: ${total}\n`);
}

describe('units: a cost line is checked against its price unit', () => {
  it('exits at the line naming both units: the droplet priced per month, counted in instance-hours', () => {
    const e = only(validate(patched('droplet-instance-hours')));
    expect(e).toMatchObject({ path: 'phases[0].components[0].cost[0].quantity', line: 44, column: 60 });
    expect(e.message).toBe(
      'the quantity "=instance_hours" is in hours, but price "digitalocean:s-2vcpu-4gb" is per month (months) in data/pricing/aws-us-east-1.json: ' +
        'write the quantity in months (e.g. "=instances"), or declare unit: month on the line if a constant in the formula converts',
    );
  });

  it('the mirror bug: instances priced per hour', () => {
    const e = only(variant('quantity: "=instance_hours" }', 'quantity: "=instances" }'));
    expect(e.message).toMatch(/is in months, but price "ec2:t3\.medium" is per hour \(hours\)/);
  });

  it('accepts each family written as the unit or per month', () => {
    for (const [price, quantity] of [
      ['ec2:t3.medium', '=instances * hours_per_month'], // instance-months × hours per month = hours
      ['ec2:t3.medium', '=hours_per_month'], // hours per month
      ['ebs:gp3:gb-month', '=users * storage_gb_per_user'], // GB held through the month
      ['cloudfront:us:gb', '=monthly_active_minutes * transfer_mb_per_active_minute / 1000'], // user-minutes per month × MB per user-minute: GB per month
      ['cloudfront:us:https-requests', '=max(0, monthly_requests - 300e6) / 1e6'], // requests per month; constants take the unit
      ['cloudwatch:metric-month', '=users * 30 / 1e6'], // a plain number fits any unit
    ]) {
      const v = variant('{ price: "ec2:t3.medium", quantity: "=instance_hours" }', `{ price: "${price}", quantity: "${quantity}" }`);
      expect(v.errors, `${price} ${quantity}: ${messages(v)}`).toEqual([]);
    }
  });

  it('refuses a formula whose parts do not fit together, and an assumption without its unit in a sum', () => {
    const sum = only(variant('quantity: "=instance_hours" }', 'quantity: "=instance_hours + users * storage_gb_per_user" }'));
    expect(sum.message).toMatch(/adds "instance_hours" \(hours\) and "users \* storage_gb_per_user" \(GB\): they must be in the same unit/);
    const base = variant('  error_rate: { value', '  base_gb: { value: 10, source: assumption, note: shared content }\n  error_rate: { value');
    expect(base.errors).toEqual([]);
    const unitless = validate(variantText('  error_rate: { value', '  base_gb: { value: 10, source: assumption, note: shared content }\n  error_rate: { value').replace('quantity: "=ceil(instances) * 20", unit: gb-month', 'quantity: "=base_gb + users * storage_gb_per_user"'));
    expect(only(unitless).message).toMatch(/adds "base_gb" \(a plain number\) and "users \* storage_gb_per_user" \(GB\)/);
    const withUnit = validate(variantText('  error_rate: { value', '  base_gb: { value: 10, source: assumption, note: shared content, unit: gb }\n  error_rate: { value').replace('quantity: "=ceil(instances) * 20", unit: gb-month', 'quantity: "=base_gb + users * storage_gb_per_user"'));
    expect(withUnit.errors).toEqual([]);
  });

  it('a declared unit must be the price unit; it vouches for a constant that converts', () => {
    const e = only(validate(patched('declared-unit-mismatch')));
    expect(e).toMatchObject({ path: 'phases[1].components[0].cost[1].unit' });
    expect(e.message).toMatch(/declares unit: gb but price "ebs:gp3:gb-month" is per gb-month/);
    // Without its unit: the constant 20 (GB per instance) is invisible, so instance-months do not fit GB-months.
    expect(only(variant(', unit: gb-month }', ' }')).message).toMatch(/is in months, but price "ebs:gp3:gb-month" is per gb-month \(GB-months\)/);
  });

  it('an engine assumption keeps the engine unit', () => {
    const e = only(variant('\n  storage_gb_per_user: { value: 0.01, source: assumption, note: 10 MB per user }', '\n  storage_gb_per_user: { value: 0.01, source: assumption, note: 10 MB per user, unit: gb-month per user }'));
    expect(e.message).toMatch(/the engine reads "storage_gb_per_user" in gb per user, not gb-month per user/);
  });
});

describe('the price book is passed in', () => {
  const eu = loadSnapshotPriceBook(euBookPath);

  it('refuses price keys the book lacks, with a suggestion', () => {
    const v = variant('"ec2:t3.medium"', '"ec2:t3.medum"');
    expect(only(v).message).toMatch(/"ec2:t3.medum" is not in the price snapshot \(data\/pricing\/aws-us-east-1.json\): fix the key or add its price there — did you mean "ec2:t3.medium"/);
  });

  it('checks nothing about prices without a book', () => {
    expect(validate(variantText('"ec2:t3.medium"', '"ec2:t3.medum"'), {}).errors).toEqual([]);
  });

  it('a catalog for another region is valid against its own book and refused by another, naming both regions', () => {
    const text = patched('region-eu-central-1');
    expect(validate(text, { book: eu }).errors).toEqual([]);
    const e = only(validate(text));
    expect(e).toMatchObject({ path: 'region', line: 7, column: 9 });
    expect(e.message).toMatch(/the catalog is for region eu-central-1 but the price book data\/pricing\/aws-us-east-1\.json is for us-east-1/);
    // No region means us-east-1, which the eu book is not for.
    expect(only(validate(minimalText, { book: eu })).message).toMatch(/names no region \(so us-east-1\) but the price book .*eu-central-1\.json is for eu-central-1/);
  });
});

describe('stage 5: the dry run', () => {
  it('evaluates every formula at both ends of each phase: a negative quantity is caught at its line', () => {
    const v = variant('quantity: "=instance_hours"', 'quantity: "=instance_hours - 1e9"');
    expect(v.errors).toHaveLength(2); // at the phase's smallest and largest user counts
    expect(v.errors[0]!.message).toMatch(/the quantity \("=instance_hours - 1e9"\) evaluates to -\d+(\.\d+)? at [\d,]+ users; it must be a finite number ≥ 0/);
    expect(v.errors[0]!.path).toBe('phases[1].components[0].cost[0].quantity');
  });

  it.each([['=1/0'], ['=log(0) * -1'], ['=10^400'], ['=sqrt(0 - users)']])('a quantity %s that is not finite is an error at its line, not a bare exit', (formula) => {
    const v = variant('quantity: "=instance_hours"', `quantity: "${formula}"`);
    expect(v.errors.length).toBeGreaterThan(0);
    expect(v.errors[0]).toMatchObject({ path: 'phases[1].components[0].cost[0].quantity', line: 63, column: 49 });
    expect(v.errors[0]!.message).toMatch(/evaluates to (-?Infinity|NaN) at [\d,]+ users/);
  });

  it('a count that is not finite is an error at the count', () => {
    const v = variant('count: 1\n', 'count: "=1/0"\n');
    expect(v.errors[0]).toMatchObject({ path: 'phases[0].components[0].count', line: 41 });
    expect(v.errors[0]!.message).toMatch(/the count \("=1\/0"\) evaluates to Infinity/);
  });

  it('a count the sizing rejects is an error at its phase, at both ends of the range', () => {
    const logs = ['      - id: logs', '        name: Logs', '        kind: monitoring', '        provider: test', '        serves: []', '        count: "=users - 1000"', '        cost:', '          - { price: "digitalocean:s-2vcpu-4gb", quantity: 0 }', ''].join('\n');
    const line = '          - { price: "digitalocean:s-2vcpu-4gb", quantity: "=instances" }\n';
    const v = variant(line, `${line}${logs}`);
    // Phase 0 runs from 0 users (sized at 1, the least that has a load) to 100: 1 − 1,000 and 100 − 1,000.
    expect(v.errors.map((e) => [e.path, e.line, e.column, e.message])).toEqual([
      ['phases[0]', 26, 5, 'phase 0 cannot be sized at 1 user: component logs: its count evaluates to -999; a count must be a whole number ≥ 0'],
      ['phases[0]', 26, 5, 'phase 0 cannot be sized at 100 users: component logs: its count evaluates to -900; a count must be a whole number ≥ 0'],
    ]);
  });

  it('dry-runs counts: a request path with no instance is an error', () => {
    expect(variant('count: 1\n', 'count: 0\n').errors.map((e) => e.message).join('\n')).toMatch(/no instance at [\d,]+ users, but it serves/);
  });

  it('warns when a phase cannot serve the top of its own range; serving it is quiet', () => {
    expect(validate(minimalText).warnings).toEqual([]);
    // 20 ms of network overhead plus a 20 ms request cannot make a 30 ms P95, however many servers run.
    const v = variant('latency: { percentile: 95, target_ms: 300 }', 'latency: { percentile: 95, target_ms: 30 }');
    expect(v.errors).toEqual([]);
    expect(v.warnings.map((w) => w.path)).toEqual(['phases[1].users.max']);
    expect(v.warnings[0]!.message).toMatch(/^phase 1 cannot serve the top of its own range \(1,000 users\): latency P95/);
  });
});

describe('problems as one line each', () => {
  it('formats file:line:col  path  message', () => {
    const e = only(validateCatalogText(patched('wrong-type'), 'wrong-type.yaml'));
    expect(formatProblem(e)).toBe('wrong-type.yaml:40:47  phases[0].components[0].instance.vcpus  expected a number; got the text "two"');
  });

  it('loadCatalog throws a UserError with one detail line per problem', () => {
    const file = patchedFile('min-greater-than-max', tmp);
    let error: unknown;
    try {
      loadCatalog(file, book);
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
    expect(() => loadCatalog(join(tmp, 'nope.yaml'), book)).toThrow(/cannot use catalog .*nope\.yaml: no such file/);
  });
});

describe('problems in the order of the file', () => {
  it('by line, then by column, whatever order the rules found them in', () => {
    // Phase 1 in flow style, on one line (45): its budget (column 47) comes before its range (column 76). The range
    // rule runs first and reports the gap first; phase 0's swapped budget is on line 33.
    const start = minimalText.indexOf('  - id: 1\n');
    const flow =
      '  - { id: 1, name: Bigger, budget_usd: { min: 60, max: 50 }, users: { min: 150, max: 1000 }, ' +
      'concurrent_users: { min: 50, max: 200, source: assumption, note: a guess }, slo: { latency: { percentile: 95, target_ms: 300 }, availability: 99.9 }, ' +
      'components: [{ id: app, name: App servers, kind: compute, provider: AWS, serves: [app, db, cache], instance: { type: t3.medium, vcpus: 2, memory_gb: 4 }, ' +
      'scaling: { min: 1, max: 4, desired: 1, target_cpu: 0.7 }, availability: { value: 0.995, source: assumption, note: EC2 instance SLA }, ' +
      'cost: [{ price: "ec2:t3.medium", quantity: "=instance_hours" }] }] }\n';
    const text = applyEdits(minimalText.slice(0, start) + flow + minimalText.slice(minimalText.indexOf('alerts:')), [
      { find: 'budget_usd: { min: 20, max: 50 }', replace: 'budget_usd: { min: 60, max: 50 }' },
    ]);
    const v = validate(text);
    expect(v.stage).toBe('rules');
    expect(v.errors.map((e) => [e.line, e.column, e.path])).toEqual([
      [33, 24, 'phases[0].budget_usd.min'],
      [45, 47, 'phases[1].budget_usd.min'],
      [45, 76, 'phases[1].users.min'],
    ]);
  });

  it('a problem with the whole file comes before any on a line', () => {
    const v = validate('\u0000binary');
    expect(v.stage).toBe('read');
    expect(v.errors[0]!.line).toBeUndefined();
  });

  it('names the stage that stopped: yaml, schema, or the dry run when every stage ran', () => {
    expect(validate('a: [1,\n').stage).toBe('yaml');
    expect(variant('version: 1', 'version: 2').stage).toBe('schema');
    expect(validate(minimalText).stage).toBe('dry run');
  });
});
