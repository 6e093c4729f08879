import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type Finding, type FindingCodeName } from '../../src/model/findings.js';
import { remarkSentences, statusSentences, type FindingContext } from '../../src/render/findings.js';

const f = (code: FindingCodeName, subject: string, value: number | null, limit: number | null): Finding => ({
  code,
  severity: FINDING_CODES[code].severity,
  subject,
  metric: FINDING_CODES[code].metric,
  value,
  limit,
  unit: '',
});

const ctx: FindingContext = {
  phaseId: 3,
  users: 400000,
  servedBy: 4,
  latencyPercentile: 95,
  budget: { minUsd: 980, maxUsd: 1500 },
  headroomMaxUsers: 105624,
  book: 'seed',
  tiers: [{ id: 'api', instances: { max: 60 } }],
  checks: [{ code: 'cpu-over-scaling-target', subject: 'api', value: 73.349 }],
};

describe('findings → sentences', () => {
  it('words the status: capacity (with the checks it breaks), budget, availability, error rate, headroom', () => {
    const findings = [
      f('latency-over-slo', 'phase:3', null, 500),
      f('cpu-over-scaling-target', 'api', null, 70),
      f('connections-over-alert', 'db.writer', null, 80),
      f('tier-exhausted', 'api', 60, 60),
      f('availability-short', 'phase:3', 99.8399995, 99.99),
      f('error-rate-over-slo', 'phase:3', 0.5, 0.1),
      f('over-budget', 'phase:3', 21793.97, 1500),
      f('headroom-low', 'phase:3', 12.5, 20),
    ];
    expect(statusSentences(findings, ctx)).toEqual([
      'phase 3 is exhausted at 400,000 users (latency P95, api CPU (scaling target), db.writer connections): start migrating; phase 4 serves it',
      "over budget: $21,793.97/month against the phase's $980.00–$1,500.00",
      'availability 99.84% is short of the 99.99% target',
      "error rate 0.5% is not under the phase's SLO of 0.1%",
      'less than 20% headroom: the phase serves at most 105,624 users',
    ]);
  });

  it('says an alert threshold is broken when no tier is exhausted, and nothing when all passes', () => {
    expect(statusSentences([f('cpu-over-alert', 'db', 84.2, 80)], { ...ctx, servedBy: null })).toEqual([
      'phase 3 breaks an alert threshold at 400,000 users: db CPU (CPU alert)',
    ]);
    expect(statusSentences([f('tier-exhausted', 'db', 1, 1)], { ...ctx, servedBy: null })).toEqual([
      'phase 3 is exhausted at 400,000 users: start migrating; no other phase serves this load either',
    ]);
    expect(statusSentences([f('unverified-prices', 'phase:3', 8, null)], ctx)).toEqual([]);
  });

  it('groups the remarks by code, subjects listed together', () => {
    const findings = [
      f('availability-unrated', 'cdn', null, null),
      f('availability-unrated', 'waf', null, null),
      f('unverified-prices', 'phase:3', 8, null),
      f('requests-per-target-over', 'api', 4400, 1000),
      f('unquoted-component', 'alb', 0, null),
      f('unquoted-component', 's3', 0, null),
    ];
    expect(remarkSentences(findings, ctx)).toEqual([
      'no SLA figure for cdn, waf: left out of the SLA floor',
      '8 cost line(s) use unverified prices (estimates): see "verified" in the cost lines',
      "api: at its maximum of 60 instances each takes 4,400 requests/min, over the scaling rule's 1,000/min (CPU 73.3%): raise the maximum or the rule's threshold",
      "the document's cost table has no row for alb, s3: they cost $0 under the seed book",
    ]);
  });
});
