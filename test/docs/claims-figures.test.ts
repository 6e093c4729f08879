/**
 * docs/model.md § Claims says in prose where the model and the document disagree; the table above it, and the
 * README's claims, are console examples (test/docs/examples.test.ts). This holds the prose to
 * `claims --format json`, so a figure the engine moves names the sentence to correct.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ClaimRow, ClaimsResult } from '../../src/model/claims.js';
import { run } from '../cli/run.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const model = read('docs/model.md');
const start = model.indexOf('## Claims');
/** Line breaks and indents read as one space, so rewrapping a paragraph does not fail the test. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const section = flat(model.slice(start, model.indexOf('\n## ', start + 1)));

const grouped = (n: number, decimals = 0) => n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

describe('docs/model.md § Claims quotes claims --format json', async () => {
  const result = JSON.parse((await run(['claims', '--format', 'json'])).stdout) as ClaimsResult;
  const row = (id: string): ClaimRow => result.claims.find((c) => c.id === id)!;

  it('the per-user gaps of phases 2–4', () => {
    const gaps = [2, 3, 4].map((p) => `+${Math.round(row(`cost-per-user-phase-${p}`).offByPercent!)} %`);
    expect(section).toContain(`(${gaps.join(', ')})`);
    expect(section).toContain(`the best is phase 4's $${row('cost-efficiency').phases!.at(-1)!.modelValue}`);
  });

  it('throughput capacity by phase', () => {
    const capacity = row('throughput').phases!.map((p) => grouped(p.modelValue!));
    expect(section).toContain(`their capacity is ${capacity[0]}, ${capacity[1]} and ${capacity[2]} req/s`);
    expect(section).toContain(`Phase 3 reaches ${capacity[3]} and phase 4 ${capacity[4]}`);
  });

  it('the break-even and the opex the claim implies', () => {
    const b = row('break-even-premium-users');
    expect(section).toContain(`at ${grouped(b.users!)} users, ${grouped(b.modelValue!)} of them premium — ${Math.round(-b.offByPercent!)} % below`);
    const implied = Number(/break even with \$([\d,.]+) of opex/.exec(b.reason)![1]!.replace(/,/g, ''));
    expect(section).toContain(`about $${grouped(Math.round(implied / 100) * 100)} of opex`);
  });

  it('what holds', () => {
    expect(section).toContain(`phase 4's ${row('latency-p95').modelValue} ms`);
    expect(section).toContain(`phase 1's ${grouped(row('availability').modelValue!, 3)} %`);
    expect(section).toContain(`$${grouped(row('mrr-phase-3').modelValue!)} at its top`);
  });
});
