import type { Request, Response } from 'express';
import type { SimulatorContext } from '../../context';
import { beforeHeaders } from '../../http/beforeHeaders';
import { DOCS, sendError } from './errors';

const SUPPORTED_API_VERSIONS = ['2022-11-28', '2026-03-10'] as const;
export type GithubApiVersion = (typeof SUPPORTED_API_VERSIONS)[number];

/** The API version this request was answered with (set by `apiVersion`). */
export function apiVersionOf(res: Response): GithubApiVersion {
  return (res.locals.githubApiVersion as GithubApiVersion | undefined) ?? SUPPORTED_API_VERSIONS[0];
}

/** GitHub answers 400 to an API version it does not know and echoes the one it used. */
export function apiVersion(req: Request, res: Response, next: () => void): void {
  const requested = req.get('x-github-api-version');
  if (requested !== undefined && !(SUPPORTED_API_VERSIONS as readonly string[]).includes(requested)) {
    return sendError(res, 400, `Unsupported 'X-GitHub-Api-Version' header: ${requested}`);
  }
  const selected = (requested as GithubApiVersion | undefined) ?? SUPPORTED_API_VERSIONS[0];
  res.locals.githubApiVersion = selected;
  res.setHeader('X-GitHub-Api-Version-Selected', selected);
  res.setHeader('X-GitHub-Media-Type', 'github.v3; format=json');
  next();
}

/**
 * The primary ("core") rate limit: an hourly window from the first request. A 304 does not count,
 * as on GitHub, so the charge happens when the status is known, just before the headers go out.
 */
export function rateLimit(ctx: SimulatorContext) {
  let resetAt = 0;
  let used = 0;
  const limit = ctx.scenario.vendors.github.rateLimitPerHour;
  return (_req: Request, res: Response, next: () => void): void => {
    const nowMs = ctx.now().getTime();
    if (nowMs >= resetAt) {
      resetAt = nowMs + 3_600_000;
      used = 0;
    }
    if (used >= limit) {
      setRateHeaders(res, limit, used, resetAt);
      return sendError(
        res,
        403,
        'API rate limit exceeded for installation.',
        `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`,
      );
    }
    beforeHeaders(res, () => {
      if (res.statusCode !== 304) used++;
      setRateHeaders(res, limit, used, resetAt);
    });
    next();
  };
}

function setRateHeaders(res: Response, limit: number, used: number, resetAt: number): void {
  res.setHeader('x-ratelimit-limit', String(limit));
  res.setHeader('x-ratelimit-remaining', String(Math.max(0, limit - used)));
  res.setHeader('x-ratelimit-reset', String(Math.ceil(resetAt / 1000)));
  res.setHeader('x-ratelimit-used', String(used));
  res.setHeader('x-ratelimit-resource', 'core');
}
