import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/model/catalog-types.js';
import { catalogHasQuotes, seedPriceBook } from '../../src/pricing/seed-book.js';

// Only the fields the seed book reads: phases' id, quotedTotalUsd and components' id and quoted row.
interface Row {
  usd: number;
  label: string;
  provider: string;
}
const component = (id: string, quoted?: Row) => ({ id, quoted });
const phase = (id: number, components: ReturnType<typeof component>[], quotedTotalUsd?: number) => ({
  id,
  components,
  quotedTotalUsd: quotedTotalUsd === undefined ? undefined : { value: quotedTotalUsd, source: 'seed' },
});
const catalogOf = (...phases: ReturnType<typeof phase>[]) => ({ phases }) as unknown as Catalog;

const vps: Row = { usd: 40, label: 'VPS 4 vCPU', provider: 'Hetzner' };

describe('catalogHasQuotes (any phase total or any component row quoted)', () => {
  it('is true for a phase with only a quoted total', () => {
    expect(catalogHasQuotes(catalogOf(phase(0, [component('app'), component('db')], 120)))).toBe(true);
  });

  it('is true for a phase with only component quotes', () => {
    expect(catalogHasQuotes(catalogOf(phase(0, [component('app', vps)])))).toBe(true);
  });

  it('is true when only some components of a phase are quoted', () => {
    expect(catalogHasQuotes(catalogOf(phase(0, [component('app', vps), component('dns')])))).toBe(true);
  });

  it('is true when only one of several phases quotes anything', () => {
    expect(catalogHasQuotes(catalogOf(phase(0, [component('app')]), phase(1, [component('app', vps)])))).toBe(true);
  });

  it('is false when no phase quotes a total or a row', () => {
    expect(catalogHasQuotes(catalogOf(phase(0, [component('app')]), phase(1, [component('app'), component('db')])))).toBe(false);
  });
});

describe('seedPriceBook', () => {
  // Built in each test, not when the file is collected: Stryker counts a mutant as covered by a test only when the
  // test itself runs the code.
  const seed = () => seedPriceBook(catalogOf(phase(2, [component('app', vps), component('dns')])));

  it('holds one key seed:<phase>:<component> per component, and nothing else', () => {
    expect(seed().keys()).toEqual(['seed:2:app', 'seed:2:dns']);
  });

  it('quotes a quoted component at its monthly figure, verified, citing its row', () => {
    expect(seed().price('seed:2:app')).toStrictEqual({
      key: 'seed:2:app',
      usdPerUnit: 40,
      unit: 'month',
      verified: true,
      source: 'scalability document, phase 2 cost table: "VPS 4 vCPU" (Hetzner)',
    });
  });

  it('prices a component the cost table leaves out at 0 a month, unverified, and says so', () => {
    expect(seed().price('seed:2:dns')).toStrictEqual({
      key: 'seed:2:dns',
      usdPerUnit: 0,
      unit: 'month',
      verified: false,
      source: "not in the scalability document's phase 2 cost table",
    });
  });

  it('is the seed book of the document, priced per component quote', () => {
    const book = seed();
    expect(book.name).toBe('seed');
    expect(book.basis).toBe('component-quote');
    expect(book.description).toBe("the scalability document's quoted monthly figures");
  });
});
