import type { Dispatcher } from 'undici';

/**
 * Request counters of one vendor client; every attempt, retried or not, counts as a request.
 * @public
 */
export interface VendorClientStats {
  /** Attempts sent, including retries. */
  requests: number;
  /** Attempts that were retries of an earlier one. */
  retries: number;
  /** Attempts by response status. */
  byStatus: Record<number, number>;
  /** Attempts that got no response (timeouts, refused or reset connections). */
  errors: number;
}

export class StatsRecorder {
  #stats: VendorClientStats = StatsRecorder.empty();

  private static empty(): VendorClientStats {
    return { requests: 0, retries: 0, byStatus: {}, errors: 0 };
  }

  response(status: number): void {
    this.#stats.requests += 1;
    this.#stats.byStatus[status] = (this.#stats.byStatus[status] ?? 0) + 1;
  }

  failure(): void {
    this.#stats.requests += 1;
    this.#stats.errors += 1;
  }

  retry(): void {
    this.#stats.retries += 1;
  }

  snapshot(): VendorClientStats {
    return { ...this.#stats, byStatus: { ...this.#stats.byStatus } };
  }

  reset(): void {
    this.#stats = StatsRecorder.empty();
  }
}

interface TapHooks {
  onStart?(status: number): void;
  /** `started` tells whether response headers had already arrived. */
  onError?(err: Error, started: boolean): void;
}

/** A dispatch handler that reports to `hooks` and forwards everything unchanged. */
class TapHandler implements Dispatcher.DispatchHandler {
  #started = false;

  constructor(
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly hooks: TapHooks,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.inner.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestUpgrade']>>[2],
    socket: Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestUpgrade']>>[3],
  ): void {
    this.inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseStart']>>[2],
    statusMessage?: string,
  ): void {
    this.#started = true;
    this.hooks.onStart?.(statusCode);
    this.inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(
    controller: Dispatcher.DispatchController,
    trailers: Parameters<NonNullable<Dispatcher.DispatchHandler['onResponseEnd']>>[1],
  ): void {
    this.inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, err: Error): void {
    this.hooks.onError?.(err, this.#started);
    this.inner.onResponseError?.(controller, err);
  }
}

/** An undici interceptor that calls `hooks` for every response or failure passing through it. */
export function tapInterceptor(hooks: TapHooks): Dispatcher.DispatcherComposeInterceptor {
  return dispatch => (opts, handler) => dispatch(opts, new TapHandler(handler, hooks));
}

/** Counts each attempt; placed under the retry interceptor so that it sees every attempt. */
export function countingInterceptor(stats: StatsRecorder): Dispatcher.DispatcherComposeInterceptor {
  return tapInterceptor({
    onStart: status => stats.response(status),
    onError: (_err, started) => {
      if (!started) stats.failure();
    },
  });
}
