import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RESULT_COMMANDS, resultJsonSchemaText, resultSchemaName, resultSchemaVersion } from '../../src/results/index.js';

const root = new URL('../../', import.meta.url);
const committed = (name: string) => readFileSync(new URL(`schema/${name}.result.schema.json`, root), 'utf8');

describe('schema/<command>.result.schema.json', () => {
  it.each(RESULT_COMMANDS)('%s: the committed file equals the JSON Schema generated from its zod schema (regenerate: node scripts/gen-schema.mjs)', (command) => {
    expect(committed(resultSchemaName(command))).toBe(resultJsonSchemaText(command));
  });

  it('names files by the command, subcommands joined by a dash; no file is left from a command that is gone', () => {
    const files = readdirSync(new URL('schema/', root)).filter((name) => name.endsWith('.result.schema.json'));
    expect(files.sort()).toEqual(RESULT_COMMANDS.map((c) => `${resultSchemaName(c)}.result.schema.json`).sort());
    expect(resultSchemaName('catalog validate')).toBe('catalog-validate');
    expect(resultSchemaName('queue erlang-b')).toBe('queue-erlang-b');
  });

  it.each(RESULT_COMMANDS)('%s: requires schemaVersion and command as constants, and refuses unknown fields', (command) => {
    const schema = JSON.parse(committed(resultSchemaName(command))) as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { const?: unknown }>;
    };
    expect(schema.required.slice(0, 2)).toEqual(['schemaVersion', 'command']);
    expect(schema.properties.schemaVersion?.const).toBe(resultSchemaVersion(command));
    expect(schema.properties.command?.const).toBe(command);
    expect(schema.additionalProperties).toBe(false);
  });

  it('documents every field: each property in every schema has a description', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const { properties } = node as { properties?: Record<string, { description?: string }> };
      for (const [key, value] of Object.entries(properties ?? {})) {
        if (!value.description) undocumented.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    };
    for (const command of RESULT_COMMANDS) walk(JSON.parse(committed(resultSchemaName(command))), resultSchemaName(command));
    expect(undocumented).toEqual([]);
  });

  it('`node scripts/gen-schema.mjs --check` agrees (the script CI and `npm run refresh` use)', () => {
    const script = fileURLToPath(new URL('scripts/gen-schema.mjs', root));
    const child = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^\d+ schemas are up to date/);
  });
});
