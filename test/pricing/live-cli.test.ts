/**
 * `--pricing live` end to end in-process: the real PricingClient reaches a local server through the
 * SDK's default chains (AWS_ENDPOINT_URL_PRICING, fake keys in the environment), and the fallback chain
 * live → cache → snapshot is announced on stderr step by step. The price cache lives in a temp XDG_CACHE_HOME.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, priceItem } from '../fixtures/aws/price-items.js';
import { awsError, fakeAwsEnv, startAwsServer, type AwsServer, type Handler, type RecordedRequest } from '../helpers/aws-server.js';
import { run } from '../cli/run.js';

/** The on-demand prices the fake price list quotes (the snapshot's figures + a little, so a live price shows). */
const LIVE_HOURLY: Readonly<Record<string, string>> = {
  't3.medium': '0.0500',
  'm5.large': '0.1000',
  'db.t3.micro': '0.0200',
  'db.t3.medium': '0.0900',
  'db.r6g.large': '0.2700',
  'cache.t3.micro': '0.0180',
  'cache.t3.small': '0.0360',
  'cache.m6g.large': '0.1500',
};

const filter = (request: RecordedRequest, field: string) =>
  (request.json!.Filters as Array<{ Field: string; Value: string }>).find((f) => f.Field === field)?.Value;

/** Answers each GetProducts with one SKU for the asked instance type, priced from LIVE_HOURLY. */
const catalogPrices: Handler = (request) => {
  const type = filter(request, 'instanceType')!;
  return { body: page([priceItem({ sku: `SKU-${type}`, serviceCode: String(request.json!.ServiceCode), onDemand: LIVE_HOURLY[type] ?? '9.99' })]) };
};

