/**
 * The gate's examples run as written: the GitHub Actions workflow calls the built CLI with options that exist and
 * finds its comment by the marker the markdown starts with; the policy file gates; the B2B SaaS catalog validates
 * and simulates with the bundled prices.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { GATE_COMMENT_MARKER } from '../../src/render/gate.js';
import { run } from '../cli/run.js';

const workflow = parse(readFileSync('examples/github/cuenta-plan-gate.yml', 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Array<{ run?: string; uses?: string; if?: string; id?: string }> }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** Every `npx cuenta-plan …` invocation in the workflow's shell steps, as words (quotes dropped, continuations joined). */
const invocations = steps
  .flatMap((step) => (step.run ?? '').replace(/\\\n/g, ' ').split('\n'))
  .filter((line) => line.includes('npx cuenta-plan'))
  .map((line) => line.slice(line.indexOf('npx cuenta-plan') + 'npx cuenta-plan'.length).replace(/\s*\|\|.*$/, '').replace(/"/g, '').trim().split(/\s+/));

const program = buildProgram({ stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false });
const flagsOf = (command: Command): string[] => command.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined);

describe('examples/github/cuenta-plan-gate.yml', () => {
  it('runs on pull requests, may write their comments, installs and builds the CLI', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions['pull-requests']).toBe('write');
    expect(steps.some((s) => s.run === 'npm ci')).toBe(true);
  });

  it('calls the gate twice — the base branch saved as JSON, then the pull request against it as markdown — with options that exist', () => {
    expect(invocations).toHaveLength(2);
    const gate = program.commands.find((c) => c.name() === 'gate')!;
    const known = new Set([...flagsOf(program), ...flagsOf(gate)]);
    for (const words of invocations) {
      expect(words).toContain('gate');
      for (const word of words.filter((w) => w.startsWith('-'))) expect(known, word).toContain(word);
    }
    const [base, head] = invocations as [string[], string[]];
    const after = (words: string[], flag: string) => words[words.indexOf(flag) + 1];
    expect(after(base, '--format')).toBe('json');
    expect(after(head, '--format')).toBe('md');
    expect(after(head, '--baseline')).toBe(after(base, '--out'));
    expect(after(head, '--policy')).toBe('examples/policy.yaml');
  });

  it('finds its comment by the marker the markdown starts with, and fails the job with the gate’s exit code', () => {
    const comment = steps.find((s) => s.run?.includes('gh api'))!;
    expect(comment.run).toContain(`startswith("${GATE_COMMENT_MARKER}")`);
    expect(comment.run).toMatch(/--method PATCH .*issues\/comments\/\$id/);
    expect(comment.run).toMatch(/--method POST .*issues\/\$PR\/comments/);
    expect(steps.at(-1)!.run).toBe('exit "${{ steps.gate.outputs.status }}"');
  });
});

describe('examples/policy.yaml', () => {
  it('gates the bundled plan: it fails only on phase 3’s availability SLO (99.977 % against 99.99 %), exit 1', async () => {
    const result = await run(['gate', '--policy', 'examples/policy.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    const gated = JSON.parse(result.stdout) as { results: Array<{ users: number }>; checks: Array<{ id: string; users: number; pass: boolean }> };
    expect(gated.results.map((r) => r.users)).toEqual([1000, 10000, 50000]);
    expect(gated.checks.filter((c) => !c.pass).map((c) => [c.id, c.users])).toEqual([['availability-short', 50000]]);
  });
});

describe('examples/catalogs/b2b-saas.yaml', () => {
  const catalog = 'examples/catalogs/b2b-saas.yaml';

  it('validates against the bundled prices with no warning', async () => {
    const result = await run(['catalog', 'validate', catalog]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${catalog} is valid: 3 phases, 10 components, 0 warnings\n`);
  });

  it('simulates each phase at its top within its checks, and passes the gate there', async () => {
    for (const [users, phase] of [[1000, 1], [15000, 2], [50000, 3]] as const) {
      const result = JSON.parse((await run(['--catalog', catalog, 'simulate', '--users', String(users), '--format', 'json'])).stdout);
      expect(result.phase.id).toBe(phase);
      expect(result.status.ok, JSON.stringify(result.findings)).toBe(true);
    }
    const gated = await run(['--catalog', catalog, 'gate', '--users', '1000', '--users', '15000', '--users', '50000', '--require-slo', '--min-headroom', '0']);
    expect(gated.code, gated.stdout).toBe(0);
  });
});
