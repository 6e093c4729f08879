/**
 * A value outside a model's domain — a negative rate, an unstable queue, a count or a cost formula that
 * evaluates to something impossible. It is the caller's to fix, so the CLI reports it as bad input (exit 2);
 * any other error from the engine is a bug (exit 70). Extends RangeError, what such checks traditionally throw.
 */
export class InputError extends RangeError {
  override name = 'InputError';
}
