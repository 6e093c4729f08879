/**
 * Units: the closed set a price is quoted in, and the dimensions the catalog validator compares a cost
 * line's quantity with its price's unit by.
 *
 * Each price unit is explained in one sentence in the snapshot's top-level `"units"` map
 * (data/pricing/aws-us-east-1.json), which the schema requires to cover every unit listed here.
 *
 * A cost line's quantity is "units consumed in one month": 3 instances always on = 3 × 730 `hour`,
 * 50 GB stored = 50 `gb-month`, 12 M requests = 12 `million-requests`, one all-upfront reservation
 * amortised over its term = 1/12 `year`.
 *
 * Dimensions are compared by family, not magnitude: hours, seconds and vCPU-hours are all time; months and
 * years are billing periods; GB, GB-months and requests are the others. Scale (730, 1e6, 3600) is a constant
 * in the formula, which the check does not see. The check catches the bugs that scale cannot explain:
 * instance-hours priced per month (730× too much), a count priced per hour (730× too little).
 *
 * This module imports nothing, so the engine may declare lines in these units without depending on zod.
 */
export const PRICE_UNITS = [
  'hour',
  'vcpu-hour',
  'gb-hour',
  'lcu-hour',
  'acu-hour',
  'wcu-hour',
  'rcu-hour',
  'month',
  'year',
  'gb-month',
  'gb',
  'gb-second',
  'million-requests',
] as const;

export type PriceUnit = (typeof PRICE_UNITS)[number];

export function isPriceUnit(value: string): value is PriceUnit {
  return (PRICE_UNITS as readonly string[]).includes(value);
}

/** The base dimensions: time (hours, seconds), the billing month, data (GB) and requests. */
export const BASE_DIMENSIONS = ['time', 'month', 'gb', 'request'] as const;
export type BaseDimension = (typeof BASE_DIMENSIONS)[number];

/** A dimension as integer exponents of the bases; a missing base has exponent 0 ({} is dimensionless). */
export type Dimension = Readonly<Partial<Record<BaseDimension, number>>>;

export const DIMENSIONLESS: Dimension = {};

function combine(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  const out: Partial<Record<BaseDimension, number>> = {};
  for (const base of BASE_DIMENSIONS) {
    const exponent = (a[base] ?? 0) + sign * (b[base] ?? 0);
    if (exponent !== 0) out[base] = exponent;
  }
  return out;
}

export const multiplyDimensions = (a: Dimension, b: Dimension): Dimension => combine(a, b, 1);
export const divideDimensions = (a: Dimension, b: Dimension): Dimension => combine(a, b, -1);

/** a^k for a whole or half power (sqrt); undefined when an exponent would not be whole. */
export function powerDimension(a: Dimension, k: number): Dimension | undefined {
  const out: Partial<Record<BaseDimension, number>> = {};
  for (const base of BASE_DIMENSIONS) {
    const exponent = (a[base] ?? 0) * k;
    if (!Number.isInteger(exponent)) return undefined;
    if (exponent !== 0) out[base] = exponent;
  }
  return out;
}

export const sameDimension = (a: Dimension, b: Dimension): boolean => BASE_DIMENSIONS.every((base) => (a[base] ?? 0) === (b[base] ?? 0));
export const isDimensionless = (a: Dimension): boolean => sameDimension(a, DIMENSIONLESS);

/** The family each price unit belongs to, as a dimension. */
const TIME: Dimension = { time: 1 };
const MONTH: Dimension = { month: 1 };
const GB: Dimension = { gb: 1 };
const GB_MONTH: Dimension = { gb: 1, month: 1 };
const REQUESTS: Dimension = { request: 1 };
export const PRICE_UNIT_DIMENSION: Readonly<Record<PriceUnit, Dimension>> = {
  hour: TIME,
  'vcpu-hour': TIME,
  'gb-hour': TIME,
  'lcu-hour': TIME,
  'acu-hour': TIME,
  'wcu-hour': TIME,
  'rcu-hour': TIME,
  'gb-second': TIME,
  month: MONTH,
  year: MONTH,
  gb: GB,
  'gb-month': GB_MONTH,
  'million-requests': REQUESTS,
};

/**
 * Whether a quantity of dimension `quantity` may be billed in `unit`. A line bills one month, so the quantity
 * may be the unit itself (instance-hours for `hour`, instance-months for `month`) or the unit per month: GB
 * transferred per month for `gb`, requests per month for `million-requests`, and a stock held through the
 * month — GB stored, GB × month / month — for `gb-month`. A plain number (no unit) matches any unit.
 * @example quantityFitsUnit({ time: 1 }, 'month') // false: instance-hours billed as months
 */
