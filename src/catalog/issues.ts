/**
 * zod issues → catalog problems: a message that says what is wrong and what to do, and the YAML path
 * (line/column come from the path). Unions are unwrapped to the branch the author evidently meant.
 */
import type * as z from 'zod';
import type { PathSegment, ProblemList } from './problems.js';
import { valueAt } from '../model/overrides.js';
import { didYouMean } from '../pricing/levenshtein.js';

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

const NOUNS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  object: 'a mapping (key: value)',
  array: 'a list',
  boolean: 'true or false',
  int: 'a whole number',
};

/** The keys an object schema accepts at `path`, for "did you mean" on unknown keys. */
function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const unwrap = (s: unknown): unknown[] => {
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'nullable':
        return unwrap(def.innerType);
      case 'pipe':
        return unwrap(def.in);
      case 'union':
        return (def.options as unknown[]).flatMap(unwrap);
      default:
        return [s];
    }
  };
  let nodes: unknown[] = unwrap(schema);
  for (const segment of path) {
    const next: unknown[] = [];
    for (const node of nodes) {
      const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
      if (def.type === 'array' && typeof segment === 'number') next.push(...unwrap(def.element));
      else if (def.type === 'object' && typeof segment === 'string') {
        const shape = def.shape as Record<string, unknown>;
        if (Object.hasOwn(shape, segment)) next.push(...unwrap(shape[segment]));
        else if (def.catchall) next.push(...unwrap(def.catchall));
      } else if (def.type === 'record') next.push(...unwrap(def.valueType));
    }
    nodes = next;
  }
  return nodes.flatMap((node) => {
    const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
    return def.type === 'object' ? Object.keys(def.shape as object) : [];
  });
}

/** True when a union branch failed only because the value had another type. */
function typeMismatchOnly(issues: readonly Issue[]): boolean {
  return issues.every((i) => i.path.length === 0 && (i.code === 'invalid_type' || (i.code === 'invalid_value' && !('values' in i && i.values.length > 1))));
}

/** Reports zod issues for `data` (the parsed YAML) through `problems`. */
export function reportZodIssues(issues: readonly Issue[], data: unknown, schema: z.ZodType, problems: ProblemList, prefix: readonly PathSegment[] = []): void {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'invalid_union': {
        const branches = issue.errors.filter((branch) => !typeMismatchOnly(branch));
        if (branches.length >= 1) {
          // The author wrote the shape of one branch (e.g. a { value, source } object): report inside it.
          reportZodIssues(branches[0]!, data, schema, problems, path);
          break;
        }
        const expected = [
          ...new Set(
            issue.errors.flatMap((branch) =>
              branch.map((i) => (i.code === 'invalid_type' ? (NOUNS[i.expected] ?? i.expected) : i.code === 'invalid_value' ? i.values.map((v) => JSON.stringify(v)).join(' or ') : i.message)),
            ),
          ),
        ];
        problems.error(path, expected.length > 0 ? `expected ${expected.join(' or ')}; got ${describeValue(value)}` : `${issue.message}; got ${describeValue(value)}`);
        break;
      }
      case 'invalid_type': {
        const expected = NOUNS[issue.expected] ?? issue.expected;
        if (value === undefined) {
          const key = path[path.length - 1];
          problems.error(path, `missing required key "${String(key)}": add it (${expected})`);
        } else {
          problems.error(path, `expected ${expected}; got ${describeValue(value)}`);
        }
        break;
      }
      case 'unrecognized_keys': {
        const allowed = keysAt(schema, path);
        for (const key of issue.keys) {
          const hint = didYouMean(key, allowed);
          const list = allowed.length > 0 && !hint ? ` (allowed here: ${allowed.join(', ')})` : '';
          problems.error([...path, key], `unknown key "${key}": fix its spelling or remove it${hint}${list}`, { onKey: true });
        }
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map((v) => String(v));
        if (value === undefined && path.length > 0) {
          problems.error(path, `missing required key "${String(path[path.length - 1])}": add it (one of ${options.join(', ')})`);
          break;
        }
        if (options.length === 1) {
          problems.error(path, issue.message.startsWith('Invalid') ? `must be ${JSON.stringify(issue.values[0])}; got ${describeValue(value)}` : `${issue.message}; got ${describeValue(value)}`);
        } else {
          const hint = typeof value === 'string' ? didYouMean(value, options) : '';
          problems.error(path, `must be one of ${options.join(', ')}; got ${describeValue(value)}${hint}`);
        }
        break;
      }
      case 'custom':
        // The schema's own messages (formulas, count or scaling, unit words) say what to do already.
        problems.error(path, issue.message);
        break;
      default: {
        const message = issue.message.startsWith('Too ') || issue.message.startsWith('Invalid') ? defaultMessage(issue) : issue.message;
        problems.error(path, `${message}; got ${describeValue(value)}`);
      }
    }
  }
}

function defaultMessage(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}`;
    default:
      return issue.message;
  }
}
