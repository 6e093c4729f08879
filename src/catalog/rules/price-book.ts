/**
 * Rules against the price book the command will price with (passed in, never read here): the catalog's
 * region is the book's, every price key is in it, and every quantity is in its price's unit.
 */
import type { Catalog } from '../../model/catalog-types.js';
import { describeDimension, describeUnitFamily, quantityFitsUnit, PRICE_UNIT_DIMENSION, type PriceUnit } from '../../model/units.js';
import { didYouMean } from '../../pricing/levenshtein.js';
import type { PriceBook } from '../../pricing/price-book.js';
import type { SnapshotMeta } from '../../pricing/snapshot-book.js';
import { DEFAULT_REGION } from '../schema.js';
import type { ProblemList } from '../problems.js';
import type { LineDimensions } from './formulas.js';

/** What validation needs of a price book: its keys, each key's unit, its region and its file. */
export type ValidationBook = Pick<PriceBook, 'has' | 'keys' | 'price'> & { readonly meta: Pick<SnapshotMeta, 'origin' | 'region'> };

/** A formula that is in each family, for "write it in …" hints. */
const EXAMPLES: ReadonlyArray<[PriceUnit, string]> = [
  ['hour', '"=instance_hours"'],
  ['month', '"=instances"'],
  ['gb-month', '"=users * storage_gb_per_user"'],
  ['gb', '"=monthly_active_minutes * transfer_mb_per_active_minute / 1000"'],
  ['million-requests', '"=monthly_requests / 1e6"'],
];
const exampleFor = (unit: PriceUnit): string => {
  const family = describeUnitFamily(unit);
  return EXAMPLES.find(([u]) => describeUnitFamily(u) === family)?.[1] ?? '';
};

export function checkPriceBook(catalog: Catalog, book: ValidationBook, dimensions: LineDimensions, problems: ProblemList): void {
  const { origin, region: bookRegion } = book.meta;
  const region = catalog.region ?? DEFAULT_REGION;
  if (region !== bookRegion) {
    const named = catalog.region === undefined ? `names no region (so ${DEFAULT_REGION})` : `is for region ${region}`;
    problems.error(['region'], `the catalog ${named} but the price book ${origin} is for ${bookRegion}: pass --prices FILE with ${region} prices, or set region: ${bookRegion} if the catalog is meant for it`);
  }
  catalog.phases.forEach((phase, i) => {
    phase.components.forEach((component, j) => {
      component.cost.forEach((line, k) => {
        const at = ['phases', i, 'components', j, 'cost', k];
        if (!book.has(line.priceKey)) {
          problems.error([...at, 'price'], `price key "${line.priceKey}" is not in the price snapshot (${origin}): fix the key or add its price there${didYouMean(line.priceKey, book.keys())}`);
          return;
        }
        const priceUnit = book.price(line.priceKey).unit;
        if (line.unit !== undefined) {
          if (line.unit !== priceUnit) {
            problems.error([...at, 'unit'], `the line declares unit: ${line.unit} but price "${line.priceKey}" is per ${priceUnit} in ${origin}; convert the quantity and write unit: ${priceUnit}`);
          }
          return;
        }
        const dimension = dimensions.get(line);
        if (dimension === undefined || quantityFitsUnit(dimension, priceUnit)) return;
        const formula = typeof line.quantity === 'number' ? String(line.quantity) : `"=${line.quantity.text}"`;
        const example = exampleFor(priceUnit);
        problems.error(
          [...at, 'quantity'],
          `the quantity ${formula} is in ${describeDimension(dimension)}, but price "${line.priceKey}" is per ${priceUnit} (${describeDimension(PRICE_UNIT_DIMENSION[priceUnit])}) in ${origin}: ` +
            `write the quantity in ${describeUnitFamily(priceUnit)}${example ? ` (e.g. ${example})` : ''}, or declare unit: ${priceUnit} on the line if a constant in the formula converts`,
        );
      });
    });
  });
}
