import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchemaText } from '../../src/catalog/json-schema.js';

describe('schema/catalog.schema.json', () => {
  it('equals the JSON Schema generated from the zod schema (regenerate: npm run build && node scripts/gen-schema.mjs)', () => {
    const committed = readFileSync(new URL('../../schema/catalog.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(catalogJsonSchemaText());
  });

  it('describes the input side: quantities as number or { value, source }, formulas as strings', () => {
    const schema = JSON.parse(catalogJsonSchemaText()) as { properties: Record<string, unknown>; required: string[] };
    // Only what the engine reads is required; revenue, discounts, migration, kpis and backups are optional.
    expect([...schema.required].sort()).toEqual(['alerts', 'currency', 'name', 'phases', 'version', 'workload']);
    const text = JSON.stringify(schema);
    expect(text).toContain('"pattern":"^="');
    expect(text).toContain('requests per second of active use (per active user-second)');
    // A cost line may declare its unit, one of the price units.
    expect(text).toContain('"gb-month"');
    expect(schema.properties).toHaveProperty('region');
  });
});
