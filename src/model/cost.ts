import type { Amount, Component, FormulaScope, Phase } from './catalog-types.js';
import { lineClass, type LineClass } from './line-class.js';
import { fromMicros, toMicros } from './money.js';
import type { PriceUnit } from './units.js';
import { InputError } from './input-error.js';

/** One price as a book quotes it. */
export interface UnitPrice {
  key: string;
  usdPerUnit: number;
  unit: PriceUnit;
  verified: boolean;
  source: string;
  asOf?: string;
  /**
   * Units free each month before the price applies (an always-free allowance: CloudFront's first 1,024 GB out),
   * shared by every line of the bill priced under this key. Absent = none.
   */
  freeQuantity?: number;
  /** Where the allowance is published. */
  freeSource?: string;
}

/**
 * How a book prices a component: `itemised` prices the catalog's declared cost lines (quantities over the
 * sized plan); `component-quote` charges each component one quoted monthly figure (the seed book, under
 * `seed:<phase>:<component>`), whatever the plan runs.
 */
export type PricingBasis = 'itemised' | 'component-quote';

/** What the engine needs of a price book: a lookup that throws on an unknown key. */
export interface PriceLookup {
  readonly name: string;
  /** Absent means `itemised`. */
  readonly basis?: PricingBasis;
  price(key: string): UnitPrice;
}

/** A cost line as the engine declares it: a quantity of a priced unit consumed in one month. */
export interface DeclaredLine {
  component: string;
  description: string;
  priceKey: string;
  quantity: number;
  /** When the declaration names its unit, the price must be quoted in the same unit. */
  unit?: PriceUnit;
  /** What the line grows with, from its formula (see ./line-class.ts). */
  class: LineClass;
}

/**
 * One part of a line bought under a purchase strategy (./purchase.ts): the units committed (paid every hour, used or
 * not), those on spot and those on demand, each priced on its own so that the parts add up to the line.
 */
export interface LinePart {
  part: 'committed' | 'on-demand' | 'spot';
  /** The book's key(s), or how a rate is derived from the catalog's discount (`ec2:t3.medium × (1 − 0.42)`). */
  priceKey: string;
  /** Unit-hours in the month. */
  quantity: number;
  usdPerUnit: number;
  monthlyUsd: number;
  source: string;
}

export interface PricedLine extends DeclaredLine {
  unit: PriceUnit;
  usdPerUnit: number;
  /** Units of the quantity the book's free allowance covers (0 without one); only the rest is charged. */
  freeQuantity: number;
  /** (quantity − freeQuantity) × usdPerUnit, to the micro-dollar; rounded only when reported. */
  monthlyUsd: number;
  verified: boolean;
  source: string;
  asOf?: string;
  /** Under a purchase strategy, a committable line bought in parts (they add up to monthlyUsd); absent otherwise. */
  parts?: readonly LinePart[];
}

/** A declared unit differs from the unit the price book quotes: the quantity would be priced wrongly. */
export class PriceUnitMismatchError extends InputError {
  override name = 'PriceUnitMismatchError';
  constructor(component: string, priceKey: string, lineUnit: PriceUnit, priceUnit: PriceUnit) {
    super(
      `cost line of component "${component}" counts its quantity in ${lineUnit}, but price "${priceKey}" is per ${priceUnit}; ` +
        `convert the quantity to ${priceUnit} or use a price key quoted per ${lineUnit}`,
    );
  }
}

export const evaluateAmount = (amount: Amount, scope: FormulaScope): number =>
  typeof amount === 'number' ? amount : amount.evaluate(scope);

/** The key under which the seed book holds a component's quoted monthly figure. */
export const seedPriceKey = (phase: Phase, component: Component): string => `seed:${phase.id}:${component.id}`;

