/**
 * `pricing refresh` and `pricing show` against the local AWS JSON 1.1 server: what is written to the price
 * cache (atomically, each price with its retrieval time), what is listed, and the exit codes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RESULT_SCHEMAS } from '../../src/results/index.js';
import { page, t3Medium } from '../fixtures/aws/price-items.js';
import { awsError, fakeAwsEnv, startAwsServer, type AwsServer, type Handler } from '../helpers/aws-server.js';
import { run } from '../cli/run.js';

const minimal = fileURLToPath(new URL('../fixtures/catalogs/minimal.yaml', import.meta.url));
const noInstances = fileURLToPath(new URL('../fixtures/aws/no-aws-instances.yaml', import.meta.url));

let server: AwsServer | undefined;
let cacheHome: string;
beforeEach(() => {
  cacheHome = mkdtempSync(join(tmpdir(), 'cuenta-plan-refresh-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

async function serve(handler: Handler): Promise<AwsServer> {
  server = await startAwsServer(handler);
  for (const [name, value] of Object.entries(fakeAwsEnv(server.url))) vi.stubEnv(name, value);
  return server;
}
const cli = (...args: string[]) => run(args, { XDG_CACHE_HOME: cacheHome });
const cacheDir = () => join(cacheHome, 'cuenta-plan');

describe('pricing refresh', () => {
  it("writes the catalog's products to the cache, each price with its retrieval time", async () => {
    const s = await serve(() => ({ body: page([t3Medium()]) }));
    const result = await cli('--catalog', minimal, 'pricing', 'refresh', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(RESULT_SCHEMAS['pricing refresh']().safeParse(data).success).toBe(true);
    expect(data).toMatchObject({ region: 'us-east-1', cacheFile: join(cacheDir(), 'prices-us-east-1.json'), failed: [] });
    // minimal.yaml prices one AWS instance: t3.medium, with 12 reserved terms → 17 keys (test/pricing/live-client.test.ts).
    expect(data.products).toEqual([{ key: 'ec2:t3.medium', serviceCode: 'AmazonEC2', sku: 'T3MEDIUMSKU1', retrievedAt: expect.any(String), prices: 17 }]);
    expect(s.requests).toHaveLength(1);
    const cache = JSON.parse(readFileSync(data.cacheFile, 'utf8'));
    const prices = cache.products['ec2:t3.medium'].prices;
    expect(prices['ec2:t3.medium:ri-3y-standard-all-upfront']).toEqual({ usd: 137, unit: 'year', retrievedAt: data.products[0].retrievedAt });
    // Written by rename: no temp file is left beside it.
    expect(readdirSync(cacheDir())).toEqual(['prices-us-east-1.json']);
  });

  it('prices another region when asked, in its own file', async () => {
    const s = await serve(() => ({ body: page([t3Medium('0.0456')]) }));
    const result = await cli('--catalog', minimal, 'pricing', 'refresh', '--region', 'eu-west-1');
    expect(result.code).toBe(0);
    expect(s.requests[0]!.json!.Filters).toContainEqual({ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' });
    expect(existsSync(join(cacheDir(), 'prices-eu-west-1.json'))).toBe(true);
    expect(result.stdout).toContain('Live AWS prices for eu-west-1: 1 product cached in');
  });

  it('exits 3 naming what failed, keeping the rest', async () => {
    await serve(() => awsError(500, 'InternalFailure'));
    const result = await cli('--catalog', minimal, 'pricing', 'refresh');
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Not refreshed (1 product):\n  ec2:t3.medium: HTTP 500 InternalFailure after 3 attempts');
    expect(result.stderr).toBe('cuenta-plan: 1 of 1 products could not be refreshed; the others were cached (see the list above)\n');
    expect(existsSync(cacheDir())).toBe(false);
  });

  it('has nothing to ask for a catalog without AWS instances', async () => {
    const s = await serve(() => ({ body: page([]) }));
    const result = await cli('--catalog', noInstances, 'pricing', 'refresh', '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ products: [], failed: [] });
    expect(s.requests).toHaveLength(0);
  });

  it('refuses a region that is not one', async () => {
    const result = await cli('pricing', 'refresh', '--region', 'Mars');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('cuenta-plan: --region takes an AWS region id such as us-east-1 or eu-west-1; got "Mars"\n');
  });
});

describe('pricing show', () => {
  it('lists what is cached and how old, against the TTL', async () => {
    mkdirSync(cacheDir());
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const product = (retrievedAt: string) => ({ serviceCode: 'AmazonEC2', sku: 'S', retrievedAt, prices: { 'ec2:t3.medium': { usd: 0.05, unit: 'hour', retrievedAt } } });
    writeFileSync(
      join(cacheDir(), 'prices-us-east-1.json'),
      JSON.stringify({ format: 1, region: 'us-east-1', products: { 'ec2:t3.medium': product(hoursAgo(5)), 'ec2:m5.large': product(hoursAgo(30)) } }),
    );
    const json = await cli('pricing', 'show', '--cache-ttl', '1d', '--format', 'json');
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(RESULT_SCHEMAS['pricing show']().safeParse(data).success).toBe(true);
    expect(data.ttlHours).toBe(24);
    expect(data.products.map((p: { key: string; withinTtl: boolean; ageHours: number }) => [p.key, p.withinTtl, Math.round(p.ageHours)])).toEqual([
      ['ec2:m5.large', false, 30],
      ['ec2:t3.medium', true, 5],
    ]);
    const table = await cli('pricing', 'show', '--cache-ttl', '1d');
    expect(table.stdout).toMatch(/ec2:t3\.medium .* 5\.0 h .*yes/);
    expect(table.stdout).toMatch(/ec2:m5\.large .* 30\.0 h .*no/);
  });

  it('says when nothing is cached', async () => {
    const result = await cli('pricing', 'show');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`No cached prices for us-east-1 in ${join(cacheDir(), 'prices-us-east-1.json')}: run \`cuenta-plan pricing refresh\`.\n`);
  });

  it('reports a cache it cannot read, exit 3', async () => {
    mkdirSync(cacheDir());
    writeFileSync(join(cacheDir(), 'prices-us-east-1.json'), '{"format": 1, "region": "us-east-1", "products": {"x": {}}}');
    const result = await cli('pricing', 'show');
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^cuenta-plan: the price cache cannot be read: .*prices-us-east-1\.json: products\["x"\] needs serviceCode/);
  });
});

