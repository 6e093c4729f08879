import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { formatProblem, ProblemList } from '../../src/catalog/problems.js';
import { checkAssumptions } from '../../src/catalog/rules/assumptions.js';
import { checkPhaseOrder, checkPhases } from '../../src/catalog/rules/phases.js';
import type { Catalog, Phase, Quantity } from '../../src/model/catalog-types.js';
import { formatPath } from '../../src/paths.js';

// The phase and assumption rules (src/catalog/rules/phases.ts, assumptions.ts) on both sides of each limit, on the
// bundled catalog with one field changed: the bundled catalog itself reports nothing, so whatever is reported is the change's.
const { catalog } = loadCatalog();

function report(check: (problems: ProblemList) => void): string[] {
  const problems = new ProblemList('phases.yaml');
  check(problems);
  return [...problems.errors, ...problems.warnings].map(formatProblem);
}

/** The bundled catalog with phase `index` changed. */
const withPhase = (index: number, change: (phase: Phase) => Phase): Catalog => ({ ...catalog, phases: catalog.phases.map((p, i) => (i === index ? change(p) : p)) });
const phasesOf = (changed: Catalog) => report((problems) => (checkPhaseOrder(changed, problems), checkPhases(changed, problems)));

describe('phase rules', () => {
  it('report nothing on the bundled catalog', () => {
    expect(phasesOf(catalog)).toEqual([]);
  });

  it('want ids in ascending order: an equal id is out of order', () => {
    expect(phasesOf(withPhase(2, (p) => ({ ...p, id: 1 })))).toEqual(['phases.yaml  phases[2].id  phases must be listed in ascending id order: phase 1 comes after phase 1']);
  });

  it('want each phase to start one user after the last ends: one less overlaps, one more leaves a gap', () => {
    expect(phasesOf(withPhase(2, (p) => ({ ...p, users: { ...p.users, min: 1000 } })))).toEqual([
      "phases.yaml  phases[2].users.min  phase 2's users (1000–10000) overlap phase 1's (101–1000); start it at 1001",
    ]);
    expect(phasesOf(withPhase(2, (p) => ({ ...p, users: { ...p.users, min: 1002 } })))).toEqual([
      'phases.yaml  phases[2].users.min  phase ranges leave a gap: phase 1 ends at 1000 users, phase 2 starts at 1002; start it at 1001',
    ]);
  });

  it('report a reversed range once, at its min, and not as an overlap too', () => {
    expect(phasesOf(withPhase(1, (p) => ({ ...p, users: { ...p.users, min: 1001 } })))).toEqual([
      'phases.yaml  phases[1].users.min  users: min 1001 is greater than max 1000; swap them',
    ]);
    expect(phasesOf(withPhase(2, (p) => ({ ...p, users: { ...p.users, max: 1000 } })))).toEqual([
      'phases.yaml  phases[2].users.min  users: min 1001 is greater than max 1000; swap them',
    ]);
  });

  it('check the ranges around a one-user phase (min = max is a range, not a reversed one)', () => {
    const single = withPhase(1, (p) => ({ ...p, users: { ...p.users, min: 101, max: 101 } }));
    expect(phasesOf(single)).toEqual([
      'phases.yaml  phases[2].users.min  phase ranges leave a gap: phase 1 ends at 101 users, phase 2 starts at 1001; start it at 102',
      'phases.yaml  phases[1].concurrent_users.max  warning: more concurrent users (200) than users (101); the engine caps concurrency at the user count',
    ]);
    const singleAfter = withPhase(2, (p) => ({ ...p, users: { ...p.users, min: 1002, max: 1002 } }));
    expect(phasesOf(singleAfter)).toEqual([
      'phases.yaml  phases[2].users.min  phase ranges leave a gap: phase 1 ends at 1000 users, phase 2 starts at 1002; start it at 1001',
      'phases.yaml  phases[3].users.min  phase ranges leave a gap: phase 2 ends at 1002 users, phase 3 starts at 10001; start it at 1003',
    ]);
  });

  it('report reversed concurrency and budget ranges at their min, by name', () => {
    expect(phasesOf(withPhase(2, (p) => ({ ...p, concurrentUsers: { ...p.concurrentUsers, min: 1001 } })))).toEqual([
      'phases.yaml  phases[2].concurrent_users.min  concurrent_users: min 1001 is greater than max 1000; swap them',
    ]);
    expect(phasesOf(withPhase(2, (p) => ({ ...p, budgetUsd: { ...p.budgetUsd, min: 451 } })))).toContainEqual(
      'phases.yaml  phases[2].budget_usd.min  budget_usd: min 451 is greater than max 450; swap them',
    );
  });

  it('warn when the first phase starts above 1 user, not at 1', () => {
    expect(phasesOf(withPhase(0, (p) => ({ ...p, users: { ...p.users, min: 1 } })))).toEqual([]);
    expect(phasesOf(withPhase(0, (p) => ({ ...p, users: { ...p.users, min: 2 } })))).toEqual([
      'phases.yaml  phases[0].users.min  warning: the first phase starts at 2 users; smaller user counts fall in no phase',
    ]);
  });

  it('warn at more concurrent users than users, not at as many', () => {
    expect(phasesOf(withPhase(1, (p) => ({ ...p, concurrentUsers: { ...p.concurrentUsers, max: 1000 } })))).toEqual([]);
    expect(phasesOf(withPhase(1, (p) => ({ ...p, concurrentUsers: { ...p.concurrentUsers, max: 1001 } })))).toEqual([
      'phases.yaml  phases[1].concurrent_users.max  warning: more concurrent users (1001) than users (1000); the engine caps concurrency at the user count',
    ]);
  });

  it('take availability as a percent from 50 up, and P90 and above without a warning', () => {
    const slo = (availability: number, percentile: number) => withPhase(1, (p) => ({ ...p, slo: { ...p.slo, availability, latency: { ...p.slo.latency, percentile } } }));
    expect(phasesOf(slo(50, 90))).toEqual([]);
    expect(phasesOf(slo(0.999, 89))).toEqual([
      'phases.yaml  phases[1].slo.availability  availability is a percent: 0.999 means 0.999 %, not 99.9 % — did you mean 99.9?',
      'phases.yaml  phases[1].slo.latency.percentile  warning: P89: the end-to-end latency model sums tier percentiles, which is conservative only from P90 up',
    ]);
  });

  it('want the quoted rows to sum to the quoted total to the cent, and the total within the budget, its ends included', () => {
    const total = (quotedTotalUsd: number) => withPhase(1, (p) => ({ ...p, quotedTotalUsd }));
    // Phase 1: rows 6 + 24 + 35 + 15 = 80; budget 80–120.
    expect(phasesOf(total(80))).toEqual([]);
    expect(phasesOf(total(80.01))).toEqual([
      "phases.yaml  phases[1].quoted_total_usd  the components' quoted rows sum to $80.00 but quoted_total_usd is $80.01; fix a row or the total (quoted: lb $6.00, app $24.00, db $35.00, cache $15.00)",
    ]);
    const budget = (min: number, max: number) => withPhase(1, (p) => ({ ...p, budgetUsd: { ...p.budgetUsd, min, max } }));
    expect(phasesOf(budget(80, 80))).toEqual([]);
    expect(phasesOf(budget(80.01, 120))).toEqual(['phases.yaml  phases[1].quoted_total_usd  warning: the quoted total $80.00 lies outside the budget $80.01–$120.00']);
    expect(phasesOf(budget(50, 79.99))).toEqual(['phases.yaml  phases[1].quoted_total_usd  warning: the quoted total $80.00 lies outside the budget $50.00–$79.99']);
  });

  it('want quoted rows behind a quoted total above $0, and none behind $0', () => {
    const unquoted = (quotedTotalUsd: number) => withPhase(1, (p) => ({ ...p, quotedTotalUsd, budgetUsd: { ...p.budgetUsd, min: 0 }, components: p.components.map((c) => ({ ...c, quoted: undefined })) }));
    expect(phasesOf(unquoted(0))).toEqual([]);
    expect(phasesOf(unquoted(80))).toEqual([
      'phases.yaml  phases[1].quoted_total_usd  quoted_total_usd is $80.00 but no component has a quoted: row; add the cost table\'s rows as quoted: { usd, label, provider }',
    ]);
  });

  it('want region ids unique', () => {
    const changed = withPhase(3, (p) => ({ ...p, regions: [p.regions![0]!, { ...p.regions![1]!, id: p.regions![0]!.id }] }));
    expect(phasesOf(changed)).toEqual(['phases.yaml  phases[3].regions[1].id  region id "us-east-1" is used twice (first at index 0); ids must be unique']);
  });
});

