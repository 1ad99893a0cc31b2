import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { LoggerService } from '@backstage/backend-plugin-api';

const GithubClient = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof GithubClient>;

/**
 * An Octokit with GitHub's own rate-limit handling (primary and secondary limits, `Retry-After`) and
 * retries of 5xx, as Backstage's GitHub integrations use it.
 */
export function createGithubClient(options: { baseUrl: string; token?: string; logger: LoggerService; maxRetries?: number }) {
  const maxRetries = options.maxRetries ?? 3;
  return new GithubClient({
    baseUrl: options.baseUrl,
    auth: options.token,
    request: { timeout: 30_000 },
    log: { debug: () => {}, info: () => {}, warn: m => options.logger.warn(m), error: m => options.logger.error(m) },
    throttle: {
      onRateLimit: (retryAfter, request: any, _octokit, retryCount) => {
        options.logger.warn(`GitHub rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s`);
        return retryCount < maxRetries;
      },
      onSecondaryRateLimit: (retryAfter, request: any, _octokit, retryCount) => {
        options.logger.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s`);
        return retryCount < maxRetries;
      },
    },
    retry: { retries: maxRetries },
  });
}
