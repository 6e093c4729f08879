import { formatPath } from '../paths.js';
import { UserError } from '../errors.js';
import { version } from '../version.js';
import { isResultCommand, RESULT_COMMANDS, RESULT_SCHEMAS, resultSchemaVersion, type ResultCommand, type ResultOf } from './registry.js';

export type SavedResult = { [C in ResultCommand]: { command: C; result: ResultOf<C> } }[ResultCommand];

/** More problems than this are summarised: the first ones say enough about a wrong file. */
const MAX_LISTED_PROBLEMS = 20;

const describeValue = (value: unknown): string =>
  value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'an array' : JSON.stringify(value);

/**
 * Reads a result saved with `--format json` and checks it against the schema of the command that wrote it
 * (its `command` field) and that schema's `schemaVersion`.
 *
 * @param text the file's contents
 * @param file the file's name as the user gave it, for messages
 * @throws UserError (exit 2) naming the file and, as the case may be: that it is not JSON, the missing or
 *   unknown `command`, a `schemaVersion` other than this build's, or each field path with its problem
 * @example readSavedResult(readFileSync('plan.json', 'utf8'), 'plan.json') // { command: 'simulate', result }
 */
export function readSavedResult(text: string, file: string): SavedResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UserError(`${file} is not JSON (${(error as Error).message}); pass a result saved with --format json`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError(`${file}: a saved result is a JSON object with "command" and "schemaVersion"; got ${describeValue(data)}`);
  }
  const { command, schemaVersion } = data as Record<string, unknown>;
  if (typeof command !== 'string' || !isResultCommand(command)) {
    throw new UserError(
      `${file}: command is ${describeValue(command)}; a saved result names the command that wrote it, one of ${RESULT_COMMANDS.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  const expected = resultSchemaVersion(command);
  if (schemaVersion !== expected) {
    throw new UserError(
      `${file}: schemaVersion is ${describeValue(schemaVersion)}, but cuenta-plan ${version} reads ${command} results of schemaVersion ${expected} only; ` +
        `re-run \`cuenta-plan ${command} … --format json\` with this version to save it again`,
    );
  }
  const parsed = RESULT_SCHEMAS[command]().safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = formatPath(issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)));
      return `${path === '' ? '(the whole result)' : path}: ${issue.message}`;
    });
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    if (problems.length > listed.length) listed.push(`… and ${problems.length - listed.length} more`);
    throw new UserError(
      `${file} is not a valid ${command} result of schemaVersion ${expected} (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
      listed,
    );
  }
  return { command, result: parsed.data } as SavedResult;
}
