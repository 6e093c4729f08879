import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { DEFAULT_FAILURE_MODEL } from '../../src/model/failure-model.js';

/** Values and ranges only: what the estimate reads. */
function figures(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if ('value' in node) return { value: (node as { value: number }).value, range: (node as { range?: unknown }).range };
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, figures(child)]));
}

describe('the default failure model', () => {
  it('is the bundled catalog’s availability_model, so a catalog without the section gets the documented figures', () => {
    const { catalog } = loadCatalog();
    expect(figures(catalog.availabilityModel)).toEqual(figures(DEFAULT_FAILURE_MODEL));
  });
});
