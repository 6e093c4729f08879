/**
 * docs/model.md's line-by-line reconciliation of the snapshot estimate with the document's quote is typed by hand
 * (its "why" column is prose), so its figures are held here to `simulate --format json` at the same users: each
 * phase's total, quote, difference and floor, and each component's snapshot cost, quote and difference. The
 * midpoint table above it is a console example (scripts/midpoints.mjs), which test/docs/examples.test.ts checks.
 * When the engine moves a figure, this names the row to correct.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

const model = readFileSync(fileURLToPath(new URL('../../docs/model.md', import.meta.url)), 'utf8');
const section = model.slice(model.indexOf("### Snapshot estimate against the document's quote"));
const sectionEnd = section.indexOf('\n## ');
const reconciliation = sectionEnd < 0 ? section : section.slice(0, sectionEnd);

/** "$1,234.56", "$335", "−$20.00", "+$1.38" or "—" (no row in the document) as a number or null. */
function money(text: string): number | null {
  const t = text.trim();
  if (t === '—') return null;
  const m = /^([+−-]?)\$([\d,]+(?:\.\d\d)?)$/.exec(t);
  if (m === null) throw new Error(`not a dollar figure: "${t}"`);
  return (m[1] === '−' || m[1] === '-' ? -1 : 1) * Number(m[2]!.replace(/,/g, ''));
}

interface PhaseBlock {
  phase: number;
  users: number;
  total: number;
  quote: number;
  difference: number;
  floor: number;
  rows: Array<{ id: string; snapshot: number; quoted: number | null; difference: number }>;
}

const HEADER = /^\*\*Phase (\d) at ([\d,]+) users\*\*: (\$[\d,.]+) against (\$[\d,.]+) \((\+\$[\d,.]+)\); floor (\$[\d,.]+)\./;

function blocks(): PhaseBlock[] {
  return reconciliation
    .split(/\n(?=\*\*Phase \d at )/)
    .slice(1)
    .map((text) => {
      const h = HEADER.exec(text);
      if (h === null) throw new Error(`a phase heading that does not parse: ${text.slice(0, 80)}`);
      const rows = text
        .split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| component') && !line.startsWith('| ---'))
        .map((line) => {
          const [id, snapshot, quoted, difference] = line.split('|').slice(1, 5).map((c) => c.trim());
          return { id: id!, snapshot: money(snapshot!)!, quoted: money(quoted!), difference: money(difference!)! };
        });
      return {
        phase: Number(h[1]),
        users: Number(h[2]!.replace(/,/g, '')),
        total: money(h[3]!)!,
        quote: money(h[4]!)!,
        difference: money(h[5]!)!,
        floor: money(h[6]!)!,
        rows,
      };
    });
}

describe("docs/model.md: the snapshot estimate against the document's quote", () => {
  const found = blocks();

  it('covers phases 2, 3 and 4', () => {
    expect(found.map((b) => b.phase)).toEqual([2, 3, 4]);
  });

  describe.each(found.map((b) => [b.phase, b.users, b] as const))('phase %i at %i users', (phase, users, block) => {
    it('states the figures simulate gives, every component once', async () => {
      const result = await run(['simulate', '--users', String(users), '--phase', String(phase), '--format', 'json']);
      expect(result.code).toBe(0);
      const { cost } = JSON.parse(result.stdout);
      expect({ total: block.total, quote: block.quote, difference: block.difference, floor: block.floor }).toEqual({
        total: cost.totalUsd,
        quote: cost.quotedTotalUsd,
        difference: cost.vsQuote.differenceUsd,
        floor: cost.floorUsd,
      });
      const components = new Map<string, { monthlyUsd: number; quotedUsd: number | null }>(
        cost.components.map((c: { id: string; monthlyUsd: number; quotedUsd: number | null }) => [c.id, c]),
      );
      expect(block.rows.map((r) => r.id).sort()).toEqual([...components.keys()].sort());
      for (const row of block.rows) {
        const c = components.get(row.id)!;
        expect({ id: row.id, snapshot: row.snapshot, quoted: row.quoted, difference: row.difference }).toEqual({
          id: row.id,
          snapshot: c.monthlyUsd,
          quoted: c.quotedUsd,
          difference: Math.round((c.monthlyUsd - (c.quotedUsd ?? 0)) * 100) / 100,
        });
      }
    });
  });
});
