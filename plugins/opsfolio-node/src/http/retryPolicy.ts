import { errors } from 'undici';
import { statusLine } from './errors';

/**
 * How the wait before a retry is randomised: `full` waits between 0 and the exponential step,
 * `equal` between half the step and the step.
 * @public
 */
export type VendorJitter = 'full' | 'equal';

/** Lower-cased response headers, repeated values joined with `, `. */
export type HeaderMap = Record<string, string>;

/** One failed attempt, reduced to what the retry decision needs. */
export type AttemptFailure =
  | { kind: 'status'; status: number; headers: HeaderMap }
  | { kind: 'timeout' }
  | { kind: 'network'; code: string; message: string };

export interface RetryPolicyOptions {
  maxAttempts: number;
  minDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  jitter: VendorJitter;
  random: () => number;
  now: () => number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
// ENOTFOUND is left out on purpose: a mistyped host should fail at once, not after the backoff.
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET', // undici's "other side closed", i.e. socket hang up
]);

/** Normalises undici/Node headers to a flat lower-cased map. */
export function toHeaderMap(headers: unknown): HeaderMap {
  const out: HeaderMap = {};
  if (!headers || typeof headers !== 'object') return out;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** Reduces an error thrown or reported by undici to an {@link AttemptFailure}. */
export function classifyFailure(err: unknown): AttemptFailure {
  if (err instanceof errors.RequestRetryError) {
    // undici sets `headers` at runtime but leaves it out of the type.
    const headers = (err as unknown as { headers?: unknown }).headers;
    return { kind: 'status', status: err.statusCode, headers: toHeaderMap(headers) };
  }
  const code = (err as { code?: unknown } | null)?.code;
  const codeText = typeof code === 'string' ? code : 'UNKNOWN';
  if (TIMEOUT_CODES.has(codeText)) return { kind: 'timeout' };
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'network', code: codeText, message };
}

function rateLimitExhausted(headers: HeaderMap): boolean {
  return headers['x-ratelimit-remaining'] === '0' || headers['ratelimit-remaining'] === '0';
}

/** Whether trying again may help; unsafe methods only retry where the server cannot have acted. */
export function isRetryable(failure: AttemptFailure, idempotent: boolean): boolean {
  switch (failure.kind) {
    case 'status': {
      const { status, headers } = failure;
      if (status === 429) return true;
      // GitHub answers an exhausted quota (and its secondary limits) with 403, not 429.
      if (status === 403) return rateLimitExhausted(headers) || 'retry-after' in headers;
      return idempotent && RETRYABLE_STATUS.has(status);
    }
    case 'timeout':
      return idempotent;
    case 'network':
      return failure.code === 'ECONNREFUSED' || (idempotent && RETRYABLE_NETWORK_CODES.has(failure.code));
  }
}

function parseRetryAfter(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : date - now;
}

// Vendors disagree on the unit (GitHub: epoch seconds; PagerDuty and the IETF draft: delta seconds;
// GitLab documents epoch), so anything that looks like a timestamp is read as one.
function parseReset(value: string, now: number): number | undefined {
  const n = Number(value.trim());
  if (!Number.isFinite(n) || value.trim() === '') return undefined;
  return n > 1_000_000_000 ? n * 1000 - now : n * 1000;
}

/** The wait the server asked for, in ms, or undefined when it did not say. */
export function serverRequestedDelayMs(status: number, headers: HeaderMap, now: number): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const ms = parseRetryAfter(retryAfter, now);
    if (ms !== undefined) return Math.max(0, ms);
  }
  if (status === 429 || (status === 403 && rateLimitExhausted(headers))) {
    for (const name of ['x-ratelimit-reset', 'ratelimit-reset']) {
      const value = headers[name];
      const ms = value === undefined ? undefined : parseReset(value, now);
      if (ms !== undefined) return Math.max(0, ms);
    }
  }
  return undefined;
}

/** Exponential backoff with jitter; `retry` is 1 for the first retry. */
export function backoffDelayMs(retry: number, opts: Pick<RetryPolicyOptions, 'minDelayMs' | 'maxDelayMs' | 'jitter' | 'random'>): number {
  const step = Math.min(opts.maxDelayMs, opts.minDelayMs * 2 ** (retry - 1));
  const r = Math.min(Math.max(opts.random(), 0), 1);
  return Math.round(opts.jitter === 'full' ? step * r : step / 2 + (step / 2) * r);
}

/**
 * The delay before the next attempt, or undefined when the failure is final.
 * `attempts` is how many attempts have been made so far.
 */
export function planRetry(
  failure: AttemptFailure,
  attempts: number,
  idempotent: boolean,
  opts: RetryPolicyOptions,
): number | undefined {
  if (attempts >= opts.maxAttempts || !isRetryable(failure, idempotent)) return undefined;
  if (failure.kind === 'status') {
    const asked = serverRequestedDelayMs(failure.status, failure.headers, opts.now());
    if (asked !== undefined) return Math.min(asked, opts.maxRetryAfterMs);
  }
  return backoffDelayMs(attempts, opts);
}

/** `503 Service Unavailable`, `timed out after 10000 ms`, `network error ECONNRESET: …` */
export function describeFailure(failure: AttemptFailure, timeoutMs: number): string {
  switch (failure.kind) {
    case 'status':
      return statusLine(failure.status);
    case 'timeout':
      return `timed out after ${timeoutMs} ms`;
    case 'network':
      return `network error ${failure.code}: ${failure.message}`;
  }
}
