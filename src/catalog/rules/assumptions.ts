/**
 * Rules over named assumptions: names formulas can read, every assumption the engine needs defined somewhere,
 * a note on each, and the engine's own unit where one is declared.
 */
import type { Catalog, Quantity } from '../../model/catalog-types.js';
import { sameDimension, parseUnit } from '../../model/units.js';
import { ASSUMPTION_UNITS, FORMULA_VARIABLES, REQUIRED_ASSUMPTIONS, type RequiredAssumption } from '../../model/variables.js';
import { didYouMean } from '../../pricing/levenshtein.js';
import { formatPath } from '../../paths.js';
import { FORMULA_FUNCTIONS } from '../formula.js';
import { ASSUMPTION_NAME } from '../names.js';
import type { ProblemList } from '../problems.js';
import type { Path } from './shared.js';

const isRequired = (name: string): name is RequiredAssumption => Object.hasOwn(REQUIRED_ASSUMPTIONS, name);

function checkAssumptionSet(assumptions: Readonly<Record<string, Quantity>>, path: Path, problems: ProblemList, sourced: ReadonlySet<string>): void {
  for (const [name, quantity] of Object.entries(assumptions)) {
    const at = [...path, name];
    if (!ASSUMPTION_NAME.test(name)) {
      problems.error(at, `assumption name "${name}" must be snake_case (a–z, 0–9, "_", starting with a letter) so formulas can read it`, { onKey: true });
    } else if (Object.hasOwn(FORMULA_VARIABLES, name)) {
      problems.error(at, `"${name}" is a variable the engine binds; an assumption cannot take its name — rename it`, { onKey: true });
    } else if (Object.hasOwn(FORMULA_FUNCTIONS, name)) {
      problems.error(at, `"${name}" is a formula function; an assumption cannot take its name — rename it`, { onKey: true });
    } else if (!isRequired(name)) {
      const hint = didYouMean(name, Object.keys(REQUIRED_ASSUMPTIONS));
      if (hint) problems.warning(at, `"${name}" is not an assumption the engine reads${hint}`, { onKey: true });
    }
    // Objects with a source are checked with every other sourced number (./provenance.ts); a bare number has none.
    if (!sourced.has(formatPath(at))) problems.warning(at, 'a bare number: write { value, source, note } so reports can say where it comes from');
    if (quantity.unit !== undefined && isRequired(name)) {
      const declared = parseUnit(quantity.unit);
      const engine = parseUnit(ASSUMPTION_UNITS[name]);
      if (declared.ok && engine.ok && !sameDimension(declared.dimension, engine.dimension)) {
        problems.error([...at, 'unit'], `the engine reads "${name}" in ${ASSUMPTION_UNITS[name]}, not ${quantity.unit}; convert the value and write unit: ${ASSUMPTION_UNITS[name]}`);
      }
    }
  }
}

/** Every required assumption defined under workload: or, when phases override it, in each phase. */
function checkRequired(catalog: Catalog, problems: ProblemList): void {
  const defined = new Set([...Object.keys(catalog.workload.assumptions), ...catalog.phases.flatMap((p) => Object.keys(p.assumptions))]);
  const extra = [...defined].filter((name) => !isRequired(name));
  for (const [name, meaning] of Object.entries(REQUIRED_ASSUMPTIONS)) {
    if (defined.has(name)) continue;
    problems.error(['workload'], `the required assumption "${name}" (${meaning}) is not defined; add it under workload: as { value, source: assumption, note }${didYouMean(name, extra)}`);
  }
  catalog.phases.forEach((phase, i) => {
    for (const name of Object.keys(REQUIRED_ASSUMPTIONS)) {
      const somewhere = catalog.phases.some((other) => Object.hasOwn(other.assumptions, name));
      if (Object.hasOwn(catalog.workload.assumptions, name) || Object.hasOwn(phase.assumptions, name) || !somewhere) continue;
      problems.error(
        ['phases', i, 'assumptions'],
        `phase ${phase.id} has no value for the required assumption "${name}" (${REQUIRED_ASSUMPTIONS[name as RequiredAssumption]}); other phases define it here — define it for this phase or under workload:`,
      );
    }
  });
}

/** @param sourced the YAML paths of every number written with a source (the catalog's provenance) */
export function checkAssumptions(catalog: Catalog, problems: ProblemList, sourced: ReadonlySet<string>): void {
  checkAssumptionSet(catalog.workload.assumptions, ['workload'], problems, sourced);
  catalog.phases.forEach((phase, i) => checkAssumptionSet(phase.assumptions, ['phases', i, 'assumptions'], problems, sourced));
  checkRequired(catalog, problems);
  checkProfilePeak(catalog.workload.dailyProfile, ['workload', 'daily_profile'], problems);
  catalog.phases.forEach((phase, i) => {
    if (phase.dailyProfile !== undefined) checkProfilePeak(phase.dailyProfile, ['phases', i, 'daily_profile'], problems);
  });
}

/** A profile's factors are fractions of its peak hour, so its largest is exactly 1. */
function checkProfilePeak(profile: readonly number[], path: Path, problems: ProblemList): void {
  const peak = Math.max(...profile);
  if (peak !== 1) {
    problems.error(path, `the daily profile's largest value is ${peak}; it must be exactly 1 (the peak hour) — divide every value by ${peak}`);
  }
}
