/** Sections of the catalog no engine code needs; a command that reads one asks for it here. */
import type { Catalog } from '../model/catalog-types.js';
import { InputError } from '../model/input-error.js';

/** The sections a catalog may leave out, by their YAML name. */
const OPTIONAL_SECTIONS = { revenue: 'revenue', discounts: 'discounts', migration: 'migration', kpis: 'kpis', backups: 'backups' } as const;
export type OptionalSection = keyof typeof OPTIONAL_SECTIONS;

/** A command needs a section the catalog leaves out: exit 2 naming it. */
export class MissingSectionError extends InputError {
  override name = 'MissingSectionError';
  constructor(
    readonly section: OptionalSection,
    need: string,
  ) {
    super(`the catalog has no ${OPTIONAL_SECTIONS[section]}: section, which ${need} needs; add one (data/phases.yaml has an example, \`cuenta-plan catalog schema\` its shape)`);
  }
}

/**
 * The section, or a MissingSectionError naming it and what needs it.
 * @example requireSection(catalog, 'revenue', 'break-even') // catalog.revenue, or throws (exit 2)
 */
export function requireSection<S extends OptionalSection>(catalog: Catalog, section: S, need = 'this command'): NonNullable<Catalog[S]> {
  const value = catalog[section];
  if (value === undefined) throw new MissingSectionError(section, need);
  return value as NonNullable<Catalog[S]>;
}
