/**
 * What-ifs without editing YAML: `--set NAME=VALUE` replaces one catalog quantity for one run. NAME is a workload
 * assumption's name (`cache_hit_ratio`), or the YAML path of any other sourced quantity (`revenue.free_share`,
 * `discounts.spot.max_share`, `phases[3].components[1].availability`). The replacement carries
 * `source: override`, keeps the quantity's range (what `solve` brackets first), and wins over a phase's own value.
 *
 * Overrides apply to the engine's Catalog after it is loaded — the bundled catalog is pre-checked and never
 * re-parsed — as a pure copy-on-write, cheap enough for `solve` to call at every step of its search.
 */
import type { Catalog, Phase, Quantity } from './catalog-types.js';
import { ASSUMPTION_DOMAINS, DOMAINS, inDomain, PATH_DOMAINS, type Domain } from './domains.js';
import { InputError } from './input-error.js';
import { didYouMean } from './levenshtein.js';

export interface Override {
  name: string;
  value: number;
}

/** A quantity a run may override, found by its name. */
export interface Settable {
  name: string;
  /** `assumption`: a workload assumption, by name; `path`: any other sourced quantity, by its YAML path. */
  kind: 'assumption' | 'path';
  /** The quantity as the catalog (or the phase, for a phase's own assumption) has it. */
  quantity: Quantity;
  domain: Domain;
  /** Path only: the engine's keys and indexes leading to the quantity. */
  keys: ReadonlyArray<string | number>;
}

