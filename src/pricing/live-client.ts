/**
 * The one module that touches @aws-sdk/client-pricing. It is imported dynamically by ./live-fetch.ts, and
 * the build loads the SDK itself on first use (scripts/build.mjs, LAZY_PACKAGES), so commands that do not
 * price live never load it.
 *
 * Credentials and the endpoint come from the SDK's default chains (environment, shared files, SSO,
 * instance roles; AWS_ENDPOINT_URL_PRICING): nothing here reads, prints or stores a secret.
 */
import { paginateGetProducts, PricingClient } from '@aws-sdk/client-pricing';
import type { LiveProduct } from './live-products.js';

/** The Price List API is served from us-east-1 (also eu-central-1, ap-south-1), whatever region is priced. */
const API_REGION = 'us-east-1';

/** The SDK's own warnings (socket pressure, retries) are not the user's business: failures reach them as errors. */
const SILENT = { debug() {}, info() {}, warn() {}, error() {} };

export interface PriceListClient {
  /** Every item of the product's price list, each parsed from the JSON text AWS sends. */
  items(product: LiveProduct): Promise<unknown[]>;
  close(): void;
}

/**
 * A client with the SDK's standard retries (3 attempts; throttling and 5xx retried with backoff).
 * @param timeoutMs the longest one attempt may take, connecting included
 */
export function priceListClient(timeoutMs: number): PriceListClient {
  const client = new PricingClient({
    region: API_REGION,
    logger: SILENT,
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs, throwOnRequestTimeout: true, logger: SILENT },
  });
  return {
    async items(product) {
      const items: unknown[] = [];
      const pages = paginateGetProducts(
        { client },
        { ServiceCode: product.serviceCode, Filters: product.filters, FormatVersion: 'aws_v1', MaxResults: 100 },
      );
      for await (const page of pages) {
        // The SDK hands each entry back as a String object holding the item's JSON text.
        for (const entry of page.PriceList ?? []) items.push(JSON.parse(String(entry)));
      }
      return items;
    },
    close: () => client.destroy(),
  };
}
