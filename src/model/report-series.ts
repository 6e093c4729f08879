import type { Catalog } from './catalog-types.js';

/**
 * The user counts the report's "across users" charts are drawn at. Two or more `--users` values are a sweep
 * of their own and are drawn as given; a single value is set on a default ladder through the phases: the
 * middle and the top of each phase's range. The middle and the top, not the bottom: the bottom of the first
 * phase is one user, whose whole-server cost per user would flatten every later point of the chart, while a
 * phase's top against the next phase's middle shows the step a migration makes.
 *
 * @returns distinct user counts, ascending, each at least 1
 * @example seriesUsers(catalog, [550]) // phases 0–100 and 101–1,000: [50, 100, 550, 1000]
 */
export function seriesUsers(catalog: Catalog, users: readonly number[]): number[] {
  const ladder =
    users.length >= 2
      ? []
      : catalog.phases.flatMap((phase) => [Math.floor((phase.users.min + phase.users.max) / 2), phase.users.max]);
  return [...new Set([...ladder, ...users])].filter((n) => n >= 1).sort((a, b) => a - b);
}
