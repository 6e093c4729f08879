/**
 * Every number in the catalog that came with a source, by its YAML path: read from the file as written, so a
 * new sourced field needs no code here. `{ value, source, note?, range? }` gives one entry; any other mapping
 * with a `source` (a range, a latency target) gives one entry per number in it.
 */
import type { Source } from '../model/catalog-types.js';
import { formatPath } from '../paths.js';
import type { LocatedProvenance } from './rules/provenance.js';
import { SOURCES } from './schema.js';

type Path = ReadonlyArray<string | number>;

const isSource = (value: unknown): value is Source => typeof value === 'string' && (SOURCES as readonly string[]).includes(value);

/** The provenance of a schema-checked catalog file (the parsed YAML, not the converted catalog). */
export function collectProvenance(file: unknown): LocatedProvenance[] {
  const entries: LocatedProvenance[] = [];
  const visit = (node: unknown, path: Path): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (isSource(object.source)) {
      const note = typeof object.note === 'string' ? { note: object.note } : {};
      if (typeof object.value === 'number') {
        const range = Array.isArray(object.range) ? { range: [object.range[0], object.range[1]] as const } : {};
        entries.push({ owner: path, entry: { path: formatPath(path), value: object.value, source: object.source, ...note, ...range } });
        return;
      }
      for (const [key, value] of Object.entries(object)) {
        if (typeof value === 'number') entries.push({ owner: path, entry: { path: formatPath([...path, key]), value, source: object.source, ...note } });
      }
    }
    for (const [key, value] of Object.entries(object)) visit(value, [...path, key]);
  };
  visit(file, []);
  return entries;
}
