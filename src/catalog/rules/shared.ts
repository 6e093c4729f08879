/** Helpers the rule files share: paths into the YAML (snake_case keys, as the Locator needs them). */
import type { PathSegment, ProblemList } from '../problems.js';

export type Path = readonly PathSegment[];

/** Reports every id after its first use: `what id "x" is used twice (first at index i)`. */
export function duplicates(ids: readonly string[], problems: ProblemList, pathOf: (i: number) => Path, what: string): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else problems.error(pathOf(i), `${what} id "${id}" is used twice (first at index ${first}); ids must be unique`);
  });
}

/** min ≤ max, reported at min. */
export function checkRange(range: { min: number; max: number }, path: Path, problems: ProblemList, what: string): void {
  if (range.min > range.max) problems.error([...path, 'min'], `${what}: min ${range.min} is greater than max ${range.max}; swap them`);
}
