/**
 * Rules over formulas, per phase: every name a formula reads is a variable the engine binds or an assumption
 * in force there; a count does not read its own instances; a cost line's quantity has a coherent unit.
 */
import type { Catalog, CostDeclaration, Phase } from '../../model/catalog-types.js';
import { DIMENSIONLESS, parseUnit, type Dimension } from '../../model/units.js';
import { ASSUMPTION_UNITS, FORMULA_VARIABLES, VARIABLE_UNITS } from '../../model/variables.js';
import { assumptionsFor } from '../../model/workload.js';
import { unknownVariable } from '../formula.js';
import { formulaDimension, UnitError } from '../formula-units.js';
import type { ProblemList } from '../problems.js';
import type { Path } from './shared.js';

/** Variables that describe a component's own instances: a count formula cannot read them. */
const INSTANCE_VARIABLES = new Set(['instances', 'peak_instances', 'instance_hours', 'nodes', 'node_hours']);

/** The unit of every cost line whose quantity has one (formula lines without a declared unit). */
export type LineDimensions = Map<CostDeclaration, Dimension>;

const dimensionOf = (unit: string | undefined): Dimension => {
  const parsed = unit === undefined ? undefined : parseUnit(unit);
  return parsed?.ok ? parsed.dimension : DIMENSIONLESS;
};

/** Variable name → dimension in one phase: the engine's variables and assumptions, then the catalog's declared units. */
function unitsIn(catalog: Catalog, phase: Phase): (name: string) => Dimension {
  const assumptions = assumptionsFor(catalog, phase);
  return (name) => {
    if (Object.hasOwn(VARIABLE_UNITS, name)) return dimensionOf(VARIABLE_UNITS[name as keyof typeof VARIABLE_UNITS]);
    if (Object.hasOwn(ASSUMPTION_UNITS, name)) return dimensionOf(ASSUMPTION_UNITS[name as keyof typeof ASSUMPTION_UNITS]);
    return dimensionOf(assumptions[name]?.unit);
  };
}

/** Checks every formula's names and every cost line's unit; returns the units found, for the price-book rule. */
export function checkFormulas(catalog: Catalog, problems: ProblemList): LineDimensions {
  const dimensions: LineDimensions = new Map();
  const workloadNames = Object.keys(catalog.workload.assumptions);
  catalog.phases.forEach((phase, i) => {
    const known = new Set([...Object.keys(FORMULA_VARIABLES), ...workloadNames, ...Object.keys(phase.assumptions)]);
    const unitOf = unitsIn(catalog, phase);
    /** True when every name the formula reads is known; reports the others at `path`. */
    const namesKnown = (variables: readonly string[], path: Path): boolean => {
      const problemsFound = variables.map((name) => unknownVariable(name, known)).filter((m) => m !== undefined);
      for (const message of problemsFound) problems.error(path, message);
      return problemsFound.length === 0;
    };
    phase.components.forEach((component, j) => {
      const at: Path = ['phases', i, 'components', j];
      const count = component.count;
      if (count.kind === 'fixed' && typeof count.count !== 'number' && namesKnown(count.count.variables, [...at, 'count'])) {
        const circular = count.count.variables.filter((name) => INSTANCE_VARIABLES.has(name));
        if (circular.length > 0) {
          problems.error([...at, 'count'], `a count cannot read ${circular.join(', ')}: those come from the count itself; use users, concurrent_users or requests_per_s`);
        }
      }
      const worker = component.worker;
      for (const [field, amount] of worker ? ([['events_per_request', worker.eventsPerRequest], ['seconds_per_event', worker.secondsPerEvent]] as const) : []) {
        if (typeof amount === 'number' || !namesKnown(amount.variables, [...at, 'worker', field])) continue;
        const circular = amount.variables.filter((name) => INSTANCE_VARIABLES.has(name));
        if (circular.length > 0) {
          problems.error([...at, 'worker', field], `a worker's queue cannot read ${circular.join(', ')}: the instances are sized from it; use requests_per_s or an assumption`);
        }
      }
      component.cost.forEach((line, k) => {
        const path: Path = [...at, 'cost', k, 'quantity'];
        if (typeof line.quantity === 'number' || !namesKnown(line.quantity.variables, path) || line.unit !== undefined) return;
        try {
          dimensions.set(line, formulaDimension(line.quantity.text, unitOf));
        } catch (error) {
          if (!(error instanceof UnitError)) throw error;
          problems.error(path, `the quantity "=${line.quantity.text}" ${error.message}; if a constant in it converts one unit to the other, declare the line's unit: (the price's unit)`);
        }
      });
    });
  });
  return dimensions;
}
