/**
 * readSavedResult: a saved result is read back only when its command, schemaVersion and every field fit the
 * schema; otherwise a UserError (exit 2) names the file and what is wrong. The property tests corrupt one
 * field of a real result at a time and require the message to name that field's path.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportError, UserError } from '../../src/errors.js';
import { readSavedResult } from '../../src/results/index.js';
import { run } from '../cli/run.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let simulateText = '';
let simulate: Record<string, Json> = {};

beforeAll(async () => {
  const result = await run(['simulate', '--users', '50000', '--format', 'json']);
  expect(result.code).toBe(0);
  simulateText = result.stdout;
  simulate = JSON.parse(simulateText) as Record<string, Json>;
});

function failure(text: string, file = 'plan.json'): UserError {
  try {
    readSavedResult(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('readSavedResult accepted the text');
}

/** The whole report a user sees: the message and its detail lines. */
const said = (error: UserError) => [error.message, ...error.details].join('\n');

const withField = (key: string, value: Json) => JSON.stringify({ ...simulate, [key]: value });

describe('readSavedResult', () => {
  it('returns the command and the result of a valid file, unchanged', () => {
    const saved = readSavedResult(simulateText, 'plan.json');
    expect(saved.command).toBe('simulate');
    expect(saved.result).toEqual(simulate);
    if (saved.command === 'simulate') expect(saved.result.cost.totalUsd).toBe((simulate.cost as { totalUsd: number }).totalUsd);
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(readSavedResult(`\uFEFF${simulateText}`, 'plan.json').command).toBe('simulate');
  });

  it.each([
    ['', /plan\.json is not JSON \(.+\); pass a result saved with --format json/],
    ['{"command": "simulate",', /plan\.json is not JSON/],
    ['[1, 2]', /plan\.json: a saved result is a JSON object with "command" and "schemaVersion"; got an array/],
    ['"simulate"', /plan\.json: a saved result is a JSON object .*; got "simulate"/],
    ['{"schemaVersion": 1}', /plan\.json: command is nothing; a saved result names the command that wrote it, one of "simulate", "compare"/],
    ['{"schemaVersion": 1, "command": "plan"}', /plan\.json: command is "plan"; .*"queue usl"/],
    ['{"schemaVersion": 1, "command": "toString"}', /plan\.json: command is "toString"/],
  ])('refuses %j naming the file', (text, message) => {
    const error = failure(text);
    expect(said(error)).toMatch(message);
    expect(reportError(error).exitCode).toBe(2);
  });

  it.each([
    [1, /plan\.json: schemaVersion is 1, but cuenta-plan \S+ reads simulate results of schemaVersion 2 only; re-run `cuenta-plan simulate … --format json`/],
    [0, /schemaVersion is 0, but/],
    ['2', /schemaVersion is "2", but/],
    [null, /schemaVersion is null, but/],
  ])('names another schemaVersion (%j) and the one it reads', (version, message) => {
    expect(failure(withField('schemaVersion', version)).message).toMatch(message);
  });

  it('names a missing schemaVersion', () => {
    const { schemaVersion: _dropped, ...rest } = simulate;
    expect(failure(JSON.stringify(rest)).message).toMatch(/schemaVersion is nothing, but/);
  });

  it('lists each problem by field path: a wrong type, an unknown field, a number JSON cannot hold finitely', () => {
    const broken = JSON.parse(simulateText) as { cost: Record<string, Json>; tiers: Array<Record<string, Json>>; extra?: Json };
    broken.cost.totalUsd = 'a lot';
    broken.tiers[1]!.sizedBy = 'guess';
    broken.extra = true;
    const text = JSON.stringify(broken).replace('"users":50000', '"users":1e999');
    const error = failure(text, 'saved/plan.json');
    expect(error.message).toBe('saved/plan.json is not a valid simulate result of schemaVersion 2 (4 problems):');
    expect(error.details).toEqual([
      'users: Invalid input: expected number, received Infinity',
      expect.stringMatching(/^tiers\[1\]\.sizedBy: Invalid option: expected one of "fixed"\|/),
      'cost.totalUsd: Invalid input: expected number, received string',
      '(the whole result): Unrecognized key: "extra"',
    ]);
  });

  it('refuses a finding that breaks the published list: an unknown code, a severity, metric or unit not its code\'s', () => {
    const broken = JSON.parse(simulateText) as { findings: Array<Record<string, Json>> };
    expect(broken.findings.map((f) => f.code)).toEqual(['availability-short', 'over-budget', 'design-peak-over-implied', 'unverified-prices']);
    broken.findings[0]!.severity = 'warn';
    broken.findings[1]!.metric = 'cost-per-user';
    broken.findings[3]!.unit = 'USD';
    const mixed = failure(JSON.stringify(broken));
    expect(mixed.details).toEqual([
      'findings[0].severity: must be "fail", the severity of code availability-short',
      'findings[1].metric: must be "cost", the metric of code over-budget',
      'findings[3].unit: must be "lines", the unit of metric unverified-lines',
    ]);
    broken.findings[0]!.code = 'latency-too-high';
    expect(failure(JSON.stringify(broken)).details[0]).toMatch(/^findings\[0\]\.code: Invalid option: expected one of "latency-over-slo"\|/);
  });

  it('lists at most 20 problems and says how many more', () => {
    const broken = JSON.parse(simulateText) as { assumptions: Array<Record<string, Json>>; checks: Array<Record<string, Json>> };
    broken.assumptions.forEach((a) => (a.value = 'x'));
    broken.checks.forEach((c) => (c.pass = 'x'));
    const problems = broken.assumptions.length + broken.checks.length;
    expect(problems).toBeGreaterThan(20);
    const error = failure(JSON.stringify(broken));
    expect(error.message).toMatch(new RegExp(`\\(${problems} problems\\):$`));
    expect(error.details).toHaveLength(21);
    expect(error.details[20]).toBe(`… and ${problems - 20} more`);
  });
});

