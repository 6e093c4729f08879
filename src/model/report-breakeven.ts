import type { Catalog } from './catalog-types.js';
import { breakeven, claimedPremiumUsers } from './breakeven.js';
import type { PriceLookup } from './cost.js';
import type { Thresholds } from './plan.js';
import { boughtTotalUsd, type PurchaseInput } from './purchase.js';

/** Where one margin first reaches 0: the user count, its premium users and its phase; all null when it never does. */
export interface ReportBreakevenPoint {
  users: number | null;
  premiumUsers: number | null;
  phase: number | null;
}

/** The report's break-even: `cuenta-plan breakeven` at the catalog's own opex, without the profitable ranges. */
export interface ReportBreakeven {
  /** Gross margin (MRR − fees − infrastructure) ≥ 0. */
  infrastructureOnly: ReportBreakevenPoint;
  /** Contribution margin (gross margin − opex) ≥ 0. */
  withOpex: ReportBreakevenPoint;
  /** The opex at which the document's claimed premium users would be the break-even; null without the claim. */
  impliedOpexUsd: number | null;
  /** The catalog's revenue.opex_usd_per_month. */
  opexUsd: number;
}

export interface ReportBreakevenInput {
  catalog: Catalog;
  book: PriceLookup;
  thresholds: Thresholds;
  purchase?: PurchaseInput;
}

const pointOf = ({ users, premiumUsers, phase }: ReportBreakevenPoint): ReportBreakevenPoint => ({ users, premiumUsers, phase });

/**
 * The break-even search of `cuenta-plan breakeven` (./breakeven.ts), priced with the report's book and bought under
 * its purchase strategy, so that its figures are the ones that command prints for the same catalog and flags.
 * @returns null for a catalog without a revenue section (nothing earns, nothing breaks even)
 */
export function reportBreakeven({ catalog, book, thresholds, purchase }: ReportBreakevenInput): ReportBreakeven | null {
  const revenue = catalog.revenue;
  if (!revenue) return null;
  const opexUsd = revenue.opexUsdPerMonth.value;
  const found = breakeven({
    catalog,
    revenue,
    thresholds,
    infrastructureUsd: boughtTotalUsd(book, purchase),
    opexUsd,
    claimedPremiumUsers: claimedPremiumUsers(catalog),
  });
  return { infrastructureOnly: pointOf(found.infrastructureOnly), withOpex: pointOf(found.withOpex), impliedOpexUsd: found.impliedOpexUsd, opexUsd };
}
