/**
 * The break-even claim ("~50K premium users"), read from the break-even search (./breakeven.ts) on the same
 * price book as every other figure of the audit. The verdict uses the contribution break-even (margin after
 * opex): a business "breaks even" when it covers all its costs, and the document's figure is far above where
 * infrastructure alone is covered, so it can only mean that one; the reason gives both and the opex the claim
 * implies.
 */
import type { Catalog } from './catalog-types.js';
import { breakeven } from './breakeven.js';
import type { Reading } from './claims-phase.js';
import type { PriceLookup } from './cost.js';
import { groupedDecimal } from './decimal-text.js';
import { usdText } from './money.js';
import type { Thresholds } from './plan.js';
import { boughtTotalUsd } from './purchase.js';

export interface BreakevenReading extends Reading {
  phase: number | null;
  users: number | null;
}

const int = (n: number) => groupedDecimal(n, 0);
const users = (n: number) => `${int(n)} user${n === 1 ? '' : 's'}`;

export function readBreakeven(catalog: Catalog, book: PriceLookup, thresholds: Thresholds, claimedPremiumUsers: number): BreakevenReading {
  const revenue = catalog.revenue;
  if (!revenue) return { value: null, verdictWithoutValue: null, detail: 'the catalog has no revenue: section', phase: null, users: null };
  const opexUsd = revenue.opexUsdPerMonth.value;
  const b = breakeven({ catalog, revenue, thresholds, infrastructureUsd: boughtTotalUsd(book), opexUsd, claimedPremiumUsers });
  const infra =
    b.infrastructureOnly.users === null
      ? 'never breaks even within the catalog'
      : `breaks even at ${users(b.infrastructureOnly.users)} (${int(b.infrastructureOnly.premiumUsers!)} premium)`;
  const implied =
    b.impliedAt === null || b.impliedOpexUsd === null
      ? `${int(claimedPremiumUsers)} premium users lie beyond the catalog's ${int(b.range.to)} users`
      : `${int(claimedPremiumUsers)} premium users (${int(b.impliedAt.users)} users) break even with ${usdText(b.impliedOpexUsd)} of opex`;
  const context = `infrastructure alone ${infra}; ${implied}`;
  const { premiumUsers, phase } = b.withOpex;
  const at = b.withOpex.users;
  if (at === null) {
    // No user count up to the catalog's top covers the opex: the claim is wrong for this catalog, whatever N it meant.
    return { value: null, verdictWithoutValue: false, detail: `with ${usdText(opexUsd)} of opex a month, no user count up to ${int(b.range.to)} breaks even; ${context}`, phase: null, users: null };
  }
  return {
    value: premiumUsers,
    detail: `with ${usdText(opexUsd)} of opex a month, the margin first reaches $0 at ${users(at)} (phase ${phase}), ${int(premiumUsers!)} of them premium; ${context}`,
    phase,
    users: at,
  };
}
