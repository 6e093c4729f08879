import type { Upfront } from '../model/catalog-types.js';
import type { BookReservation, ReservationLookup, TermYears } from '../model/purchase-rates.js';
import type { PriceBook } from './price-book.js';
import { effectiveHourlyUsd, reservedKey, type PurchaseOption } from './reserved.js';

const OPTION: Readonly<Record<Upfront, PurchaseOption>> = { none: 'no-upfront', partial: 'partial-upfront', all: 'all-upfront' };

/**
 * The standard reservations a book holds, in the snapshot's key scheme (./reserved.ts): no upfront in `hour`,
 * all upfront in `year` (upfront ÷ term years), partial upfront as `:hourly` (hour) + `:upfront` (year). A partial
 * reservation with only one of its halves is incomplete and counts as absent (the engine falls back to the catalog).
 * @example bookReservations(snapshot).reservation('ec2:t3.medium', 3, 'all')
 *   // { keys: ['ec2:t3.medium:ri-3y-standard-all-upfront'], hourlyUsd: 0, upfrontUsd: 411, effectiveHourlyUsd: 0.01564, … }
 */
export function bookReservations(book: PriceBook): ReservationLookup {
  const quote = (key: string, unit: 'hour' | 'year') => {
    if (!book.has(key)) return undefined;
    const price = book.price(key);
    return price.unit === unit ? price : undefined;
  };
  return {
    reservation(baseKey: string, termYears: TermYears, upfront: Upfront): BookReservation | undefined {
      const key = reservedKey(baseKey, termYears, 'standard', OPTION[upfront]);
      const parts =
        upfront === 'none'
          ? [quote(key, 'hour'), undefined]
          : upfront === 'all'
            ? [undefined, quote(key, 'year')]
            : [quote(`${key}:hourly`, 'hour'), quote(`${key}:upfront`, 'year')];
      const [hourly, yearly] = parts;
      if ((upfront !== 'all' && hourly === undefined) || (upfront !== 'none' && yearly === undefined)) return undefined;
      const hourlyUsd = hourly?.usdPerUnit ?? 0;
      const upfrontUsd = (yearly?.usdPerUnit ?? 0) * termYears;
      const present = [hourly, yearly].filter((p) => p !== undefined);
      return {
        keys: present.map((p) => p.key),
        hourlyUsd,
        upfrontUsd,
        effectiveHourlyUsd: effectiveHourlyUsd({ hourlyUsd, upfrontUsd, termYears }),
        source: [...new Set(present.map((p) => p.source))].join('; '),
      };
    },
  };
}
