/** Failures of the live price source. External (exit 3 under --strict); otherwise the chain falls back. */
import { ExternalError } from '../errors.js';

/**
 * The live prices of one product could not be used: the request failed, or the AWS price list answered
 * with data that cannot be the product's price (no SKU, several SKUs, a malformed item, a broken invariant).
 */
export class LivePriceError extends ExternalError {
  override name = 'LivePriceError';
  /** The product's on-demand key (ec2:t3.medium). */
  readonly product: string;
  /** What went wrong, without the product's name: "HTTP 500 InternalFailure after 3 attempts". */
  readonly reason: string;
  constructor(product: string, reason: string) {
    super(`live prices for ${product}: ${reason}`);
    this.product = product;
    this.reason = reason;
  }
}

/** The whole chain failed or a fallback was refused (--strict): lists each product's reason. */
export class LivePricingFailedError extends ExternalError {
  override name = 'LivePricingFailedError';
}
