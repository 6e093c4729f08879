/**
 * The document's claims and KPIs audited against the model: each entry of the catalog's `claims` and `kpis`
 * with the document's value, the model's, and a verdict (holds, off by X %, or cannot be evaluated) with the
 * reason. A per-phase entry is read at the top of its phase's range; a KPI with no phase at the top of every
 * phase, holding only when it holds in each (docs/model.md § Claims).
 */
import type { Catalog, Comparison, Phase, Source } from './catalog-types.js';
import { CLAIM_METRICS, isClaimMetric, metricProblem, type ClaimMetricName } from './claims-metrics.js';
import { readBreakeven } from './claims-breakeven.js';
import { phaseFigures, readPhaseMetric, type PhaseFigures, type Reading } from './claims-phase.js';
import { holds, offByPercent, worse } from './claims-verdict.js';
import type { PriceLookup } from './cost.js';
import { groupedDecimal } from './decimal-text.js';
import { roundPerUser, usdText } from './money.js';
import { overridesIn, type Override } from './overrides.js';
import type { Thresholds } from './plan.js';

export const CLAIMS_SCHEMA_VERSION = 1;

export interface ClaimsInput {
  catalog: Catalog;
  book: PriceLookup & { description: string };
  thresholds: Thresholds;
}

/** One phase of a KPI that names none. */
export interface ClaimPhase {
  phase: number;
  users: number;
  modelValue: number | null;
  holds: boolean | null;
}

/** The document's quote ÷ users beside a `quoted_cost_per_user_usd` claim: does the document agree with itself? */
export interface QuoteCheck {
  totalUsd: number;
  users: number;
  perUserUsd: number;
  holds: boolean;
  offByPercent: number | null;
}

export interface ClaimRow {
  id: string;
  kind: 'claim' | 'kpi';
  /** A KPI's group in the catalog; null for a claim. */
  group: 'technical' | 'business' | null;
  text: string;
  metric: string;
  comparison: Comparison;
  /** `approx`'s relative tolerance; null for the other comparisons. */
  tolerance: number | null;
  unit: string;
  /** Where `modelValue` was read: the claim's phase, a KPI's worst phase, the break-even's phase; null when nothing was read. */
  phase: number | null;
  users: number | null;
  documentValue: number;
  modelValue: number | null;
  /** Null when the entry cannot be evaluated; `reason` says why. */
  holds: boolean | null;
  /** (model − document) ÷ document × 100, whenever both exist. */
  offByPercent: number | null;
  reason: string;
  /** Every phase, for a KPI that names none; null otherwise. */
  phases: ClaimPhase[] | null;
  quote: QuoteCheck | null;
  source: Source;
  note: string | null;
}

export interface ClaimsResult {
  schemaVersion: typeof CLAIMS_SCHEMA_VERSION;
  command: 'claims';
  pricing: { book: string; description: string };
  summary: { holds: number; fails: number; notEvaluated: number };
  claims: ClaimRow[];
  overrides: Override[];
}

/** A claim or a KPI, as the audit reads it. */
interface Entry {
  id: string;
  kind: 'claim' | 'kpi';
  group: 'technical' | 'business' | null;
  text: string;
  metric: string;
  comparison: Comparison;
  value: number;
  tolerance?: number | undefined;
  /** A KPI's unit; a claim is in its metric's unit. */
  unit?: string | undefined;
  phase?: number | undefined;
  source: Source;
  note?: string | undefined;
}

/** A KPI has no text of its own: the document's words after the note's last "›", else the metric and limit. */
const kpiText = (metric: string, comparison: Comparison, value: number, unit: string, note: string | undefined): string =>
  note?.split(' › ').at(-1)?.trim() || `${metric} ${comparison} ${value} ${unit}`;

