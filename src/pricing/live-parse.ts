/**
 * Turns the AWS Price List items of one product into price-book entries under the snapshot's key scheme
 * (src/pricing/reserved.ts), and rejects what cannot be the product's price. Pure.
 *
 * Item structure (docs/aws-notes.md): `{ product: { sku, attributes }, terms: { OnDemand: { "SKU.TERM":
 * { priceDimensions: { …: { unit: "Hrs", pricePerUnit: { USD } } } } }, Reserved: { "SKU.TERM":
 * { priceDimensions: { hourly "Hrs", upfront "Quantity" }, termAttributes: { LeaseContractLength,
 * OfferingClass, PurchaseOption } } } } }`.
 */
import type { PriceUnit } from '../model/units.js';
import { LivePriceError } from './live-errors.js';
import type { LiveProduct } from './live-products.js';
import { effectiveHourlyUsd, HOURS_PER_YEAR, reservedKey, type OfferingClass, type PurchaseOption, type TermYears } from './reserved.js';

export interface LivePrice {
  usd: number;
  unit: PriceUnit;
}

export interface ParsedProduct {
  sku: string;
  /** The item's publicationDate, when it has one (ISO text as AWS gives it). */
  publicationDate?: string;
  /** Every price of the product by key: the on-demand key and its reserved keys. */
  prices: Record<string, LivePrice>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const USD_TEXT = /^\d+(\.\d+)?$/;

interface Dimension {
  unit: string;
  usd: number;
}

function dimensionsOf(termName: string, term: unknown, fail: (why: string) => never): Dimension[] {
  if (!isObject(term) || !isObject(term.priceDimensions)) fail(`term ${termName} has no priceDimensions`);
  return Object.entries(term.priceDimensions).map(([name, dimension]) => {
    const usd = isObject(dimension) && isObject(dimension.pricePerUnit) ? dimension.pricePerUnit.USD : undefined;
    const unit = isObject(dimension) ? dimension.unit : undefined;
    if (typeof usd !== 'string' || !USD_TEXT.test(usd) || typeof unit !== 'string') {
      fail(`price dimension ${name} of term ${termName} has no USD price as a decimal text and a unit`);
    }
    return { unit, usd: Number(usd) };
  });
}

const TERM_YEARS: Readonly<Record<string, TermYears>> = { '1yr': 1, '3yr': 3 };
const OPTIONS: Readonly<Record<string, PurchaseOption>> = {
  'No Upfront': 'no-upfront',
  'Partial Upfront': 'partial-upfront',
  'All Upfront': 'all-upfront',
};

interface Reservation {
  termYears: TermYears;
  offeringClass: OfferingClass;
  purchaseOption: PurchaseOption;
  hourlyUsd: number;
  upfrontUsd: number;
}

/** A reserved term of one of the three purchase options, or undefined for others (ElastiCache's legacy "Heavy Utilization"). */
function reservation(termName: string, term: unknown, fail: (why: string) => never): Reservation | undefined {
  const attributes = isObject(term) && isObject(term.termAttributes) ? term.termAttributes : {};
  const termYears = TERM_YEARS[String(attributes.LeaseContractLength)];
  const purchaseOption = OPTIONS[String(attributes.PurchaseOption)];
  if (termYears === undefined || purchaseOption === undefined) return undefined;
  // RDS and ElastiCache reservations carry no OfferingClass: they are standard (src/pricing/reserved.ts).
  const offeringClass: OfferingClass = attributes.OfferingClass === 'convertible' ? 'convertible' : 'standard';
  let hourlyUsd = 0;
  let upfrontUsd = 0;
  for (const { unit, usd } of dimensionsOf(termName, term, fail)) {
    if (unit === 'Hrs') hourlyUsd += usd;
    else if (unit === 'Quantity') upfrontUsd += usd;
    else fail(`term ${termName} has a price dimension in "${unit}", neither Hrs nor Quantity`);
  }
  return { termYears, offeringClass, purchaseOption, hourlyUsd, upfrontUsd };
}

/** The keys and prices of one reservation, as the snapshot stores them (src/pricing/reserved.ts). */
function reservedEntries(base: string, r: Reservation): Array<[string, LivePrice]> {
  const key = reservedKey(base, r.termYears, r.offeringClass, r.purchaseOption);
  switch (r.purchaseOption) {
    case 'no-upfront':
      return [[key, { usd: effectiveHourlyUsd(r), unit: 'hour' }]];
    case 'partial-upfront':
      return [
        [`${key}:hourly`, { usd: r.hourlyUsd, unit: 'hour' }],
        [`${key}:upfront`, { usd: r.upfrontUsd / r.termYears, unit: 'year' }],
      ];
    case 'all-upfront':
      // An hourly fee on an all-upfront term would be unusual; folded in, the year's price is still exact.
      return [[key, { usd: r.upfrontUsd / r.termYears + r.hourlyUsd * HOURS_PER_YEAR, unit: 'year' }]];
  }
}

/**
 * Reserved ≥ on-demand, a larger upfront payment dearer than a smaller one, or a 3-year term dearer than
 * the 1-year one: none is a price AWS sells, all have been seen when an add-on SKU's price landed on a base
 * product. Compared on the effective hourly rate (upfront ÷ (8760 × years) + hourly).
 */
function checkInvariants(onDemandUsd: number, reservations: readonly Reservation[], fail: (why: string) => never): void {
  const rate = (r: Reservation) => effectiveHourlyUsd(r);
  const name = (r: Reservation) => `${r.termYears}y ${r.offeringClass} ${r.purchaseOption}`;
  const find = (years: TermYears, offeringClass: OfferingClass, option: PurchaseOption) =>
    reservations.find((r) => r.termYears === years && r.offeringClass === offeringClass && r.purchaseOption === option);
  for (const r of reservations) {
    if (rate(r) >= onDemandUsd) fail(`the ${name(r)} reservation costs ${rate(r)}/h effective, not less than on-demand ${onDemandUsd}/h`);
    const dearer: Array<Reservation | undefined> = [];
    if (r.purchaseOption === 'all-upfront') dearer.push(find(r.termYears, r.offeringClass, 'partial-upfront'), find(r.termYears, r.offeringClass, 'no-upfront'));
    if (r.purchaseOption === 'partial-upfront') dearer.push(find(r.termYears, r.offeringClass, 'no-upfront'));
    if (r.termYears === 3) dearer.push(find(1, r.offeringClass, r.purchaseOption));
    for (const other of dearer) {
      if (other && rate(r) > rate(other)) fail(`the ${name(r)} reservation (${rate(r)}/h effective) costs more than the ${name(other)} one (${rate(other)}/h)`);
    }
  }
}

/**
 * The prices of `product` from its GetProducts items (already JSON-parsed).
 * @throws LivePriceError when no item or several SKUs match, an item is malformed, the on-demand hourly
 *   price is missing or ambiguous, a reserved term appears twice, or the prices break an invariant.
 */
export function parseProductPrices(product: LiveProduct, items: readonly unknown[]): ParsedProduct {
  const fail = (why: string): never => {
    throw new LivePriceError(product.key, why);
  };
  const matching = items.filter((item, i): item is Json => {
    if (!isObject(item) || !isObject(item.product) || typeof item.product.sku !== 'string' || !isObject(item.product.attributes) || !isObject(item.terms)) {
      return fail(`price list item ${i + 1} is not a product with a sku, attributes and terms`);
    }
    const attributes = item.product.attributes;
    return !product.exclude.some(({ attribute, contains }) => String(attributes[attribute] ?? '').includes(contains));
  });
  const filters = product.filters.map((f) => `${f.Field}=${f.Value}`).join(', ');
  if (matching.length === 0) fail(`the AWS price list has no ${product.serviceCode} product with ${filters}`);
  const skus = [...new Set(matching.map((item) => (item.product as Json).sku as string))].sort();
  if (skus.length > 1) fail(`${skus.length} SKUs match (${skus.join(', ')}) in ${product.serviceCode} with ${filters}; refusing to guess which is the price`);
  const item = matching[0]!;
  const terms = item.terms as Json;

  const onDemand = Object.entries(isObject(terms.OnDemand) ? terms.OnDemand : {}).flatMap(([name, term]) =>
    dimensionsOf(name, term, fail).filter((d) => d.unit === 'Hrs'),
  );
  if (onDemand.length !== 1) fail(onDemand.length === 0 ? 'the product has no on-demand hourly price' : `the product has ${onDemand.length} on-demand hourly prices`);
  const onDemandUsd = onDemand[0]!.usd;
  if (onDemandUsd <= 0) fail(`the on-demand price is ${onDemandUsd}/h, which no running instance costs`);

  const reservations: Reservation[] = [];
  for (const [name, term] of Object.entries(isObject(terms.Reserved) ? terms.Reserved : {})) {
    const r = reservation(name, term, fail);
    if (r === undefined) continue;
    if (reservations.some((o) => o.termYears === r.termYears && o.offeringClass === r.offeringClass && o.purchaseOption === r.purchaseOption)) {
      fail(`the ${r.termYears}y ${r.offeringClass} ${r.purchaseOption} reservation appears twice`);
    }
    reservations.push(r);
  }
  checkInvariants(onDemandUsd, reservations, fail);

  const prices: Record<string, LivePrice> = { [product.key]: { usd: onDemandUsd, unit: 'hour' } };
  for (const r of reservations) for (const [key, price] of reservedEntries(product.key, r)) prices[key] = price;
  const parsed: ParsedProduct = { sku: skus[0]!, prices };
  if (typeof item.publicationDate === 'string') parsed.publicationDate = item.publicationDate;
  return parsed;
}
