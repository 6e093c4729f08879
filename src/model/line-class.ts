import type { Amount, Component } from './catalog-types.js';
import { VARIABLE_DRIVERS, type VariableDriver } from './variables.js';

/**
 * What a cost line grows with, read from the variables of its quantity's formula:
 * - `per-request`: it reads the request volume or rate (monthly_requests, requests_per_s, …), or the instances of
 *   a tier the engine sizes by load (an autoscaled component's instance_hours, node_hours, …);
 * - `per-user`: otherwise, it reads the users in the month (storage per user, transfer per user, the design peak);
 * - `fixed`: otherwise — constants, hours_per_month, assumptions, the instances of a fixed count.
 * A formula that reads several takes the first of these that applies: `instances * max(20, users * gb)` on a fixed
 * count is per-user; `hours_per_month * max(1, avg_requests_per_s / 25)` is per-request.
 */
export type LineClass = 'fixed' | 'per-user' | 'per-request';

const RANK: Readonly<Record<LineClass, number>> = { fixed: 0, 'per-user': 1, 'per-request': 2 };

/** Assumptions and any name the engine does not bind are the run's constants. */
const driverOf = (name: string): VariableDriver => (Object.hasOwn(VARIABLE_DRIVERS, name) ? VARIABLE_DRIVERS[name as keyof typeof VARIABLE_DRIVERS] : 'constant');

function classOf(variables: readonly string[], countClass: () => LineClass): LineClass {
  let result: LineClass = 'fixed';
  for (const name of variables) {
    const driver = driverOf(name);
    const cls: LineClass = driver === 'load' ? 'per-request' : driver === 'users' ? 'per-user' : driver === 'count' ? countClass() : 'fixed';
    if (RANK[cls] > RANK[result]) result = cls;
  }
  return result;
}

/** The class of a component's instances: load-sized when autoscaled, else whatever its count formula reads. */
function countClass(component: Component): LineClass {
  const rule = component.count;
  if (rule.kind === 'autoscaled') return 'per-request';
  // A count cannot read its own instances (the validator binds none while evaluating it), so no recursion.
  return typeof rule.count === 'number' ? 'fixed' : classOf(rule.count.variables, () => 'fixed');
}

/**
 * The class of one cost line of a component.
 * @example lineClass(compiled('users * storage_gb_per_user'), db) // 'per-user'
 * @example lineClass(compiled('instance_hours'), autoscaledApi) // 'per-request'
 * @example lineClass(730, alb) // 'fixed'
 */
export function lineClass(quantity: Amount, component: Component): LineClass {
  if (typeof quantity === 'number') return 'fixed';
  // Every plan priced asks again for the same lines (a Monte Carlo, ten thousand times): the answer is kept per
  // formula and count rule, the two things it reads (a sampled catalog shares both with the catalog it came from).
  let byCount = memo.get(quantity);
  if (byCount === undefined) memo.set(quantity, (byCount = new WeakMap()));
  let cls = byCount.get(component.count);
  if (cls === undefined) byCount.set(component.count, (cls = classOf(quantity.variables, () => countClass(component))));
  return cls;
}

const memo = new WeakMap<Exclude<Amount, number>, WeakMap<Component['count'], LineClass>>();