function entriesOf(catalog: Catalog): Entry[] {
  const claims: Entry[] = (catalog.claims ?? []).map((c) => ({ ...c, kind: 'claim', group: null }));
  const kpis: Entry[] = (['technical', 'business'] as const).flatMap((group) =>
    (catalog.kpis?.[group] ?? []).map((k) => ({ ...k, kind: 'kpi' as const, group, text: kpiText(k.metric, k.comparison, k.value, k.unit, k.note) })),
  );
  return [...claims, ...kpis];
}

/** The row's verdict fields from a model value (or its absence). */
function verdict(entry: Entry, reading: Reading): Pick<ClaimRow, 'modelValue' | 'holds' | 'offByPercent'> {
  if (reading.value === null) return { modelValue: null, holds: reading.verdictWithoutValue ?? null, offByPercent: null };
  return {
    modelValue: reading.value,
    holds: holds(entry.comparison, entry.value, reading.value, entry.tolerance),
    offByPercent: offByPercent(entry.value, reading.value),
  };
}

const at = (f: PhaseFigures) => `phase ${f.phase.id} at ${groupedDecimal(f.users, 0)} users (the top of its range)`;

function quoteCheck(entry: Entry, f: PhaseFigures): { quote: QuoteCheck | null; text: string } {
  const quoted = f.phase.quotedTotalUsd;
  if (quoted === undefined) return { quote: null, text: `the catalog quotes no total for phase ${f.phase.id}` };
  const perUserUsd = roundPerUser(quoted / f.users);
  const quote = { totalUsd: quoted, users: f.users, perUserUsd, holds: holds(entry.comparison, entry.value, perUserUsd, entry.tolerance), offByPercent: offByPercent(entry.value, perUserUsd) };
  const agrees = quote.holds ? 'agrees with the claim' : 'does not agree with the claim';
  return { quote, text: `the document's own quote ${usdText(quoted)} ÷ ${groupedDecimal(f.users, 0)} = $${groupedDecimal(perUserUsd, 4)} ${agrees}` };
}

type Figures = (phase: Phase) => PhaseFigures;

/** An entry pinned to one phase. */
function atPhase(entry: Entry, metric: ClaimMetricName, phase: Phase, figures: Figures, catalog: Catalog): Omit<ClaimRow, 'id' | 'kind' | 'group' | 'text' | 'metric' | 'comparison' | 'tolerance' | 'unit' | 'documentValue' | 'source' | 'note'> {
  const f = figures(phase);
  const reading = readPhaseMetric(metric, catalog, f);
  const row = { phase: phase.id, users: f.users, ...verdict(entry, reading), phases: null, quote: null };
  if (metric !== 'quoted_cost_per_user_usd') return { ...row, reason: `${at(f)}: ${reading.detail}` };
  // The verdict is the priced cost: with --pricing seed that is the document's own quote, so both readings are one flag away.
  const check = quoteCheck(entry, f);
  return { ...row, quote: check.quote, reason: `${at(f)}: priced ${reading.detail}; ${check.text}` };
}

/**
 * The phase a KPI is worst in: one that fails without a value (an exhausted phase has no latency) first, else
 * the value furthest past the document's limit (the first of equals).
 */
function worstOf<T extends { modelValue: number | null; holds: boolean | null }>(entry: Entry, rows: readonly T[]): T {
  const failsWithoutValue = rows.find((r) => r.holds === false && r.modelValue === null);
  if (failsWithoutValue) return failsWithoutValue;
  let worst = rows[0]!;
  for (const r of rows) {
    if (r.modelValue === null) continue;
    if (worst.modelValue === null || worse(entry.comparison, entry.value, worst.modelValue, r.modelValue) !== worst.modelValue) worst = r;
  }
  return worst;
}

