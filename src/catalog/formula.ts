/**
 * Catalog formulas ("=ceil(concurrent_users / 250)"): parsed with mathjs's parser, checked against a
 * whitelist, and compiled once into plain JavaScript closures. Nothing is ever evaluated by mathjs:
 * its `evaluate`/`compile` would resolve any function name in its namespace (`import`, `createUnit`,
 * `evaluate`…); here only the nodes and functions below can reach the compiled code.
 *
 * The parser comes from the number-only build with just `parse`'s dependencies, created on first use,
 * so the bundled CLI does not pay for the rest of mathjs at start-up.
 */
import { create, parseDependencies } from 'mathjs/number';
import type { Formula, FormulaScope } from '../model/catalog-types.js';
import { didYouMean } from '../pricing/levenshtein.js';
import { InputError } from '../model/input-error.js';

/** Functions a formula may call, with their arity [min, max]. */
export const FORMULA_FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  min: [1, Infinity],
  max: [1, Infinity],
  ceil: [1, 1],
  floor: [1, 1],
  round: [1, 2],
  sqrt: [1, 1],
  log: [1, 2],
  exp: [1, 1],
  abs: [1, 1],
};

/** mathjs operator functions a formula may use, and the symbol a formula writes for each. */
const OPERATORS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  unaryMinus: '-',
  unaryPlus: '+',
};

/** Longest formula accepted, in characters; a formula is one line of arithmetic. */
export const MAX_FORMULA_LENGTH = 500;
/** Deepest parenthesis nesting accepted (the parser recurses per level). */
export const MAX_FORMULA_DEPTH = 32;

type Evaluator = (scope: FormulaScope) => number;

export type CompileResult = { ok: true; formula: Formula } | { ok: false; message: string };

/**
 * The fields of a parsed formula's node that `build` reads: a mathjs node, or the plain copy of one that
 * an earlier run stored (`formulaTree`).
 */
interface Node {
  type: string;
  name?: string;
  value?: unknown;
  op?: string;
  fn?: unknown;
  implicit?: boolean;
  args?: Node[];
  content?: Node;
}

/** A mathjs node as this module and ./formula-units.ts see it. */
export interface FormulaNode extends Node {
  args?: FormulaNode[];
  content?: FormulaNode;
  /** The node as formula text. */
  toString(): string;
}

/** A parsed formula as plain JSON data, what a cache of checked catalogs stores. */
export type FormulaTree = Node;

/**
 * Trees of formulas a trusted earlier run parsed (the build's check of the bundled catalog, a verified
 * cache entry), by text. Parsing is a pure function of the text, so a remembered tree stands in for the
 * parser's when compiling, and a run that only compiles remembered formulas never loads mathjs (~20 ms).
 */
const rememberedTrees = new Map<string, Node>();

/** Remembers parsed trees made by `formulaTree` in an earlier run. */
export function rememberFormulaTrees(trees: Readonly<Record<string, FormulaTree>>): void {
  for (const [text, tree] of Object.entries(trees)) rememberedTrees.set(text, tree);
}

let parser: ((text: string) => FormulaNode) | undefined;
/** The mathjs syntax tree of a formula (text without "="); throws the parser's error for bad syntax. */
export function parseFormula(text: string): FormulaNode {
  if (!parser) {
    if (!parseDependencies) throw new Error('mathjs/number exports no parseDependencies');
    const math = create({ parseDependencies });
    parser = (source) => math.parse(source) as FormulaNode;
  }
  return parser(text);
}

/** The tree `build` compiles: a remembered one, else the parser's. */
const treeOf = (text: string): Node => rememberedTrees.get(text) ?? parseFormula(text);

/** A formula that evaluated to NaN or ±Infinity; carries the formula so the validator can point at its line. */
export class FormulaValueError extends InputError {
  override name = 'FormulaValueError';
  constructor(
    readonly formula: Formula,
    readonly value: number,
  ) {
    super(
      `the catalog formula "=${formula.text}" evaluates to ${value}; check it for a division by zero, a log or sqrt of a negative number, or a huge power`,
    );
  }
}

function plainTree(node: Node): FormulaTree {
  const tree: FormulaTree = { type: node.type };
  if (typeof node.name === 'string') tree.name = node.name;
  if (node.value !== undefined) tree.value = node.value;
  if (typeof node.op === 'string') tree.op = node.op;
  if (typeof node.fn === 'string') tree.fn = node.fn;
  else if (node.fn && typeof node.fn === 'object') tree.fn = plainTree(node.fn as Node);
  if (node.implicit !== undefined) tree.implicit = node.implicit;
  if (node.args) tree.args = node.args.map(plainTree);
  if (node.content) tree.content = plainTree(node.content);
  return tree;
}

