/**
 * Reads a gate policy file: YAML validated like a catalog (src/catalog's YAML parser, zod, and its issue
 * messages), every problem named by file, line, column and key. Paths in it (`baseline:`) are relative to it.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { UserError } from '../errors.js';
import { reportZodIssues } from '../catalog/issues.js';
import { formatProblem, Locator, ProblemList } from '../catalog/problems.js';
import { parseCatalogYaml } from '../catalog/yaml.js';
import { policySchema, type GatePolicy } from './policy-schema.js';

/** A policy is a few lines; anything this size is the wrong file. */
const MAX_POLICY_BYTES = 1024 * 1024;

/**
 * Parses policy text (`file` names it in messages). `baseline:` stays as written.
 * @throws UserError listing each problem as `file:line:col  key  message` (exit 2)
 */
export function parsePolicy(text: string, file: string): GatePolicy {
  const yamlProblems = new ProblemList(file);
  const parsed = parseCatalogYaml(text, yamlProblems);
  if (!parsed.ok) throw invalidPolicy(file, yamlProblems);
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    throw new UserError(`policy ${file} must be a YAML mapping of the gate's options (users, budget, require-slo, …); see schema/policy.schema.json`);
  }
  const problems = new ProblemList(file, new Locator(parsed.doc, parsed.lineCounter));
  const checked = policySchema().safeParse(parsed.data);
  if (!checked.success) {
    reportZodIssues(checked.error.issues, parsed.data, policySchema(), problems);
    throw invalidPolicy(file, problems);
  }
  return checked.data;
}

function invalidPolicy(file: string, problems: ProblemList): UserError {
  // By position, as `catalog validate` lists them (zod reports the schema's key order).
  const errors = problems.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return new UserError(`policy ${file} is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):`, errors.map(formatProblem));
}

/**
 * Reads and parses the policy at `path`; a relative `baseline:` is resolved against the policy's folder.
 * @throws UserError when the file cannot be read, is too big or is invalid (exit 2)
 */
export function loadPolicy(path: string): GatePolicy {
  let text: string;
  try {
    if (statSync(path).size > MAX_POLICY_BYTES) throw new UserError(`policy ${path} is over 1 MB; a policy is a few lines of YAML — is this the right file?`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new UserError(`cannot read policy ${path}: ${why}; pass the path of a policy YAML file (see examples/policy.yaml)`);
  }
  const policy = parsePolicy(text.replace(/^\uFEFF/, ''), path);
  if (policy.baseline !== undefined && !isAbsolute(policy.baseline)) policy.baseline = join(dirname(path), policy.baseline);
  return policy;
}
