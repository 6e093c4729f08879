/**
 * Which keys the live book covers, and the invariants a product's prices must keep (docs/aws-notes.md:
 * every reservation below on-demand; all ≤ partial ≤ no upfront; 3 y ≤ 1 y, on the effective hourly rate).
 */
import { describe, expect, it } from 'vitest';
import { LivePriceError } from '../../src/pricing/live-errors.js';
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

  // Each product in full, filters as docs/aws-notes.md "GetProducts filters and the price item" lists them.
  const term = (Field: string, Value: string) => ({ Type: 'TERM_MATCH', Field, Value });
  it('EC2: Linux, shared tenancy, no pre-installed software, used capacity, no licence, on-demand market; nothing excluded', () => {
    expect(liveProductOf('ec2:m6i.large', 'eu-west-1')).toEqual({
      key: 'ec2:m6i.large',
      serviceCode: 'AmazonEC2',
      filters: [
        term('instanceType', 'm6i.large'),
        term('regionCode', 'eu-west-1'),
        term('operatingSystem', 'Linux'),
        term('tenancy', 'Shared'),
        term('preInstalledSw', 'NA'),
        term('capacitystatus', 'Used'),
        term('licenseModel', 'No License required'),
        term('marketoption', 'OnDemand'),
      ],
      exclude: [],
    });
  });

  it('RDS single-AZ MySQL: the engine as the Price List spells it; nothing excluded', () => {
    expect(liveProductOf('rds:db.t3.large:mysql:single-az', 'us-east-1')).toEqual({
      key: 'rds:db.t3.large:mysql:single-az',
      serviceCode: 'AmazonRDS',
      filters: [term('instanceType', 'db.t3.large'), term('regionCode', 'us-east-1'), term('databaseEngine', 'MySQL'), term('productFamily', 'Database Instance'), term('deploymentOption', 'Single-AZ')],
      exclude: [],
    });
  });

  it.each([
    ['mariadb', 'MariaDB'],
    ['postgresql', 'PostgreSQL'],
  ])('RDS engine %s is asked for as %s', (engine, spelled) => {
    const filters = liveProductOf(`rds:db.m6g.large:${engine}:single-az`, 'us-east-1')!.filters;
    expect(filters).toContainEqual(term('databaseEngine', spelled));
  });

  it('Aurora: no deployment filter (the cluster spans zones), and the I/O-Optimized items excluded', () => {
    expect(liveProductOf('rds:db.r6g.large:aurora-mysql', 'us-east-1')).toEqual({
      key: 'rds:db.r6g.large:aurora-mysql',
      serviceCode: 'AmazonRDS',
      filters: [term('instanceType', 'db.r6g.large'), term('regionCode', 'us-east-1'), term('databaseEngine', 'Aurora MySQL'), term('productFamily', 'Database Instance')],
      exclude: [{ attribute: 'storage', contains: 'IO Optimization' }],
    });
    expect(liveProductOf('rds:db.r6g.large:aurora-postgresql', 'us-east-1')!.filters).toContainEqual(term('databaseEngine', 'Aurora PostgreSQL'));
  });

  it('ElastiCache: Redis cache instances, extended-support usage types excluded', () => {
    expect(liveProductOf('elasticache:cache.t4g.small', 'us-east-1')).toEqual({
      key: 'elasticache:cache.t4g.small',
      serviceCode: 'AmazonElastiCache',
      filters: [term('instanceType', 'cache.t4g.small'), term('regionCode', 'us-east-1'), term('cacheEngine', 'Redis'), term('productFamily', 'Cache Instance')],
      exclude: [{ attribute: 'usagetype', contains: 'ExtendedSupport' }],
    });
  });

  it('several products in the order first named, each once', () => {
    const keys = ['elasticache:cache.t4g.small:ri-1y-standard-no-upfront', 'ec2:t3.medium', 's3:standard:gb-month', 'elasticache:cache.t4g.small', 'ec2:t3.medium:ri-3y-standard-all-upfront'];
    expect(liveProductsFor(keys, 'us-east-1').map((p) => p.key)).toEqual(['elasticache:cache.t4g.small', 'ec2:t3.medium']);
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

describe('what cannot be the product’s price', () => {
  const base = () => priceItem({ sku: 'S', onDemand: '0.0416', reserved: [{ years: 1, offeringClass: 'standard', option: 'No Upfront', hourly: '0.026' }] });
  type Item = ReturnType<typeof priceItem> & { terms: { OnDemand: Record<string, Record<string, unknown>>; Reserved: Record<string, Record<string, unknown>> } };
  const edited = (edit: (item: Item) => void) => {
    const item = base() as Item;
    edit(item);
    return () => parseProductPrices(T3, [item]);
  };
  const onDemandTerm = (item: Item) => Object.values(item.terms.OnDemand)[0]!;
  const reservedTerm = (item: Item) => Object.values(item.terms.Reserved)[0]!;
  const PREFIX = 'live prices for ec2:t3.medium: ';

  it.each<[string, () => unknown]>([
    ['price list item 2 is not a product with a sku, attributes and terms', () => parseProductPrices(T3, [base(), { product: { sku: 'S' } }])],
    ['the AWS price list has no AmazonEC2 product with instanceType=t3.medium', () => parseProductPrices(T3, [])],
    ['2 SKUs match (A, B) in AmazonEC2', () => parseProductPrices(T3, [priceItem({ sku: 'B', onDemand: '0.04' }), priceItem({ sku: 'A', onDemand: '0.04' })])],
    ['term X has no priceDimensions', edited((item) => (item.terms.OnDemand = { X: {} }))],
    [
      'has no USD price as a decimal text and a unit',
      edited((item) => {
        const dimension = Object.values(onDemandTerm(item).priceDimensions as Record<string, { pricePerUnit: { USD: string } }>)[0]!;
        dimension.pricePerUnit.USD = '4.16e-2';
      }),
    ],
    ['the product has no on-demand hourly price', edited((item) => (item.terms.OnDemand = {}))],
    ['the product has 2 on-demand hourly prices', edited((item) => (item.terms.OnDemand.SECOND = structuredClone(onDemandTerm(item))))],
    ['has a price dimension in "GB", neither Hrs nor Quantity', edited((item) => (Object.values(reservedTerm(item).priceDimensions as Record<string, { unit: string }>)[0]!.unit = 'GB'))],
    ['the 1y standard no-upfront reservation appears twice', edited((item) => (item.terms.Reserved.AGAIN = structuredClone(reservedTerm(item))))],
    ['the 1y standard no-upfront reservation costs 0.05/h effective, not less than on-demand 0.0416/h', () => parse([{ years: 1, offeringClass: 'standard', option: 'No Upfront', hourly: '0.05' }])()],
  ])('refuses: %s', (why, call) => {
    expect(call).toThrow(LivePriceError);
    expect(call).toThrow(`${PREFIX}`);
    expect(call).toThrow(why);
  });

  it('keeps the item’s publication date, and stores partial upfront as an hourly key and a yearly upfront key', () => {
    // 3-year partial upfront: $224 upfront over 3 years = $74.67 a year; $0.0085 an hour.
    const parsed = parseProductPrices(T3, [priceItem({ sku: 'S', onDemand: '0.0416', reserved: [{ years: 3, offeringClass: 'standard', option: 'Partial Upfront', hourly: '0.0085', upfront: '224' }] })]);
    expect(parsed.sku).toBe('S');
    expect(parsed.publicationDate).toBe('2026-12-01T00:00:00Z');
    expect(parsed.prices['ec2:t3.medium:ri-3y-standard-partial-upfront:hourly']).toEqual({ usd: 0.0085, unit: 'hour' });
    expect(parsed.prices['ec2:t3.medium:ri-3y-standard-partial-upfront:upfront']!.usd).toBeCloseTo(224 / 3, 12);
    const { publicationDate: _dropped, ...undated } = priceItem({ sku: 'S', onDemand: '0.0416' });
    expect(parseProductPrices(T3, [undated]).publicationDate).toBeUndefined();
  });

  it('skips items of excluded variants before it counts SKUs (Aurora I/O-Optimized storage)', () => {
    const aurora = liveProductOf('rds:db.r6g.large:aurora-postgresql', 'us-east-1')!;
    const item = (sku: string, storage: string) => priceItem({ sku, serviceCode: 'AmazonRDS', onDemand: '0.26', attributes: { storage } });
    expect(parseProductPrices(aurora, [item('IO', 'Aurora IO Optimization Mode'), item('STD', 'EBS Only')]).sku).toBe('STD');
  });
});
