/**
 * Levenshtein edit distance: the fewest single-character insertions, deletions and substitutions
 * that turn `a` into `b` (V. I. Levenshtein, 1965; Wagner–Fischer dynamic programme, two rows).
 *
 * @example levenshtein('kitten', 'sitting') // 3
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/**
 * The `count` candidates closest to `target` by edit distance (case-insensitive), nearest first, at most
 * `maxDistance` edits away; ties in alphabetical order so the suggestion list is stable.
 */
export function closestMatches(target: string, candidates: Iterable<string>, count = 3, maxDistance = Infinity): string[] {
  const wanted = target.toLowerCase();
  return [...candidates]
    .map((candidate) => ({ candidate, distance: levenshtein(wanted, candidate.toLowerCase()) }))
    .filter((entry) => entry.distance <= maxDistance)
    .sort((x, y) => x.distance - y.distance || (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/**
 * " — did you mean "a" or "b"?" for up to three names a few edits from `name` (at most a third of its length,
 * and at least 2), or "" when none is close: the one "did you mean" of every message.
 * @example didYouMean('cuont', ['count', 'cost', 'name']) // ' — did you mean "cost" or "count"?'
 */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closestMatches(name, candidates, 3, Math.max(2, Math.floor(name.length / 3)));
  return close.length > 0 ? ` — did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
}