/**
 * The parsed tree of a formula that compiles, as data a cache can store (see `rememberFormulaTrees`);
 * undefined when it does not parse.
 */
export function formulaTree(text: string): FormulaTree | undefined {
  try {
    return plainTree(parseFormula(text));
  } catch {
    return undefined;
  }
}

class FormulaError extends Error {}

const list = (names: Iterable<string>) => [...names].join(', ');

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return deepest;
}

/**
 * Parses, checks and compiles one formula.
 * @param text the formula without its leading "=", e.g. "ceil(concurrent_users / 250)"
 * @param known variable names the formula may read (FORMULA_VARIABLES and assumption names); when absent any
 *   name is accepted and listed in `variables`, for a caller that checks the names itself (the schema does,
 *   before it knows the phase's assumptions)
 * @returns the compiled formula, or a message saying what is wrong and what to do
 * @example compileFormula('users * 0.05', new Set(['users'])) // { ok: true, formula } ; formula.evaluate({ users: 100 }) === 5
 */
export function compileFormula(text: string, known?: ReadonlySet<string>): CompileResult {
  if (text.trim() === '') return { ok: false, message: 'the formula is empty: write an expression after "=", e.g. "=users * 0.05"' };
  if (text.length > MAX_FORMULA_LENGTH) {
    return { ok: false, message: `the formula is ${text.length} characters long; at most ${MAX_FORMULA_LENGTH} are allowed` };
  }
  if (nestingDepth(text) > MAX_FORMULA_DEPTH) {
    return { ok: false, message: `the formula nests brackets more than ${MAX_FORMULA_DEPTH} deep; simplify it` };
  }
  let root: Node;
  try {
    root = treeOf(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the formula does not parse: ${reason}` };
  }
  const variables = new Set<string>();
  let evaluate: Evaluator;
  try {
    evaluate = build(root, known, variables);
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, message: error.message };
    throw error;
  }
  const formula: Formula = {
    text,
    variables: [...variables],
    evaluate(scope: FormulaScope): number {
      const value = evaluate(scope);
      if (!Number.isFinite(value)) throw new FormulaValueError(formula, value);
      return value;
    },
  };
  return { ok: true, formula };
}

/**
 * Why `name` cannot be read by a formula that may read `known`, or undefined when it can.
 * @example unknownVariable('instance_hourz', known) // 'unknown variable "instance_hourz" — did you mean "instance_hours"?'
 */
export function unknownVariable(name: string, known: ReadonlySet<string>): string | undefined {
  if (known.has(name)) return undefined;
  if (Object.hasOwn(FORMULA_FUNCTIONS, name)) return `"${name}" is a function: call it, e.g. ${name}(x)`;
  const hint = didYouMean(name, known);
  return hint ? `unknown variable "${name}"${hint}` : `unknown variable "${name}"; a formula may read: ${list(known)} — or define "${name}" under workload:`;
}

/**
 * A formula already checked when its catalog was validated (a pre-checked or cached catalog): compiled on first
 * use, so a command that never evaluates one never starts the parser.
 */
export function lazyFormula(text: string): Formula {
  let compiled: Formula | undefined;
  const get = (): Formula => {
    if (!compiled) {
      const result = compileFormula(text);
      if (!result.ok) throw new Error(`checked catalog formula "=${text}" no longer compiles: ${result.message}`);
      compiled = result.formula;
    }
    return compiled;
  };
  return {
    text,
    get variables() {
      return get().variables;
    },
    evaluate: (scope) => get().evaluate(scope),
  };
}

function build(node: Node, known: ReadonlySet<string> | undefined, variables: Set<string>): Evaluator {
  switch (node.type) {
    case 'ConstantNode': {
      const value = node.value;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new FormulaError(`only finite numbers may appear as constants; found ${JSON.stringify(value) ?? String(value)}`);
      }
      return () => value;
    }
    case 'SymbolNode': {
      const name = node.name ?? '';
      if (Object.hasOwn(FORMULA_FUNCTIONS, name)) throw new FormulaError(`"${name}" is a function: call it, e.g. ${name}(x)`);
      const unknown = known && unknownVariable(name, known);
      if (unknown) throw new FormulaError(unknown);
      variables.add(name);
      return (scope) => {
        // Read through the prototype chain: a component's scope inherits the plan's workload variables
        // (componentScope in src/model/plan.ts). Anything Object.prototype holds is not a number, so it cannot pass.
        const value: unknown = scope[name];
        if (typeof value !== 'number') {
          // The validator checked the name, so a missing binding is the engine's fault, not the catalog's.
          throw new Error(`formula variable "${name}" has no value in the evaluation scope`);
        }
        return value;
      };
    }
    case 'ParenthesisNode':
      return build(node.content as Node, known, variables);
    case 'OperatorNode':
      return buildOperator(node, known, variables);
    case 'FunctionNode':
      return buildFunction(node, known, variables);
    default:
      throw new FormulaError(`${describe(node.type)} is not allowed in a formula; use numbers, variables, + - * / ^, parentheses and ${list(Object.keys(FORMULA_FUNCTIONS))}()`);
  }
}

function describe(type: string): string {
  const names: Record<string, string> = {
    AssignmentNode: 'assignment ("x = …")',
    FunctionAssignmentNode: 'defining a function ("f(x) = …")',
    AccessorNode: 'property or index access ("a.b", "a[1]")',
    IndexNode: 'indexing',
    ObjectNode: 'an object literal ("{…}")',
    ArrayNode: 'a matrix or array ("[…]")',
    BlockNode: 'more than one expression (";" or a line break)',
    ConditionalNode: 'a conditional ("a ? b : c")',
    RangeNode: 'a range ("a:b")',
  };
  return names[type] ?? `a ${type}`;
}

function buildOperator(node: Node, known: ReadonlySet<string> | undefined, variables: Set<string>): Evaluator {
  const fn = typeof node.fn === 'string' ? node.fn : '';
  const symbol = OPERATORS[fn];
  if (symbol === undefined || node.op !== symbol) {
    throw new FormulaError(`the operator "${node.op}" is not allowed; use + - * / ^`);
  }
  if (node.implicit) throw new FormulaError('write multiplication explicitly with "*" (e.g. "2 * users", not "2 users")');
  const args = (node.args ?? []).map((arg) => build(arg, known, variables));
  const [a, b] = args;
  if (!a) throw new FormulaError(`the operator "${node.op}" has no operand`);
  if (fn === 'unaryMinus') return (s) => -a(s);
  if (fn === 'unaryPlus') return a;
  if (!b || args.length !== 2) throw new FormulaError(`the operator "${node.op}" needs two operands`);
  switch (fn) {
    case 'add':
      return (s) => a(s) + b(s);
    case 'subtract':
      return (s) => a(s) - b(s);
    case 'multiply':
      return (s) => a(s) * b(s);
    case 'divide':
      return (s) => a(s) / b(s);
    default:
      return (s) => a(s) ** b(s);
  }
}

/** Rounds half away from zero, as mathjs's `round` does: round(-2.5) = -3. */
function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new InputError(`round(x, n) needs a whole number of decimals n from 0 to 15; got ${decimals}`);
  }
  const factor = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * factor)) / factor;
}

function buildFunction(node: Node, known: ReadonlySet<string> | undefined, variables: Set<string>): Evaluator {
  const callee = node.fn as Node | undefined;
  if (!callee || callee.type !== 'SymbolNode' || typeof callee.name !== 'string') {
    throw new FormulaError('only the named functions ' + list(Object.keys(FORMULA_FUNCTIONS)) + ' may be called');
  }
  const name = callee.name;
  const arity = Object.hasOwn(FORMULA_FUNCTIONS, name) ? FORMULA_FUNCTIONS[name] : undefined;
  if (!arity) {
    throw new FormulaError(`the function "${name}" is not allowed; a formula may call ${list(Object.keys(FORMULA_FUNCTIONS))}`);
  }
  const args = (node.args ?? []).map((arg) => build(arg, known, variables));
  const [lo, hi] = arity;
  if (args.length < lo || args.length > hi) {
    const expected = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo} or ${hi}`;
    throw new FormulaError(`${name}() takes ${expected} argument${lo === 1 && hi === 1 ? '' : 's'}; got ${args.length}`);
  }
  const [a, b] = args as [Evaluator, Evaluator | undefined];
  switch (name) {
    case 'min':
      return (s) => Math.min(...args.map((arg) => arg(s)));
    case 'max':
      return (s) => Math.max(...args.map((arg) => arg(s)));
    case 'ceil':
      return (s) => Math.ceil(a(s));
    case 'floor':
      return (s) => Math.floor(a(s));
    case 'round':
      return b ? (s) => roundHalfAway(a(s), b(s)) : (s) => roundHalfAway(a(s), 0);
    case 'sqrt':
      return (s) => Math.sqrt(a(s));
    case 'log':
      return b ? (s) => Math.log(a(s)) / Math.log(b(s)) : (s) => Math.log(a(s));
    case 'exp':
      return (s) => Math.exp(a(s));
    default:
      return (s) => Math.abs(a(s));
  }
}
