/**
 * The real CloudWatchClient (@aws-sdk/client-cloudwatch 3.1164, AWS JSON 1.0 with awsQueryCompatible) against a
 * local server: what `metrics pull` sends, and what it makes of paginated P95 series and throttling.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pullObservations } from '../../src/aws/cloudwatch-pull.js';
import { ExternalError } from '../../src/errors.js';
import { fakeAwsEnv, startAwsServer, type AwsServer, type Handler } from '../helpers/aws-server.js';

let server: AwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

async function serve(handler: Handler): Promise<AwsServer> {
  server = await startAwsServer(handler, 'application/x-amz-json-1.0');
  for (const [name, value] of Object.entries(fakeAwsEnv(server.url, 'CLOUDWATCH'))) vi.stubEnv(name, value);
  return server;
}

// The window: `now` at 2027-01-01T10:30Z ends it at the last whole hour, 10:00; two hours back starts it at 08:00.
const NOW = new Date('2027-01-01T10:30:00Z');
const T8 = Date.UTC(2027, 0, 1, 8) / 1000;
const T9 = T8 + 3600;
const pull = () => pullObservations({ selectors: { loadBalancer: 'app/cuenta/50dc6c495c0c9188', db: [] }, windowMs: 2 * 3_600_000, now: NOW, region: 'us-east-1', users: 800, phase: 1, timeoutMs: 2000 });

/** Page 1 holds 08:00 of both series and a NextToken; page 2 holds 09:00. Timestamps are epoch seconds, as AWS sends. */
const paged: Handler = (request) =>
  request.json?.NextToken === undefined
    ? {
        body: {
          MetricDataResults: [
            { Id: 'requests', Label: 'RequestCount', StatusCode: 'PartialData', Timestamps: [T8], Values: [3600] },
            { Id: 'latencyP95', Label: 'TargetResponseTime', StatusCode: 'PartialData', Timestamps: [T8], Values: [0.0625] },
          ],
          Messages: [],
          NextToken: 'page-2',
        },
      }
    : {
        body: {
          MetricDataResults: [
            { Id: 'requests', StatusCode: 'Complete', Timestamps: [T9], Values: [7200] },
            { Id: 'latencyP95', StatusCode: 'Complete', Timestamps: [T9], Values: [0.08] },
          ],
          Messages: [],
        },
      };

describe('metrics pull against CloudWatch', () => {
  it('sends signed JSON 1.0 GetMetricData calls with the queries, following NextToken', async () => {
    const s = await serve(paged);
    await pull();
    expect(s.requests).toHaveLength(2);
    const [first, second] = s.requests;
    expect(first!.method).toBe('POST');
    expect(first!.target).toBe('GraniteServiceVersion20100801.GetMetricData');
    expect(first!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(first!.headers['x-amzn-query-mode']).toBe('true');
    expect(first!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/monitoring\/aws4_request, /);
    expect(JSON.stringify(first!.headers)).not.toContain('test-secret-not-real');
    const body = first!.json!;
    expect(body.StartTime).toBe(T8);
    expect(body.EndTime).toBe(T8 + 7200);
    expect(body.ScanBy).toBe('TimestampAscending');
    expect(body.MetricDataQueries).toEqual([
      {
        Id: 'requests',
        ReturnData: true,
        MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCount', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/cuenta/50dc6c495c0c9188' }] }, Period: 3600, Stat: 'Sum' },
      },
      {
        Id: 'latencyP95',
        ReturnData: true,
        MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/cuenta/50dc6c495c0c9188' }] }, Period: 3600, Stat: 'p95' },
      },
    ]);
    expect(second!.json!.NextToken).toBe('page-2');
  });

  it('joins the pages of each series and turns TargetResponseTime p95 from seconds into ms', async () => {
    await serve(paged);
    const obs = await pull();
    expect(obs.window).toEqual({ start: '2027-01-01T08:00:00Z', end: '2027-01-01T10:00:00Z', periodSeconds: 3600 });
    expect(obs.users).toBe(800);
    expect(obs.phase).toBe(1);
    const [requests, p95] = obs.series;
    expect(requests).toMatchObject({ id: 'requests', measures: 'requests', tier: 'lb', timestamps: ['2027-01-01T08:00:00Z', '2027-01-01T09:00:00Z'], values: [3600, 7200] });
    // 0.0625 s and 0.08 s.
    expect(p95!.measures).toBe('response-time-p95');
    expect(p95!.values[0]).toBeCloseTo(62.5, 9);
    expect(p95!.values[1]).toBeCloseTo(80, 9);
  });

  it('retries a throttled call (x-amzn-query-error: Throttling;Sender) and then succeeds', async () => {
    const s = await serve((request, index) =>
      index === 0 ? { status: 400, headers: { 'x-amzn-query-error': 'Throttling;Sender' }, body: { __type: 'com.amazonaws.cloudwatch#ThrottlingException', message: 'Rate exceeded' } } : paged(request, index),
    );
    const obs = await pull();
    expect(s.requests.length).toBe(3);
    expect(obs.series[0]!.values).toEqual([3600, 7200]);
  }, 15_000);

  it('a failure that outlasts the retries is an ExternalError naming it (exit 3)', async () => {
    await serve(() => ({ status: 400, headers: { 'x-amzn-query-error': 'InvalidParameterCombination;Sender' }, body: { __type: 'InvalidParameterCombination', message: 'bad period' } }));
    const error = await pull().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toMatch(/^cannot read CloudWatch metrics: HTTP 400 InvalidParameterCombination\w*: bad period/);
    // Not retried: a client error other than throttling.
    expect(server!.requests).toHaveLength(1);
  });
});
