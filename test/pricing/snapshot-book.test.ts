import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  InvalidPriceSnapshotError,
  UnknownPriceKeyError,
  closestMatches,
  levenshtein,
  snapshotPriceBook,
} from '../../src/pricing/index.js';
import { snapshotPath } from './verified-table.js';

const bundled = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Record<string, unknown>;

/** A minimal valid snapshot; tests break one field at a time. */
function tiny(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    region: 'us-east-1',
    currency: 'USD',
    retrieved: '2026-11-29',
    hoursPerMonth: 730,
    keyScheme: { summary: 'service:item[:qualifier...]', rules: [] },
    units: bundled['units'],
    prices: {
      'ec2:t3.medium': { usd: 0.0416, unit: 'hour', description: 'EC2 t3.medium', verified: true, source: 'x', asOf: '2026-07-20' },
      'ec2:t3.micro': { usd: 0.0104, unit: 'hour', description: 'EC2 t3.micro', verified: true, source: 'x', asOf: '2026-07-20' },
      'ec2:t3.small': { usd: 0.0208, unit: 'hour', description: 'EC2 t3.small', verified: true, source: 'x', asOf: '2026-07-20' },
      'ec2:m5.large': { usd: 0.096, unit: 'hour', description: 'EC2 m5.large', verified: true, source: 'x', asOf: '2026-07-20' },
      'redis-cloud:essentials-1gb': { usd: 15, unit: 'month', description: 'Redis Cloud 1 GB', verified: false, source: 'seed' },
    },
  };
}

function failure(json: unknown): InvalidPriceSnapshotError {
  try {
    snapshotPriceBook(json, 'data/pricing/broken.json');
  } catch (error) {
    if (error instanceof InvalidPriceSnapshotError) return error;
    throw error;
  }
  throw new Error('expected the snapshot to be rejected');
}

describe('snapshotPriceBook', () => {
  it('quotes a price with its unit, provenance and as-of date', () => {
    const book = snapshotPriceBook(tiny(), 'tiny.json');
    expect(book.name).toBe('snapshot');
    expect(book.description).toContain('tiny.json');
    expect(book.price('ec2:t3.medium')).toMatchObject({
      key: 'ec2:t3.medium',
      usdPerUnit: 0.0416,
      unit: 'hour',
      verified: true,
      source: 'x',
      asOf: '2026-07-20',
    });
    expect(book.price('redis-cloud:essentials-1gb').asOf).toBeUndefined();
    expect(book.has('ec2:t3.medium')).toBe(true);
    expect(book.has('ec2:t3.nano')).toBe(false);
    expect(book.keys()).toEqual([...book.keys()].sort());
  });

  it('returns a copy of the keys, and frozen quotes', () => {
    const book = snapshotPriceBook(tiny(), 'tiny.json');
    book.keys().pop();
    expect(book.keys()).toHaveLength(5);
    expect(Object.isFrozen(book.price('ec2:t3.medium'))).toBe(true);
  });

  it('rejects an unknown key with the 3 closest known keys', () => {
    const book = snapshotPriceBook(tiny(), 'tiny.json');
    let caught: unknown;
    try {
      book.price('ec2:t3.medum');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownPriceKeyError);
    expect(caught).toBeInstanceOf(UserError);
    const error = caught as UnknownPriceKeyError;
    expect(error.exitCode).toBe(2);
    expect(error.key).toBe('ec2:t3.medum');
    // 'ec2:t3.medium' is one insertion away; the other two suggestions are the next nearest of the four keys.
    expect(error.suggestions[0]).toBe('ec2:t3.medium');
    expect(error.suggestions).toHaveLength(3);
    expect(error.message).toContain('"ec2:t3.medum"');
    expect(error.message).toContain('ec2:t3.medium');
  });

  it('suggests near keys in the bundled snapshot', () => {
    const book = snapshotPriceBook(bundled, snapshotPath);
    expect(() => book.price('rds:db.t3.micro:postgres:single-az')).toThrow(/rds:db\.t3\.micro:postgresql:single-az/);
    expect(() => book.price('apigw:http:millions')).toThrow(/apigw:http:million/);
  });

  it('names the file and the field when a price is malformed', () => {
    const json = tiny();
    (json['prices'] as Record<string, Record<string, unknown>>)['ec2:t3.medium']!['usd'] = '0.0416';
    const error = failure(json);
    expect(error.message).toContain('data/pricing/broken.json');
    expect(error.message).toContain('prices["ec2:t3.medium"].usd');
    expect(error.details.join('\n')).toMatch(/prices\["ec2:t3\.medium"\]\.usd: .*number/);
    expect(error.exitCode).toBe(2);
  });

  it('rejects units outside the closed set', () => {
    const json = tiny();
    (json['prices'] as Record<string, Record<string, unknown>>)['ec2:t3.micro']!['unit'] = 'hours';
    expect(failure(json).details.join('\n')).toContain('prices["ec2:t3.micro"].unit');
  });

  it('rejects keys outside the key scheme', () => {
    for (const key of ['EC2:t3.medium', 'ec2.t3:medium', 'ec2', 'ec2:t3 medium']) {
      const json = tiny();
      (json['prices'] as Record<string, unknown>)[key] = { usd: 1, unit: 'hour', description: 'd', verified: false, source: 's' };
      expect(failure(json).details.join('\n'), key).toMatch(/service:item/);
    }
  });

  it('refuses a verified price without an as-of date', () => {
    const json = tiny();
    delete (json['prices'] as Record<string, Record<string, unknown>>)['ec2:t3.micro']!['asOf'];
    expect(failure(json).details.join('\n')).toContain('prices["ec2:t3.micro"].asOf: a verified price needs its asOf date');
  });

  it('requires every unit to be documented and the top-level fields to be exact', () => {
    const json = tiny();
    const units = { ...(json['units'] as Record<string, string>) };
    delete units['gb-second'];
    json['units'] = units;
    json['currency'] = 'EUR';
    json['extra'] = true;
    const details = failure(json).details.join('\n');
    expect(details).toContain('units');
    expect(details).toContain('currency');
    expect(details).toMatch(/extra/);
  });

  it('rejects negative and non-finite prices', () => {
    const json = tiny();
    (json['prices'] as Record<string, Record<string, unknown>>)['ec2:t3.micro']!['usd'] = -1;
    expect(failure(json).details.join('\n')).toContain('prices["ec2:t3.micro"].usd');
  });

  it('rejects something that is not a snapshot at all', () => {
    expect(failure([]).message).toContain('data/pricing/broken.json: invalid price snapshot');
    expect(failure(null).message).toContain('(top level)');
  });
});

describe('levenshtein', () => {
  it('matches the classic textbook distances', () => {
    // kitten → sitting: 2 substitutions + 1 insertion (the standard example, e.g. Wikipedia "Levenshtein distance").
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('is symmetric', () => {
    expect(levenshtein('ec2:t3.medum', 'ec2:t3.micro')).toBe(levenshtein('ec2:t3.micro', 'ec2:t3.medum'));
  });

  it('ranks candidates nearest first, ties alphabetically, case-insensitively', () => {
    // alb:hour 0; elb:hour and nlb:hour 1 each (a tie, so alphabetical); nat:hour 2; alb:lcu-hour 4.
    expect(closestMatches('ALB:HOUR', ['nlb:hour', 'nat:hour', 'alb:hour', 'elb:hour', 'alb:lcu-hour'], 3)).toEqual([
      'alb:hour',
      'elb:hour',
      'nlb:hour',
    ]);
  });
});
