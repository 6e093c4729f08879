import * as z from 'zod';
import { catalogSchema } from './schema.js';

/**
 * The JSON Schema of the catalog file, generated from the zod schema (input side: what an author
 * writes). Committed as schema/catalog.schema.json for editors; a test pins the two equal.
 */
export function catalogJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(catalogSchema(), { io: 'input', target: 'draft-2020-12', reused: 'ref' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://cuenta-plan.dev/schema/catalog.schema.json',
    title: 'cuenta-plan catalog',
    ...schema,
  };
}

/** The schema as the committed file holds it: 2-space JSON with a final newline. */
export const catalogJsonSchemaText = (): string => `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`;