/** A KPI with no phase: read at the top of every phase; it holds when it holds in each. */
function acrossPhases(entry: Entry, metric: ClaimMetricName, figures: Figures, catalog: Catalog) {
  const readings = catalog.phases.map((phase) => {
    const f = figures(phase);
    const reading = readPhaseMetric(metric, catalog, f);
    return { f, reading, ...verdict(entry, reading) };
  });
  const phases: ClaimPhase[] = readings.map((r) => ({ phase: r.f.phase.id, users: r.f.users, modelValue: r.modelValue, holds: r.holds }));
  const failing = readings.filter((r) => r.holds === false);
  const worst = worstOf(entry, readings);
  const ids = (list: typeof readings) => `phase${list.length > 1 ? 's' : ''} ${list.map((r) => r.f.phase.id).join(', ')}`;
  const open = readings.filter((r) => r.holds === null);
  const cannot = open.length > 0 ? `cannot be judged in ${ids(open)}` : '';
  const overall = failing.length > 0 ? [`fails in ${ids(failing)}`, cannot].filter(Boolean).join('; ') : cannot || `holds in every phase (${readings.map((r) => r.f.phase.id).join(', ')})`;
  return {
    phase: worst.f.phase.id,
    users: worst.f.users,
    modelValue: worst.modelValue,
    holds: failing.length > 0 ? false : open.length > 0 ? null : true,
    offByPercent: worst.offByPercent,
    reason: `${overall}; worst: ${at(worst.f)}: ${worst.reading.detail}`,
    phases,
    quote: null,
  };
}

function evaluate(entry: Entry, input: ClaimsInput, figures: Figures): ClaimRow {
  const { catalog, book, thresholds } = input;
  const head = {
    id: entry.id,
    kind: entry.kind,
    group: entry.group,
    text: entry.text,
    metric: entry.metric,
    comparison: entry.comparison,
    tolerance: entry.comparison === 'approx' ? (entry.tolerance ?? null) : null,
    unit: isClaimMetric(entry.metric) ? CLAIM_METRICS[entry.metric].unit : (entry.unit ?? ''),
    documentValue: entry.value,
    source: entry.source,
    note: entry.note ?? null,
  };
  const notEvaluated = (reason: string): ClaimRow => ({ ...head, phase: entry.phase ?? null, users: null, modelValue: null, holds: null, offByPercent: null, reason, phases: null, quote: null });
  const problem = metricProblem(entry);
  if (problem !== null) return notEvaluated(problem.message);
  // metricProblem refuses a name outside CLAIM_METRICS.
  const metric = entry.metric as ClaimMetricName;
  const { scope, description } = CLAIM_METRICS[metric];
  if (scope === 'not-modelled') return notEvaluated(`not modelled: ${description}`);
  if (scope === 'catalog') {
    const reading = readBreakeven(catalog, book, thresholds, entry.value);
    return { ...head, phase: reading.phase, users: reading.users, ...verdict(entry, reading), reason: reading.detail, phases: null, quote: null };
  }
  if (entry.phase === undefined) return { ...head, ...acrossPhases(entry, metric, figures, catalog) };
  const phase = catalog.phases.find((p) => p.id === entry.phase);
  if (!phase) return notEvaluated(`phase ${entry.phase} is not in the catalog`);
  return { ...head, ...atPhase(entry, metric, phase, figures, catalog) };
}

/** Every claim, then every technical and business KPI, in catalog order. Each phase is simulated at most once. */
export function auditClaims(input: ClaimsInput): ClaimsResult {
  const { catalog, book, thresholds } = input;
  const cache = new Map<number, PhaseFigures>();
  const figures: Figures = (phase) => {
    let f = cache.get(phase.id);
    if (!f) {
      f = phaseFigures(catalog, phase, book, thresholds);
      cache.set(phase.id, f);
    }
    return f;
  };
  const claims = entriesOf(catalog).map((entry) => evaluate(entry, input, figures));
  return {
    schemaVersion: CLAIMS_SCHEMA_VERSION,
    command: 'claims',
    pricing: { book: book.name, description: book.description },
    summary: {
      holds: claims.filter((c) => c.holds === true).length,
      fails: claims.filter((c) => c.holds === false).length,
      notEvaluated: claims.filter((c) => c.holds === null).length,
    },
    claims,
    overrides: overridesIn(catalog),
  };
}