/** Every assumption of `changed` counts as sourced except those named in `bare`. */
function assumptionsOf(changed: Catalog, bare: readonly string[] = []): string[] {
  const sourced = new Set<string>();
  for (const name of Object.keys(changed.workload.assumptions)) sourced.add(formatPath(['workload', name]));
  changed.phases.forEach((phase, i) => {
    for (const name of Object.keys(phase.assumptions)) sourced.add(formatPath(['phases', i, 'assumptions', name]));
  });
  for (const path of bare) sourced.delete(path);
  return report((problems) => checkAssumptions(changed, problems, sourced));
}

const note = (value: number, unit?: string): Quantity => ({ value, source: 'assumption', note: 'n', ...(unit ? { unit } : {}) });
const withAssumptions = (assumptions: Record<string, Quantity | undefined>): Catalog => {
  const merged = { ...catalog.workload.assumptions, ...assumptions };
  for (const [name, quantity] of Object.entries(merged)) if (quantity === undefined) delete merged[name];
  return { ...catalog, workload: { ...catalog.workload, assumptions: merged as Record<string, Quantity> } };
};

describe('assumption rules', () => {
  it('report nothing on the bundled catalog', () => {
    expect(assumptionsOf(catalog)).toEqual([]);
  });

  it('refuse names formulas cannot read or that are taken, and suggest the name meant', () => {
    expect(assumptionsOf(withAssumptions({ CacheHit: note(1) }))).toEqual([
      'phases.yaml  workload.CacheHit  assumption name "CacheHit" must be snake_case (a–z, 0–9, "_", starting with a letter) so formulas can read it',
    ]);
    expect(assumptionsOf(withAssumptions({ users: note(1) }))).toEqual(['phases.yaml  workload.users  "users" is a variable the engine binds; an assumption cannot take its name — rename it']);
    expect(assumptionsOf(withAssumptions({ ceil: note(1) }))).toEqual(['phases.yaml  workload.ceil  "ceil" is a formula function; an assumption cannot take its name — rename it']);
    expect(assumptionsOf(withAssumptions({ cache_hit_ratoi: note(0.8) }))).toEqual([
      'phases.yaml  workload.cache_hit_ratoi  warning: "cache_hit_ratoi" is not an assumption the engine reads — did you mean "cache_hit_ratio"?',
    ]);
    expect(assumptionsOf(withAssumptions({ seats_per_school: note(30) }))).toEqual([]);
  });

  it('ask a bare number for its source', () => {
    expect(assumptionsOf(catalog, ['workload.cache_hit_ratio'])).toEqual([
      'phases.yaml  workload.cache_hit_ratio  warning: a bare number: write { value, source, note } so reports can say where it comes from',
    ]);
  });

  it("refuse a unit of another dimension than the engine's, and take one of the same", () => {
    expect(assumptionsOf(withAssumptions({ demand_app_s: note(20, 'ms per request') }))).toEqual([]);
    expect(assumptionsOf(withAssumptions({ demand_app_s: note(0.02, 'GB per request') }))).toEqual([
      'phases.yaml  workload.demand_app_s.unit  the engine reads "demand_app_s" in seconds per request, not GB per request; convert the value and write unit: seconds per request',
    ]);
  });

  it('want every required assumption, under workload: or in every phase once a phase has it', () => {
    const missing = assumptionsOf(withAssumptions({ error_rate: undefined, eror_rate: note(0.001) }));
    expect(missing).toContainEqual(expect.stringMatching(/^phases\.yaml {2}workload {2}the required assumption "error_rate" \(.*\) is not defined; add it under workload: as \{ value, source: assumption, note \} — did you mean "eror_rate"\?$/));
    const onlyPhase2 = withAssumptions({ error_rate: undefined });
    const changed = { ...onlyPhase2, phases: onlyPhase2.phases.map((p, i) => (i === 2 ? { ...p, assumptions: { ...p.assumptions, error_rate: note(0.001) } } : p)) };
    const perPhase = assumptionsOf(changed).filter((line) => line.includes('error_rate'));
    expect(perPhase).toHaveLength(4);
    expect(perPhase[0]).toMatch(/^phases\.yaml {2}phases\[0\]\.assumptions {2}phase 0 has no value for the required assumption "error_rate" \(.*\); other phases define it here — define it for this phase or under workload:$/);
    expect(perPhase.some((line) => line.includes('phases[2]'))).toBe(false);
  });

  it("want each daily profile's largest factor to be exactly 1", () => {
    const profile = catalog.workload.dailyProfile.map((f) => f * 0.9);
    expect(assumptionsOf({ ...catalog, workload: { ...catalog.workload, dailyProfile: profile } })).toEqual([
      "phases.yaml  workload.daily_profile  the daily profile's largest value is 0.9; it must be exactly 1 (the peak hour) — divide every value by 0.9",
    ]);
    const phaseProfile = withPhase(2, (p) => ({ ...p, dailyProfile: catalog.workload.dailyProfile.map((f) => f * 2) }));
    expect(assumptionsOf(phaseProfile)).toEqual([
      "phases.yaml  phases[2].daily_profile  the daily profile's largest value is 2; it must be exactly 1 (the peak hour) — divide every value by 2",
    ]);
  });
});
