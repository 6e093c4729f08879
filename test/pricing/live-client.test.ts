/**
 * The real PricingClient (@aws-sdk/client-pricing) against a local server speaking AWS JSON 1.1: what it
 * sends, and what each kind of answer becomes. Expected prices are worked out by hand from the fixture
 * (test/fixtures/aws/price-items.ts); the key scheme is src/pricing/reserved.ts's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchLivePrices, type FetchOutcome } from '../../src/pricing/live-fetch.js';
import { liveProductOf, type LiveProduct } from '../../src/pricing/live-products.js';
import { page, priceItem, t3Medium } from '../fixtures/aws/price-items.js';
import { awsError, fakeAwsEnv, startAwsServer, type AwsServer, type Handler } from '../helpers/aws-server.js';

let server: AwsServer | undefined;
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

const product = (key: string): LiveProduct => liveProductOf(key, 'us-east-1')!;
const T3 = product('ec2:t3.medium');

async function fetchOne(p: LiveProduct, timeoutMs?: number): Promise<FetchOutcome> {
  const [outcome] = await fetchLivePrices([p], { timeoutMs, clock: () => new Date('2027-01-01T10:00:00.000Z') });
  return outcome!;
}

function prices(outcome: FetchOutcome): Record<string, { usd: number; unit: string }> {
  if (!outcome.ok) throw new Error(`expected prices, got: ${outcome.error.message}`);
  return outcome.parsed.prices;
}

const failure = (outcome: FetchOutcome): string => {
  if (outcome.ok) throw new Error('expected a failure');
  return outcome.error.reason;
};

describe('the request', () => {
  it('is a signed AWS JSON 1.1 GetProducts call with the product filters', async () => {
    const s = await serve(() => ({ body: page([t3Medium()]) }));
    await fetchOne(T3);
    expect(s.requests).toHaveLength(1);
    const [request] = s.requests;
    expect(request!.method).toBe('POST');
    expect(request!.target).toBe('AWSPriceListService.GetProducts');
    expect(request!.headers['content-type']).toBe('application/x-amz-json-1.1');
    // SigV4 with the fake key, signed for the pricing service in us-east-1 (where the API lives).
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/pricing\/aws4_request, SignedHeaders=[^,]*x-amz-date[^,]*, Signature=[0-9a-f]{64}$/);
    // The secret itself never travels.
    expect(JSON.stringify(request!.headers)).not.toContain('test-secret-not-real');
    expect(request!.json).toEqual({
      ServiceCode: 'AmazonEC2',
      FormatVersion: 'aws_v1',
      MaxResults: 100,
      Filters: [
        { Type: 'TERM_MATCH', Field: 'instanceType', Value: 't3.medium' },
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
        { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
        { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
        { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
        { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
        { Type: 'TERM_MATCH', Field: 'licenseModel', Value: 'No License required' },
        { Type: 'TERM_MATCH', Field: 'marketoption', Value: 'OnDemand' },
      ],
    });
  });

  it('sends one request per distinct product, all at once', async () => {
    let inFlight = 0;
    let most = 0;
    const s = await serve(async (request) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 50));
      inFlight -= 1;
      const type = (request.json!.Filters as Array<{ Field: string; Value: string }>).find((f) => f.Field === 'instanceType')!.Value;
      return { body: page([priceItem({ sku: `SKU-${type}`, onDemand: '0.1' })]) };
    });
    const products = ['ec2:t3.small', 'ec2:t3.medium', 'ec2:m5.large'].map(product);
    const outcomes = await fetchLivePrices(products);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    expect(s.requests).toHaveLength(3);
    expect(most).toBe(3);
  });
});

describe('answers', () => {
  it('follows NextToken across pages, dropping the Aurora I/O-Optimized SKU', async () => {
    const key = 'rds:db.r6g.large:aurora-postgresql';
    const optimized = priceItem({ sku: 'IOOPT', serviceCode: 'AmazonRDS', attributes: { storage: 'Aurora IO Optimization Mode' }, onDemand: '0.338' });
    const standard = priceItem({ sku: 'STD', serviceCode: 'AmazonRDS', attributes: { storage: 'EBS Only' }, onDemand: '0.26' });
    const s = await serve((request) => (request.json!.NextToken === 'page-2' ? { body: page([standard]) } : { body: page([optimized], 'page-2') }));
    const outcome = await fetchOne(product(key));
    expect(prices(outcome)).toEqual({ [key]: { usd: 0.26, unit: 'hour' } });
    expect(s.requests.map((r) => r.json!.NextToken)).toEqual([undefined, 'page-2']);
    expect(s.requests[0]!.json!.Filters).toEqual([
      { Type: 'TERM_MATCH', Field: 'instanceType', Value: 'db.r6g.large' },
      { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
      { Type: 'TERM_MATCH', Field: 'databaseEngine', Value: 'Aurora PostgreSQL' },
      { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Database Instance' },
    ]);
  });

  it('maps the reserved terms of all three upfront options onto the snapshot key scheme', async () => {
    await serve(() => ({ body: page([t3Medium()]) }));
    const got = prices(await fetchOne(T3));
    const base = 'ec2:t3.medium';
    // No upfront: the hourly fee. Partial: :hourly as given, :upfront = fee ÷ term years (per year).
    // All upfront: fee ÷ term years, per year (411 ÷ 3 = 137, the snapshot's 3-year figure).
    expect(got[base]).toEqual({ usd: 0.0416, unit: 'hour' });
    expect(got[`${base}:ri-1y-standard-no-upfront`]).toEqual({ usd: 0.026, unit: 'hour' });
    expect(got[`${base}:ri-1y-standard-partial-upfront:hourly`]).toEqual({ usd: 0.0125, unit: 'hour' });
    expect(got[`${base}:ri-1y-standard-partial-upfront:upfront`]).toEqual({ usd: 110, unit: 'year' });
    expect(got[`${base}:ri-1y-standard-all-upfront`]).toEqual({ usd: 215, unit: 'year' });
    expect(got[`${base}:ri-3y-standard-partial-upfront:upfront`]!.usd).toBeCloseTo(224 / 3, 10);
    expect(got[`${base}:ri-3y-standard-all-upfront`]).toEqual({ usd: 137, unit: 'year' });
    expect(got[`${base}:ri-3y-convertible-all-upfront`]!.usd).toBeCloseTo(475 / 3, 10);
    // 1 on-demand + 2 classes × 2 terms × (1 + 2 + 1) keys.
    expect(Object.keys(got)).toHaveLength(17);
  });

  it('retries throttling, then uses the answer', async () => {
    const s = await serve((_request, i) => (i === 0 ? awsError(400, 'ThrottlingException', 'Rate exceeded') : { body: page([t3Medium()]) }));
    expect(prices(await fetchOne(T3))[T3.key]!.usd).toBe(0.0416);
    expect(s.requests).toHaveLength(2);
  });

  it('gives up after three HTTP 500s, saying so', async () => {
    const s = await serve(() => awsError(500, 'InternalFailure', 'we broke'));
    expect(failure(await fetchOne(T3))).toBe('HTTP 500 InternalFailure: we broke after 3 attempts');
    expect(s.requests).toHaveLength(3);
  });

  it('gives up on a reply slower than the timeout', async () => {
    await serve(() => ({ delayMs: 2_000, body: page([t3Medium()]) }));
    const started = Date.now();
    expect(failure(await fetchOne(T3, 200))).toMatch(/^no reply within 0\.2 s \(TimeoutError\)/);
    expect(Date.now() - started).toBeLessThan(1_900);
  });

  it('reports a malformed body', async () => {
    await serve(() => ({ body: '{"FormatVersion":"aws_v1","PriceList":["{\\"product' }));
    expect(failure(await fetchOne(T3))).toBe('the reply is not valid JSON (Unterminated string in JSON at position 50)');
  });

  it('reports a price list item that is not JSON', async () => {
    await serve(() => ({ body: { FormatVersion: 'aws_v1', PriceList: ['{"product": '] } }));
    expect(failure(await fetchOne(T3))).toMatch(/^a price list item is not valid JSON \(.+\)$/);
  });

  it('reports an empty price list as no matching product', async () => {
    await serve(() => ({ body: page([]) }));
    expect(failure(await fetchOne(T3))).toBe(
      'the AWS price list has no AmazonEC2 product with instanceType=t3.medium, regionCode=us-east-1, operatingSystem=Linux, tenancy=Shared, ' +
        'preInstalledSw=NA, capacitystatus=Used, licenseModel=No License required, marketoption=OnDemand',
    );
  });

  it('refuses two SKUs for one key, naming both', async () => {
    await serve(() => ({ body: page([priceItem({ sku: 'SKUB', onDemand: '0.0416' }), priceItem({ sku: 'SKUA', onDemand: '0.0832' })]) }));
    expect(failure(await fetchOne(T3))).toMatch(/^2 SKUs match \(SKUA, SKUB\) in AmazonEC2 with instanceType=t3\.medium/);
  });
});
