import * as z from 'zod';
import { RESULT_COMMANDS, RESULT_SCHEMAS, resultSchemaName, type ResultCommand } from './registry.js';

/**
 * The JSON Schema of a command's result, generated from its zod schema (output side: what the command
 * prints). Published as schema/<name>.result.schema.json; test/results pins each file to this.
 */
export function resultJsonSchema(command: ResultCommand): Record<string, unknown> {
  const schema = z.toJSONSchema(RESULT_SCHEMAS[command](), { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://cuenta-plan.dev/schema/${resultSchemaName(command)}.result.schema.json`,
    title: `cuenta-plan ${command} result`,
    ...schema,
  };
}

/** The schema as the committed file holds it: 2-space JSON with a final newline. */
export const resultJsonSchemaText = (command: ResultCommand): string => `${JSON.stringify(resultJsonSchema(command), null, 2)}\n`;

/** Every published result schema: its path from the repository root and its text. */
export const resultSchemaFiles = (): { path: string; text: string }[] =>
  RESULT_COMMANDS.map((command) => ({ path: `schema/${resultSchemaName(command)}.result.schema.json`, text: resultJsonSchemaText(command) }));
