/** Renderers for `pricing refresh` and `pricing show`: pure functions of their results. */
import type { RenderOptions } from '../output.js';
import type { PricingRefreshResult, PricingShowResult } from '../pricing/cache-summary.js';
import { countOf, formatNumber } from './format.js';
import { markdownTable, terminalTable, type Align } from './table.js';

/** 0.5 h → "30 min", 30 h → "1.3 d". */
export function ageText(hours: number): string {
  if (hours < 1) return `${Math.floor(hours * 60)} min`;
  if (hours < 48) return `${formatNumber(hours, 1)} h`;
  return `${formatNumber(hours / 24, 1)} d`;
}

type Table = { head: string[]; rows: string[][]; align: Align[] };

function refreshRows(result: PricingRefreshResult): Table {
  return {
    head: ['product', 'service', 'SKU', 'prices', 'retrieved'],
    align: ['left', 'left', 'left', 'right', 'left'],
    rows: result.products.map((p) => [p.key, p.serviceCode, p.sku, String(p.prices), p.retrievedAt]),
  };
}

function refreshText(result: PricingRefreshResult, table: (t: Table) => string): string {
  const failed = result.failed.map((f) => `  ${f.key}: ${f.reason}`);
  return [
    `Live AWS prices for ${result.region}: ${countOf(result.products.length, 'product')} cached in ${result.cacheFile}`,
    ...(result.products.length > 0 ? ['', table(refreshRows(result))] : []),
    ...(failed.length > 0 ? ['', `Not refreshed (${countOf(failed.length, 'product')}):`, ...failed] : []),
  ].join('\n');
}

function showRows(result: PricingShowResult): Table {
  return {
    head: ['product', 'SKU', 'prices', 'retrieved', 'age', 'within TTL'],
    align: ['left', 'left', 'right', 'left', 'right', 'left'],
    rows: result.products.map((p) => [p.key, p.sku, String(p.prices.length), p.retrievedAt, ageText(p.ageHours), p.withinTtl ? 'yes' : 'no']),
  };
}

function showText(result: PricingShowResult, table: (t: Table) => string): string {
  if (result.products.length === 0) {
    return `No cached prices for ${result.region} in ${result.cacheFile}: run \`cuenta-plan pricing refresh\`.`;
  }
  return [
    `Cached AWS prices for ${result.region} in ${result.cacheFile} (TTL ${ageText(result.ttlHours)}):`,
    '',
    table(showRows(result)),
  ].join('\n');
}

export const renderPricingRefreshTable = (result: PricingRefreshResult, options: RenderOptions): string =>
  refreshText(result, (t) => terminalTable(t.head, t.rows, options, t.align));
export const renderPricingRefreshMarkdown = (result: PricingRefreshResult): string => refreshText(result, (t) => markdownTable(t.head, t.rows, t.align));
export const renderPricingShowTable = (result: PricingShowResult, options: RenderOptions): string =>
  showText(result, (t) => terminalTable(t.head, t.rows, options, t.align));
export const renderPricingShowMarkdown = (result: PricingShowResult): string => showText(result, (t) => markdownTable(t.head, t.rows, t.align));