// ── properties: any single corrupted field is refused, and named ───────────────────────────────────────────

type Path = Array<string | number>;

/** Every path to a leaf value, and every path to an object, of a JSON value. */
function paths(value: Json, path: Path = []): { leaves: Path[]; objects: Path[] } {
  if (Array.isArray(value)) {
    const parts = value.map((item, i) => paths(item, [...path, i]));
    return { leaves: parts.flatMap((p) => p.leaves), objects: parts.flatMap((p) => p.objects) };
  }
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value).map(([key, item]) => paths(item, [...path, key]));
    return { leaves: parts.flatMap((p) => p.leaves), objects: [path, ...parts.flatMap((p) => p.objects)] };
  }
  return { leaves: [path], objects: [] };
}

/** The path as readSavedResult prints it: tiers[1].latencyMs.mean. */
const dotted = (path: Path) =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(the whole result)';

function update(root: Json, path: Path, change: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  path.slice(0, -1).forEach((key) => (parent = parent[key] as Record<string | number, Json>));
  change(parent, path[path.length - 1]!);
  return copy;
}

describe('readSavedResult on a corrupted simulate result (property)', () => {
  it('a leaf replaced by an object is refused, naming its path', () => {
    const { leaves } = paths(simulate);
    // The header fields have their own messages (tested above).
    const fields = leaves.filter((p) => p.length > 1 || !['schemaVersion', 'command'].includes(String(p[0])));
    fc.assert(
      fc.property(fc.constantFrom(...fields), (path) => {
        const corrupted = update(simulate, path, (parent, key) => (parent[key] = { unexpected: true }));
        expect(failure(JSON.stringify(corrupted)).details.some((line) => line.startsWith(`${dotted(path)}: `))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('an unknown key added to any object is refused, naming the object', () => {
    const { objects } = paths(simulate);
    fc.assert(
      fc.property(fc.constantFrom(...objects), fc.constantFrom('extra', 'Users', 'total_usd'), (path, key) => {
        const corrupted = path.length === 0 ? { ...simulate, [key]: 1 } : update(simulate, [...path, key], (parent, k) => (parent[k] = 1));
        expect(failure(JSON.stringify(corrupted)).details).toContain(`${dotted(path)}: Unrecognized key: "${key}"`);
      }),
      { numRuns: 200 },
    );
  });

  it('a required key removed from any object is refused, naming its path', () => {
    const { leaves } = paths(simulate);
    const fields = leaves.filter((p) => typeof p[p.length - 1] === 'string' && !['schemaVersion', 'command'].includes(String(p[0])));
    fc.assert(
      fc.property(fc.constantFrom(...fields), (path) => {
        const corrupted = update(simulate, path, (parent, key) => delete parent[key]);
        expect(failure(JSON.stringify(corrupted)).details.some((line) => line.startsWith(`${dotted(path)}: `))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
