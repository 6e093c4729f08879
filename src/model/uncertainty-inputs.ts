/**
 * The uncertain inputs of a run: every quantity in force for the evaluated phase that carries a distribution.
 * A value set with `--set` carries none (./overrides.ts drops it): a what-if is fixed, not a guess.
 */
import type { Catalog, Phase, Quantity } from './catalog-types.js';
import { assumptionSettable, pathSettables, withAssumptions, withSettable, type Settable } from './overrides.js';
import { distributionOf, quantileOf, type Distribution } from './uncertainty-distribution.js';

export interface UncertainInput {
  /** As `--set` names it: an assumption's name or a YAML path. */
  name: string;
  settable: Settable;
  distribution: Distribution;
}

const uncertain = (quantity: Quantity): boolean => quantity.distribution !== undefined;

/**
 * Assumptions first (the phase's own value wins over the catalog-wide one, as in every run), then other paths
 * in catalog order; quantities under another phase are left out (they cannot move this phase's figures).
 */
export function uncertainInputs(catalog: Catalog, phase: Phase): UncertainInput[] {
  const inputs: UncertainInput[] = [];
  const names = new Set([...Object.keys(catalog.workload.assumptions), ...Object.keys(phase.assumptions)]);
  for (const name of names) {
    const quantity = Object.hasOwn(phase.assumptions, name) ? phase.assumptions[name]! : catalog.workload.assumptions[name]!;
    if (uncertain(quantity)) inputs.push({ name, settable: assumptionSettable(name, quantity), distribution: distributionOf(quantity)! });
  }
  const index = catalog.phases.indexOf(phase);
  for (const settable of pathSettables(catalog, uncertain)) {
    if (settable.keys[0] === 'phases' && settable.keys[1] !== index) continue;
    inputs.push({ name: settable.name, settable, distribution: distributionOf(settable.quantity)! });
  }
  return inputs;
}

/**
 * The uncertain inputs of a run over every phase (`breakeven`, `forecast`): each phase's, once each by name, in phase order.
 * A drawn assumption holds in every phase, as `--set` does.
 */
export function catalogUncertainInputs(catalog: Catalog): UncertainInput[] {
  const byName = new Map<string, UncertainInput>();
  for (const phase of catalog.phases) for (const input of uncertainInputs(catalog, phase)) if (!byName.has(input.name)) byName.set(input.name, input);
  return [...byName.values()];
}

const DRAWN = 'drawn from its distribution for one sample';

/**
 * The catalog with each input set to `values[i]` (copy-on-write: the catalog given is not changed). The
 * assumptions are set together, so a Monte Carlo sample copies the assumptions once rather than once per input.
 */
export function withInputValues(catalog: Catalog, inputs: readonly UncertainInput[], values: ArrayLike<number>): Catalog {
  const assumptions = new Map<string, number>();
  for (let i = 0; i < inputs.length; i++) if (inputs[i]!.settable.kind === 'assumption') assumptions.set(inputs[i]!.name, values[i]!);
  let result = assumptions.size > 0 ? withAssumptions(catalog, assumptions, DRAWN) : catalog;
  for (let i = 0; i < inputs.length; i++) if (inputs[i]!.settable.kind === 'path') result = withSettable(result, inputs[i]!.settable, values[i]!);
  return result;
}

/** Each input at its p-quantile. */
export const inputQuantiles = (inputs: readonly UncertainInput[], p: number): number[] => inputs.map((input) => quantileOf(input.distribution, p));
