/**
 * Stage 6: a dry run. Every phase is sized at the smallest and largest user counts of its range and every
 * count and cost formula is evaluated there, so a formula that goes negative, divides by zero or overflows,
 * or a request path with no instance, is reported at its line now instead of failing `simulate` later.
 */
import type { Catalog, Component } from '../model/catalog-types.js';
import { evaluateAmount } from '../model/cost.js';
import { InputError } from '../model/input-error.js';
import { formulaScopes, thresholdsOf } from '../model/plan.js';
import type { ProblemList } from './problems.js';

const QUEUEING = new Set(['app', 'cache', 'db']);
const onRequestPath = (component: Component) =>
  component.serves.some((role) => QUEUEING.has(role)) && (component.instance !== undefined || component.kind === 'serverless');

const impossible = (value: number) => !Number.isFinite(value) || value < 0;

export function checkEvaluation(catalog: Catalog, problems: ProblemList): void {
  const thresholds = thresholdsOf(catalog);
  catalog.phases.forEach((phase, i) => {
    for (const users of new Set([Math.max(1, phase.users.min), phase.users.max])) {
      const at = `at ${users.toLocaleString('en-US')} users`;
      let scopeFor: ReturnType<typeof formulaScopes>;
      try {
        scopeFor = formulaScopes(catalog, phase, users, thresholds);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.error(['phases', i], `phase ${phase.id} cannot be sized ${at}: ${error.message}`);
        return;
      }
      phase.components.forEach((component, j) => {
        const path = ['phases', i, 'components', j] as const;
        const scope = scopeFor(component);
        if (component.count.kind === 'fixed') {
          const count = evaluateAmount(component.count.count, scope);
          if (impossible(count)) problems.error([...path, 'count'], `the count evaluates to ${count} ${at}; it must be a finite number ≥ 0`);
          else if (count === 0 && onRequestPath(component)) {
            problems.error([...path, 'count'], `no instance ${at}, but it serves ${component.serves.join(', ')}: a tier on the request path needs at least 1`);
          }
        }
        component.cost.forEach((line, k) => {
          const quantity = evaluateAmount(line.quantity, scope);
          if (impossible(quantity)) {
            const formula = typeof line.quantity === 'number' ? '' : ` ("=${line.quantity.text}")`;
            problems.error([...path, 'cost', k, 'quantity'], `the quantity${formula} evaluates to ${quantity} ${at}; it must be a finite number ≥ 0`);
          }
        });
      });
    }
  });
}
