/**
 * The dimension of a formula, inferred from its syntax tree: variables carry units (src/model/variables.ts,
 * and an assumption's `unit:`), a constant carries none. + and − need equal dimensions, × and ÷ combine them,
 * min/max/ceil/floor/round/abs keep them, sqrt halves them, log/exp need a plain number.
 *
 * A constant written in the formula (`300e6`, `20`) is a plain number, but beside a + or − or in a min/max it
 * takes its partner's dimension: `max(0, monthly_requests - 300e6)` is requests. An assumption without a unit is
 * a plain number everywhere, so `base_gb + users * storage_gb_per_user` asks for `unit: gb` on base_gb.
 */
import {
  DIMENSIONLESS,
  describeDimension,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  powerDimension,
  sameDimension,
  type Dimension,
} from '../model/units.js';
import { parseFormula, type FormulaNode } from './formula.js';

/** A formula whose parts do not fit together (hours + GB): the message says which parts. */
export class UnitError extends Error {
  override name = 'UnitError';
}

/** An inferred dimension; `literal` when it is made of constants only (it then fits any dimension in a sum). */
interface Inferred {
  dimension: Dimension;
  literal: boolean;
}

const plain = (literal: boolean): Inferred => ({ dimension: DIMENSIONLESS, literal });

/** Two operands of + − min max: equal dimensions, or one of them all constants. */
function unify(a: Inferred, b: Inferred, what: string, describeName: (n: FormulaNode) => string, nodes: [FormulaNode, FormulaNode]): Inferred {
  if (a.literal) return b;
  if (b.literal) return a;
  if (sameDimension(a.dimension, b.dimension)) return a;
  throw new UnitError(
    `${what} ${describeName(nodes[0])} (${describeDimension(a.dimension)}) and ${describeName(nodes[1])} (${describeDimension(b.dimension)}): they must be in the same unit`,
  );
}

/** The constant value of a tree of constants (for an exponent), or undefined. */
function constantValue(node: FormulaNode): number | undefined {
  if (node.type === 'ConstantNode' && typeof node.value === 'number') return node.value;
  if (node.type === 'ParenthesisNode' && node.content) return constantValue(node.content);
  if (node.type === 'OperatorNode' && node.fn === 'unaryMinus' && node.args?.[0]) {
    const inner = constantValue(node.args[0]);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/**
 * The dimension of the formula `text` (without "="), its variables' dimensions given by `unitOf`.
 * @throws UnitError naming the parts that do not fit
 * @example formulaDimension('instance_hours', unitOf) // { time: 1 }
 */
export function formulaDimension(text: string, unitOf: (name: string) => Dimension): Dimension {
  const describeName = (node: FormulaNode): string => {
    if (node.type === 'SymbolNode') return `"${node.name}"`;
    if (node.type === 'ParenthesisNode' && node.content) return describeName(node.content);
    return `"${node.toString()}"`;
  };
  const infer = (node: FormulaNode): Inferred => {
    switch (node.type) {
      case 'ConstantNode':
        return plain(true);
      case 'SymbolNode':
        return { dimension: unitOf(node.name ?? ''), literal: false };
      case 'ParenthesisNode':
        return infer(node.content!);
      case 'OperatorNode':
        return operator(node);
      case 'FunctionNode':
        return call(node);
      default:
        return plain(false); // the compiler has refused every other node
    }
  };
  const operator = (node: FormulaNode): Inferred => {
    const args = node.args ?? [];
    const [a, b] = args.map(infer);
    if (!a) return plain(false);
    if (!b) return a; // unary minus or plus
    switch (node.fn) {
      case 'add':
        return unify(a, b, 'adds', describeName, [args[0]!, args[1]!]);
      case 'subtract':
        return unify(a, b, 'subtracts', describeName, [args[0]!, args[1]!]);
      case 'multiply':
        return { dimension: multiplyDimensions(a.dimension, b.dimension), literal: a.literal && b.literal };
      case 'divide':
        return { dimension: divideDimensions(a.dimension, b.dimension), literal: a.literal && b.literal };
      default: {
        // pow: a plain base, or a unit raised to a constant whole power.
        if (!isDimensionless(b.dimension)) throw new UnitError(`raises to the power ${describeName(args[1]!)}, which has a unit (${describeDimension(b.dimension)}); an exponent must be a plain number`);
        if (isDimensionless(a.dimension)) return a;
        const exponent = constantValue(args[1]!);
        const power = exponent === undefined ? undefined : powerDimension(a.dimension, exponent);
        if (!power) throw new UnitError(`raises ${describeName(args[0]!)} (${describeDimension(a.dimension)}) to a power that is not a constant whole number`);
        return { dimension: power, literal: false };
      }
    }
  };
  const call = (node: FormulaNode): Inferred => {
    const name = (node.fn as FormulaNode | undefined)?.name ?? '';
    const nodes = node.args ?? [];
    const args = nodes.map(infer);
    switch (name) {
      case 'min':
      case 'max':
        return args.reduce((acc, arg, i) => unify(acc, arg, `${name}() compares`, describeName, [nodes[i - 1]!, nodes[i]!]));
      case 'sqrt': {
        const root = powerDimension(args[0]!.dimension, 0.5);
        if (!root) throw new UnitError(`takes sqrt() of ${describeDimension(args[0]!.dimension)}, which has no square root in whole units`);
        return { dimension: root, literal: args[0]!.literal };
      }
      case 'log':
      case 'exp':
        for (const [i, arg] of args.entries()) {
          if (!isDimensionless(arg.dimension)) throw new UnitError(`takes ${name}() of ${describeName(nodes[i]!)} (${describeDimension(arg.dimension)}); ${name}() needs a plain number`);
        }
        return plain(args.every((arg) => arg.literal));
      default:
        // ceil, floor, round(x[, decimals]), abs keep their first argument's unit.
        return args[0] ?? plain(false);
    }
  };
  return infer(parseFormula(text)).dimension;
}
