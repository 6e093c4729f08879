import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRICE_KEY_PATTERN, PRICE_UNITS, snapshotPriceBook, type PriceSnapshot } from '../../src/pricing/index.js';
import { SOURCE_UNITS, readVerifiedRows, repoCopyPath, snapshotPath } from './verified-table.js';

const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as PriceSnapshot;
const entries = Object.entries(snapshot.prices);
const rows = readVerifiedRows();

describe('data/pricing/aws-us-east-1.json against PRICES-VERIFIED.md', () => {
  it('the committed copy of PRICES-VERIFIED.md has the 118 rows of the main table', () => {
    expect(rows).toHaveLength(118);
  });

  // The audited document is the source of truth the snapshot is checked against, so an edit to it must be
  // deliberate: the hash is the one of the audit's original, taken when it was copied into the repository.
  it('the committed PRICES-VERIFIED.md is the audited document, unaltered', () => {
    const sha256 = createHash('sha256').update(readFileSync(repoCopyPath)).digest('hex');
    expect(sha256).toBe('25c79b59a49a62b4e02e9d9f1ed074ccd77be58418bf8a5a1bc4236590dc338d');
  });

  it('is a valid snapshot for the snapshot price book', () => {
    const book = snapshotPriceBook(snapshot, snapshotPath);
    expect(book.keys()).toHaveLength(entries.length);
    expect(book.meta).toMatchObject({ region: 'us-east-1', currency: 'USD', hoursPerMonth: 730, schemaVersion: 1 });
  });

  it('has exactly one verified entry per row, with its price, unit, source and as-of date', () => {
    for (const row of rows) {
      const description = `${row.service} ${row.item}`;
      const matches = entries.filter(([, entry]) => entry.verified && entry.description === description);
      expect(matches, description).toHaveLength(1);
      const [key, entry] = matches[0] ?? ['', undefined];
      const expected = SOURCE_UNITS[row.unit];
      expect(expected, `unit ${row.unit} of ${description} has a mapping`).toBeDefined();
      if (entry === undefined || expected === undefined) continue;
      expect(entry.unit, key).toBe(expected.unit);
      // Relative precision: stored figures are the source's decimals, at most scaled by 100 or 1000.
      expect(Math.abs(entry.usd - row.usd * expected.factor), `${key}: ${entry.usd} vs ${row.usd} ${row.unit}`).toBeLessThanOrEqual(
        1e-12 * Math.max(1, row.usd * expected.factor),
      );
      expect(entry.source, key).toBe(row.source.replaceAll('`', ''));
      expect(entry.asOf, key).toBe(row.asOf.slice(0, 10));
      expect(entry.note, key).toContain(row.how);
    }
  });

  it('claims verified for nothing else: 118 verified entries', () => {
    expect(entries.filter(([, entry]) => entry.verified)).toHaveLength(118);
  });

  it('says where every unverified figure comes from, without claiming a dated source', () => {
    const unverified = entries.filter(([, entry]) => !entry.verified);
    expect(unverified.length).toBeGreaterThan(0);
    for (const [key, entry] of unverified) {
      expect(entry.source.length, key).toBeGreaterThan(20);
      expect(entry.asOf, `${key} has no as-of date: it is not traced to a dated source`).toBeUndefined();
    }
  });

  it('adds multi-AZ RDS prices that only exist as single-AZ as unverified ≈ 2× single-AZ', () => {
    for (const [key, entry] of entries) {
      if (!key.startsWith('rds:') || !key.endsWith(':multi-az')) continue;
      const single = snapshot.prices[key.replace(/:multi-az$/, ':single-az')];
      if (single === undefined) continue;
      if (!entry.verified) {
        expect(entry.note, key).toMatch(/2× single-AZ per docs\/aws-notes\.md/);
        expect(entry.usd, key).toBeCloseTo(2 * single.usd, 6);
      }
    }
  });

  it('uses lower-case service:item keys with a dot-free service, and documents every unit', () => {
    for (const [key] of entries) expect(key).toMatch(PRICE_KEY_PATTERN);
    expect(Object.keys(snapshot.units).sort()).toEqual([...PRICE_UNITS].sort());
    expect(new RegExp(snapshot.keyScheme.regex ?? '').source).toBe(PRICE_KEY_PATTERN.source);
  });

  it('holds the keys docs/aws-notes.md names', () => {
    const book = snapshotPriceBook(snapshot, snapshotPath);
    const expected: Record<string, number> = {
      'ec2:t3.small': 0.0208,
      'ec2:t3.medium': 0.0416,
      'ec2:t3.large': 0.0832,
      'ec2:m6i.large': 0.096,
      'ec2:m6i.xlarge': 0.192,
      's3:standard:gb-month': 0.023,
      'cloudfront:us:gb': 0.085,
      'eks:cluster-hour': 0.1,
      'alb:hour': 0.0225,
      'alb:lcu-hour': 0.008,
      'nat:hour': 0.045,
      'nat:gb': 0.045,
      'lambda:requests': 0.2,
      'lambda:gb-second': 0.0000166667,
      'apigw:http:million': 1,
      'apigw:rest:million': 3.5,
      'transfer:out:gb': 0.09,
    };
    for (const [key, usd] of Object.entries(expected)) {
      const quote = book.price(key);
      expect(quote.usdPerUnit, key).toBe(usd);
      expect(quote.verified, key).toBe(true);
    }
    // Named in docs/aws-notes.md as found, but PRICES-VERIFIED.md (which wins) has no dated source for them.
    for (const key of ['rds:db.t3.micro:postgresql:single-az', 'rds:db.r6g.large:aurora-postgresql', 'elasticache:cache.t3.micro']) {
      expect(book.price(key).verified, key).toBe(false);
    }
  });
});
