/** Rules over the phases: contiguous user ranges, min ≤ max, SLO forms, the quoted total and the budget. */
import type { Catalog, Phase } from '../../model/catalog-types.js';
import { roundCents, sumMoney, usdText } from '../../model/money.js';
import type { ProblemList } from '../problems.js';
import { checkRange, duplicates, type Path } from './shared.js';

/** Phases in ascending id order, each starting one user after the previous one ends. */
export function checkPhaseOrder(catalog: Catalog, problems: ProblemList): void {
  const phases = catalog.phases;
  for (let i = 1; i < phases.length; i++) {
    const prev = phases[i - 1]!;
    const phase = phases[i]!;
    if (phase.id <= prev.id) {
      problems.error(['phases', i, 'id'], `phases must be listed in ascending id order: phase ${phase.id} comes after phase ${prev.id}`);
    }
    if (prev.users.min > prev.users.max || phase.users.min > phase.users.max) continue;
    const expected = prev.users.max + 1;
    if (phase.users.min < expected) {
      problems.error(
        ['phases', i, 'users', 'min'],
        `phase ${phase.id}'s users (${phase.users.min}–${phase.users.max}) overlap phase ${prev.id}'s (${prev.users.min}–${prev.users.max}); start it at ${expected}`,
      );
    } else if (phase.users.min > expected) {
      problems.error(
        ['phases', i, 'users', 'min'],
        `phase ranges leave a gap: phase ${prev.id} ends at ${prev.users.max} users, phase ${phase.id} starts at ${phase.users.min}; start it at ${expected}`,
      );
    }
  }
  const first = phases[0];
  if (first && first.users.min > 1) {
    problems.warning(['phases', 0, 'users', 'min'], `the first phase starts at ${first.users.min} users; smaller user counts fall in no phase`);
  }
}

/** The components' quoted rows add up to the phase's quoted total, to the cent; the total lies within the budget. */
function checkQuotes(phase: Phase, base: Path, problems: ProblemList): void {
  const total = phase.quotedTotalUsd;
  if (total === undefined) return;
  const quoted = phase.components.filter((c) => c.quoted !== undefined);
  const sum = sumMoney(quoted.map((c) => c.quoted!.usd));
  const at: Path = [...base, 'quoted_total_usd'];
  if (quoted.length === 0 && total > 0) {
    problems.error(at, `quoted_total_usd is ${usdText(total)} but no component has a quoted: row; add the cost table's rows as quoted: { usd, label, provider }`);
  } else if (roundCents(sum) !== roundCents(total)) {
    const rows = quoted.map((c) => `${c.id} ${usdText(c.quoted!.usd)}`).join(', ');
    problems.error(at, `the components' quoted rows sum to ${usdText(sum)} but quoted_total_usd is ${usdText(total)}; fix a row or the total (quoted: ${rows})`);
  }
  if (total < phase.budgetUsd.min || total > phase.budgetUsd.max) {
    problems.warning(at, `the quoted total ${usdText(total)} lies outside the budget ${usdText(phase.budgetUsd.min)}–${usdText(phase.budgetUsd.max)}`);
  }
}

export function checkPhases(catalog: Catalog, problems: ProblemList): void {
  catalog.phases.forEach((phase, i) => {
    const base: Path = ['phases', i];
    checkRange(phase.users, [...base, 'users'], problems, 'users');
    checkRange(phase.concurrentUsers, [...base, 'concurrent_users'], problems, 'concurrent_users');
    checkRange(phase.budgetUsd, [...base, 'budget_usd'], problems, 'budget_usd');
    if (phase.concurrentUsers.max > phase.users.max) {
      problems.warning(
        [...base, 'concurrent_users', 'max'],
        `more concurrent users (${phase.concurrentUsers.max}) than users (${phase.users.max}); the engine caps concurrency at the user count`,
      );
    }
    const availability = phase.slo.availability;
    if (availability < 50) {
      const asPercent = Number((availability * 100).toPrecision(12));
      problems.error([...base, 'slo', 'availability'], `availability is a percent: ${availability} means ${availability} %, not ${asPercent} % — did you mean ${asPercent}?`);
    }
    const percentile = phase.slo.latency.percentile;
    if (percentile < 90) {
      problems.warning([...base, 'slo', 'latency', 'percentile'], `P${percentile}: the end-to-end latency model sums tier percentiles, which is conservative only from P90 up`);
    }
    checkQuotes(phase, base, problems);
    duplicates((phase.regions ?? []).map((r) => r.id), problems, (j) => [...base, 'regions', j, 'id'], 'region');
  });
}
