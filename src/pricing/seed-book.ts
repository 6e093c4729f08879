import type { Catalog } from '../model/catalog-types.js';
import { seedPriceKey } from '../model/cost.js';
import { priceBookFromQuotes, type PriceBook, type PriceQuote } from './price-book.js';

/** Whether the catalog quotes any figure of the document (a phase total or a component's row): the seed book needs one. */
export function catalogHasQuotes(catalog: Catalog): boolean {
  return catalog.phases.some((p) => p.quotedTotalUsd !== undefined || p.components.some((c) => c.quoted !== undefined));
}

/**
 * The seed book: each component costs the monthly figure the scalability document quotes for it,
 * under the key `seed:<phase>:<component>` (basis `component-quote`: the engine asks for one month of
 * the component's quote instead of its itemised lines). Components the document's cost tables leave out
 * cost 0 here, and say so in their source.
 */
export function seedPriceBook(catalog: Catalog): PriceBook {
  const quotes: PriceQuote[] = [];
  for (const phase of catalog.phases) {
    for (const component of phase.components) {
      const quoted = component.quoted;
      quotes.push({
        key: seedPriceKey(phase, component),
        usdPerUnit: quoted?.usd ?? 0,
        unit: 'month',
        verified: quoted !== undefined,
        source: quoted
          ? `scalability document, phase ${phase.id} cost table: "${quoted.label}" (${quoted.provider})`
          : `not in the scalability document's phase ${phase.id} cost table`,
      });
    }
  }
  return priceBookFromQuotes('seed', "the scalability document's quoted monthly figures", quotes, 'component-quote');
}
