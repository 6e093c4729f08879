import type { Amount, Component, FormulaScope, Phase } from './catalog.js';
import { roundCents, sumUsd } from './money.js';

/** One price as a book quotes it. */
export interface UnitPrice {
  key: string;
  usdPerUnit: number;
  unit: string;
  verified: boolean;
  source: string;
}

/** What the engine needs of a price book: a lookup that throws on an unknown key. */
export interface PriceLookup {
  readonly name: string;
  price(key: string): UnitPrice;
}

/** A cost line as the engine declares it: a quantity of a priced unit. */
export interface DeclaredLine {
  component: string;
  description: string;
  priceKey: string;
  quantity: number;
}

export interface PricedLine extends DeclaredLine {
  unit: string;
  usdPerUnit: number;
  monthlyUsd: number;
  verified: boolean;
  source: string;
}

export const evaluateAmount = (amount: Amount, scope: FormulaScope): number =>
  typeof amount === 'number' ? amount : amount.evaluate(scope);

/** The key under which the seed book holds a component's quoted monthly figure. */
export const seedPriceKey = (phase: Phase, component: Component): string => `seed:${phase.id}:${component.id}`;

/** The lines a component costs under a detailed price book, quantities evaluated over the workload. */
export function declareComponentLines(component: Component, scope: FormulaScope): DeclaredLine[] {
  return component.cost.map((line) => ({
    component: component.id,
    description: line.description ?? line.priceKey,
    priceKey: line.priceKey,
    quantity: evaluateAmount(line.quantity, scope),
  }));
}

/** Under the seed book a component costs its quoted figure: one month of one item. */
export function declareQuotedLine(phase: Phase, component: Component): DeclaredLine {
  return {
    component: component.id,
    description: component.quoted ? `quoted: ${component.quoted.label} (${component.quoted.provider})` : 'not in the document’s cost table',
    priceKey: seedPriceKey(phase, component),
    quantity: 1,
  };
}

/** The one place a quantity meets a price. */
export function priceLine(line: DeclaredLine, book: PriceLookup): PricedLine {
  const price = book.price(line.priceKey);
  if (!Number.isFinite(line.quantity) || line.quantity < 0) {
    throw new RangeError(
      `cost line "${line.description}" of component ${line.component} has quantity ${line.quantity}; a quantity must be a finite number ≥ 0 (check its formula in the catalog)`,
    );
  }
  return {
    ...line,
    unit: price.unit,
    usdPerUnit: price.usdPerUnit,
    monthlyUsd: line.quantity * price.usdPerUnit,
    verified: price.verified,
    source: price.source,
  };
}

export interface ComponentCost {
  component: string;
  name: string;
  monthlyUsd: number;
  quotedUsd: number | null;
  /** Estimate − quote, when there is a quote. */
  differenceUsd: number | null;
  lines: PricedLine[];
}

export interface CostResult {
  book: string;
  components: ComponentCost[];
  totalUsd: number;
  perUserUsd: number;
  quotedTotalUsd: number;
  budget: { minUsd: number; maxUsd: number; status: 'under' | 'within' | 'over' };
  /** Lines priced from estimates rather than verified prices. */
  unverifiedLines: number;
}

/** Prices every component of a phase and compares the total with the document's quote and budget. */
export function phaseCost(
  phase: Phase,
  users: number,
  book: PriceLookup,
  scopeFor: (component: Component) => FormulaScope,
): CostResult {
  const seed = book.name === 'seed';
  const components = phase.components.map((component): ComponentCost => {
    const declared = seed ? [declareQuotedLine(phase, component)] : declareComponentLines(component, scopeFor(component));
    const lines = declared.map((line) => priceLine(line, book));
    const monthlyUsd = sumUsd(lines.map((line) => line.monthlyUsd));
    const quotedUsd = component.quoted?.usd ?? null;
    return {
      component: component.id,
      name: component.name,
      monthlyUsd,
      quotedUsd,
      differenceUsd: quotedUsd === null ? null : monthlyUsd - quotedUsd,
      lines,
    };
  });
  const totalUsd = sumUsd(components.map((c) => c.monthlyUsd));
  const rounded = roundCents(totalUsd);
  const { min, max } = phase.budgetUsd;
  return {
    book: book.name,
    components,
    totalUsd,
    perUserUsd: users > 0 ? totalUsd / users : 0,
    quotedTotalUsd: phase.quotedTotalUsd,
    budget: { minUsd: min, maxUsd: max, status: rounded > max ? 'over' : rounded < min ? 'under' : 'within' },
    unverifiedLines: components.flatMap((c) => c.lines).filter((line) => !line.verified).length,
  };
}
