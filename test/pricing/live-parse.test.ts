/**
 * Which keys the live book covers, and the invariants a product's prices must keep (docs/aws-notes.md:
 * every reservation below on-demand; all ≤ partial ≤ no upfront; 3 y ≤ 1 y, on the effective hourly rate).
 */
import { describe, expect, it } from 'vitest';
import { parseProductPrices } from '../../src/pricing/live-parse.js';
import { liveProductOf, liveProductsFor } from '../../src/pricing/live-products.js';
import { priceItem, type TermSpec } from '../fixtures/aws/price-items.js';

describe('covered keys', () => {
  it.each([
    ['ec2:t3.medium', 'ec2:t3.medium'],
    ['ec2:m6i.large:ri-3y-standard-all-upfront', 'ec2:m6i.large'],
    ['rds:db.t3.large:mysql:single-az:ri-1y-standard-partial-upfront:hourly', 'rds:db.t3.large:mysql:single-az'],
    ['rds:db.r6g.large:aurora-postgresql', 'rds:db.r6g.large:aurora-postgresql'],
    ['elasticache:cache.m6g.12xlarge:ri-1y-standard-no-upfront', 'elasticache:cache.m6g.12xlarge'],
  ])('%s is priced with product %s', (key, product) => {
    expect(liveProductOf(key, 'us-east-1')?.key).toBe(product);
  });

  it.each(['ec2:cpu-credits:t3', 'rds:storage:gp3:single-az', 'rds:serverless-v2:aurora-postgresql', 'rds:db.t3.micro:postgresql', 'elasticache:global-datastore:gb', 's3:standard:gb-month'])(
    '%s is not covered',
    (key) => expect(liveProductOf(key, 'us-east-1')).toBeUndefined(),
  );

  it('asks once per product', () => {
    expect(liveProductsFor(['ec2:t3.medium', 'ec2:t3.medium:ri-1y-standard-no-upfront', 'alb:hour', 'ec2:t3.medium'], 'us-east-1').map((p) => p.key)).toEqual(['ec2:t3.medium']);
  });

  it('filters RDS by engine and deployment', () => {
    expect(liveProductOf('rds:db.t3.micro:postgresql:multi-az', 'eu-west-1')!.filters.map((f) => `${f.Field}=${f.Value}`)).toEqual([
      'instanceType=db.t3.micro',
      'regionCode=eu-west-1',
      'databaseEngine=PostgreSQL',
      'productFamily=Database Instance',
      'deploymentOption=Multi-AZ',
    ]);
  });
});

const T3 = liveProductOf('ec2:t3.medium', 'us-east-1')!;
const parse = (reserved: TermSpec[], onDemand = '0.0416') => () => parseProductPrices(T3, [priceItem({ sku: 'S', onDemand, reserved })]);

describe('invariants', () => {
  it('all upfront dearer than partial upfront is refused', () => {
    // Partial: 110 / 8760 + 0.0125 = 0.02506 /h; all upfront 230 / 8760 = 0.02626 /h.
    expect(
      parse([
        { years: 1, offeringClass: 'standard', option: 'Partial Upfront', hourly: '0.0125', upfront: '110' },
        { years: 1, offeringClass: 'standard', option: 'All Upfront', hourly: '0', upfront: '230' },
      ]),
    ).toThrow(/the 1y standard all-upfront reservation \(0\.0262\d+\/h effective\) costs more than the 1y standard partial-upfront one \(0\.0250\d+\/h\)/);
  });

  it('one cent under partial upfront passes', () => {
    // 219 / 8760 = 0.025 /h, just under 0.02506.
    expect(
      parse([
        { years: 1, offeringClass: 'standard', option: 'Partial Upfront', hourly: '0.0125', upfront: '110' },
        { years: 1, offeringClass: 'standard', option: 'All Upfront', hourly: '0', upfront: '219' },
      ])().prices['ec2:t3.medium:ri-1y-standard-all-upfront'],
    ).toEqual({ usd: 219, unit: 'year' });
  });

  it('a 3-year term dearer than the 1-year one is refused', () => {
    expect(
      parse([
        { years: 1, offeringClass: 'standard', option: 'No Upfront', hourly: '0.026' },
        { years: 3, offeringClass: 'standard', option: 'No Upfront', hourly: '0.027' },
      ]),
    ).toThrow(/the 3y standard no-upfront reservation \(0\.027\/h effective\) costs more than the 1y standard no-upfront one \(0\.026\/h\)/);
  });

  it('a zero on-demand price is refused', () => {
    expect(parse([], '0.0000000000')).toThrow(/the on-demand price is 0\/h/);
  });

  it('ignores purchase options other than the three (ElastiCache "Heavy Utilization")', () => {
    const item = priceItem({ sku: 'S', onDemand: '0.0416', reserved: [{ years: 1, option: 'No Upfront', hourly: '0.026' }] });
    const legacy = Object.values((item.terms as { Reserved: Record<string, { termAttributes: Record<string, string> }> }).Reserved)[0]!;
    legacy.termAttributes.PurchaseOption = 'Heavy Utilization';
    expect(Object.keys(parseProductPrices(T3, [item]).prices)).toEqual(['ec2:t3.medium']);
  });
});
