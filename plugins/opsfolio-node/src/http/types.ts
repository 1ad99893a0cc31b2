import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Dispatcher } from 'undici';
import type { VendorJitter } from './retryPolicy';
import type { VendorClientStats } from './stats';
import type { VendorQuery } from './url';

/**
 * Anything with zod's `safeParse` (a zod 4 schema fits); used to validate vendor bodies at the edge.
 * @public
 */
export interface VendorSchema<T> {
  /** Validates `input`: the typed data, or an error with its issues. */
  safeParse(input: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { message: string; issues?: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
      };
}

/**
 * Settings of one vendor client.
 * @public
 */
export interface VendorClientOptions {
  /** Vendor name used in errors and logs, e.g. `pagerduty`. */
  vendor: string;
  /** Base URL; request paths are resolved below its path, e.g. `https://gitlab.example.com/api/v4`. */
  baseUrl: string;
  /** Headers sent with every request (e.g. Authorization); their values never appear in errors or logs. */
  headers?: Record<string, string>;
  /** Timeout of each attempt (connect, wait for headers, and each body read); default 10 000 ms. */
  timeoutMs?: number;
  /** Attempts per call including the first; default 4. */
  maxAttempts?: number;
  /** First backoff step; default 500 ms. */
  minDelayMs?: number;
  /** Largest backoff step; default 30 000 ms. */
  maxDelayMs?: number;
  /** Cap on waits the server asks for (Retry-After, rate-limit reset); default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** Backoff jitter; default `equal`. */
  jitter?: VendorJitter;
  /** Retries are logged at warn, finished calls at debug; never with header values. */
  logger?: Pick<LoggerService, 'warn' | 'info' | 'debug'>;
  /** Dispatcher to send through (e.g. a proxy agent); by default the client owns an undici Agent. */
  dispatcher?: Dispatcher;
  /** Test seam: how to wait between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Test seam: random number in [0, 1) for jitter. */
  random?: () => number;
  /** Test seam: current time in ms, for HTTP-date and epoch reset headers. */
  now?: () => number;
}

/**
 * Options of one call.
 * @public
 */
export interface VendorRequestOptions<T> {
  /** Query parameters added to the path. */
  query?: VendorQuery;
  /** Extra headers for this call; values are treated as secrets like the client's. */
  headers?: Record<string, string>;
  /** Validates the parsed JSON body; a mismatch fails as a malformed body. */
  schema?: VendorSchema<T>;
  /** Aborts the call, including waits between attempts. */
  signal?: AbortSignal;
  /**
   * Whether repeating the call is safe; default true for GET, HEAD, PUT, DELETE, OPTIONS.
   * Calls that are not idempotent are retried only where the server cannot have acted (429, refused connection).
   */
  idempotent?: boolean;
}

/**
 * Options of a conditional call: with `ifNoneMatch` a 304 comes back as {@link VendorNotModified}.
 * @public
 */
export interface VendorConditionalOptions<T> extends VendorRequestOptions<T> {
  /** ETag from an earlier response, sent as If-None-Match. */
  ifNoneMatch?: string;
}

/**
 * Lower-cased response headers, repeated values joined with `, `.
 * @public
 */
export type VendorHeaders = Record<string, string>;

/**
 * A successful response with its parsed (and validated) JSON body.
 * @public
 */
export interface VendorResponse<T> {
  /** The HTTP status, 2xx. */
  status: number;
  /** The response headers. */
  headers: VendorHeaders;
  /** The parsed JSON body; `undefined` for an empty one. */
  body: T;
  /** Always false: tells a response from {@link VendorNotModified}. */
  notModified: false;
}

/**
 * A 304 answer to a conditional call: the caller's copy is still current.
 * @public
 */
export interface VendorNotModified {
  /** Always 304. */
  status: 304;
  /** The response headers. */
  headers: VendorHeaders;
  /** A 304 has no body. */
  body: undefined;
  /** Always true: tells it from a {@link VendorResponse}. */
  notModified: true;
}

/**
 * HTTP methods the client sends.
 * @public
 */
export type VendorHttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * The resilient HTTP client that vendor modules without a standard SDK use.
 * @public
 */
export interface VendorClient {
  /** The vendor name from the options, used in errors and logs. */
  readonly vendor: string;
  /** The base URL from the options. */
  readonly baseUrl: string;
  /** GET a JSON document. */
  getJson<T = unknown>(path: string, options?: VendorRequestOptions<T> & { ifNoneMatch?: undefined }): Promise<VendorResponse<T>>;
  /** GET a JSON document only if it changed since `ifNoneMatch`. */
  getJson<T = unknown>(path: string, options: VendorConditionalOptions<T>): Promise<VendorResponse<T> | VendorNotModified>;
  /** POST a JSON body and read a JSON answer (empty answers give `undefined`). */
  postJson<T = unknown>(path: string, body: unknown, options?: VendorRequestOptions<T>): Promise<VendorResponse<T>>;
  /** Any method, with an optional JSON body. */
  request<T = unknown>(
    method: VendorHttpMethod,
    path: string,
    options?: VendorRequestOptions<T> & { body?: unknown; ifNoneMatch?: undefined },
  ): Promise<VendorResponse<T>>;
  /** Any method, conditional on `ifNoneMatch`. */
  request<T = unknown>(
    method: VendorHttpMethod,
    path: string,
    options: VendorConditionalOptions<T> & { body?: unknown },
  ): Promise<VendorResponse<T> | VendorNotModified>;
  /** Counters since creation or the last {@link VendorClient.resetStats}. */
  stats(): VendorClientStats;
  /** Sets every counter back to zero. */
  resetStats(): void;
  /** Closes the client's own connections (not those of an injected dispatcher). */
  close(): Promise<void>;
}
