import { describe, expect, it } from 'vitest';
import { PriceUnitMismatchError, priceLine, type DeclaredLine } from '../../src/model/cost.js';
import { sumMoney } from '../../src/model/money.js';
import { UnknownPriceKeyError, loadSnapshotPriceBook, priceBookFromQuotes } from '../../src/pricing/index.js';

const book = loadSnapshotPriceBook();
const line = (over: Partial<DeclaredLine>): DeclaredLine => ({
  component: 'api',
  description: 'app servers',
  quantity: 1,
  unit: 'hour',
  priceKey: 'ec2:t3.medium',
  class: 'fixed',
  ...over,
});

describe('priceLine', () => {
  it('prices quantity × unit price from the snapshot, with provenance', () => {
    // 2 × t3.medium always on: 2 × 730 h × 0.0416 = 60.736 (by hand; PRICES-VERIFIED: t3.medium 0.0416/h).
    const priced = priceLine(line({ quantity: 2 * 730 }), book);
    expect(priced).toMatchObject({
      component: 'api',
      priceKey: 'ec2:t3.medium',
      quantity: 1460,
      unit: 'hour',
      usdPerUnit: 0.0416,
      monthlyUsd: 60.736,
      verified: true,
      asOf: '2026-07-20',
    });
    expect(priced.source).toContain('aws/karpenter-provider-aws');
  });

  it('prices the other units: storage, transfer, requests, GB-seconds, months', () => {
    // By hand from PRICES-VERIFIED.md unit prices.
    expect(priceLine(line({ unit: 'gb-month', priceKey: 's3:standard:gb-month', quantity: 500 }), book).monthlyUsd).toBe(11.5);
    // Transfer out: 100 GB a month are free (AWS, always free), so (1,234 − 100) GB × 0.09 = 102.06.
    expect(priceLine(line({ unit: 'gb', priceKey: 'transfer:out:gb', quantity: 1234 }), book).monthlyUsd).toBe(102.06);
    expect(priceLine(line({ unit: 'million-requests', priceKey: 'apigw:http:million', quantity: 5 }), book).monthlyUsd).toBe(5);
    // 6e9 GB-s × 0.0000166667 = 100000.2 (the infracost golden's own total, PRICES-VERIFIED.md), with the
    // free 400,000 GB-s already taken by other lines of the bill (freeUsed = Infinity).
    expect(priceLine(line({ unit: 'gb-second', priceKey: 'lambda:gb-second', quantity: 6e9 }), book, Infinity).monthlyUsd).toBe(100000.2);
    // S3 PUT: 0.005 per 1k requests = 5 per million; 10k requests = 0.01 M → $0.05 (PRICES-VERIFIED.md).
    expect(priceLine(line({ unit: 'million-requests', priceKey: 's3:standard:put-requests', quantity: 0.01 }), book).monthlyUsd).toBe(0.05);
    expect(priceLine(line({ unit: 'month', priceKey: 'cloudwatch:alarm-month', quantity: 3 }), book, Infinity).monthlyUsd).toBe(0.3);
  });

  it('carries verified: false from an estimated price', () => {
    const priced = priceLine(line({ unit: 'month', priceKey: 'digitalocean:s-1vcpu-2gb', quantity: 2 }), book);
    expect(priced.monthlyUsd).toBe(24);
    expect(priced.verified).toBe(false);
    expect(priced.asOf).toBeUndefined();
  });

  it('totals lines without float artefacts', () => {
    // 730 h of t3.medium + ALB hour: 30.368 + 16.425 = 46.793 (by hand).
    const lines = [line({ quantity: 730 }), line({ component: 'lb', priceKey: 'alb:hour', quantity: 730 })].map((l) =>
      priceLine(l, book),
    );
    expect(lines.map((l) => l.monthlyUsd)).toEqual([30.368, 16.425]);
    expect(sumMoney(lines)).toBe(46.793);
  });

  it('refuses a unit mismatch between the line and the price', () => {
    const bad = line({ unit: 'gb', priceKey: 'alb:lcu-hour' });
    expect(() => priceLine(bad, book)).toThrow(PriceUnitMismatchError);
    expect(() => priceLine(bad, book)).toThrow(
      'cost line of component "api" counts its quantity in gb, but price "alb:lcu-hour" is per lcu-hour; convert the quantity to lcu-hour or use a price key quoted per gb',
    );
    expect(() => priceLine(bad, book)).toThrow(expect.objectContaining({ name: 'PriceUnitMismatchError' }));
    // A RangeError from the engine: the CLI reports it as bad input (exit 2).
    expect(() => priceLine(bad, book)).toThrow(RangeError);
  });

  it('refuses an unknown key, suggesting near keys', () => {
    expect(() => priceLine(line({ priceKey: 'ec2:t3.meduim' }), book)).toThrow(UnknownPriceKeyError);
    expect(() => priceLine(line({ priceKey: 'ec2:t3.meduim' }), book)).toThrow(/ec2:t3\.medium/);
  });

  it('refuses negative, NaN or infinite quantities', () => {
    for (const quantity of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => priceLine(line({ quantity }), book), String(quantity)).toThrow(RangeError);
    }
    expect(() => priceLine(line({ quantity: -1 }), book)).toThrow(
      'cost line of component "api" (ec2:t3.medium) has quantity -1; a quantity must be a finite number ≥ 0 (check its formula in the catalog)',
    );
  });

  it('works with any PriceBook, not only the snapshot', () => {
    const seed = priceBookFromQuotes('seed', 'seed document figures', [
      { key: 'seed:2:api', usdPerUnit: 120, unit: 'month', verified: false, source: 'seed document, Fase 2 table' },
    ]);
    expect(priceLine(line({ unit: 'month', priceKey: 'seed:2:api', quantity: 1 }), seed).monthlyUsd).toBe(120);
  });
});
