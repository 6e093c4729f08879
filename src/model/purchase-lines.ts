import type { Discounts } from './catalog-types.js';
import type { PricedLine } from './cost.js';
import type { ComponentPlan, Plan, PurchasablePlan } from './plan.js';
import type { CostResult } from './price-plan.js';
import { spotUnits, type LineProfile } from './purchase-optimize.js';
import { committability, commitmentRates, spotHourlyUsd, type CommittableService, type CommitmentRate, type ReservationLookup } from './purchase-rates.js';

/** A line that can be committed: its units hour by hour and every way to buy them. */
export interface CommittableLine {
  /** Where the line sits in the cost: components[componentIndex].lines[lineIndex]. */
  componentIndex: number;
  lineIndex: number;
  line: PricedLine;
  service: CommittableService;
  /** The units with the spot-eligible share of each hour (zeros where the line may not use spot). */
  profile: LineProfile;
  /** The same units with no spot. */
  withoutSpot: LineProfile;
  spotEligible: boolean;
  spotUsd: number;
  rates: CommitmentRate[];
}

/** A line that stays on demand under every strategy, and why. */
export interface FixedOnDemandLine {
  component: string;
  priceKey: string;
  monthlyUsd: number;
  reason: string;
}

export interface LineAnalysis {
  committable: CommittableLine[];
  onDemand: FixedOnDemandLine[];
}

const EPS = 1e-9;

/**
 * A line's rates depend on its price key and on-demand price, the catalog's discounts and the book alone: a forecast
 * buys the same lines month after month, and working them out again (the book's lookups, the clamping) was a tenth
 * of its time. Kept per discounts and book object, so a run with other ones never sees them.
 */
const ratesMemo = new WeakMap<Discounts, WeakMap<ReservationLookup, Map<string, CommitmentRate[]>>>();

function ratesOf(line: PricedLine, service: CommittableService, discounts: Discounts, book: ReservationLookup): CommitmentRate[] {
  let byBook = ratesMemo.get(discounts);
  if (!byBook) ratesMemo.set(discounts, (byBook = new WeakMap()));
  let byLine = byBook.get(book);
  if (!byLine) byBook.set(book, (byLine = new Map()));
  const id = `${service} ${line.priceKey} ${line.usdPerUnit}`;
  let rates = byLine.get(id);
  if (!rates) {
    rates = commitmentRates({ key: line.priceKey, usdPerUnit: line.usdPerUnit, unit: line.unit, verified: line.verified, source: line.source }, service, discounts, book);
    byLine.set(id, rates);
  }
  return rates;
}

/**
 * A line's units in each hour: its quantity Q spread over the component's hourly profile p,
 * u_h = Q / H × p_h / mean(p), with p the whole nodes per hour when the formula reads `node_hours`, else the
 * instances (so `=instance_hours` gives u_h = instances_h). `scale` = units per instance (or node) of the profile.
 */
function unitsOf(plan: Pick<Plan, 'hoursPerMonth'>, usage: ComponentPlan, reads: readonly string[], quantity: number): { units: number[]; scale: number; byNodes: boolean } {
  const perNode = usage.component.nodes?.podsPerNode ?? 1;
  const byNodes = reads.includes('node_hours');
  const profile = byNodes ? usage.hourly.map((count) => Math.ceil(count / perNode - EPS)) : [...usage.hourly];
  const mean = profile.reduce((a, b) => a + b, 0) / profile.length;
  const perHour = quantity / plan.hoursPerMonth;
  if (mean <= 0) return { units: profile.map(() => perHour), scale: 0, byNodes };
  const scale = perHour / mean;
  return { units: profile.map((p) => p * scale), scale, byNodes };
}

/** Spot is for EC2 lines of stateless autoscaled tiers: the component is autoscaled and serves app or worker. */
function mayUseSpot(plan: PurchasablePlan, usage: ComponentPlan, service: CommittableService): boolean {
  if (service !== 'ec2' || usage.component.count.kind !== 'autoscaled') return false;
  return plan.tiers.some((tier) => tier.component === usage.component.id && tier.roles.some((role) => role === 'app' || role === 'worker'));
}

/**
 * Sorts a priced plan's lines into those a strategy can commit (instance keys priced per hour, with their hourly units
 * and rates) and those that stay on demand whatever the strategy, each with its reason.
 */
export function analyseLines(plan: PurchasablePlan, cost: CostResult, discounts: Discounts, book: ReservationLookup): LineAnalysis {
  const committable: CommittableLine[] = [];
  const onDemand: FixedOnDemandLine[] = [];
  const spot = discounts.spot;
  cost.components.forEach((componentCost, componentIndex) => {
    const usage = plan.components[componentIndex]!;
    componentCost.lines.forEach((line, lineIndex) => {
      const kind = committability(line.priceKey, line.unit);
      const stays = (reason: string) => onDemand.push({ component: line.component, priceKey: line.priceKey, monthlyUsd: line.monthlyUsd, reason });
      if (!kind.committable) return stays(kind.reason);
      if (line.freeQuantity > 0) return stays('a free allowance covers part of it');
      const declared = usage.component.cost[lineIndex]!.quantity;
      const reads = typeof declared === 'number' ? [] : declared.variables;
      const { units, scale, byNodes } = unitsOf(plan, usage, reads, line.quantity);
      const rule = usage.component.count;
      const spotEligible = scale > 0 && mayUseSpot(plan, usage, kind.service);
      // The on-demand floor is the tier's minimum count (in nodes when the line bills nodes), scaled to the line.
      const floorCount = rule.kind === 'autoscaled' ? rule.min : 0;
      const floor = (byNodes ? Math.ceil(floorCount / (usage.component.nodes?.podsPerNode ?? 1) - EPS) : floorCount) * scale;
      const eligible = spotEligible ? spotUnits(units, spot.maxShare.value, floor) : units.map(() => 0);
      committable.push({
        componentIndex,
        lineIndex,
        line,
        service: kind.service,
        profile: { units, spotEligible: eligible, hoursPerMonth: plan.hoursPerMonth },
        withoutSpot: { units, spotEligible: units.map(() => 0), hoursPerMonth: plan.hoursPerMonth },
        spotEligible,
        spotUsd: spotHourlyUsd(line.usdPerUnit, spot.discount.value, spot.interruptionRate.value),
        rates: ratesOf(line, kind.service, discounts, book),
      });
    });
  });
  return { committable, onDemand };
}