export function quantityFitsUnit(quantity: Dimension, unit: PriceUnit): boolean {
  if (isDimensionless(quantity)) return true;
  const family = PRICE_UNIT_DIMENSION[unit];
  return sameDimension(quantity, family) || sameDimension(multiplyDimensions(quantity, MONTH), family);
}

/** The order bases are named in: "GB-months", "requests per hour". */
const NAMING_ORDER: readonly BaseDimension[] = ['gb', 'request', 'time', 'month'];
const BASE_NAMES: Readonly<Record<BaseDimension, [string, string]>> = {
  time: ['hour', 'hours'],
  month: ['month', 'months'],
  gb: ['GB', 'GB'],
  request: ['request', 'requests'],
};

/** "hours", "GB-months", "requests per month", "a plain number": a dimension as a reader names it (time as hours). */
export function describeDimension(dimension: Dimension): string {
  const part = (sign: 1 | -1, plural: boolean) =>
    NAMING_ORDER.filter((base) => Math.sign(dimension[base] ?? 0) === sign)
      .map((base, i, all) => {
        const exponent = Math.abs(dimension[base]!);
        const [one, many] = BASE_NAMES[base];
        const name = plural && i === all.length - 1 ? many : one;
        return exponent === 1 ? name : `${name}^${exponent}`;
      })
      .join('-');
  const top = part(1, true);
  const bottom = part(-1, false);
  if (!top && !bottom) return 'a plain number';
  return top ? (bottom ? `${top} per ${bottom}` : top) : `1 per ${bottom}`;
}

/** The family of a price unit, for messages: "hours", "months", "GB", "GB-months" or "requests". */
export const describeUnitFamily = (unit: PriceUnit): string => describeDimension(PRICE_UNIT_DIMENSION[unit]);

/**
 * Words a unit text may use, and what each counts. Counts of things (users, instances, vCPUs, capacity units)
 * and scale words (million) carry no dimension: "instance-hours" is hours, "million-requests" is requests.
 */
const UNIT_WORDS: Readonly<Record<string, Dimension>> = (() => {
  const words: Record<string, Dimension> = {};
  const add = (dimension: Dimension, ...names: string[]) => names.forEach((name) => (words[name] = dimension));
  add(DIMENSIONLESS, '1', 'user', 'users', 'instance', 'instances', 'node', 'nodes', 'vcpu', 'vcpus', 'acu', 'lcu', 'wcu', 'rcu', 'count', 'fraction', 'share', 'ratio', 'percent', 'thousand', 'million', 'billion');
  add(TIME, 'second', 'seconds', 's', 'millisecond', 'milliseconds', 'ms', 'minute', 'minutes', 'hour', 'hours', 'h', 'day', 'days');
  add(MONTH, 'month', 'months', 'year', 'years');
  add(GB, 'byte', 'bytes', 'kb', 'mb', 'gb', 'tb', 'kib', 'mib', 'gib', 'tib');
  add(REQUESTS, 'request', 'requests', 'query', 'queries', 'event', 'events', 'invocation', 'invocations', 'message', 'messages');
  return words;
})();

export const UNIT_WORD_LIST: readonly string[] = Object.keys(UNIT_WORDS);

export type ParsedUnit = { ok: true; dimension: Dimension } | { ok: false; message: string };

/**
 * Parses a unit as a catalog writes it: words joined by "-" (a product), then "per" or "/" before each divisor.
 * @example parseUnit('gb per user-month') // { ok: true, dimension: { gb: 1, month: -1 } }
 * @example parseUnit('requests per second') // { ok: true, dimension: { request: 1, time: -1 } }
 */
export function parseUnit(text: string): ParsedUnit {
  const groups = text.trim().toLowerCase().split(/\s+per\s+|\s*\/\s*/);
  let dimension: Dimension = DIMENSIONLESS;
  for (const [i, group] of groups.entries()) {
    const words = group.split(/[\s*\u00b7-]+/).filter((word) => word !== '');
    if (words.length === 0) return { ok: false, message: `the unit "${text}" has an empty part; write e.g. "gb per user" or "requests per second"` };
    for (const word of words) {
      const base = Object.hasOwn(UNIT_WORDS, word) ? UNIT_WORDS[word] : undefined;
      if (base === undefined) {
        return { ok: false, message: `"${word}" is not a unit word; use ${UNIT_WORD_LIST.filter((w) => w.length > 2).join(', ')}` };
      }
      dimension = i === 0 ? multiplyDimensions(dimension, base) : divideDimensions(dimension, base);
    }
  }
  return { ok: true, dimension };
}
