/**
 * Typed errors and the one mapping from errors to exit codes (docs/commands.md "Exit codes").
 *
 * 0 success · 1 a gate failed (`gate`: a check does not pass) · 2 invalid input, usage or catalog ·
 * 3 an external source failed and no fallback was allowed · 70 internal error (a bug).
 */

import { InputError } from './model/input-error.js';

export const EXIT = { ok: 0, policy: 1, usage: 2, external: 3, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Something the user can fix: a bad flag, a bad file, a broken catalog. Exit 2. */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: ExitCode = EXIT.usage;
  /** Extra lines printed under the message (one problem per line). */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

/** `gate` found a failing check; its output was written first. Exit 1. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  readonly exitCode: ExitCode = EXIT.policy;
}

/** An external source (AWS, the network, the disk cache) failed and no fallback was allowed. Exit 3. */
export class ExternalError extends Error {
  override name = 'ExternalError';
  readonly exitCode: ExitCode = EXIT.external;
}

type KnownError = UserError | PolicyError | ExternalError;

function isKnownError(error: unknown): error is KnownError {
  return error instanceof UserError || error instanceof PolicyError || error instanceof ExternalError;
}

export interface ErrorReport {
  exitCode: ExitCode;
  text: string;
}

/** Pure: what to print and which exit code to use for an error that reached the top. */
export function reportError(error: unknown): ErrorReport {
  if (isKnownError(error)) {
    const details = error instanceof UserError ? error.details.map((line) => `  ${line}`) : [];
    return { exitCode: error.exitCode, text: [`cuenta-plan: ${error.message}`, ...details].join('\n') };
  }
  // The engine's InputError: a value outside a model's domain, from a flag or the catalog. Any other error is a bug.
  if (error instanceof InputError) {
    return { exitCode: EXIT.usage, text: `cuenta-plan: ${error.message}` };
  }
  const stack = error instanceof Error ? (error.stack ?? String(error)) : String(error);
  return {
    exitCode: EXIT.internal,
    text: [
      'cuenta-plan: internal error — this is a bug in cuenta-plan, not in your input.',
      'Please report it with the command you ran and this trace:',
      stack,
    ].join('\n'),
  };
}
