/** The versioned result of `cuenta-plan breakeven`: ./breakeven.ts's analysis with what it was computed from. */
import type { BreakevenAnalysis, BreakevenPoint, UserRange } from './breakeven.js';
import type { Override } from './overrides.js';
import type { BreakevenUncertainty } from './uncertainty-breakeven.js';

export const BREAKEVEN_SCHEMA_VERSION = 1;

export interface BreakevenResult {
  schemaVersion: typeof BREAKEVEN_SCHEMA_VERSION;
  command: 'breakeven';
  /** Gross margin (MRR − fees − infrastructure) ≥ 0. */
  infrastructureOnly: BreakevenPoint;
  /** Contribution margin (gross margin − opex) ≥ 0. */
  withOpex: BreakevenPoint;
  /** The opex at which the claimed premium users would be the contribution break-even; null without the claim. */
  impliedOpexUsd: number | null;
  /** The claim behind impliedOpexUsd: its premium users and the user count that holds them; null without it. */
  impliedAt: { premiumUsers: number; users: number } | null;
  opexUsd: number;
  opexFrom: 'catalog' | 'option';
  /** The user counts searched: the catalog's phases, from 1 user. */
  range: UserRange;
  /** The purchase strategy infrastructure was priced under. */
  purchase: string;
  pricing: { book: string; description: string };
  /** User counts sized and priced by the search. */
  evaluations: number;
  overrides: Override[];
  /** With --samples: the spread of the contribution break-even and of the implied opex over the catalog's distributions. */
  uncertainty?: BreakevenUncertainty;
}

export interface BreakevenContext {
  opexUsd: number;
  opexFrom: BreakevenResult['opexFrom'];
  purchase: string;
  pricing: BreakevenResult['pricing'];
  overrides: Override[];
  uncertainty?: BreakevenUncertainty;
}

export function breakevenResult(analysis: BreakevenAnalysis, context: BreakevenContext): BreakevenResult {
  return {
    schemaVersion: BREAKEVEN_SCHEMA_VERSION,
    command: 'breakeven',
    infrastructureOnly: analysis.infrastructureOnly,
    withOpex: analysis.withOpex,
    impliedOpexUsd: analysis.impliedOpexUsd,
    impliedAt: analysis.impliedAt,
    opexUsd: context.opexUsd,
    opexFrom: context.opexFrom,
    range: analysis.range,
    purchase: context.purchase,
    pricing: context.pricing,
    evaluations: analysis.evaluations,
    overrides: context.overrides,
    ...(context.uncertainty === undefined ? {} : { uncertainty: context.uncertainty }),
  };
}
