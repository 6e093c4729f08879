/** One line for a failed price request (src/pricing/live-fetch.ts), from errors shaped as the AWS SDK throws them. */
import { describe, expect, it } from 'vitest';
import { describeFailure, silenceSdkNodeWarning } from '../../src/pricing/live-fetch.js';
import { ExternalError } from '../../src/errors.js';
import { LivePriceError, LivePricingFailedError } from '../../src/pricing/live-errors.js';

/** An SDK service exception: a name, a message and the response's $metadata. */
const sdkError = (name: string, message: string, metadata: { httpStatusCode?: number; attempts?: number } = {}) =>
  Object.assign(new Error(message), { name, $metadata: metadata });

describe('describeFailure', () => {
  it('gives the status, the error name, its first line and the attempts made', () => {
    expect(describeFailure(sdkError('ThrottlingException', 'Rate exceeded\n  at the server', { httpStatusCode: 400, attempts: 3 }), 5000)).toBe(
      'HTTP 400 ThrottlingException: Rate exceeded after 3 attempts',
    );
    // One attempt is not worth saying; a message that only repeats the name is left out.
    expect(describeFailure(sdkError('AccessDeniedException', 'AccessDeniedException', { httpStatusCode: 403, attempts: 1 }), 5000)).toBe('HTTP 403 AccessDeniedException');
    // No HTTP reply at all (a refused connection).
    expect(describeFailure(sdkError('Error', 'connect ECONNREFUSED 127.0.0.1:9'), 5000)).toBe('Error: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('says a timeout in seconds, and tells a reply that is not JSON from an item that is not', () => {
    expect(describeFailure(sdkError('TimeoutError', 'socket hang up', { attempts: 2 }), 2500)).toBe('no reply within 2.5 s (TimeoutError) after 2 attempts');
    expect(describeFailure(Object.assign(new SyntaxError('Unexpected token < in JSON'), { $response: {} }), 5000)).toBe('the reply is not valid JSON (Unexpected token < in JSON)');
    expect(describeFailure(new SyntaxError('Unexpected end of JSON input'), 5000)).toBe('a price list item is not valid JSON (Unexpected end of JSON input)');
  });

  it('keeps a long message to 200 characters, and prints what is not an Error as it is', () => {
    expect(describeFailure(sdkError('Boom', `  ${'x'.repeat(300)}  `), 5000)).toBe(`Boom: ${'x'.repeat(200)}`);
    expect(describeFailure('a string was thrown', 5000)).toBe('a string was thrown');
  });
});

describe('silenceSdkNodeWarning', () => {
  it("turns the SDK's Node.js version notice off unless the user chose", () => {
    const env: NodeJS.ProcessEnv = {};
    silenceSdkNodeWarning(env);
    expect(env).toEqual({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    const chosen: NodeJS.ProcessEnv = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' };
    silenceSdkNodeWarning(chosen);
    expect(chosen.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
  });
});

describe('live price errors', () => {
  it('are external failures (exit 3) that name their kind, and a product’s failure keeps its product and reason apart', () => {
    const one = new LivePriceError('ec2:t3.medium', 'HTTP 500 InternalFailure after 3 attempts');
    expect(one).toBeInstanceOf(ExternalError);
    expect(one).toMatchObject({ name: 'LivePriceError', exitCode: 3, product: 'ec2:t3.medium', reason: 'HTTP 500 InternalFailure after 3 attempts' });
    expect(one.message).toBe('live prices for ec2:t3.medium: HTTP 500 InternalFailure after 3 attempts');
    const all = new LivePricingFailedError('live prices failed');
    expect(all).toBeInstanceOf(ExternalError);
    expect(all).toMatchObject({ name: 'LivePricingFailedError', exitCode: 3 });
  });
});
