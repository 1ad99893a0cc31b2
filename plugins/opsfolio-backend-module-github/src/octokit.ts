import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { setTimeout as sleep } from 'node:timers/promises';

const GithubClient = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof GithubClient>;

export interface GithubClientOptions {
  baseUrl: string;
  token?: string;
  logger: LoggerService;
  maxRetries?: number;
  /** Cap on a wait GitHub asks for with Retry-After (default 60 s). */
  maxRetryAfterMs?: number;
}

/**
 * An Octokit with GitHub's own rate-limit handling (primary and secondary limits on 403) and retries of
 * 5xx, as Backstage's GitHub integrations use it, plus waiting out `Retry-After` on a 429, which the
 * throttling plugin leaves to the retry plugin's fixed backoff.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const { logger } = options;
  const client = new GithubClient({
    baseUrl: options.baseUrl,
    auth: options.token,
    request: { timeout: 30_000 },
    log: { debug: () => {}, info: () => {}, warn: m => logger.warn(m), error: m => logger.error(m) },
    throttle: {
      onRateLimit: (retryAfter, request: any, _octokit, retryCount) => {
        // A reset within a minute is waited for; a longer one ends the run, and the next run resumes.
        if (retryAfter > 60 || retryCount >= maxRetries) return false;
        logger.warn(`GitHub rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s`);
        return true;
      },
      onSecondaryRateLimit: (retryAfter, request: any, _octokit, retryCount) => {
        logger.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s`);
        return retryCount < maxRetries;
      },
    },
    // 429 is handled below, honouring Retry-After.
    retry: { retries: maxRetries, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  });
  client.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const { status, response } = error as { status?: number; response?: { headers?: Record<string, string> } };
        if (status !== 429 || attempt > maxRetries) throw error;
        const asked = Number(response?.headers?.['retry-after']);
        const waitMs = Math.min(Number.isFinite(asked) && asked >= 0 ? asked * 1000 : 2 ** attempt * 1000, maxRetryAfterMs);
        logger.warn(`GitHub answered 429 to ${requestOptions.method} ${requestOptions.url}; retrying in ${waitMs} ms`);
        await sleep(waitMs);
      }
    }
  });
  return client;
}
