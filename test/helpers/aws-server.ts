/**
 * A fake AWS endpoint on 127.0.0.1 for the real SDK clients (docs/aws-notes.md "Pointing a real client at a
 * local fake server"): it records every request (headers and body) and answers each with what the test's
 * handler returns — a JSON body with the protocol's content type, an AWS error (`{__type, message}`), a
 * slow reply, or raw bytes. Protocol-neutral: the Pricing tests use AWS JSON 1.1, a CloudWatch test can
 * use JSON 1.0 by passing `contentType`.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { binPath } from '../cli/run.js';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: Record<string, unknown> | undefined;
  /** The x-amz-target header, e.g. "AWSPriceListService.GetProducts". */
  target: string | undefined;
}

export interface Reply {
  status?: number;
  /** An object is sent as JSON; a string is sent as it is (a truncated body, say). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a reply slower than the client's timeout). */
  delayMs?: number;
}

/** An AWS JSON-protocol error reply: `e.name` on the client side is `type`. */
export const awsError = (status: number, type: string, message = type): Reply => ({ status, body: { __type: type, message } });

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface AwsServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param contentType what JSON replies are labelled (AWS JSON 1.1 for the Pricing API)
 */
export async function startAwsServer(handler: Handler, contentType = 'application/x-amz-json-1.1'): Promise<AwsServer> {
  const requests: RecordedRequest[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const target = req.headers['x-amz-target'];
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        json: parseJson(body),
        target: Array.isArray(target) ? target[0] : target,
      };
      const index = requests.push(recorded) - 1;
      void Promise.resolve(handler(recorded, index)).then((reply) => {
        const send = () => {
          const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
          res.writeHead(reply.status ?? 200, { 'content-type': contentType, 'x-amzn-requestid': `req-${index}`, ...reply.headers });
          res.end(text);
        };
        if (!reply.delayMs) return send();
        const timer = setTimeout(() => {
          pending.delete(timer);
          if (!res.destroyed) send();
        }, reply.delayMs);
        pending.add(timer);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The environment that points the SDK's default chains at the fake server and nowhere else: fake
 * credentials, no shared config files, no instance metadata.
 */
export function fakeAwsEnv(url: string, service = 'PRICING'): Record<string, string> {
  return {
    [`AWS_ENDPOINT_URL_${service}`]: url,
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'test-secret-not-real',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/**
 * Runs the built binary asynchronously with only `env` (and PATH): a fake server answers from this process,
 * which spawnSync would block.
 */
export function runBinaryAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binPath, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
