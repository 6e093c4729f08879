import type { Finding } from './findings.js';

/** 12 significant digits: no float tails (0.30000000000000004), and every digit a sentence or a gate may round to. */
const clean = (x: number | null): number | null => (x === null ? null : Number(x.toPrecision(12)));

/** A finding as results print it. */
export function roundFinding(finding: Finding): Finding {
  return { ...finding, value: clean(finding.value), limit: clean(finding.limit) };
}
