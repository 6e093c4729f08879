import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinary, type RunResult } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-trace-'));
const preload = join(dir, 'trace.cjs');
// Preloaded into the binary's process: at exit it writes what the bundle loaded on first use (the lazy
// modules of scripts/lazy-modules.mjs record themselves) and which of Node's own modules were loaded.
writeFileSync(
  preload,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.CUENTA_PLAN_TEST_TRACE, JSON.stringify({
  lazy: globalThis[Symbol.for('cuenta-plan.loaded')] ?? [],
  builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)),
})));
`,
);

let runs = 0;

export interface TracedRun extends RunResult {
  /** Modules the bundle loaded on first use: "yaml", "zod", "mathjs/number", "node:crypto"… */
  lazy: string[];
  /** Node's own modules the process loaded ("child_process", "internal/modules/esm/translators"…). */
  builtins: string[];
}

/** Runs the built binary and reports what it loaded. */
export function runTraced(args: string[], options: { env?: Record<string, string>; bin?: string } = {}): TracedRun {
  const trace = join(dir, `trace-${(runs += 1)}.json`);
  const result = runBinary(args, { ...options, node: ['--require', preload], env: { ...options.env, CUENTA_PLAN_TEST_TRACE: trace } });
  return { ...result, ...(JSON.parse(readFileSync(trace, 'utf8')) as { lazy: string[]; builtins: string[] }) };
}
