/**
 * The built binary with --pricing live (`npm test` builds first): no library warning reaches the user on
 * Node 20, the SDK loads only on the live path, and the process exits promptly after the request.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, priceItem } from '../fixtures/aws/price-items.js';
import { fakeAwsEnv, runBinaryAsync, startAwsServer, type AwsServer } from '../helpers/aws-server.js';
import { runTraced } from '../cli/trace.js';

let server: AwsServer;
beforeAll(async () => {
  server = await startAwsServer((request) => {
    const type = (request.json!.Filters as Array<{ Field: string; Value: string }>).find((f) => f.Field === 'instanceType')!.Value;
    return { body: page([priceItem({ sku: `SKU-${type}`, onDemand: '0.05' })]) };
  });
});
afterAll(() => server.close());

describe('the binary, --pricing live', () => {
  it('prints no SDK warning on Node 20 and exits 0', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cuenta-plan-bin-'));
    const result = await runBinaryAsync(['simulate', '--users', '5000', '--pricing', 'live'], { ...fakeAwsEnv(server.url), HOME: home, XDG_CACHE_HOME: home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('AWS Price List');
  });

  it('leaves a warning switch the user set alone', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cuenta-plan-bin-'));
    const env = { ...fakeAwsEnv(server.url), HOME: home, XDG_CACHE_HOME: home, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' };
    const result = await runBinaryAsync(['simulate', '--users', '5000', '--pricing', 'live'], env);
    expect(result.code).toBe(0);
    // The user asked for the SDK's own notices: on Node < 22 the SDK prints its NodeVersionSupportWarning.
    if (Number(process.versions.node.split('.')[0]) < 22) expect(result.stderr).toContain('NodeVersionSupportWarning');
  });

  it('loads no SDK without --pricing live', () => {
    const run = runTraced(['simulate', '--users', '5000']);
    expect(run.code).toBe(0);
    expect(run.lazy.filter((name) => name.startsWith('@aws-sdk'))).toEqual([]);
  });
});
