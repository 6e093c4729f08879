import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { emit } from '../output.js';
import { defaultCatalogPath } from '../paths.js';
import { catalogJsonSchema } from '../catalog/json-schema.js';
import { invalidCatalogError, loadCatalog } from '../catalog/load.js';
import { validateCatalog } from '../catalog/validate.js';
import { showCatalog, type CatalogValidateResult } from '../catalog/summary.js';
import {
  renderCatalogShowMarkdown,
  renderCatalogShowTable,
  renderCatalogValidateMarkdown,
  renderCatalogValidateTable,
} from '../render/catalog.js';
import { parseNumberOption } from './args.js';
import type { CommandContext } from './context.js';

const renderSchema = {
  table: (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`,
  md: (schema: unknown) => `\`\`\`json\n${JSON.stringify(schema, null, 2)}\n\`\`\`\n`,
};

export function registerCatalog(program: Command, ctx: CommandContext): void {
  const catalog = program
    .command('catalog')
    .description('validate, inspect and describe the phase catalog (data/phases.yaml or --catalog FILE)')
    .addHelpText(
      'after',
      `
Examples:
  $ cuenta-plan catalog validate                  check the bundled catalog
  $ cuenta-plan catalog show 2                    phase 2: users, SLOs, components, quoted costs
  $ cuenta-plan catalog schema > catalog.schema.json`,
    );

  catalog
    .command('validate')
    .description('check a catalog file: YAML, schema, formulas and cross-field rules; exit 2 listing every problem')
    .argument('[file]', 'catalog YAML to check, - for standard input (default: --catalog, else the bundled data/phases.yaml)')
    .addHelpText(
      'after',
      `
Each problem is one line: file:line:col  path  message. Price keys, units and the region are checked
against the price book (--prices FILE, else the bundled snapshot).

Examples:
  $ cuenta-plan catalog validate                        the bundled catalog
  $ cuenta-plan catalog validate my-plan.yaml           exit 0 when valid, 2 when not
  $ cuenta-plan catalog validate my-plan.yaml --format json   problems as data (schemaVersion 1)
  $ cuenta-plan --prices eu-prices.json catalog validate my-plan.yaml   against your own price book
  $ cat my-plan.yaml | cuenta-plan catalog validate -   read the catalog from standard input`,
    )
    .action((file: string | undefined, _options: unknown, command: Command) => {
      const globals = ctx.globals(command);
      const path = file ?? globals.catalog ?? defaultCatalogPath;
      const validation = validateCatalog(path, ctx.snapshotBook(globals));
      const result: CatalogValidateResult = {
        schemaVersion: 1,
        command: 'catalog validate',
        file: validation.file,
        valid: validation.catalog !== undefined,
        phases: validation.catalog?.phases.length ?? 0,
        components: validation.catalog?.phases.reduce((sum, p) => sum + p.components.length, 0) ?? 0,
        errors: validation.errors,
        warnings: validation.warnings,
      };
      if (result.valid) {
        emit(result, { table: renderCatalogValidateTable, md: renderCatalogValidateMarkdown }, globals, ctx.io);
        return;
      }
      if (globals.format !== 'table') {
        // Machine-readable formats still get the problems on stdout (or --out); the exit code says invalid.
        emit(result, { table: renderCatalogValidateTable, md: renderCatalogValidateMarkdown }, globals, ctx.io);
        throw new UserError(`catalog ${validation.file} is invalid (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})`);
      }
      throw invalidCatalogError(validation);
    });

  catalog
    .command('schema')
    .description('print the JSON Schema of the catalog file (generated from the validator; editors use it to autocomplete)')
    .addHelpText(
      'after',
      `
Examples:
  $ cuenta-plan catalog schema
  $ cuenta-plan catalog schema --out schema/catalog.schema.json
A catalog opts in with its first line: # yaml-language-server: $schema=../schema/catalog.schema.json`,
    )
    .action((_options: unknown, command: Command) => {
      emit(catalogJsonSchema(), { ...renderSchema, json: renderSchema.table }, ctx.globals(command), ctx.io);
    });

  catalog
    .command('show')
    .description("summarise one phase or all: users, concurrency, SLOs, components, the document's quoted costs and budget")
    .argument('[phase]', 'phase id (default: all phases)')
    .addHelpText(
      'after',
      `
Examples:
  $ cuenta-plan catalog show                      every phase, one line each
  $ cuenta-plan catalog show 2                    phase 2's components and quoted costs
  $ cuenta-plan catalog show 2 --format json      the result object (schemaVersion 1)
  $ cuenta-plan --catalog my-plan.yaml catalog show 0`,
    )
    .action((phaseArg: string | undefined, _options: unknown, command: Command) => {
      const globals = ctx.globals(command);
      const { catalog: loaded, warnings, file } = loadCatalog(globals.catalog, ctx.snapshotBook(globals));
      let phaseId: number | undefined;
      if (phaseArg !== undefined) {
        const ids = loaded.phases.map((p) => p.id).join(', ');
        let id: number | undefined;
        try {
          id = parseNumberOption('PHASE', phaseArg, { integer: true, min: 0 });
        } catch {
          id = undefined;
        }
        if (id === undefined || !loaded.phases.some((p) => p.id === id)) {
          throw new UserError(`there is no phase "${phaseArg}" in the catalog ${file}; its phases are ${ids}`);
        }
        phaseId = id;
      }
      const result = showCatalog(loaded, file, warnings, phaseId);
      emit(result, { table: renderCatalogShowTable, md: renderCatalogShowMarkdown }, globals, ctx.io);
    });
}
