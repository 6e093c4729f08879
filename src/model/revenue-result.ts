/**
 * The revenue section of simulate, compare and sweep results: ./revenue.ts's figures, money rounded to the cent.
 * A catalog without a revenue section has none (the field is absent).
 */
import type { Catalog } from './catalog-types.js';
import { roundCents, roundTo } from './money.js';
import { revenueAt, type RevenueAt } from './revenue.js';

/** The figures every command reports (the JSON contract). */
export interface RevenueFigures {
  mrrUsd: number;
  /** Users on per-user plans (the bundled catalog's premium users). */
  premiumUsers: number;
  /** Groups on per-group plans (the bundled catalog's schools). */
  enterpriseSchools: number;
  feesUsd: number;
  opexUsd: number;
  /** mrrUsd − feesUsd − cost.totalUsd. */
  grossMarginUsd: number;
  /** grossMarginUsd − opexUsd. */
  contributionMarginUsd: number;
}

/** simulate's section adds the per-plan breakdown. */
export interface RevenueSection extends RevenueFigures {
  plans: Array<{ id: string; name: string; per: 'user' | 'group'; users: number; groups: number | null; usdPerUnit: number; mrrUsd: number }>;
}

export function revenueFigures(r: RevenueAt): RevenueFigures {
  return {
    mrrUsd: roundCents(r.mrrUsd),
    premiumUsers: r.premiumUsers,
    enterpriseSchools: r.enterpriseSchools,
    feesUsd: roundCents(r.feesUsd),
    opexUsd: roundCents(r.opexUsd),
    grossMarginUsd: roundCents(r.grossMarginUsd),
    contributionMarginUsd: roundCents(r.contributionMarginUsd),
  };
}

export function revenueSection(r: RevenueAt): RevenueSection {
  return {
    ...revenueFigures(r),
    plans: r.plans.map((p) => ({ id: p.id, name: p.name, per: p.per, users: roundTo(p.users, 2), groups: p.groups, usdPerUnit: p.usdPerUnit, mrrUsd: roundCents(p.mrrUsd) })),
  };
}

/** Revenue at N for a catalog that models it; undefined for one without a revenue section. */
export const revenueOf = (catalog: Catalog, users: number, infrastructureUsd: number): RevenueAt | undefined =>
  catalog.revenue && revenueAt(catalog.revenue, users, infrastructureUsd);
