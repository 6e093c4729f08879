import type { Catalog, Phase } from './catalog-types.js';

/** The phase whose user range holds `users`, or undefined when no range does (below or above the catalog). */
export function phaseForUsers(catalog: Catalog, users: number): Phase | undefined {
  return catalog.phases.find((phase) => users >= phase.users.min && users <= phase.users.max);
}
