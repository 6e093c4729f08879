/**
 * Units: parsing a unit text, inferring a formula's dimension, and matching it with a price unit.
 * Expected dimensions are worked by hand from the definitions (e.g. instances [month] × hours_per_month
 * [hour/month] = hour), not taken from the code.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formulaDimension, UnitError } from '../../src/catalog/formula-units.js';
import {
  BASE_DIMENSIONS,
  describeDimension,
  divideDimensions,
  multiplyDimensions,
  parseUnit,
  PRICE_UNIT_DIMENSION,
  PRICE_UNITS,
  quantityFitsUnit,
  sameDimension,
  type Dimension,
} from '../../src/model/units.js';
import { ASSUMPTION_UNITS, FORMULA_VARIABLES, REQUIRED_ASSUMPTIONS, VARIABLE_UNITS } from '../../src/model/variables.js';

const unit = (text: string): Dimension => {
  const parsed = parseUnit(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.dimension;
};

describe('parseUnit', () => {
  it.each([
    ['instance-hours', { time: 1 }],
    ['instance-months', { month: 1 }],
    ['hours per month', { time: 1, month: -1 }],
    ['gb-month', { gb: 1, month: 1 }],
    ['gb per user-month', { gb: 1, month: -1 }],
    ['requests per second', { request: 1, time: -1 }],
    ['gb / million-requests', { gb: 1, request: -1 }],
    ['queries per request', {}],
    ['fraction', {}],
  ])('%s', (text, expected) => {
    expect(sameDimension(unit(text), expected)).toBe(true);
  });

  it('refuses words it does not know, listing the ones it does', () => {
    const parsed = parseUnit('gb per furlong');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/"furlong" is not a unit word; use .*seconds.*requests/);
    expect(parseUnit('per').ok).toBe(false);
  });

  it('lists the unit words of more than two letters when it refuses one', () => {
    const parsed = parseUnit('furlongs');
    const message = parsed.ok ? '' : parsed.message;
    expect(message).toMatch(/^"furlongs" is not a unit word; use user, users, instance, /);
    for (const short of ['1', 's', 'h', 'ms', 'gb', 'kb']) expect(message.split(/, | /)).not.toContain(short);
  });

  it('drops a base whose exponent comes to 0', () => {
    expect(multiplyDimensions({ gb: 1, month: 1 }, { gb: -1 })).toEqual({ month: 1 });
    expect(divideDimensions({ time: 1 }, { time: 1 })).toEqual({});
  });

  it('refuses an empty part, saying how a unit is written', () => {
    for (const text of ['gb /', '/ month', '-', 'gb // month']) {
      expect(parseUnit(text), text).toEqual({ ok: false, message: `the unit "${text}" has an empty part; write e.g. "gb per user" or "requests per second"` });
    }
  });

  it('gives every engine variable and assumption a unit it can parse', () => {
    expect(Object.keys(VARIABLE_UNITS).sort()).toEqual(Object.keys(FORMULA_VARIABLES).sort());
    expect(Object.keys(ASSUMPTION_UNITS).sort()).toEqual(Object.keys(REQUIRED_ASSUMPTIONS).sort());
    for (const text of [...Object.values(VARIABLE_UNITS), ...Object.values(ASSUMPTION_UNITS)]) expect(parseUnit(text).ok, text).toBe(true);
  });
});

describe('quantityFitsUnit', () => {
  it('the bug this catches: instance-hours priced per month, instance-months priced per hour', () => {
    expect(quantityFitsUnit(unit('instance-hours'), 'month')).toBe(false);
    expect(quantityFitsUnit(unit('instance-months'), 'hour')).toBe(false);
  });

  it.each([
    ['instance-hours', 'hour'],
    ['hours per month', 'hour'],
    ['instance-months', 'month'],
    ['instance-months', 'year'],
    ['gb', 'gb-month'], // a stock held through the month
    ['gb-month', 'gb-month'],
    ['gb per month', 'gb'], // a flow per month
    ['requests per month', 'million-requests'],
    ['1', 'gb-second'], // a plain number fits any unit
  ] as const)('%s fits %s', (quantity, price) => {
    expect(quantityFitsUnit(unit(quantity), price)).toBe(true);
  });

  it.each([
    ['gb', 'hour'],
    ['requests per month', 'gb'],
    ['gb-month', 'gb'],
    ['hours per month', 'month'],
  ] as const)('%s does not fit %s', (quantity, price) => {
    expect(quantityFitsUnit(unit(quantity), price)).toBe(false);
  });

  it("property: a unit's family fits it, itself or per month; times another month it does not", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRICE_UNITS), (price) => {
        const family = PRICE_UNIT_DIMENSION[price];
        expect(quantityFitsUnit(family, price)).toBe(true);
        expect(quantityFitsUnit(divideDimensions(family, { month: 1 }), price)).toBe(true);
        expect(quantityFitsUnit(multiplyDimensions(family, { month: 1 }), price)).toBe(false);
      }),
    );
  });
});

describe('describeDimension', () => {
  it.each([
    [{ time: 1 }, 'hours'],
    [{ gb: 1, month: 1 }, 'GB-months'],
    [{ request: 1, month: -1 }, 'requests per month'],
    [{}, 'a plain number'],
    [{ time: -1 }, '1 per hour'],
    [{ gb: 2 }, 'GB^2'],
    // Only the last word of a product is plural: request-hours, not requests-hours.
    [{ request: 1, time: 1 }, 'request-hours'],
    [{ request: 1, time: -2 }, 'requests per hour^2'],
  ])('%j → %s', (dimension, text) => expect(describeDimension(dimension)).toBe(text));
});

describe('formulaDimension', () => {
  const units: Record<string, string> = { ...VARIABLE_UNITS, ...ASSUMPTION_UNITS, base_gb: 'gb', share: 'fraction' };
  const of = (text: string) => formulaDimension(text, (name) => (name in units ? unit(units[name]!) : {}));

  it.each([
    ['instance_hours', { time: 1 }],
    ['instances * hours_per_month', { time: 1 }], // month × hour/month
    ['instance_hours / 3', { time: 1 }],
    ['base_gb + users * storage_gb_per_user', { gb: 1 }],
    ['max(0, monthly_requests - 300e6) / 1e6', { request: 1, month: -1 }], // constants take the partner's unit
    ['min(monthly_requests, 300e6)', { request: 1, month: -1 }],
    ['ceil(instances / 3) * 20', { month: 1 }],
    ['monthly_requests * (1 - cache_hit_ratio * db_read_fraction)', { request: 1, month: -1 }],
    ['sqrt(base_gb ^ 2)', { gb: 1 }],
    ['log(users)', {}],
    ['-instance_hours', { time: 1 }],
    // A unit raised to a constant whole power, the exponent in parentheses or negated.
    ['base_gb ^ 2', { gb: 2 }],
    ['base_gb ^ (3)', { gb: 3 }],
    ['base_gb ^ -1', { gb: -1 }],
    ['1 / base_gb ^ (-(2))', { gb: 2 }],
    // Constants only, however combined, fit any unit in a sum; a plain number raised to a power stays one.
    ['(2 * 3) + instance_hours', { time: 1 }],
    ['1 / 2 - instance_hours', { time: 1 }],
    ['2 ^ 3 + instance_hours', { time: 1 }],
    ['exp(1) + instance_hours', { time: 1 }],
    ['log(10) * base_gb', { gb: 1 }],
    ['abs(base_gb - 1)', { gb: 1 }],
    ['round(base_gb, 2)', { gb: 1 }],
  ])('%s', (text, expected) => {
    const got = of(text);
    expect(sameDimension(got, expected), `${text}: ${describeDimension(got)}`).toBe(true);
  });

  it.each([
    ['instance_hours + base_gb', /adds "instance_hours" \(hours\) and "base_gb" \(GB\)/],
    ['instances - instance_hours', /subtracts "instances" \(months\) and "instance_hours" \(hours\)/],
    ['max(instances, avg_requests_per_s / 25)', /max\(\) compares "instances" \(months\) and "avg_requests_per_s \/ 25" \(requests per hour\)/],
    ['log(base_gb)', /log\(\) needs a plain number/],
    ['base_gb ^ users', /not a constant whole number|plain number/],
    ['sqrt(base_gb)', /no square root in whole units/],
    ['base_gb ^ instance_hours', 'raises to the power "instance_hours", which has a unit (hours); an exponent must be a plain number'],
    ['base_gb ^ 0.5', 'raises "base_gb" (GB) to a power that is not a constant whole number'],
    ['exp(base_gb)', 'takes exp() of "base_gb" (GB); exp() needs a plain number'],
    // A part in parentheses is named without them; a part that is not a name is quoted whole.
    ['(instance_hours) + (base_gb)', 'adds "instance_hours" (hours) and "base_gb" (GB): they must be in the same unit'],
    ['instance_hours + base_gb * 2', 'adds "instance_hours" (hours) and "base_gb * 2" (GB): they must be in the same unit'],
  ])('refuses %s', (text, message) => {
    expect(() => of(text)).toThrow(UnitError);
    expect(() => of(text)).toThrow(message);
  });

  it('throws a UnitError, named as such', () => {
    expect(() => of('instance_hours + base_gb')).toThrow(expect.objectContaining({ name: 'UnitError' }));
  });

  it('property: a sum of a variable with itself keeps its dimension; a product adds exponents', () => {
    const names = Object.keys(units);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...names), (a, b) => {
        expect(sameDimension(of(`${a} + ${a}`), of(a))).toBe(true);
        const product = of(`${a} * ${b}`);
        for (const base of BASE_DIMENSIONS) expect(product[base] ?? 0).toBe((of(a)[base] ?? 0) + (of(b)[base] ?? 0));
      }),
    );
  });
});
