/**
 * The results of the `catalog` commands: typed, versioned objects built from a Catalog by pure
 * functions. Renderers (src/render/catalog.ts) turn them into text; `--format json` prints them as is.
 */
import { catalogHasQuotes } from '../pricing/seed-book.js';
import type { Catalog, Component, ComponentKind, Phase, QuotedCost, Tier } from '../model/catalog-types.js';
import { sumMoney } from '../model/money.js';
import type { CatalogProblem } from './problems.js';

export interface ComponentSummary {
  id: string;
  name: string;
  kind: ComponentKind;
  provider: string;
  serves: readonly Tier[];
  /** "t3.medium (2 vCPU, 4 GB)", or null when the component has no instance spec. */
  instance: string | null;
  /** "2", "2–10 (desired 3, CPU 70 %)", or "=formula". */
  count: string;
  /** The document's cost-table row, or null when the document quotes no price for it. */
  quoted: QuotedCost | null;
  /** True when the component is a row of the document's cost table. */
  inCostTable: boolean;
  priceKeys: string[];
}

export interface PhaseSummary {
  id: number;
  name: string;
  summary: string;
  users: { min: number; max: number; note?: string };
  concurrentUsers: { min: number; max: number };
  slo: { latencyPercentile: number; latencyTargetMs: number; availabilityPercent: number; errorRate: number | null };
  budgetUsd: { min: number; max: number };
  /** The document's stated total for the phase's cost table; null when the catalog quotes none. */
  quotedTotalUsd: number | null;
  /** Sum of the components' quoted rows (equals quotedTotalUsd in a valid catalog). */
  quotedComponentsUsd: number;
  /** The quoted total over the users at the top of the range: what the document's cost-per-user table divides. */
  quotedCostPerUserUsd: number | null;
  quotedComponentCount: number;
  components: ComponentSummary[];
  regions: string[];
}

export interface CatalogShowResult {
  schemaVersion: 1;
  command: 'catalog show';
  /** `quoted`: some phase has a quoted total or a component a quoted row (a document's cost table). */
  catalog: { name: string; file: string; phaseIds: number[]; quoted: boolean };
  phases: PhaseSummary[];
  warnings: CatalogProblem[];
}

export interface CatalogValidateResult {
  schemaVersion: 1;
  command: 'catalog validate';
  file: string;
  valid: boolean;
  phases: number;
  components: number;
  errors: CatalogProblem[];
  warnings: CatalogProblem[];
}

function countText(component: Component): string {
  const count = component.count;
  if (count.kind === 'fixed') return typeof count.count === 'number' ? String(count.count) : `=${count.count.text}`;
  const extras = [
    count.desired !== undefined ? `desired ${count.desired}` : undefined,
    `CPU ${Math.round(count.targetUtilization * 1000) / 10} %`,
    count.requestsPerTargetPerMin !== undefined ? `${count.requestsPerTargetPerMin} req/target/min` : undefined,
  ].filter((x) => x !== undefined);
  return `${count.min}–${count.max} (${extras.join(', ')})`;
}

function instanceText(component: Component): string | null {
  const spec = component.instance;
  if (!spec) return null;
  return `${spec.type} (${spec.vcpus} vCPU, ${spec.memoryGb} GB)`;
}

export function summarisePhase(phase: Phase): PhaseSummary {
  const components = phase.components.map(
    (c): ComponentSummary => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      provider: c.provider,
      serves: c.serves,
      instance: instanceText(c),
      count: countText(c),
      quoted: c.quoted ?? null,
      inCostTable: c.quoted !== undefined,
      priceKeys: c.cost.map((line) => line.priceKey),
    }),
  );
  const quoted = components.filter((c) => c.quoted !== null);
  return {
    id: phase.id,
    name: phase.name,
    summary: phase.summary,
    users: { ...phase.users },
    concurrentUsers: { min: phase.concurrentUsers.min, max: phase.concurrentUsers.max },
    slo: {
      latencyPercentile: phase.slo.latency.percentile,
      latencyTargetMs: phase.slo.latency.targetMs,
      availabilityPercent: phase.slo.availability,
      errorRate: phase.slo.errorRate ?? null,
    },
    budgetUsd: { min: phase.budgetUsd.min, max: phase.budgetUsd.max },
    quotedTotalUsd: phase.quotedTotalUsd ?? null,
    quotedComponentsUsd: sumMoney(quoted.map((c) => c.quoted!.usd)),
    quotedCostPerUserUsd: phase.quotedTotalUsd === undefined ? null : phase.users.max > 0 ? phase.quotedTotalUsd / phase.users.max : 0,
    quotedComponentCount: quoted.length,
    components,
    regions: (phase.regions ?? []).map((r) => r.id),
  };
}

/** The `catalog show` result: one phase (`phaseId`) or all. */
export function showCatalog(catalog: Catalog, file: string, warnings: readonly CatalogProblem[], phaseId?: number): CatalogShowResult {
  const phases = phaseId === undefined ? catalog.phases : catalog.phases.filter((p) => p.id === phaseId);
  return {
    schemaVersion: 1,
    command: 'catalog show',
    catalog: {
      name: catalog.name,
      file,
      phaseIds: catalog.phases.map((p) => p.id),
      quoted: catalogHasQuotes(catalog),
    },
    phases: phases.map(summarisePhase),
    warnings: [...warnings],
  };
}
