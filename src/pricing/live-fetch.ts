/**
 * Asks the AWS Price List for several products at once (one GetProducts pagination per product, all
 * concurrent) and parses each answer. Never throws for a product: each outcome is its prices or the reason
 * they could not be had, so the caller decides what falls back.
 */
import { LivePriceError } from './live-errors.js';
import { parseProductPrices, type ParsedProduct } from './live-parse.js';
import type { LiveProduct } from './live-products.js';

export type FetchOutcome =
  | { product: LiveProduct; ok: true; parsed: ParsedProduct; retrievedAt: string }
  | { product: LiveProduct; ok: false; error: LivePriceError };

/** Per attempt; the SDK makes up to 3. */
export const DEFAULT_TIMEOUT_MS = 10_000;

const WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Current SDK releases print a NodeVersionSupportWarning about Node < 22 when a client is created: a
 * library's notice about itself, not something a user of cuenta-plan can act on. The SDK's documented
 * switch is this variable; a value the user set is left alone (docs/aws-notes.md).
 */
export function silenceSdkNodeWarning(env: NodeJS.ProcessEnv = process.env): void {
  env[WARNING_SWITCH] ??= 'true';
}

const MAX_MESSAGE = 200;
const firstLine = (text: string): string => (text.split('\n')[0] ?? '').trim().slice(0, MAX_MESSAGE);

/** Why a request failed, in one line: the HTTP status and error name AWS sent, and how many attempts were made. */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { $metadata?: { httpStatusCode?: number; attempts?: number } }).$metadata;
  const attempts = meta?.attempts !== undefined && meta.attempts > 1 ? ` after ${meta.attempts} attempts` : '';
  if (error.name === 'TimeoutError') return `no reply within ${timeoutMs / 1000} s (TimeoutError)${attempts}`;
  if (error instanceof SyntaxError) {
    // The SDK marks the reply it could not parse with a hidden $response; an item's own JSON is parsed in ./live-client.ts.
    const what = '$response' in error ? 'the reply is not valid JSON' : 'a price list item is not valid JSON';
    return `${what} (${firstLine(error.message)})`;
  }
  const status = meta?.httpStatusCode !== undefined ? `HTTP ${meta.httpStatusCode} ` : '';
  const message = firstLine(error.message);
  return `${status}${error.name}${message && message !== error.name ? `: ${message}` : ''}${attempts}`;
}

/**
 * @param clock when each answer arrived (a price's retrieval time)
 */
export async function fetchLivePrices(
  products: readonly LiveProduct[],
  options: { timeoutMs?: number; clock?: () => Date } = {},
): Promise<FetchOutcome[]> {
  if (products.length === 0) return [];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock = options.clock ?? (() => new Date());
  silenceSdkNodeWarning();
  const { priceListClient } = await import('./live-client.js');
  const client = priceListClient(timeoutMs);
  try {
    return await Promise.all(
      products.map(async (product): Promise<FetchOutcome> => {
        try {
          const items = await client.items(product);
          const retrievedAt = clock().toISOString();
          return { product, ok: true, parsed: parseProductPrices(product, items), retrievedAt };
        } catch (error) {
          const failure = error instanceof LivePriceError ? error : new LivePriceError(product.key, describeFailure(error, timeoutMs));
          return { product, ok: false, error: failure };
        }
      }),
    );
  } finally {
    client.close();
  }
}
