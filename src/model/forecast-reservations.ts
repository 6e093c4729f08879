/**
 * Reservations over a forecast, as a ledger of lots. Each month the purchase strategy commits units for the
 * month's plan (./purchase.ts); when it commits more units of a kind than are held, the difference is bought
 * that month — its upfront fee paid then — for the commitment's whole term; a lot lapses when its term ends
 * (and is bought again if still wanted).
 *
 * Reservations bought for a phase that ends before their term are **charged as stranded**: after the cutover
 * (or whenever fewer units are wanted than held) the idle units keep costing their effective hourly rate until
 * their term ends, as AWS bills a reservation whether or not anything runs on it. The alternative — capping
 * each term at the time left before the migration — would change the strategy the user asked for; stranding
 * keeps it and shows its price. Money is USD per month, unrounded.
 */
import { HOURS_PER_TERM_YEAR } from './purchase-rates.js';
import type { PurchaseCommitment } from './purchase.js';

interface Lot {
  key: string;
  units: number;
  /** The first month after the term. */
  endsBefore: number;
  effectiveHourlyUsd: number;
  /** Upfront fee per unit for the whole term. */
  upfrontPerUnitUsd: number;
  termYears: number;
}

export interface ReservationMonth {
  /** Idle units held (bought for a phase no longer run, or more than now wanted) at their effective rate. */
  strandedUsd: number;
  /** Upfront fees paid this month for the lots bought. */
  upfrontPaidUsd: number;
  /** The upfront fees of every held unit spread over its term: in the month's cost, not in its cash. */
  amortisedUsd: number;
}

const keyOf = (c: PurchaseCommitment) => `${c.component}|${c.priceKey}|${c.kind}|${c.termYears}|${c.upfront}`;

export class ReservationLedger {
  private lots: Lot[] = [];

  constructor(private readonly hoursPerMonth: number) {}

  /** Buys what `wanted` (this month's commitments) lacks, lapses ended terms, and charges the idle units. */
  month(month: number, wanted: readonly PurchaseCommitment[]): ReservationMonth {
    this.lots = this.lots.filter((lot) => lot.endsBefore > month);
    const held = (key: string) => this.lots.reduce((sum, lot) => sum + (lot.key === key ? lot.units : 0), 0);
    let upfrontPaidUsd = 0;
    const wantedUnits = new Map<string, number>();
    for (const c of wanted) {
      const key = keyOf(c);
      wantedUnits.set(key, (wantedUnits.get(key) ?? 0) + c.units);
      const missing = wantedUnits.get(key)! - held(key);
      if (missing <= 0) continue;
      const upfrontPerUnitUsd = c.units > 0 ? c.upfrontUsd / c.units : 0;
      this.lots.push({ key, units: missing, endsBefore: month + 12 * c.termYears, effectiveHourlyUsd: c.effectiveHourlyUsd, upfrontPerUnitUsd, termYears: c.termYears });
      upfrontPaidUsd += missing * upfrontPerUnitUsd;
    }
    let strandedUsd = 0;
    let amortisedUsd = 0;
    // Idle units are the newest lots' first (the oldest lapse first, so they are the ones kept in use).
    const inUse = new Map(wantedUnits);
    for (const lot of [...this.lots].sort((a, b) => a.endsBefore - b.endsBefore)) {
      const used = Math.min(lot.units, inUse.get(lot.key) ?? 0);
      inUse.set(lot.key, (inUse.get(lot.key) ?? 0) - used);
      strandedUsd += (lot.units - used) * lot.effectiveHourlyUsd * this.hoursPerMonth;
      amortisedUsd += (lot.units * lot.upfrontPerUnitUsd * this.hoursPerMonth) / (HOURS_PER_TERM_YEAR * lot.termYears);
    }
    return { strandedUsd, upfrontPaidUsd, amortisedUsd };
  }
}
