/** The gate's policy file: its published JSON Schema and what the parser accepts and refuses, with positions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parsePolicy } from '../../src/inputs/policy.js';
import { policyJsonSchemaText } from '../../src/inputs/policy-schema.js';

const problems = (text: string): string[] => {
  try {
    parsePolicy(text, 'p.yaml');
  } catch (error) {
    if (error instanceof UserError) return [...error.details];
    throw error;
  }
  return [];
};

describe('schema/policy.schema.json', () => {
  it('equals the JSON Schema generated from the zod schema (regenerate: node scripts/gen-schema.mjs)', () => {
    expect(readFileSync('schema/policy.schema.json', 'utf8')).toBe(policyJsonSchemaText());
  });

  it("names every flag's key and refuses others", () => {
    const schema = JSON.parse(policyJsonSchemaText()) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['users', 'budget', 'max-cost-per-user', 'require-slo', 'min-headroom', 'baseline', 'max-increase', 'min-weeks-to-migrate', 'growth', 'as-of', 'max-breach-probability', 'samples', 'seed', 'pricing', 'set']);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('parsePolicy', () => {
  it('reads every key; one user count or a list; 10 and "10%" both ten percent', () => {
    const text = 'users: 50000\nbudget: 1500\nmax-cost-per-user: 0.05\nrequire-slo: true\nmin-headroom: 20\nbaseline: base.json\nmax-increase: "12.5%"\npricing: seed\nset: { cache_hit_ratio: 0.9 }\n';
    expect(parsePolicy(text, 'p.yaml')).toEqual({
      users: [50000],
      budget: 1500,
      maxCostPerUser: 0.05,
      requireSlo: true,
      minHeadroom: 20,
      baseline: 'base.json',
      maxIncrease: 12.5,
      pricing: 'seed',
      set: [{ name: 'cache_hit_ratio', value: 0.9 }],
    });
    expect(parsePolicy('users: [1000, 10000]\nmin-headroom: 10%\n', 'p.yaml')).toEqual({ users: [1000, 10000], minHeadroom: 10 });
  });

  it('reads the migration and Monte Carlo keys: growth in percent, a probability as 0.05 or "5%"', () => {
    const text = 'min-weeks-to-migrate: 12\ngrowth: 10%\nas-of: 2027-01-01\nmax-breach-probability: "5%"\nsamples: 2000\nseed: 7\n';
    expect(parsePolicy(text, 'p.yaml')).toEqual({ minWeeksToMigrate: 12, growth: 10, asOf: '2027-01-01', maxBreachProbability: 0.05, samples: 2000, seed: 7 });
    expect(parsePolicy('max-breach-probability: 0.05\n', 'p.yaml')).toEqual({ maxBreachProbability: 0.05 });
  });

  it('refuses a date that is not one, a probability over 1 and a sample count of 0', () => {
    expect(problems('as-of: 2027-02-30\nmax-breach-probability: 5\nsamples: 0\n')).toEqual([
      'p.yaml:1:8  ["as-of"]  a date as YYYY-MM-DD, e.g. 2027-01-01',
      'p.yaml:2:25  ["max-breach-probability"]  must be at most 1; got 5',
      'p.yaml:3:10  samples  must be at least 1; got 0',
    ]);
  });

  it('names the line, column and key of each problem, in file order', () => {
    expect(problems('users: [1000, 0]\nbudget: cheap\nrequire_slo: true\nmax-increase: -5%\n')).toEqual([
      'p.yaml:1:15  users[1]  must be at least 1; got 0',
      'p.yaml:2:9  budget  expected a number; got the text "cheap"',
      'p.yaml:3:1  require_slo  unknown key "require_slo": fix its spelling or remove it — did you mean "require-slo"?',
      'p.yaml:4:15  ["max-increase"]  must be at least 0; got the text "-5%"',
    ]);
  });

  it('refuses YAML syntax errors and a document that is not a mapping', () => {
    expect(problems('users: [1000\n')[0]).toMatch(/^p\.yaml:2:1 {2}YAML syntax error/);
    expect(() => parsePolicy('- 1000\n', 'p.yaml')).toThrow(/policy p\.yaml must be a YAML mapping/);
  });
});
