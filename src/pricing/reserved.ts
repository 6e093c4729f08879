import { InputError } from '../model/input-error.js';
/**
 * Reserved-capacity price keys and the effective hourly rate of a reservation.
 *
 * Keys append `ri-<1y|3y>-<standard|convertible>-<no|partial|all>-upfront` to the on-demand key;
 * partial-upfront prices are split into `:hourly` (recurring fee, `hour`) and `:upfront` (`year`).
 * All-upfront prices are stored in `year` units as upfront ÷ term years.
 */

export const HOURS_PER_YEAR = 8760;

export type TermYears = 1 | 3;
export type OfferingClass = 'standard' | 'convertible';
export type PurchaseOption = 'no-upfront' | 'partial-upfront' | 'all-upfront';

export interface ReservedKey {
  /** The on-demand key the reservation discounts, e.g. "ec2:m6i.large". */
  baseKey: string;
  termYears: TermYears;
  offeringClass: OfferingClass;
  purchaseOption: PurchaseOption;
  /** For partial upfront: which half of the price the key holds. */
  part?: 'hourly' | 'upfront';
}

const RESERVED = /^(.+):ri-(1|3)y-(standard|convertible)-(no|partial|all)-upfront(?::(hourly|upfront))?$/;

/** Parses a reserved-capacity key; undefined for any other key. */
export function parseReservedKey(key: string): ReservedKey | undefined {
  const match = RESERVED.exec(key);
  if (match === null) return undefined;
  const [, baseKey = '', years, offeringClass, option, part] = match;
  const parsed: ReservedKey = {
    baseKey,
    termYears: years === '3' ? 3 : 1,
    offeringClass: offeringClass === 'convertible' ? 'convertible' : 'standard',
    purchaseOption: `${option}-upfront` as PurchaseOption,
  };
  if (part === 'hourly' || part === 'upfront') parsed.part = part;
  return parsed;
}

/** The key of a reservation of `baseKey` (without the `:hourly`/`:upfront` part). */
export function reservedKey(baseKey: string, termYears: TermYears, offeringClass: OfferingClass, purchaseOption: PurchaseOption): string {
  return `${baseKey}:ri-${termYears}y-${offeringClass}-${purchaseOption}`;
}

/**
 * Effective hourly rate of a reservation = upfront ÷ (8760 × years) + hourly (docs/aws-notes.md,
 * "GetProducts filters and the price item"). 8760 = 365 × 24 hours in a reserved year.
 * @example effectiveHourlyUsd({ hourlyUsd: 0, upfrontUsd: 996, termYears: 3 }) // 0.0379 (m6i.large 3 y all upfront)
 * @throws RangeError for negative or non-finite fees.
 */
export function effectiveHourlyUsd(fees: { hourlyUsd: number; upfrontUsd: number; termYears: TermYears }): number {
  const { hourlyUsd, upfrontUsd, termYears } = fees;
  if (!(Number.isFinite(hourlyUsd) && hourlyUsd >= 0 && Number.isFinite(upfrontUsd) && upfrontUsd >= 0)) {
    throw new InputError(`reservation fees must be finite and ≥ 0; got hourly ${hourlyUsd}, upfront ${upfrontUsd}`);
  }
  return upfrontUsd / (HOURS_PER_YEAR * termYears) + hourlyUsd;
}
