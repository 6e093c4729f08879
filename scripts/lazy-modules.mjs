// An esbuild plugin that makes chosen imports load on first use instead of when the bundle starts.
//
// esbuild runs every bundled module's top level at start-up. For the parsers and validators that only a
// catalog's first check needs, that costs more than the rest of a run, so each import of a listed module
// from src/ is replaced by an object of getters, one per name the sources use, that requires the real
// module on first access:
//  - a package is built into its own file, dist/lazy/<name>.cjs, holding just those names (esbuild still
//    drops what they do not need), so neither its code nor its start-up work is in the main bundle;
//  - a builtin is required when first used;
//  - a source module stays in the bundle (it shares classes such as UserError with the rest) but its
//    top level runs on first use.
// The names are read from the sources with the TypeScript parser; a namespace import (`import * as z`)
// must only be used as `z.name`, which the build checks.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** Where the bundle records the lazy modules it loaded (test/cli/startup.test.ts reads it). */
export const LOADED_KEY = 'cuenta-plan.loaded';

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** What `import * as ns` is used for in `file`: the names read as `ns.name`; anything else is an error. */
function namespaceUses(source, ns, file, target) {
  const names = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node) && node.text === ns) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) names.add(parent.name.text);
      else if (!ts.isNamespaceImport(parent) && !ts.isQualifiedName(parent) && !ts.isTypeQueryNode(parent)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        throw new Error(`build: ${relative(process.cwd(), file)}:${line + 1} uses "${ns}" (from ${target}, loaded lazily) other than as ${ns}.name; import the names instead`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/**
 * The names the files under `srcDir` import from each module `isLazy(specifier, importerFile)` accepts,
 * keyed by what it returns (a package name or a source file's path).
 */
export function importedNames(srcDir, isLazy) {
  const uses = new Map();
  const add = (key, names) => {
    const set = uses.get(key) ?? new Set();
    for (const name of names) set.add(name);
    uses.set(key, set);
  };
  for (const file of sourceFiles(srcDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      const isImport = ts.isImportDeclaration(statement);
      if (!isImport && !(ts.isExportDeclaration(statement) && statement.moduleSpecifier)) continue;
      const key = isLazy(statement.moduleSpecifier.text, file);
      if (!key) continue;
      if (isImport) {
        const clause = statement.importClause;
        if (!clause || clause.isTypeOnly) continue;
        if (clause.name) add(key, ['default']);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) add(key, namespaceUses(source, bindings.name.text, file, statement.moduleSpecifier.text));
        else if (bindings) add(key, bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text));
      } else {
        if (statement.isTypeOnly) continue;
        const clause = statement.exportClause;
        if (!clause || !ts.isNamedExports(clause)) throw new Error(`build: ${relative(process.cwd(), file)} re-exports all of ${statement.moduleSpecifier.text}, which loads lazily; name the exports`);
        add(key, clause.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text));
      }
    }
  }
  return uses;
}

/** The proxy module's source: getters that require `target` on first access and record `label`. */
function proxySource({ label, target, names, esModule }) {
  return `const loaded = (globalThis[Symbol.for(${JSON.stringify(LOADED_KEY)})] ??= []);
let real;
function load() {
  if (real === undefined) {
    loaded.push(${JSON.stringify(label)});
    real = require(${JSON.stringify(target)});
  }
  return real;
}
const lazy = {};
${esModule ? "Object.defineProperty(lazy, '__esModule', { value: true });\n" : ''}for (const name of ${JSON.stringify([...names].sort())}) Object.defineProperty(lazy, name, { enumerable: true, get: () => load()[name] });
module.exports = lazy;
`;
}

/**
 * @param options.packages which package specifiers load lazily (a RegExp)
 * @param options.builtins which builtin specifiers load lazily (a RegExp)
 * @param options.sources source files (absolute .ts paths) whose top level runs on first use
 * @param options.srcDir the sources whose imports are scanned and rewritten
 * @param options.outDir where the packages' files go (dist/lazy)
 * @param options.esbuild options shared with the main build (platform, target, minify…)
 */
export function lazyModules({ packages, builtins, sources, srcDir, outDir, esbuild }) {
  const src = resolve(srcDir);
  const inSources = (file) => file !== undefined && resolve(file).startsWith(`${src}/`);
  const sourceOf = (spec, importer) => {
    if (!spec.startsWith('.')) return undefined;
    const file = resolve(dirname(importer), spec.replace(/\.js$/, '.ts'));
    return sources.has(file) ? file : undefined;
  };
  const names = importedNames(src, (spec, importer) => (packages.test(spec) ? spec : sourceOf(spec, importer)));
  const fileOf = (spec) => `${outDir}/${spec.replace(/^@/, '').replaceAll('/', '-')}.cjs`;

  return {
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.namespace === 'lazy') return undefined;
        if (builtins.test(args.path)) return { path: args.path, namespace: 'lazy', pluginData: { kind: 'builtin' } };
        if (!inSources(args.importer)) return undefined;
        if (packages.test(args.path)) return { path: args.path, namespace: 'lazy', pluginData: { kind: 'package' } };
        const file = sourceOf(args.path, args.importer);
        return file ? { path: file, namespace: 'lazy', pluginData: { kind: 'source' } } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, async ({ path, pluginData: { kind } }) => {
        if (kind === 'builtin') {
          return { loader: 'js', contents: proxySource({ label: path, target: path, names: Object.keys(require(path)), esModule: false }) };
        }
        const used = names.get(path) ?? new Set();
        if (kind === 'source') {
          // The real module, required by absolute path, is bundled by esbuild and run on first use.
          return { loader: 'js', resolveDir: dirname(path), contents: proxySource({ label: basename(path), target: path, names: used, esModule: true }) };
        }
        const file = fileOf(path);
        await build({
          ...esbuild,
          stdin: { contents: `export { ${[...used].join(', ')} } from ${JSON.stringify(path)};`, resolveDir: process.cwd(), loader: 'js' },
          outfile: file,
        });
        return {
          loader: 'js',
          contents: proxySource({ label: path, target: `./${relative(dirname(outDir), file)}`, names: used, esModule: true }),
        };
      });
      // The packages' files are required at run time, relative to the bundle.
      b.onResolve({ filter: /^\.\/lazy\// }, (args) => (args.namespace === 'lazy' ? { path: args.path, external: true } : undefined));
    },
  };
}