let server: AwsServer | undefined;
let cacheHome: string;
beforeEach(() => {
  cacheHome = mkdtempSync(join(tmpdir(), 'cuenta-plan-live-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

async function serve(handler: Handler): Promise<AwsServer> {
  await server?.close();
  server = await startAwsServer(handler);
  for (const [name, value] of Object.entries(fakeAwsEnv(server.url))) vi.stubEnv(name, value);
  return server;
}

const simulate = (...extra: string[]) => run(['simulate', '--users', '5000', '--format', 'json', '--pricing', 'live', ...extra], { XDG_CACHE_HOME: cacheHome });

interface Line {
  priceKey: string;
  usdPerUnit: number;
  source: string;
}
const lines = (stdout: string): Line[] =>
  (JSON.parse(stdout) as { cost: { components: Array<{ lines: Line[] }> } }).cost.components.flatMap((c) => c.lines);
const line = (stdout: string, key: string): Line => lines(stdout).find((l) => l.priceKey === key)!;

const cacheFile = () => join(cacheHome, 'cuenta-plan', 'prices-us-east-1.json');

describe('--pricing live', () => {
  it('prices the covered lines live, says so per line, and caches each price with its retrieval time', async () => {
    const s = await serve(catalogPrices);
    const result = await simulate();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Phase 2 at 5,000 users: t3.medium app servers, Aurora db.t3.medium, ElastiCache cache.t3.micro.
    expect(line(result.stdout, 'ec2:t3.medium').usdPerUnit).toBe(0.05);
    expect(line(result.stdout, 'ec2:t3.medium').source).toMatch(/^AWS Price List API, AmazonEC2 SKU SKU-t3\.medium, published 2026-12-01, retrieved \d{4}-\d\d-\d\dT/);
    expect(line(result.stdout, 'rds:db.t3.medium:aurora-postgresql').usdPerUnit).toBe(0.09);
    expect(line(result.stdout, 'elasticache:cache.t3.micro').usdPerUnit).toBe(0.018);
    // An uncovered line keeps the snapshot's price and says so.
    expect(line(result.stdout, 'alb:hour').usdPerUnit).toBe(0.0225);
    expect(line(result.stdout, 'alb:hour').source).toMatch(/^data\/pricing\/aws-us-east-1\.json \(not priced live\): /);
    expect(JSON.parse(result.stdout).pricing.book).toBe('live');
    // One request per distinct product of the whole catalog (8), not per line.
    expect(s.requests).toHaveLength(8);
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    expect(Object.keys(cache.products).sort()).toEqual([
      'ec2:m5.large',
      'ec2:t3.medium',
      'elasticache:cache.m6g.large',
      'elasticache:cache.t3.micro',
      'elasticache:cache.t3.small',
      'rds:db.r6g.large:aurora-postgresql',
      'rds:db.t3.medium:aurora-postgresql',
      'rds:db.t3.micro:postgresql:single-az',
    ]);
    expect(cache.products['ec2:t3.medium'].prices['ec2:t3.medium']).toEqual({ usd: 0.05, unit: 'hour', retrievedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    // Nothing secret is written.
    expect(readFileSync(cacheFile(), 'utf8')).not.toMatch(/AKIDTEST|test-secret/);
  });

  it('after three HTTP 500s falls back to the cache, then (past the TTL) to the snapshot, announcing each; --strict exits 3', async () => {
    await serve(catalogPrices);
    expect((await simulate()).code).toBe(0);
    const s = await serve(() => awsError(500, 'InternalFailure', 'we broke'));

    const cached = await simulate();
    expect(cached.code).toBe(0);
    // Three attempts per product.
    expect(s.requests).toHaveLength(8 * 3);
    expect(cached.stderr).toMatch(/^cuenta-plan: live prices failed for ec2:m5\.large, ec2:t3\.medium, .*: HTTP 500 InternalFailure: we broke after 3 attempts$/m);
    expect(cached.stderr).toContain(`\ncuenta-plan: using cached prices from ${cacheFile()} for ec2:m5.large (retrieved `);
    expect(cached.stderr).toMatch(/, ec2:t3\.medium \(retrieved \d{4}-\d\d-\d\dT[\d:.]+Z, 0 min old\), /);
    expect(line(cached.stdout, 'ec2:t3.medium').usdPerUnit).toBe(0.05);
    expect(line(cached.stdout, 'ec2:t3.medium').source).toMatch(/\(from the local price cache\)$/);

    const snapshot = await simulate('--cache-ttl', '0min');
    expect(snapshot.code).toBe(0);
    expect(snapshot.stderr).toMatch(/^cuenta-plan: using data\/pricing\/aws-us-east-1\.json prices for ec2:m5\.large, ec2:t3\.medium, .* \(cached 0 min ago, beyond the 0 min TTL\)$/m);
    expect(line(snapshot.stdout, 'ec2:t3.medium').usdPerUnit).toBe(0.0416);
    expect(line(snapshot.stdout, 'ec2:t3.medium').source).toMatch(/^data\/pricing\/aws-us-east-1\.json \(live price unavailable: HTTP 500 InternalFailure: we broke after 3 attempts\): /);

    const strict = await simulate('--strict');
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/^cuenta-plan: live prices failed and --strict allows no fallback \(exit 3\):\n {2}ec2:m5\.large, ec2:t3\.medium, .*: HTTP 500 InternalFailure: we broke after 3 attempts\n$/);
  });

  it('with no cache, falls back to the snapshot', async () => {
    await serve(() => awsError(500, 'InternalFailure'));
    const result = await simulate();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^cuenta-plan: using data\/pricing\/aws-us-east-1\.json prices for ec2:m5\.large, ec2:t3\.medium, .* \(not in the price cache\)$/m);
  });

  it('two SKUs for one key fall back visibly, or exit 3 under --strict', async () => {
    await serve((request) =>
      filter(request, 'instanceType') === 't3.medium'
        ? { body: page([priceItem({ sku: 'A1', onDemand: '0.05' }), priceItem({ sku: 'B2', onDemand: '0.06' })]) }
        : catalogPrices(request, 0),
    );
    const loose = await simulate();
    expect(loose.code).toBe(0);
    expect(loose.stderr).toMatch(/^cuenta-plan: live prices failed for ec2:t3\.medium: 2 SKUs match \(A1, B2\) in AmazonEC2 with /m);
    expect(loose.stderr).toMatch(/^cuenta-plan: using data\/pricing\/aws-us-east-1\.json prices for ec2:t3\.medium \(not in the price cache\)$/m);
    expect(line(loose.stdout, 'rds:db.t3.medium:aurora-postgresql').usdPerUnit).toBe(0.09);
    const strict = await simulate('--strict');
    expect(strict.code).toBe(3);
    expect(strict.stderr).toMatch(/ec2:t3\.medium: 2 SKUs match \(A1, B2\)/);
  });

  it('a reserved price not below on-demand is rejected', async () => {
    await serve((request) =>
      filter(request, 'instanceType') === 'm5.large'
        ? { body: page([priceItem({ sku: 'M5', onDemand: '0.096', reserved: [{ years: 1, offeringClass: 'standard', option: 'No Upfront', hourly: '0.0960' }] })]) }
        : catalogPrices(request, 0),
    );
    const result = await simulate();
    expect(result.stderr).toMatch(/^cuenta-plan: live prices failed for ec2:m5\.large: the 1y standard no-upfront reservation costs 0\.096\/h effective, not less than on-demand 0\.096\/h$/m);
  });

  it('compare, sweep and solve take --pricing live too', async () => {
    await serve(catalogPrices);
    const env = { XDG_CACHE_HOME: cacheHome };
    for (const args of [
      ['compare', '2', '3', '--pricing', 'live', '--format', 'json'],
      ['sweep', '--from', '1000', '--to', '10000', '--points', '2', '--pricing', 'live', '--format', 'json'],
      ['solve', '--vary', 'cache_hit_ratio', '--target', 'cost=5000', '--users', '5000', '--pricing', 'live', '--format', 'json'],
    ]) {
      const result = await run(args, env);
      expect(result.stderr, args[0]).toBe('');
      expect(result.code, args[0]).toBe(0);
      expect(JSON.parse(result.stdout).pricing.book, args[0]).toBe('live');
    }
    const seed = await run(['solve', '--vary', 'cache_hit_ratio', '--target', 'cost=5000', '--users', '5000', '--pricing', 'seed'], env);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toBe('cuenta-plan: --pricing must be one of snapshot, live; got "seed"\n');
  });
});
