/**
 * Rules over every number written with a source: a note saying where it comes from (seed) or why (assumption),
 * and a range that is [low, high] and holds the value.
 */
import type { ProvenanceEntry } from '../../model/catalog-types.js';
import type { ProblemList } from '../problems.js';
import type { Path } from './shared.js';

/** A provenance entry with the YAML path of the mapping that holds its `source`. */
export interface LocatedProvenance {
  entry: ProvenanceEntry;
  /** The mapping with the source: the quantity itself, or the range a min/max belongs to. */
  owner: Path;
}

export function checkProvenance(located: readonly LocatedProvenance[], problems: ProblemList): void {
  const noted = new Set<string>();
  for (const { entry, owner } of located) {
    if (entry.range) {
      const [lo, hi] = entry.range;
      if (lo > hi) problems.error([...owner, 'range'], `range [${lo}, ${hi}] is reversed: write [low, high]`);
      else if (entry.value < lo || entry.value > hi) problems.warning([...owner, 'value'], `value ${entry.value} lies outside its own range [${lo}, ${hi}]`);
    }
    const key = owner.join('\0');
    if ((entry.note ?? '').trim() !== '' || noted.has(key)) continue;
    noted.add(key);
    if (entry.source === 'assumption') problems.warning([...owner, 'source'], 'an assumption without a note: add a one-line note saying why this value');
    if (entry.source === 'seed') problems.warning([...owner, 'source'], 'a seed figure without a note: add a note saying where in the document it is');
  }
}
