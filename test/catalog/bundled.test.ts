/**
 * The bundled catalog (data/phases.yaml) against the document it encodes
 * (docs/plan-cuenta-conmigo.md, "Documento de Escalabilidad - Cuenta Conmigo", copied as is).
 * Expected figures are copied from the document's tables, not from the catalog.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Catalog, Component, Phase } from '../../src/model/catalog-types.js';
import { REQUIRED_ASSUMPTIONS } from '../../src/model/variables.js';
import { defaultCatalogPath, defaultSnapshotPath } from '../../src/paths.js';
import { formatProblem, validateCatalog } from '../../src/catalog/index.js';
import { collectProvenance } from '../../src/catalog/provenance.js';
import { showCatalog } from '../../src/catalog/summary.js';
import { loadSnapshotPriceBook } from '../../src/pricing/load-snapshot.js';

const book = loadSnapshotPriceBook(defaultSnapshotPath);
const validation = validateCatalog(defaultCatalogPath, book);
const catalog = validation.catalog as Catalog;
const phase = (id: number) => catalog.phases.find((p) => p.id === id) as Phase;
const component = (phaseId: number, id: string) => phase(phaseId).components.find((c) => c.id === id) as Component;
const quoted = (p: Phase) => p.components.filter((c) => c.quoted !== undefined);

describe('data/phases.yaml', () => {
  it('is valid with no errors and no warnings', () => {
    // Validated here, not only when the file is collected: a mutation test (npm run mutate) counts a test as covering
    // only the code it runs itself, and this is the test that every rule must pass the bundled catalog.
    const again = validateCatalog(defaultCatalogPath, loadSnapshotPriceBook(defaultSnapshotPath));
    expect([...again.errors, ...again.warnings].map(formatProblem)).toEqual([]);
    expect(again.catalog).toBeDefined();
  });

  it('starts with the yaml-language-server schema line', () => {
    expect(readFileSync(defaultCatalogPath, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/catalog.schema.json');
  });

  it('has phases 0–4 with contiguous user ranges and the document’s concurrency, SLOs and budgets', () => {
    // Objetivos of each phase; phase 1's document range 0–1,000 starts at 101 here so phases do not overlap.
    expect(catalog.phases.map((p) => [p.id, p.users.min, p.users.max])).toEqual([
      [0, 0, 100],
      [1, 101, 1000],
      [2, 1001, 10000],
      [3, 10001, 100000],
      [4, 100001, 1000000],
    ]);
    expect(phase(1).users.note).toMatch(/0–1,000/);
    expect(catalog.phases.map((p) => [p.concurrentUsers.min, p.concurrentUsers.max])).toEqual([
      [50, 100],
      [50, 200],
      [200, 1000],
      [1000, 5000],
      [5000, 50000],
    ]);
    expect(catalog.phases.map((p) => p.slo.availability)).toEqual([99.5, 99.9, 99.95, 99.99, 99.999]);
    expect(catalog.phases.map((p) => p.slo.latency.targetMs)).toEqual([200, 300, 500, 500, 500]);
    for (const id of [2, 3, 4]) expect(phase(id).slo.latency.note).toMatch(/global KPI/);
    expect(catalog.phases.map((p) => [p.budgetUsd.min, p.budgetUsd.max])).toEqual([
      [25, 50],
      [80, 120],
      [335, 450],
      [980, 1500],
      [3600, 8000],
    ]);
  });

  it('quotes the document’s totals, and the quoted rows add up to them exactly', () => {
    const totals = [25, 80, 335, 980, 3600];
    expect(catalog.phases.map((p) => p.quotedTotalUsd)).toEqual(totals);
    for (const p of catalog.phases) {
      const cents = quoted(p).reduce((sum, c) => sum + Math.round(c.quoted!.usd * 100), 0);
      expect(cents, `phase ${p.id}`).toBe(p.quotedTotalUsd! * 100);
    }
    // Rows per cost table: phase 0 has none (one VPS from the cost-per-user table), then 4, 6, 5, 6.
    expect(catalog.phases.map((p) => quoted(p).length)).toEqual([1, 4, 6, 5, 6]);
    expect(quoted(phase(2)).map((c) => [c.quoted!.label, c.quoted!.usd])).toEqual([
      ['CloudFront', 20],
      ['API Gateway', 5],
      ['EC2 (Auto-scaling)', 120],
      ['RDS Aurora', 150],
      ['ElastiCache Redis', 25],
      ['CloudWatch', 15],
    ]);
  });

  it('gives the quoted cost per user at the top of each range', () => {
    // Costo por usuario por fase: $0.25, $0.08, $0.03 (335/10,000), $0.01 (980/100,000), $0.004 (3,600/1,000,000).
    const result = showCatalog(catalog, defaultCatalogPath, []);
    const perUser = result.phases.map((p) => p.quotedCostPerUserUsd);
    [0.25, 0.08, 0.0335, 0.0098, 0.0036].forEach((expected, i) => expect(perUser[i]).toBeCloseTo(expected, 10));
  });

  it('encodes the architecture: phase 0 one VPS; phase 1 two droplets, a replica; phase 2 the ASG; phase 3 EKS pods', () => {
    expect(component(0, 'vps').serves).toEqual(['app', 'db', 'cache']);
    expect(component(0, 'vps').instance).toMatchObject({ vcpus: 2, memoryGb: 4 });
    expect(component(1, 'app').count).toEqual({ kind: 'fixed', count: 2 });
    expect(component(1, 'db').database).toMatchObject({ readers: 1 });
    expect(component(1, 'cache').instance?.memoryGb).toBe(1);
    expect(component(1, 'cdn').quoted).toBeUndefined();
    expect(component(2, 'app').count).toEqual({ kind: 'autoscaled', min: 2, max: 10, desired: 3, targetUtilization: 0.7, requestsPerTargetPerMin: 1000 });
    expect(component(2, 'db').database).toMatchObject({ readers: 2 });
    expect(component(2, 'alb').quoted).toBeUndefined();
    expect(component(2, 's3').quoted).toBeUndefined();
    const pods = component(3, 'api');
    // A pod runs at up to its 1000m limit; the HPA's 70 % of the 500m request is 35 % of that.
    expect(pods.instance?.vcpus).toBe(1);
    expect(pods.count).toMatchObject({ targetUtilization: 0.35 });
    expect(pods.resources).toEqual({ requests: { vcpus: 0.5, memoryGb: 1 }, limits: { vcpus: 1, memoryGb: 2 } });
    expect(pods.count).toMatchObject({ kind: 'autoscaled', min: 5, desired: 5 });
    expect(phase(3).regions?.map((r) => r.id)).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('defines every required assumption as an assumption with a note, and a 24-hour profile peaking at 1', () => {
    for (const name of Object.keys(REQUIRED_ASSUMPTIONS)) {
      const q = catalog.workload.assumptions[name];
      expect(q, name).toBeDefined();
      expect(q!.source, name).toBe('assumption');
      expect(q!.note, name).toBeTruthy();
    }
    expect(catalog.workload.dailyProfile).toHaveLength(24);
    expect(Math.max(...catalog.workload.dailyProfile)).toBe(1);
    expect(phase(0).assumptions.demand_cache_s?.note).toMatch(/node-cache/);
  });

  it('is calibrated: phase 2’s top needs about 3 t3.medium at 70 % CPU; phase 3’s top is the 1,000 req/s KPI', () => {
    const a = catalog.workload.assumptions;
    const rate = (concurrent: number) => concurrent * a.requests_per_active_user_per_s!.value;
    // 1,000 concurrent × 0.2 = 200 req/s; × 0.02 vCPU-s = 4 busy vCPUs; / (2 vCPU × 0.7) ≈ 2.9 instances.
    expect(Math.ceil((rate(1000) * a.demand_app_s!.value) / (2 * 0.7))).toBe(3);
    expect(rate(phase(3).concurrentUsers.max)).toBe(1000);
    expect(catalog.kpis!.technical.find((k) => k.id === 'throughput')?.value).toBe(1000);
  });

  it('uses only price keys the bundled snapshot has, and is priced for its region', () => {
    const used = catalog.phases.flatMap((p) => p.components.flatMap((c) => c.cost.map((line) => line.priceKey)));
    expect(used.filter((key) => !book.has(key))).toEqual([]);
    expect(catalog.region).toBe(book.meta.region);
  });

  it('declares a unit on exactly the lines where a constant converts one unit into another', () => {
    // Each is a conversion the formula's constant makes: 25 connections/s per LCU, 20 GB per volume (phase 2's
    // instances, phase 3's worker nodes in each region),
    // 128 MB × 50 ms per invocation, 0.5 vCPU and 1 GB per task, 8 ACU per shard, 1 vCPU and 2 GB per batch task,
    // 512 MB per event-handler invocation.
    const declared = catalog.phases.flatMap((p) => p.components.flatMap((c) => c.cost.filter((line) => line.unit !== undefined).map((line) => `${line.priceKey} ${line.unit}`)));
    expect(declared).toEqual([
      'alb:lcu-hour lcu-hour',
      'ebs:gp3:gb-month gb-month',
      'alb:lcu-hour lcu-hour',
      'ebs:gp3:gb-month gb-month',
      'ebs:gp3:gb-month gb-month',
      'lambda-edge:gb-second gb-second',
      'fargate:vcpu-hour vcpu-hour',
      'fargate:gb-hour gb-hour',
      'rds:serverless-v2:aurora-postgresql acu-hour',
      'lambda:gb-second gb-second',
      'fargate:vcpu-hour vcpu-hour',
      'fargate:gb-hour gb-hour',
    ]);
  });

  it('holds the rest of the document as data: revenue, discounts, migration, alerts, KPIs, backups, claims', () => {
    expect(catalog.revenue!.freeShare!.value).toBe(0.7);
    expect(catalog.revenue!.premium!.priceSchedule.map((s) => s.usdPerMonth.value)).toEqual([4.99, 3.99, 2.99]);
    expect(catalog.revenue!.enterprise!.usdPerSchoolMonth.value).toBe(49);
    expect(catalog.claims?.find((c) => c.id === 'break-even-premium-users')).toMatchObject({ value: 50000, comparison: 'approx', source: 'seed' });
    // The document gives 40–60 %; the single value is our midpoint, so it is an assumption with the seed's range.
    expect(catalog.discounts!.reserved.discount).toMatchObject({ value: 0.5, range: [0.4, 0.6], source: 'assumption' });
    expect(catalog.discounts!.spot.interruptionRate.source).toBe('assumption');
    expect(catalog.migration!.steps.map((s) => [s.weeks.min, s.weeks.max])).toEqual([
      [1, 2],
      [2, 3],
      [1, 1],
      [1, 2],
    ]);
    expect(catalog.alerts.map((a) => [a.metric, a.threshold, a.forMinutes])).toEqual([
      ['cpu_utilization', 0.8, 5],
      ['memory_utilization', 0.85, 10],
      ['error_rate', 0.01, 5],
      ['response_time_ms', 2000, 1],
      ['db_connections_of_pool', 0.8, undefined],
    ]);
    expect(catalog.kpis!.technical.map((k) => k.value)).toEqual([500, 0.001, 1000, 99.9, 0.01]);
    expect(catalog.kpis!.business.map((k) => k.value)).toEqual([0.1, 0.7, 10000, 3]);
    expect(catalog.backups).toMatchObject({ pointInTimeRecovery: true });
    expect(catalog.backups!.schedules.map((s) => s.everyHours)).toEqual([24, 6]);
  });

  it('has a provenance for every sourced number, seed figures with where they are (what the provenance rules check)', () => {
    const entries = collectProvenance(parse(readFileSync(defaultCatalogPath, 'utf8'))).map((p) => p.entry);
    expect(entries.length).toBeGreaterThan(100);
    for (const entry of entries) expect(entry.note, entry.path).toBeTruthy();
    expect(entries.find((e) => e.path === 'phases[2].slo.availability')).toMatchObject({ value: 99.95, source: 'seed' });
  });
});
