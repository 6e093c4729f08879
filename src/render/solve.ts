import type { SolveResult } from '../model/solve.js';
import type { RenderOptions } from '../output.js';
import { formatInt, formatMs, formatUsd, formatUsdPerUser, overridesText } from './format.js';
import { paint, wrapToWidth } from './table.js';

const LABELS: Readonly<Record<SolveResult['target']['metric'], string>> = {
  cost: 'the monthly cost',
  'cost-per-user': 'the cost per user',
  'p95-ms': 'P95 latency',
  availability: 'the expected availability',
};

function figure(r: SolveResult, value: number | null): string {
  if (value === null) return 'no finite figure';
  switch (r.target.metric) {
    case 'cost':
      return formatUsd(value);
    case 'cost-per-user':
      return formatUsdPerUser(value);
    case 'p95-ms':
      return formatMs(value);
    case 'availability':
      return `${value}%`;
  }
}

const bound = (r: SolveResult) => `${r.comparison === '<=' ? 'at most' : 'at least'} ${figure(r, r.target.value)}`;

const title = (r: SolveResult) =>
  `solve ${r.assumption} for ${r.target.metric} ${r.comparison} ${figure(r, r.target.value)}: phase ${r.phase.id} "${r.phase.name}" at ${formatInt(r.users)} users`;

/** The answer in one or two sentences. */
function answer(r: SolveResult): string {
  const label = LABELS[r.target.metric];
  const now = `${figure(r, r.current.achieved)} at today's ${r.current.value}`;
  if (!r.reachable) return `Not reachable: ${r.reason}.`;
  if (!r.boundary) return `Any value works: ${r.reason}.`;
  const value = r.value!;
  const direction = value < r.current.value ? 'lower' : 'raise';
  const currentMeets = r.comparison === '<=' ? r.current.achieved !== null && r.current.achieved <= r.target.value : r.current.achieved !== null && r.current.achieved >= r.target.value;
  const sentence = currentMeets
    ? `${r.assumption} can ${value < r.current.value ? 'fall' : 'rise'} from ${r.current.value} to ${value} with ${label} still ${bound(r)}: ${figure(r, r.achieved)} there (${now}).`
    : `${direction[0]!.toUpperCase()}${direction.slice(1)} ${r.assumption} from ${r.current.value} to ${value} to bring ${label} to ${bound(r)}: ${figure(r, r.achieved)} there (${now}).`;
  if (!r.jump || r.jumpTo === null) return sentence;
  const tiers = r.jumpTo.tiers.map((t) => `${t.id} ${t.from} → ${t.to} instance-hours a day`).join(', ');
  return `${sentence} The figure jumps over the target there, to ${figure(r, r.jumpTo.achieved)} just past it${tiers ? ` (${tiers})` : ''}.`;
}

function searched(r: SolveResult): string {
  const interval = `${r.bracket.low} to ${r.bracket.high}`;
  const range = r.range === null ? 'the catalog gives no range' : `the catalog's range is ${r.range[0]}–${r.range[1]}`;
  const where = r.bracket.searched === 'range' ? `within the catalog's range, ${interval}` : `over the domain, ${interval} (${range})`;
  return `searched ${where}; ${formatInt(r.evaluations)} plans sized`;
}

function details(r: SolveResult): string[] {
  const lines = [searched(r)];
  if (r.target.metric === 'cost' || r.target.metric === 'cost-per-user') lines.push(`pricing: ${r.pricing.description}`);
  if (r.overrides.length > 0) lines.push(overridesText(r.overrides));
  return lines;
}

export function renderSolveTable(r: SolveResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const colour = !r.reachable ? c.yellow : c.green;
  return [c.bold(text(title(r))), colour(text(answer(r))), ...details(r).map(text)].join('\n');
}

export function renderSolveMarkdown(r: SolveResult): string {
  return [`## cuenta-plan ${title(r)}`, answer(r), details(r).map((line) => `- ${line}`).join('\n')].join('\n\n');
}
