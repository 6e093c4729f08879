/** The observations file: the published schema is the zod schema's, the example passes, and problems name the field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observationsJsonSchemaText } from '../../src/inputs/observations-schema.js';
import { parseObservations } from '../../src/inputs/observations.js';

const example = readFileSync('examples/metrics-phase1.json', 'utf8');

const problems = (mutate: (obs: Record<string, any>) => void): string[] => {
  const obs = JSON.parse(example);
  mutate(obs);
  try {
    parseObservations('obs.json', JSON.stringify(obs));
  } catch (error) {
    return [(error as Error).message, ...((error as { details?: string[] }).details ?? [])];
  }
  return [];
};

describe('observations files', () => {
  it('schema/observations.schema.json is generated from the zod schema (node scripts/gen-schema.mjs)', () => {
    expect(readFileSync('schema/observations.schema.json', 'utf8')).toBe(observationsJsonSchemaText());
  });

  it('the example passes', () => {
    const obs = parseObservations('examples/metrics-phase1.json', example);
    expect(obs.series).toHaveLength(7);
    expect(obs.series[0]!.values).toHaveLength(336);
  });

  it('names the file and the field of each problem', () => {
    expect(problems((o) => (o.series[2].values[5] = -1))).toEqual(['obs.json is not an observations file (schema/observations.schema.json):', 'series[2].values[5]: Too small: expected number to be >=0']);
    expect(problems((o) => (o.series[2].values[5] = 101))).toEqual(['obs.json has a problem:', 'series[2].values[5]: 101 is over 100; cpu is a percentage']);
    expect(problems((o) => o.series[1].values.pop())).toEqual(['obs.json has a problem:', 'series[1]: 336 timestamps but 335 values; give one value per timestamp']);
    expect(problems((o) => (o.series[0].timestamps[3] = o.series[0].timestamps[2]))[1]).toMatch(/^series\[0\]\.timestamps\[3\]: .* is not after the one before it/);
    expect(problems((o) => (o.window.end = o.window.start))[1]).toBe('window.end: must be after window.start (2026-12-07T00:00:00Z)');
    expect(problems((o) => (o.series[1].id = 'requests'))[1]).toBe('series[1].id: "requests" is used by an earlier series; ids must be unique');
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseObservations('obs.json', '{"version": 1,')).toThrow(/^obs\.json is not valid JSON: /);
  });
});
