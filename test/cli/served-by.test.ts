/**
 * `simulate`'s `status.servedBy` and `advise`'s `byCapacity` follow one rule (issue 11): the cheapest phase that
 * passes every capacity check at N. Each case pushes a phase past what it serves (--phase) and checks that
 * simulate names the phase advise names, and that this phase is the cheapest of those advise lists as passing.
 */
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

interface Candidate {
  phase: number;
  capacityOk: boolean;
  totalUsd: number;
}

async function json<T>(args: string[]): Promise<T> {
  const result = await run([...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

describe('servedBy = advise byCapacity', () => {
  it.each([
    // 20,000 users: the example. Phases 0 and 1 cannot serve it; phases 2, 3 and 4 pass, and each later
    // phase adds components to the one before, so phase 2 is the cheapest.
    [20_000, 1, 2],
    // 3,000 users is past phase 1's app tier (two 1-vCPU droplets at the CPU alert) as well as phase 0's one VPS.
    [3_000, 0, 2],
    // 400,000 users: only the multi-region phase 4 serves it.
    [400_000, 3, 4],
  ])('at %d users on phase %d, both name phase %d', async (users, phase, expected) => {
    const simulated = await json<{ status: { servedBy: number | null } }>(['simulate', '--users', String(users), '--phase', String(phase)]);
    const advised = await json<{ byCapacity: { phase: number } | null; phases: Candidate[] }>(['advise', '--users', String(users)]);
    const passing = advised.phases.filter((c) => c.capacityOk).sort((a, b) => a.totalUsd - b.totalUsd);
    expect(simulated.status.servedBy).toBe(expected);
    expect(advised.byCapacity?.phase).toBe(expected);
    expect(passing[0]?.phase).toBe(expected);
  });

  it('is null when the phase itself passes, and when no phase serves the load', async () => {
    expect((await json<{ status: { servedBy: number | null } }>(['simulate', '--users', '20000'])).status.servedBy).toBeNull();
    const beyond = await json<{ status: { servedBy: number | null } }>(['simulate', '--users', '2000000', '--phase', '3']);
    const advised = await json<{ byCapacity: unknown }>(['advise', '--users', '2000000']);
    expect(beyond.status.servedBy).toBeNull();
    expect(advised.byCapacity).toBeNull();
  });
});