/** "freeShare" → "free_share": the YAML name of an engine field (src/catalog keeps the catalog's own copy). */
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The YAML path of engine keys: ["revenue", "freeShare"] → "revenue.free_share", indexes as "[2]". */
export function yamlPath(keys: ReadonlyArray<string | number>): string {
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${snake(key)}`)).join('');
}

const QUANTITY_KEYS = new Set(['value', 'source', 'note', 'range', 'unit', 'distribution']);

/** A Quantity as the schema makes it: a number with its provenance and nothing else (a claim or KPI has more). */
function isQuantity(node: unknown): node is Quantity {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const object = node as Record<string, unknown>;
  return typeof object.value === 'number' && typeof object.source === 'string' && Object.keys(object).every((key) => QUANTITY_KEYS.has(key));
}

/**
 * Keys never walked for paths: assumptions are set by name; settings are free-form text the engine never reads;
 * `overriddenPaths` holds keys, not quantities.
 */
const SKIPPED = new Set(['assumptions', 'settings', 'overriddenPaths']);

/** Every sourced quantity outside the named assumptions, with its engine keys. */
function pathQuantities(catalog: Catalog, keep: (quantity: Quantity) => boolean = () => true): Array<{ keys: Array<string | number>; quantity: Quantity }> {
  const found: Array<{ keys: Array<string | number>; quantity: Quantity }> = [];
  // One path, pushed and popped, copied only for a quantity kept: a copy per node was most of the walk's time.
  const keys: Array<string | number> = [];
  const visit = (node: unknown): void => {
    if (isQuantity(node)) {
      if (keep(node)) found.push({ keys: [...keys], quantity: node });
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        keys.push(i);
        visit(node[i]);
        keys.pop();
      }
    } else if (node !== null && typeof node === 'object' && typeof (node as { evaluate?: unknown }).evaluate !== 'function') {
      for (const key in node) {
        if (!Object.hasOwn(node, key) || SKIPPED.has(key)) continue;
        keys.push(key);
        visit((node as Record<string, unknown>)[key]);
        keys.pop();
      }
    }
  };
  visit(catalog);
  return found;
}

/** The domain of a path: its entry in PATH_DOMAINS with indexes left out, else any finite number. */
function pathDomain(keys: ReadonlyArray<string | number>): Domain {
  const pattern = yamlPath(keys).replace(/\[\d+\]/g, '[]');
  return DOMAINS[PATH_DOMAINS[pattern] ?? 'number'];
}

function assumptionDomain(name: string): Domain {
  return DOMAINS[Object.hasOwn(ASSUMPTION_DOMAINS, name) ? ASSUMPTION_DOMAINS[name as keyof typeof ASSUMPTION_DOMAINS] : 'number'];
}

/** The sourced quantities outside the named assumptions that `keep` keeps, as Settables (what `--samples` draws). */
export function pathSettables(catalog: Catalog, keep: (quantity: Quantity) => boolean): Settable[] {
  return pathQuantities(catalog, keep).map(({ keys, quantity }) => ({ name: yamlPath(keys), kind: 'path', quantity, domain: pathDomain(keys), keys }));
}

/** A named assumption as a Settable: the quantity given (the one in force for a phase), the assumption's domain. */
export const assumptionSettable = (name: string, quantity: Quantity): Settable => ({ name, kind: 'assumption', quantity, domain: assumptionDomain(name), keys: [] });

/** Every name a run may set: the assumptions (catalog-wide and per phase), then the paths, each once. */
export function settableNames(catalog: Catalog): string[] {
  const names = new Set([...Object.keys(catalog.workload.assumptions), ...catalog.phases.flatMap((p) => Object.keys(p.assumptions))]);
  for (const { keys } of pathQuantities(catalog)) names.add(yamlPath(keys));
  return [...names];
}

/**
 * Finds what NAME sets. `flag` names the option in messages (`--set`, `--vary`).
 * @throws InputError naming `flag NAME` and the closest names when the catalog has no such quantity (exit 2)
 */
export function findSettable(catalog: Catalog, name: string, flag = '--set'): Settable {
  const shared = catalog.workload.assumptions[name];
  const own = catalog.phases.find((p) => Object.hasOwn(p.assumptions, name))?.assumptions[name];
  if (Object.hasOwn(catalog.workload.assumptions, name) || own !== undefined) {
    return { name, kind: 'assumption', quantity: (Object.hasOwn(catalog.workload.assumptions, name) ? shared : own)!, domain: assumptionDomain(name), keys: [] };
  }
  for (const { keys, quantity } of pathQuantities(catalog)) {
    if (yamlPath(keys) === name) return { name, kind: 'path', quantity, domain: pathDomain(keys), keys };
  }
  throw new InputError(
    `${flag} ${name}: the catalog has no assumption or sourced quantity of that name${didYouMean(name, settableNames(catalog))} ` +
      '(names: the workload assumptions, or a YAML path such as revenue.free_share)',
  );
}

/**
 * @throws InputError naming `flag NAME` when the value is outside the quantity's domain (exit 2)
 */
export function checkOverrideValue(settable: Settable, value: number, flag = '--set'): void {
  if (!inDomain(settable.domain, value)) throw new InputError(`${flag} ${settable.name}=${value}: ${settable.name} must be ${settable.domain.text}`);
}

const overridden = (quantity: Quantity, value: number, drawn?: string): Quantity => {
  const note = drawn ?? `set with --set for this run; the catalog has ${quantity.value} (${quantity.source})`;
  // A value set for the run is fixed: its distribution goes, so --samples and sensitivity do not draw it.
  const { distribution: _drawn, ...fixed } = quantity;
  return { ...fixed, value, source: 'override', note: quantity.source === 'override' ? (quantity.note ?? note) : note };
};

/** A copy of `node` with the quantity at `keys` replaced; only the objects along the path are copied. */
function setAt(node: unknown, keys: ReadonlyArray<string | number>, value: number): unknown {
  if (keys.length === 0) return overridden(node as Quantity, value);
  const [key, ...rest] = keys;
  if (Array.isArray(node)) return node.map((child, i) => (i === key ? setAt(child, rest, value) : child));
  const object = node as Record<string, unknown>;
  return { ...object, [key!]: setAt(object[key!], rest, value) };
}

/** The assumptions with each name in `values` overridden where present (null when none is: nothing to copy). */
function overriddenAssumptions(assumptions: Readonly<Record<string, Quantity>>, values: ReadonlyMap<string, number>, drawn?: string): Record<string, Quantity> | null {
  let copy: Record<string, Quantity> | null = null;
  for (const [name, value] of values) {
    const quantity = assumptions[name];
    if (quantity === undefined) continue;
    copy ??= { ...assumptions };
    copy[name] = overridden(quantity, value, drawn);
  }
  return copy;
}

/**
 * The catalog with several assumptions set at once, copied once: what setting them one by one with
 * `withSettable` gives (each name is set in the catalog's workload and in every phase that has its own).
 * `drawn` replaces the `--set` note for values a Monte Carlo sample draws (./uncertainty-inputs.ts): it is written
 * thousands of times a run and read by no one, so it is not formatted from the catalog's value.
 */
export function withAssumptions(catalog: Catalog, values: ReadonlyMap<string, number>, drawn?: string): Catalog {
  const shared = overriddenAssumptions(catalog.workload.assumptions, values, drawn);
  const workload = shared === null ? catalog.workload : { ...catalog.workload, assumptions: shared };
  // The override wins over a phase's own value: the phase keeps its own entry, overridden too.
  const phases = catalog.phases.map((phase): Phase => {
    const own = overriddenAssumptions(phase.assumptions, values, drawn);
    return own === null ? phase : { ...phase, assumptions: own };
  });
  return { ...catalog, workload, phases };
}

const withAssumption = (catalog: Catalog, name: string, value: number): Catalog => withAssumptions(catalog, new Map([[name, value]]));

/**
 * The catalog with one resolved quantity set to `value` (no checks: `solve` calls this at every step). A path set
 * is added to the catalog's `overriddenPaths`, so what a run set is listed without walking the whole catalog.
 */
export function withSettable(catalog: Catalog, settable: Settable, value: number): Catalog {
  if (settable.kind === 'assumption') return withAssumption(catalog, settable.name, value);
  const paths = catalog.overriddenPaths ?? [];
  const overriddenPaths = paths.some((keys) => yamlPath(keys) === settable.name) ? paths : [...paths, settable.keys];
  return Object.assign(setAt(catalog, settable.keys, value) as Catalog, { overriddenPaths });
}

/** What stands at `keys` (object keys and list indexes) in `data`; undefined where the path leaves the data. `setAt` writes. */
export function valueAt(data: unknown, keys: ReadonlyArray<string | number>): unknown {
  let node = data;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * The catalog with every override applied, in order; the catalog given is not changed.
 * @throws InputError naming `--set NAME` for an unknown name, a name given twice, or a value outside its domain (exit 2)
 * @example withOverrides(catalog, [{ name: 'cache_hit_ratio', value: 0.9 }]).workload.assumptions.cache_hit_ratio
 *   // { value: 0.9, source: 'override', note: 'set with --set for this run; the catalog has 0.8 (assumption)', range: [0.5, 0.95] }
 */
export function withOverrides(catalog: Catalog, overrides: readonly Override[]): Catalog {
  const seen = new Set<string>();
  let result = catalog;
  for (const { name, value } of overrides) {
    if (seen.has(name)) throw new InputError(`--set ${name} is given twice; give each name once`);
    seen.add(name);
    const settable = findSettable(catalog, name);
    checkOverrideValue(settable, value);
    result = withSettable(result, settable, value);
  }
  return result;
}

/** The quantities a catalog has overridden, by name, each once: assumptions first, then paths in the order they were set. */
export function overriddenQuantities(catalog: Catalog): Array<{ name: string; kind: Settable['kind']; quantity: Quantity }> {
  const found = new Map<string, { name: string; kind: Settable['kind']; quantity: Quantity }>();
  const add = (name: string, kind: Settable['kind'], quantity: Quantity) => {
    if (quantity.source === 'override' && !found.has(name)) found.set(name, { name, kind, quantity });
  };
  for (const [name, quantity] of Object.entries(catalog.workload.assumptions)) add(name, 'assumption', quantity);
  for (const phase of catalog.phases) for (const [name, quantity] of Object.entries(phase.assumptions)) add(name, 'assumption', quantity);
  for (const keys of catalog.overriddenPaths ?? []) add(yamlPath(keys), 'path', valueAt(catalog, keys) as Quantity);
  return [...found.values()];
}

/** What compare, sweep and solve report of the overrides a run applied. */
export const overridesIn = (catalog: Catalog): Override[] => overriddenQuantities(catalog).map(({ name, quantity }) => ({ name, value: quantity.value }));
