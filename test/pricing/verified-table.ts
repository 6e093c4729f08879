/**
 * Test helper: reads the main table of PRICES-VERIFIED.md (the source of truth for snapshot prices)
 * independently of the snapshot, so the snapshot can be checked against it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoCopyPath = fileURLToPath(new URL('../../data/pricing/PRICES-VERIFIED.md', import.meta.url));
export const snapshotPath = fileURLToPath(new URL('../../data/pricing/aws-us-east-1.json', import.meta.url));

export interface VerifiedRow {
  service: string;
  item: string;
  unit: string;
  usd: number;
  how: string;
  source: string;
  asOf: string;
}

/** Rows of the "## Prices" table only (the "Not us-east-1" table is excluded by design). */
export function parseVerifiedTable(markdown: string): VerifiedRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('## Prices'));
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (start < 0 || end < 0) throw new Error('PRICES-VERIFIED.md: "## Prices" section not found');
  return lines
    .slice(start + 1, end)
    .filter((line) => line.startsWith('| ') && !line.startsWith('| service') && !line.startsWith('|---'))
    .map((line) => {
      const cells = line.slice(2, -2).split(' | ');
      if (cells.length !== 7) throw new Error(`PRICES-VERIFIED.md: expected 7 cells in ${line}`);
      const [service = '', item = '', unit = '', usd = '', how = '', source = '', asOf = ''] = cells;
      return { service, item, unit, usd: Number(usd), how, source, asOf };
    });
}

export function readVerifiedRows(path = repoCopyPath): VerifiedRow[] {
  return parseVerifiedTable(readFileSync(path, 'utf8'));
}

/**
 * How a source unit is stored in the snapshot: the snapshot's unit and the factor that turns
 * the source's figure into the stored one (per 1k requests × 1000 = per million requests).
 */
export const SOURCE_UNITS: Readonly<Record<string, { unit: string; factor: number }>> = {
  'USD/hour': { unit: 'hour', factor: 1 },
  'USD/node-hour': { unit: 'hour', factor: 1 },
  'USD/cluster-hour': { unit: 'hour', factor: 1 },
  'USD/year': { unit: 'year', factor: 1 },
  'USD/vCPU-hour': { unit: 'vcpu-hour', factor: 1 },
  'USD/GB-hour': { unit: 'gb-hour', factor: 1 },
  'USD/LCU-hour': { unit: 'lcu-hour', factor: 1 },
  'USD/NLCU-hour': { unit: 'lcu-hour', factor: 1 },
  'USD/ACU-hour': { unit: 'acu-hour', factor: 1 },
  'USD/WCU-hour': { unit: 'wcu-hour', factor: 1 },
  'USD/RCU-hour': { unit: 'rcu-hour', factor: 1 },
  'USD/GB': { unit: 'gb', factor: 1 },
  'USD/GB-month': { unit: 'gb-month', factor: 1 },
  'USD/GB-second': { unit: 'gb-second', factor: 1 },
  'USD/1M requests': { unit: 'million-requests', factor: 1 },
  'USD/1M queries': { unit: 'million-requests', factor: 1 },
  'USD/1k requests': { unit: 'million-requests', factor: 1000 },
  'USD/10k requests': { unit: 'million-requests', factor: 100 },
  'USD/metric-month': { unit: 'month', factor: 1 },
  'USD/alarm metric-month': { unit: 'month', factor: 1 },
  'USD/zone-month': { unit: 'month', factor: 1 },
};
