/**
 * Stage 5: a dry run. Every phase is sized at the smallest and largest user counts of its range and every
 * count and cost formula is evaluated there, so a formula that goes negative, divides by zero or overflows,
 * or a request path with no instance, is reported at its line now instead of failing `simulate` later.
 * A phase that cannot serve the top of its own range within its SLOs and alert thresholds gets a warning.
 */
import type { Amount, Catalog, Component, FormulaScope, Phase } from '../model/catalog-types.js';
import { evaluateAmount } from '../model/cost.js';
import { InputError } from '../model/input-error.js';
import { capacityAt, formulaScopes, thresholdsOf, type Thresholds } from '../model/plan.js';
import { FormulaValueError } from './formula.js';
import type { PathSegment, ProblemList } from './problems.js';

const QUEUEING = new Set(['app', 'cache', 'db']);
const onRequestPath = (component: Component) =>
  component.serves.some((role) => QUEUEING.has(role)) && (component.instance !== undefined || component.kind === 'serverless');

const formulaText = (amount: Amount) => (typeof amount === 'number' ? '' : ` ("=${amount.text}")`);

/** The value of an amount, or the non-finite value its formula produced. */
function evaluated(amount: Amount, scope: FormulaScope): number {
  try {
    return evaluateAmount(amount, scope);
  } catch (error) {
    if (error instanceof FormulaValueError) return error.value;
    throw error;
  }
}

/** Where a formula that failed during sizing is written: a fixed count of this phase. */
function countPath(phase: Phase, error: FormulaValueError, i: number): readonly PathSegment[] | undefined {
  const j = phase.components.findIndex((c) => c.count.kind === 'fixed' && typeof c.count.count !== 'number' && c.count.count.text === error.formula.text);
  return j < 0 ? undefined : ['phases', i, 'components', j, 'count'];
}

function checkAt(catalog: Catalog, phase: Phase, i: number, users: number, thresholds: Thresholds, problems: ProblemList): void {
  const at = `at ${users.toLocaleString('en-US')} user${users === 1 ? '' : 's'}`;
  let scopeFor: (component: Component) => FormulaScope;
  try {
    scopeFor = formulaScopes(catalog, phase, users, thresholds);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const path = error instanceof FormulaValueError ? countPath(phase, error, i) : undefined;
    if (path && error instanceof FormulaValueError) problems.error(path, `the count${formulaText(error.formula)} evaluates to ${error.value} ${at}; it must be a finite number ≥ 0`);
    else problems.error(['phases', i], `phase ${phase.id} cannot be sized ${at}: ${error.message}`);
    return;
  }
  phase.components.forEach((component, j) => {
    const path = ['phases', i, 'components', j] as const;
    const scope = scopeFor(component);
    // Sizing (formulaScopes) has already refused a count that is not finite or is negative.
    if (component.count.kind === 'fixed' && evaluated(component.count.count, scope) === 0 && onRequestPath(component)) {
      problems.error([...path, 'count'], `no instance ${at}, but it serves ${component.serves.join(', ')}: a tier on the request path needs at least 1`);
    }
    component.cost.forEach((line, k) => {
      const quantity = evaluated(line.quantity, scope);
      if (!Number.isFinite(quantity) || quantity < 0) {
        problems.error([...path, 'cost', k, 'quantity'], `the quantity${formulaText(line.quantity)} evaluates to ${quantity} ${at}; it must be a finite number ≥ 0`);
      }
    });
  });
}

export function checkEvaluation(catalog: Catalog, problems: ProblemList): void {
  const thresholds = thresholdsOf(catalog);
  catalog.phases.forEach((phase, i) => {
    const before = problems.items.length;
    for (const users of new Set([Math.max(1, phase.users.min), phase.users.max])) checkAt(catalog, phase, i, users, thresholds, problems);
    if (problems.items.length > before || phase.users.max < 1) return;
    const top = capacityAt(catalog, phase, phase.users.max, thresholds);
    if (!top.ok) {
      problems.warning(
        ['phases', i, 'users', 'max'],
        `phase ${phase.id} cannot serve the top of its own range (${phase.users.max.toLocaleString('en-US')} users): ${top.failing.join(', ')}; raise its scaling max or instance size, or end the range lower`,
      );
    }
  });
}
