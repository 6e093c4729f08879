import { UserError } from '../errors.js';

export interface NumberRule {
  /** Smallest allowed value (inclusive unless `exclusiveMin`). */
  min?: number;
  exclusiveMin?: boolean;
  max?: number;
  integer?: boolean;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses a command-line number strictly: "1e3", "0.5" and "50000" pass; "", "12abc", "NaN", "Infinity" fail.
 * Underscores and commas as thousands separators are accepted ("50_000", "50,000").
 */
export function parseNumberOption(flag: string, raw: string, rule: NumberRule = {}): number {
  const text = raw.trim().replace(/[_,](?=\d{3}(\D|$))/g, '');
  // Decimal only: Number() would also take "0x10", "0b101" and "" as numbers.
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) throw new UserError(`${flag} must be a number; got "${raw}"`);
  if (rule.integer && !Number.isInteger(value)) throw new UserError(`${flag} must be a whole number; got ${raw}`);
  if (rule.min !== undefined) {
    const below = rule.exclusiveMin ? value <= rule.min : value < rule.min;
    if (below) throw new UserError(`${flag} must be ${rule.exclusiveMin ? 'greater than' : 'at least'} ${rule.min}; got ${raw}`);
  }
  if (rule.max !== undefined && value > rule.max) {
    throw new UserError(`${flag} must be at most ${rule.max.toLocaleString('en-US')}; got ${raw}`);
  }
  return value;
}

/** A commander argParser that validates with `parseNumberOption`. */
export const numberArg =
  (flag: string, rule: NumberRule = {}) =>
  (raw: string): number =>
    parseNumberOption(flag, raw, rule);
