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

/** One `--set NAME=VALUE`, parsed (the engine checks the name and the value's domain: src/model/overrides.ts). */
export interface SetOption {
  name: string;
  value: number;
}

/**
 * A commander argParser for the repeatable `--set NAME=VALUE`: collects the pairs in order.
 * @throws UserError when the text is not NAME=VALUE with a number for VALUE (exit 2)
 */
export function collectSet(raw: string, previous: readonly SetOption[] = []): SetOption[] {
  const at = raw.indexOf('=');
  const name = at < 0 ? '' : raw.slice(0, at).trim();
  if (name === '') throw new UserError(`--set takes NAME=VALUE, e.g. --set cache_hit_ratio=0.9; got "${raw}"`);
  return [...previous, { name, value: parseNumberOption(`--set ${name}`, raw.slice(at + 1)) }];
}

export const SET_HELP =
  'override a catalog quantity for this run (repeatable): a workload assumption by name, or any other sourced quantity by its YAML path, e.g. cache_hit_ratio=0.9 or revenue.free_share=0.6';

/** A percent as typed: "10", "10%", "12.5 %" (all meaning that many percent). */
export const PERCENT_TEXT = /^\s*([+-]?(\d+\.?\d*|\.\d+))\s*%?\s*$/;

/**
 * Parses a percent option: `10` and `10%` both mean ten percent (not a fraction: 0.1 is a tenth of a percent).
 * @throws UserError when the text is not a number with an optional % sign, or is below `min` (exit 2)
 */
export function parsePercentOption(flag: string, raw: string, rule: NumberRule = { min: 0 }): number {
  const match = PERCENT_TEXT.exec(raw);
  if (!match) throw new UserError(`${flag} takes a percent such as 10 or 10%; got "${raw}"`);
  return parseNumberOption(flag, match[1]!, rule);
}

/** A commander argParser for percent options (`parsePercentOption`). */
export const percentArg =
  (flag: string, rule?: NumberRule) =>
  (raw: string): number =>
    parsePercentOption(flag, raw, rule);