/** The lines a component costs under a detailed price book, quantities evaluated over the workload. */
export function declareComponentLines(component: Component, scope: FormulaScope): DeclaredLine[] {
  // One literal, field by field (`unit` undefined when the line names none): a spread here cost more than pricing the line.
  return component.cost.map((line) => ({
    component: component.id,
    description: line.description ?? line.priceKey,
    priceKey: line.priceKey,
    quantity: evaluateAmount(line.quantity, scope),
    unit: line.unit,
    class: lineClass(line.quantity, component),
  }));
}

/** Under the seed book a component costs its quoted figure: one month of one item. */
export function declareQuotedLine(phase: Phase, component: Component): DeclaredLine {
  return {
    component: component.id,
    description: component.quoted ? `quoted: ${component.quoted.label} (${component.quoted.provider})` : 'not in the document’s cost table',
    priceKey: seedPriceKey(phase, component),
    quantity: 1,
    // One month of a flat quote, whatever the load.
    class: 'fixed',
  };
}

/** What a line is charged: the book's quote, the units of its free allowance, and the charge in micro-dollars. */
export interface LineCharge {
  quote: UnitPrice;
  freeQuantity: number;
  micros: number;
}

/**
 * The one place a quantity meets a price (after infracost's CostComponent + PriceFetcher split): `priceLine` builds
 * the bill's line from it, a Monte Carlo sample (./price-plan.ts `costSummary`) only adds it up.
 * A free allowance covers the first units: charged = max(0, quantity − allowance) × usdPerUnit, to the micro-dollar.
 * @param freeUsed how much of the price's monthly allowance earlier lines of the same bill took (one allowance per
 *   key is shared by the whole bill); 0 by default
 * @throws the book's error for an unknown key (with the closest keys)
 * @throws PriceUnitMismatchError when the line declares a unit other than the price's
 * @throws InputError when the quantity is negative, NaN or infinite (a bad formula)
 */
export function chargeOf(line: Pick<DeclaredLine, 'component' | 'priceKey' | 'quantity' | 'unit'>, book: PriceLookup, freeUsed = 0): LineCharge {
  if (!Number.isFinite(line.quantity) || line.quantity < 0) {
    throw new InputError(
      `cost line of component "${line.component}" (${line.priceKey}) has quantity ${line.quantity}; ` +
        'a quantity must be a finite number ≥ 0 (check its formula in the catalog)',
    );
  }
  const quote = book.price(line.priceKey);
  if (line.unit !== undefined && quote.unit !== line.unit) {
    throw new PriceUnitMismatchError(line.component, line.priceKey, line.unit, quote.unit);
  }
  const freeQuantity = Math.min(line.quantity, Math.max(0, (quote.freeQuantity ?? 0) - freeUsed));
  return { quote, freeQuantity, micros: toMicros((line.quantity - freeQuantity) * quote.usdPerUnit) };
}

/**
 * A declared line priced with a book: its charge (`chargeOf`) with the price's unit, source and date.
 * @param freeUsed as `chargeOf`
 * @throws as `chargeOf`
 * @example priceLine({ component: 'api', description: '2 × t3.medium', quantity: 1460, unit: 'hour',
 *   priceKey: 'ec2:t3.medium', class: 'fixed' }, snapshot).monthlyUsd // 60.736 (1460 h × 0.0416)
 * @example priceLine({ …, quantity: 1250, priceKey: 'cloudfront:us:gb' }, snapshot).monthlyUsd // 19.21 ((1250 − 1024) GB × 0.085)
 */
export function priceLine(line: DeclaredLine, book: PriceLookup, freeUsed = 0): PricedLine {
  const { quote, freeQuantity, micros } = chargeOf(line, book, freeUsed);
  // Built field by field: spreading `line` and adding `asOf` afterwards cost ~5 µs a line in V8.
  return {
    component: line.component,
    description: line.description,
    priceKey: line.priceKey,
    quantity: line.quantity,
    class: line.class,
    unit: quote.unit,
    usdPerUnit: quote.usdPerUnit,
    freeQuantity,
    monthlyUsd: fromMicros(micros),
    verified: quote.verified,
    source: quote.source,
    asOf: quote.asOf,
  };
}
