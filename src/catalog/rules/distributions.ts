/**
 * Rules over distributions (`distribution:` beside a quantity's value, src/model/uncertainty-distribution.ts):
 * the defaults they need exist, their bounds are in order, every value they can draw is one the quantity may
 * take, and `value` — what runs without --samples use — agrees with them.
 */
import type { Catalog, Quantity } from '../../model/catalog-types.js';
import { inDomain, type Domain } from '../../model/domains.js';
import { assumptionSettable, pathSettables } from '../../model/overrides.js';
import { resolveDistribution, supportOf } from '../../model/uncertainty-distribution.js';
import { snakeCase } from '../camel.js';
import type { ProblemList } from '../problems.js';
import type { Path } from './shared.js';

interface Located {
  at: Path;
  quantity: Quantity;
  domain: Domain;
}

function located(catalog: Catalog): Located[] {
  const found: Located[] = [];
  const addAssumptions = (assumptions: Readonly<Record<string, Quantity>>, path: Path) => {
    for (const [name, quantity] of Object.entries(assumptions)) {
      if (quantity.distribution !== undefined) found.push({ at: [...path, name], quantity, domain: assumptionSettable(name, quantity).domain });
    }
  };
  addAssumptions(catalog.workload.assumptions, ['workload']);
  catalog.phases.forEach((phase, i) => addAssumptions(phase.assumptions, ['phases', i, 'assumptions']));
  for (const settable of pathSettables(catalog, (q) => q.distribution !== undefined)) {
    found.push({ at: settable.keys.map((key) => (typeof key === 'number' ? key : snakeCase(key))), quantity: settable.quantity, domain: settable.domain });
  }
  return found;
}

function checkOne({ at, quantity, domain }: Located, problems: ProblemList): void {
  const path = [...at, 'distribution'];
  const resolved = resolveDistribution(quantity)!;
  if (typeof resolved === 'string') {
    problems.error(path, resolved);
    return;
  }
  if (resolved.kind !== 'lognormal' && resolved.min > resolved.max) {
    problems.error(path, `min ${resolved.min} is greater than max ${resolved.max}; swap them`);
    return;
  }
  if (resolved.kind === 'triangular' && (resolved.mode < resolved.min || resolved.mode > resolved.max)) {
    problems.error(path, `the mode ${resolved.mode} lies outside [${resolved.min}, ${resolved.max}]`);
    return;
  }
  const [lo, hi] = supportOf(resolved);
  if (domain.integer && lo !== hi) {
    problems.error(path, `this quantity must be ${domain.text}, and a distribution draws fractions; fix it with --set, or give it no distribution`);
    return;
  }
  if (!inDomain(domain, lo === 0 && resolved.kind === 'lognormal' ? Number.MIN_VALUE : lo) || !(hi === Infinity ? domain.max === Infinity : inDomain(domain, hi))) {
    const reach = hi === Infinity ? 'a lognormal is unbounded above' : `it draws values from ${lo} to ${hi}`;
    problems.error(path, `${reach}, but this quantity must be ${domain.text}; narrow the distribution${hi === Infinity ? ' or use triangular or uniform' : ''}`);
    return;
  }
  if (quantity.value < lo || quantity.value > hi) {
    problems.warning([...at, 'value'], `value ${quantity.value} lies outside what its distribution draws [${lo}, ${hi}]; runs without --samples use the value`);
  }
  const spec = quantity.distribution!;
  const centre = spec.kind === 'triangular' ? spec.mode : spec.kind === 'lognormal' ? spec.p50 : undefined;
  if (centre !== undefined && centre !== quantity.value) {
    const what = spec.kind === 'triangular' ? 'mode' : 'p50';
    problems.warning(path, `the ${what} ${centre} differs from value ${quantity.value}, which runs without --samples use; leave ${what} out to take the value`);
  }
}

export function checkDistributions(catalog: Catalog, problems: ProblemList): void {
  for (const entry of located(catalog)) checkOne(entry, problems);
}
