/**
 * Which price keys the live book covers, and the AWS Price List product each one is part of: one
 * `GetProducts` request per product returns its on-demand price and every reserved term, so the reserved
 * keys of a product (src/pricing/reserved.ts) come with its on-demand key. Pure.
 *
 * Filters follow docs/aws-notes.md "GetProducts filters and the price item"; rules that the API cannot
 * express as a filter (Aurora I/O-Optimized SKUs, ElastiCache extended support) are `exclude` rules applied
 * to the returned items.
 */
import { parseReservedKey } from './reserved.js';

export interface PriceListFilter {
  Type: 'TERM_MATCH';
  Field: string;
  Value: string;
}

/** One product of the AWS Price List: what to ask for, and which returned items are not it. */
export interface LiveProduct {
  /** The on-demand price key, which names the product (ec2:t3.medium). */
  key: string;
  serviceCode: 'AmazonEC2' | 'AmazonRDS' | 'AmazonElastiCache';
  filters: PriceListFilter[];
  /** Items whose attribute `attribute` contains `contains` are other products that the filters let through. */
  exclude: ReadonlyArray<{ attribute: string; contains: string }>;
}

const term = (Field: string, Value: string): PriceListFilter => ({ Type: 'TERM_MATCH', Field, Value });

/** The engine segment of an RDS key, as the Price List's `databaseEngine` spells it. */
const RDS_ENGINES: Readonly<Record<string, string>> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  'aurora-postgresql': 'Aurora PostgreSQL',
  'aurora-mysql': 'Aurora MySQL',
};

const EC2_INSTANCE = /^ec2:([a-z][a-z0-9-]*\.[a-z0-9]+)$/;
// Aurora keys have no deployment segment (the cluster spans zones whatever the instance); the others must.
const RDS_INSTANCE = /^rds:(db\.[a-z0-9-]+\.[a-z0-9]+):(postgresql|mysql|mariadb)(?::(single-az|multi-az))$|^rds:(db\.[a-z0-9-]+\.[a-z0-9]+):(aurora-postgresql|aurora-mysql)$/;
const CACHE_INSTANCE = /^elasticache:(cache\.[a-z0-9-]+\.[a-z0-9]+)$/;

/**
 * The product an on-demand instance key names, priced in `region`; undefined for any key the live book
 * does not cover (storage, I/O, transfer, other services: they keep the base book's price).
 */
function productOfBaseKey(key: string, region: string): LiveProduct | undefined {
  const ec2 = EC2_INSTANCE.exec(key);
  if (ec2) {
    return {
      key,
      serviceCode: 'AmazonEC2',
      filters: [
        term('instanceType', ec2[1]!),
        term('regionCode', region),
        term('operatingSystem', 'Linux'),
        term('tenancy', 'Shared'),
        term('preInstalledSw', 'NA'),
        // Without it the capacity-reservation SKUs of the same instance match too.
        term('capacitystatus', 'Used'),
        term('licenseModel', 'No License required'),
        // AWS once added CapacityBlock SKUs under the same attributes and broke tools that did not filter them.
        term('marketoption', 'OnDemand'),
      ],
      exclude: [],
    };
  }
  const rds = RDS_INSTANCE.exec(key);
  if (rds) {
    const aurora = rds[4] !== undefined;
    const instanceType = aurora ? rds[4]! : rds[1]!;
    const engine = RDS_ENGINES[aurora ? rds[5]! : rds[2]!]!;
    const filters = [term('instanceType', instanceType), term('regionCode', region), term('databaseEngine', engine), term('productFamily', 'Database Instance')];
    if (!aurora) filters.push(term('deploymentOption', rds[3] === 'multi-az' ? 'Multi-AZ' : 'Single-AZ'));
    // The catalog prices Aurora Standard (rds:io:aurora-standard): I/O-Optimized instances are another product.
    return { key, serviceCode: 'AmazonRDS', filters, exclude: aurora ? [{ attribute: 'storage', contains: 'IO Optimization' }] : [] };
  }
  const cache = CACHE_INSTANCE.exec(key);
  if (cache) {
    return {
      key,
      serviceCode: 'AmazonElastiCache',
      filters: [term('instanceType', cache[1]!), term('regionCode', region), term('cacheEngine', 'Redis'), term('productFamily', 'Cache Instance')],
      exclude: [{ attribute: 'usagetype', contains: 'ExtendedSupport' }],
    };
  }
  return undefined;
}

/** The product behind a key (its own, or the one a reserved key discounts); undefined when not covered. */
export function liveProductOf(key: string, region: string): LiveProduct | undefined {
  return productOfBaseKey(parseReservedKey(key)?.baseKey ?? key, region);
}

/** The distinct products behind `keys`, in the order first named (one request each). */
export function liveProductsFor(keys: Iterable<string>, region: string): LiveProduct[] {
  const products = new Map<string, LiveProduct>();
  for (const key of keys) {
    const product = liveProductOf(key, region);
    if (product && !products.has(product.key)) products.set(product.key, product);
  }
  return [...products.values()];
}
