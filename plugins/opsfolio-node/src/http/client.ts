import { setTimeout as sleepFor } from 'node:timers/promises';
import { Agent, interceptors, type Dispatcher, type RetryHandler } from 'undici';
import { parseBody, vendorMessage } from './body';
import { VendorHttpError } from './errors';
import {
  type AttemptFailure,
  type RetryPolicyOptions,
  classifyFailure,
  describeFailure,
  isRetryable,
  planRetry,
  toHeaderMap,
} from './retryPolicy';
import { secretScrubber } from './secrets';
import { StatsRecorder, countingInterceptor, tapInterceptor, type VendorClientStats } from './stats';
import type {
  VendorClient,
  VendorClientOptions,
  VendorConditionalOptions,
  VendorHttpMethod,
  VendorNotModified,
  VendorRequestOptions,
  VendorResponse,
} from './types';
import { type BaseUrl, parseBaseUrl, resolveUrl, routeOf } from './url';

const IDEMPOTENT_METHODS = new Set<string>(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

type AnyOptions<T> = VendorConditionalOptions<T> & { body?: unknown };
type Result<T> = VendorResponse<T> | VendorNotModified;

/**
 * Creates the resilient client for one vendor: per-attempt timeouts, retries with backoff and jitter
 * through undici's retry interceptor, Retry-After and rate-limit reset headers, zod validation, counters.
 * @public
 */
export function createVendorClient(options: VendorClientOptions): VendorClient {
  return new UndiciVendorClient(options);
}

class UndiciVendorClient implements VendorClient {
  readonly vendor: string;
  readonly baseUrl: string;
  readonly #base: BaseUrl;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;
  readonly #policy: RetryPolicyOptions;
  readonly #logger: VendorClientOptions['logger'];
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #stats = new StatsRecorder();
  readonly #agent?: Agent;
  /** The dispatcher with attempt counting below everything a call adds. */
  readonly #counted: Dispatcher;

  constructor(options: VendorClientOptions) {
    this.vendor = options.vendor;
    this.baseUrl = options.baseUrl;
    this.#base = parseBaseUrl(options.baseUrl);
    this.#headers = lowerCaseKeys(options.headers);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#policy = {
      maxAttempts: Math.max(1, options.maxAttempts ?? 4),
      minDelayMs: options.minDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      jitter: options.jitter ?? 'equal',
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    };
    this.#logger = options.logger;
    this.#sleep = options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal }));
    if (!options.dispatcher) this.#agent = new Agent({ connect: { timeout: this.#timeoutMs } });
    const base = options.dispatcher ?? this.#agent!;
    this.#counted = base.compose(countingInterceptor(this.#stats));
  }

  getJson<T = unknown>(path: string, options?: VendorRequestOptions<T> & { ifNoneMatch?: undefined }): Promise<VendorResponse<T>>;
  getJson<T = unknown>(path: string, options: VendorConditionalOptions<T>): Promise<Result<T>>;
  getJson<T = unknown>(path: string, options: VendorConditionalOptions<T> = {}): Promise<Result<T>> {
    return this.#send('GET', path, options);
  }

  postJson<T = unknown>(path: string, body: unknown, options: VendorRequestOptions<T> = {}): Promise<VendorResponse<T>> {
    return this.#send('POST', path, { ...options, body }) as Promise<VendorResponse<T>>;
  }

  request<T = unknown>(
    method: VendorHttpMethod,
    path: string,
    options?: VendorRequestOptions<T> & { body?: unknown; ifNoneMatch?: undefined },
  ): Promise<VendorResponse<T>>;
  request<T = unknown>(method: VendorHttpMethod, path: string, options: AnyOptions<T>): Promise<Result<T>>;
  request<T = unknown>(method: VendorHttpMethod, path: string, options: AnyOptions<T> = {}): Promise<Result<T>> {
    return this.#send(method, path, options);
  }

  stats(): VendorClientStats {
    return this.#stats.snapshot();
  }

  resetStats(): void {
    this.#stats.reset();
  }

  async close(): Promise<void> {
    await this.#agent?.close();
  }

  async #send<T>(method: VendorHttpMethod, path: string, options: AnyOptions<T>): Promise<Result<T>> {
    const url = resolveUrl(this.vendor, this.#base, path, options.query);
    const route = routeOf(this.#base, url);
    const headers: Record<string, string> = { ...this.#headers, ...lowerCaseKeys(options.headers) };
    if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
    const scrub = secretScrubber(Object.values(headers));
    headers.accept ??= 'application/json';
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const idempotent = options.idempotent ?? IDEMPOTENT_METHODS.has(method);
    const { signal } = options;
    // `delivered`: response headers reached us, so undici's retry must leave this attempt alone.
    const call = { attempts: 1, delivered: false };
    const what = { vendor: this.vendor, method, route };

    const nextDelay = (failure: AttemptFailure): number | undefined => {
      if (signal?.aborted) return undefined;
      const wait = planRetry(failure, call.attempts, idempotent, this.#policy);
      if (wait === undefined) return undefined;
      const reason = scrub(describeFailure(failure, this.#timeoutMs));
      this.#logger?.warn(
        `${this.vendor} ${method} ${route}: ${reason}; retrying in ${wait} ms (attempt ${call.attempts + 1} of ${this.#policy.maxAttempts})`,
      );
      return wait;
    };
    // Counted once the wait is over, so a call aborted while waiting reports the attempts it made.
    const beginRetry = () => {
      call.attempts += 1;
      this.#stats.retry();
    };

    // Undici decides whether and when to retry through this callback; the policy lives in retryPolicy.ts
    // because undici's default cannot read rate-limit reset headers, add jitter or cap server waits.
    const retry: RetryHandler.RetryCallback = (err, _context, done) => {
      const wait = call.delivered ? undefined : nextDelay(classifyFailure(err));
      if (wait === undefined) {
        done(err);
        return;
      }
      this.#sleep(wait, signal).then(
        () => {
          beginRetry();
          done(null);
        },
        (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
      );
    };
    const dispatcher = this.#counted.compose(
      interceptors.retry({ retry, throwOnError: false }),
      tapInterceptor({ onStart: () => void (call.delivered = true) }),
    );

    for (;;) {
      call.delivered = false;
      let status: number;
      let resHeaders: Record<string, string>;
      let text: string;
      try {
        const res = await dispatcher.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method,
          headers,
          body: payload,
          // Per attempt, since undici's retry re-dispatches with these options. undici checks them on a
          // coarse (~0.5 s) clock, which is cheap and precise enough for vendor calls.
          headersTimeout: this.#timeoutMs,
          bodyTimeout: this.#timeoutMs,
          signal,
        });
        status = res.statusCode;
        resHeaders = toHeaderMap(res.headers);
        text = await res.body.text();
      } catch (err) {
        if (signal?.aborted) throw err;
        const failure = classifyFailure(err);
        // Undici resumes a body that broke off only through Range requests, which JSON APIs do not
        // serve, so such an attempt is repeated here, within the same attempt budget.
        const wait = call.delivered ? nextDelay(failure) : undefined;
        if (wait !== undefined) {
          await this.#sleep(wait, signal);
          beginRetry();
          continue;
        }
        throw new VendorHttpError({
          ...what,
          kind: failure.kind,
          status: failure.kind === 'status' ? failure.status : undefined,
          attempts: call.attempts,
          retryable: isRetryable(failure, true),
          reason: scrub(describeFailure(failure, this.#timeoutMs)),
          cause: err,
        });
      }

      this.#logger?.debug(`${this.vendor} ${method} ${route}: ${status} after ${call.attempts} attempt(s)`);
      if (status === 304) return { status: 304, headers: resHeaders, body: undefined, notModified: true };
      if (status < 200 || status >= 300) {
        const failure: AttemptFailure = { kind: 'status', status, headers: resHeaders };
        throw new VendorHttpError({
          ...what,
          kind: 'status',
          status,
          attempts: call.attempts,
          retryable: isRetryable(failure, true),
          detail: vendorMessage(text, scrub),
        });
      }
      const malformed = (reason: string) =>
        new VendorHttpError({ ...what, kind: 'malformed', attempts: call.attempts, retryable: false, reason: scrub(reason) });
      const body = parseBody(text, status, method, options.schema, malformed, scrub);
      return { status, headers: resHeaders, body, notModified: false };
    }
  }
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}
