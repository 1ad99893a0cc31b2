import { STATUS_CODES } from 'node:http';

/**
 * Why a vendor call failed: an HTTP status, a per-attempt timeout, a network error, or a body that
 * could not be parsed or did not match its schema.
 * @public
 */
export type VendorHttpErrorKind = 'status' | 'timeout' | 'network' | 'malformed';

/**
 * What a {@link VendorHttpError} is built from.
 * @public
 */
export interface VendorHttpErrorInit {
  /** The vendor name, e.g. `pagerduty`. */
  vendor: string;
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** Path of the request without its query string. */
  route: string;
  /** Why the call failed. */
  kind: VendorHttpErrorKind;
  /** Attempts made, including the first. */
  attempts: number;
  /** True when trying again later may succeed. */
  retryable: boolean;
  /** The HTTP status of the last attempt, for `status` errors. */
  status?: number;
  /** Human readable reason; for status errors it defaults to `503 Service Unavailable`. */
  reason?: string;
  /** The vendor's own error message, if the body carried one (secrets already scrubbed). */
  detail?: string;
  /** The underlying error, kept as the error's `cause`. */
  cause?: unknown;
}

/**
 * A failed call to a vendor API; never carries request headers, tokens or query values.
 * @public
 */
export class VendorHttpError extends Error {
  /** Always `VendorHttpError`. */
  override readonly name = 'VendorHttpError';
  /** The vendor name, e.g. `pagerduty`. */
  readonly vendor: string;
  /** The HTTP method, e.g. `GET`. */
  readonly method: string;
  /** Path of the request without its query string, e.g. `/oncalls`. */
  readonly route: string;
  /** Why the call failed. */
  readonly kind: VendorHttpErrorKind;
  /** The HTTP status of the last attempt, for `status` errors. */
  readonly status?: number;
  /** Attempts made, including the first. */
  readonly attempts: number;
  /** True when trying again later may succeed (429, 5xx, timeouts, network errors). */
  readonly retryable: boolean;
  /** The vendor's own error message, if the body carried one (secrets already scrubbed). */
  readonly detail?: string;

  /** Builds the error and its message, e.g. `pagerduty GET /oncalls failed after 4 attempts: 503 Service Unavailable`. */
  constructor(init: VendorHttpErrorInit) {
    const reason = init.reason ?? statusLine(init.status ?? 0);
    const what = `${init.vendor} ${init.method} ${init.route}`;
    const message =
      init.kind === 'malformed'
        ? `${what} returned a malformed body: ${reason}`
        : `${what} failed after ${init.attempts} ${init.attempts === 1 ? 'attempt' : 'attempts'}: ${reason}`;
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.vendor = init.vendor;
    this.method = init.method;
    this.route = init.route;
    this.kind = init.kind;
    this.status = init.status;
    this.attempts = init.attempts;
    this.retryable = init.retryable;
    this.detail = init.detail;
  }
}

/** `503 Service Unavailable` */
export function statusLine(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : `HTTP ${status}`;
}
