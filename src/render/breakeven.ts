import type { BreakevenResult } from '../model/breakeven-result.js';
import type { BreakevenPoint } from '../model/breakeven.js';
import type { RenderOptions } from '../output.js';
import { formatInt, formatUsd, overridesText } from './format.js';
import { fittedTable, markdownTable, paint, wrapToWidth, type TableSpec } from './table.js';
import { breakevenSpreadRows, uncertaintyHeadline } from './uncertainty.js';

const title = (r: BreakevenResult) => `break-even over ${formatInt(r.range.from)}–${formatInt(r.range.to)} users (${r.purchase})`;

const ranges = (p: BreakevenPoint): string =>
  p.profitableRanges.length === 0 ? 'none' : p.profitableRanges.map((x) => (x.from === x.to ? formatInt(x.from) : `${formatInt(x.from)}–${formatInt(x.to)}`)).join(', ');

function rows(r: BreakevenResult): TableSpec {
  const row = (label: string, p: BreakevenPoint) => [label, p.users === null ? 'never' : formatInt(p.users), p.premiumUsers === null ? '—' : formatInt(p.premiumUsers), p.phase === null ? '—' : String(p.phase), ranges(p)];
  return {
    head: ['margin ≥ 0', 'from users', 'premium users', 'phase', 'profitable user ranges'],
    align: ['left', 'right', 'right', 'right', 'left'],
    flexible: [false, false, false, false, true],
    rows: [row('gross (infrastructure only)', r.infrastructureOnly), row(`contribution (opex ${formatUsd(r.opexUsd)}/month)`, r.withOpex)],
  };
}

/** The opex the document's premium-user claim implies, against the opex in force. */
function impliedLine(r: BreakevenResult): string {
  if (r.impliedAt === null || r.impliedOpexUsd === null) return "implied opex: the catalog has no break_even_premium_users claim inside its user range";
  const { premiumUsers, users } = r.impliedAt;
  const against = r.opexFrom === 'catalog' ? 'the catalog assumes' : '--opex gives';
  return (
    `implied opex: breaking even at ${formatInt(premiumUsers)} premium users (${formatInt(users)} users) takes an opex of ${formatUsd(r.impliedOpexUsd)}/month, ` +
    `the gross margin there; ${against} ${formatUsd(r.opexUsd)}`
  );
}

const pricingLine = (r: BreakevenResult) => `pricing: ${r.pricing.description} · ${formatInt(r.evaluations)} user counts sized and priced`;

export function renderBreakevenTable(r: BreakevenResult, options: RenderOptions): string {
  const c = paint(options);
  const text = (line: string) => wrapToWidth(line, options.columns);
  const set = r.overrides.length > 0 ? [text(overridesText(r.overrides))] : [];
  const u = r.uncertainty;
  const spread = u ? ['', c.bold('Uncertainty (Monte Carlo)'), text(uncertaintyHeadline(u)), fittedTable(breakevenSpreadRows(u), options)] : [];
  return [c.bold(text(title(r))), text(pricingLine(r)), ...set, fittedTable(rows(r), options), text(impliedLine(r)), ...spread].join('\n');
}

export function renderBreakevenMarkdown(r: BreakevenResult): string {
  const { head, rows: body, align } = rows(r);
  const set = r.overrides.length > 0 ? [`${overridesText(r.overrides).replace(/^set/, 'Set')} (--set).`] : [];
  const u = r.uncertainty;
  const table = u ? breakevenSpreadRows(u) : undefined;
  const spread = u && table ? ['### Uncertainty (Monte Carlo)', uncertaintyHeadline(u), markdownTable(table.head, table.rows, table.align)] : [];
  return [`## cuenta-plan ${title(r)}`, pricingLine(r).replace(/^pricing/, 'Pricing'), ...set, markdownTable(head, body, align), impliedLine(r), ...spread].join('\n\n');
}
