/**
 * `metrics pull` end to end: the built binary (`npm test` builds first) reads CloudWatch from a local fake server
 * (AWS_ENDPOINT_URL_CLOUDWATCH, fake credentials) into --out obs.json, and `simulate --metrics obs.json` (the binary
 * too) calibrates from that file. The server answers every query of each GetMetricData call with one value an hour over the
 * window the request asks for, so the test does not depend on the clock:
 *   requests   3,600 × r_t a hour, r_t = 1 + (hour of day) / 10 req/s (1 to 3.3 req/s);
 *   appCpu     2 + 4 × r_t percent, the group average;  appInstances 2;  latencyP95 0.12 s.
 * By the utilisation law with a background (src/model/calibrate-demand.ts' docs): busy_t = 2 instances × v vCPUs ×
 * (0.02 + 0.04 r_t) = 0.04 v + 0.08 v · r_t, so the app's demand is the slope 0.08 v vCPU-s per request.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeAwsEnv, runBinaryAsync, startAwsServer, type AwsServer } from '../helpers/aws-server.js';

const rate = (t: number) => 1 + new Date(t * 1000).getUTCHours() / 10;
const VALUES: Record<string, (t: number) => number> = {
  requests: (t) => 3600 * rate(t),
  latencyP95: () => 0.12,
  appCpu: (t) => 2 + 4 * rate(t),
  appInstances: () => 2,
};

let server: AwsServer;
beforeAll(async () => {
  server = await startAwsServer((request) => {
    const body = request.json as { StartTime: number; EndTime: number; MetricDataQueries: Array<{ Id: string }> };
    const timestamps: number[] = [];
    for (let t = body.StartTime; t < body.EndTime; t += 3600) timestamps.push(t);
    return {
      body: {
        MetricDataResults: body.MetricDataQueries.map(({ Id }) => ({ Id, StatusCode: 'Complete', Timestamps: timestamps, Values: timestamps.map(VALUES[Id]!) })),
        Messages: [],
      },
    };
  }, 'application/x-amz-json-1.0');
});
afterAll(() => server.close());

describe('metrics pull → simulate --metrics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-metrics-'));
  const out = join(dir, 'obs.json');

  it('writes the observations file from CloudWatch, and simulate calibrates from it', async () => {
    const env = { ...fakeAwsEnv(server.url, 'CLOUDWATCH'), AWS_REGION: 'us-east-1', HOME: dir };
    const args = ['metrics', 'pull', '--window', '48h', '--load-balancer', 'app/cuenta/50dc6c495c0c9188', '--asg', 'cuenta-api', '--users', '5000', '--phase', '2', '--out', out];
    const pulled = await runBinaryAsync(args, env);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toBe('');
    expect(pulled.stderr).toMatch(/^cuenta-plan: wrote .*obs\.json: 4 series, 192 hourly points, \S+ – \S+\n$/);
    expect(server.requests.every((r) => r.target === 'GraniteServiceVersion20100801.GetMetricData')).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toContain('test-secret-not-real');

    const observations = JSON.parse(readFileSync(out, 'utf8')) as { users: number; phase: number; series: Array<{ id: string; values: number[] }> };
    expect(observations).toMatchObject({ users: 5000, phase: 2 });
    expect(observations.series.map((s) => [s.id, s.values.length])).toEqual([
      ['requests', 48],
      ['latencyP95', 48],
      ['appCpu', 48],
      ['appInstances', 48],
    ]);
    // TargetResponseTime arrives in seconds and is written in ms.
    expect(observations.series.find((s) => s.id === 'latencyP95')!.values.every((v) => v === 120)).toBe(true);

    const simulated = await runBinaryAsync(['simulate', '--users', '5000', '--metrics', out, '--format', 'json'], { HOME: dir });
    expect(simulated.code, simulated.stderr).toBe(0);
    expect(simulated.stderr).toBe('');
    const result = JSON.parse(simulated.stdout);
    // Phase 2's app runs t3.medium (2 vCPUs): demand 0.08 × 2 = 0.16 vCPU-s a request, background 0.04 × 2 = 0.08 vCPUs;
    // the busiest hour is 23:00 UTC at r = 1 + 23/10 = 3.3 req/s.
    expect(result.calibration.tiers).toEqual([expect.objectContaining({ tier: 'app', method: 'regression', periods: 48 })]);
    expect(result.calibration.tiers[0].demandS).toBeCloseTo(0.16, 6);
    expect(result.calibration.tiers[0].backgroundVcpus).toBeCloseTo(0.08, 6);
    expect(result.calibration.requests.peakPerS).toBeCloseTo(3.3, 6);
    expect(result.calibration.latency.observedP95Ms).toBe(120);
    expect(result.assumptions.find((a: { name: string }) => a.name === 'demand_app_s')).toMatchObject({ value: 0.16, source: 'measured' });
  });
});
