/**
 * Reads an observations file (`--metrics FILE`): JSON checked against the published schema, then the rules a
 * schema cannot say (timestamps ascending and inside the window, one value per timestamp, percentages ≤ 100,
 * unique ids). Every problem is a UserError naming the file and the field. Loaded only when --metrics is given.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { Observations } from '../model/calibrate-observations.js';
import { observationsSchema } from './observations-schema.js';

const fieldPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('') || '(the file)';

/** Problems the schema cannot express, as `field: message`. */
export function observationRules(obs: Observations): string[] {
  const problems: string[] = [];
  const start = Date.parse(obs.window.start);
  const end = Date.parse(obs.window.end);
  if (end <= start) problems.push(`window.end: must be after window.start (${obs.window.start})`);
  const ids = new Set<string>();
  obs.series.forEach((s, i) => {
    const at = `series[${i}]`;
    if (ids.has(s.id)) problems.push(`${at}.id: "${s.id}" is used by an earlier series; ids must be unique`);
    ids.add(s.id);
    if (s.timestamps.length !== s.values.length) problems.push(`${at}: ${s.timestamps.length} timestamps but ${s.values.length} values; give one value per timestamp`);
    let previous = -Infinity;
    s.timestamps.forEach((t, j) => {
      const ms = Date.parse(t);
      if (ms <= previous) problems.push(`${at}.timestamps[${j}]: ${t} is not after the one before it; timestamps must ascend`);
      else if (ms < start || ms >= end) problems.push(`${at}.timestamps[${j}]: ${t} is outside the window ${obs.window.start} – ${obs.window.end}`);
      previous = Math.max(previous, ms);
    });
    if (s.measures === 'cpu' || s.measures === 'memory') {
      const j = s.values.findIndex((v) => v > 100);
      if (j >= 0) problems.push(`${at}.values[${j}]: ${s.values[j]} is over 100; ${s.measures} is a percentage`);
    }
  });
  return problems;
}

/**
 * @param file named in messages
 * @throws UserError listing every problem, each with its field (exit 2)
 */
export function parseObservations(file: string, text: string): Observations {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message}; write it as metrics pull does (schema/observations.schema.json)`);
  }
  const parsed = observationsSchema().safeParse(json);
  if (!parsed.success) {
    throw new UserError(`${file} is not an observations file (schema/observations.schema.json):`, parsed.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`));
  }
  const { $schema: _schema, ...obs } = parsed.data;
  const problems = observationRules(obs);
  if (problems.length > 0) throw new UserError(`${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:`, problems);
  return obs;
}

export function readObservations(file: string): Observations {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read --metrics ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
  return parseObservations(file, text);
}
