import { describe, expect, it } from 'vitest';
import { InvalidPriceSnapshotError, parsePriceSnapshot, priceSnapshotSchema } from '../../src/pricing/index.js';
import { bare, minimalSnapshot } from './snapshot-fixture.js';

function failure(json: unknown): InvalidPriceSnapshotError {
  try {
    parsePriceSnapshot(json, 'f.json');
  } catch (error) {
    if (error instanceof InvalidPriceSnapshotError) return error;
    throw error;
  }
  throw new Error('expected the snapshot to be rejected');
}

/** N verified prices without an asOf date: exactly one problem each (the schema's "verified needs asOf" rule). */
function undated(n: number): Record<string, unknown> {
  const prices: Record<string, Record<string, unknown>> = {};
  for (const item of ['a', 'b', 'c'].slice(0, n)) prices[`ec2:${item}`] = { ...bare(), verified: true };
  return minimalSnapshot(prices);
}

const ASOF = 'a verified price needs its asOf date';
const KEY_RULE = 'price keys are lower-case service:item[:qualifier...] with a dot-free service segment';

// Contract (parsePriceSnapshot): the message is `origin: invalid price snapshot: <first problem>`, followed by
// "(and N more problem[s])" when there are others; details list every problem as `path: message`.
describe('parsePriceSnapshot messages', () => {
  it('quotes a lone problem with nothing after it', () => {
    const error = failure(undated(1));
    expect(error.message).toBe(`f.json: invalid price snapshot: prices["ec2:a"].asOf: ${ASOF}`);
    expect(error.details).toEqual([`prices["ec2:a"].asOf: ${ASOF}`]);
  });

  it('counts one other problem in the singular', () => {
    const error = failure(undated(2));
    expect(error.message).toBe(`f.json: invalid price snapshot: prices["ec2:a"].asOf: ${ASOF} (and 1 more problem)`);
    expect(error.details).toHaveLength(2);
  });

  it('counts two other problems in the plural', () => {
    const error = failure(undated(3));
    expect(error.message).toBe(`f.json: invalid price snapshot: prices["ec2:a"].asOf: ${ASOF} (and 2 more problems)`);
    expect(error.details).toEqual([`prices["ec2:a"].asOf: ${ASOF}`, `prices["ec2:b"].asOf: ${ASOF}`, `prices["ec2:c"].asOf: ${ASOF}`]);
  });
});

describe('the prices record', () => {
  it('must hold at least one price', () => {
    expect(failure(minimalSnapshot({})).details).toEqual(['prices: the snapshot has no prices']);
    const result = priceSnapshotSchema.safeParse(minimalSnapshot({}));
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'custom', path: ['prices'], message: 'the snapshot has no prices' })]);
  });

  it('names the offending key in the path and the message', () => {
    const json = minimalSnapshot({ 'ec2:t3.micro': bare(), 'EC2:T3': bare() });
    expect(failure(json).details).toEqual([`prices["EC2:T3"]: ${KEY_RULE}; got "EC2:T3"`]);
    const result = priceSnapshotSchema.safeParse(json);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'custom', path: ['prices', 'EC2:T3'] })]);
  });
});
