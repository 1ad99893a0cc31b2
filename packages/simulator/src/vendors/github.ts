import { Router, type Request, type Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { SimulatorContext } from '../context';
import { findGithubRepo, type GithubRepo } from '../data/githubRepos';
import { beforeHeaders } from '../http/beforeHeaders';
import { sendJsonWithEtag } from '../http/etag';
import { isoSeconds } from '../time';
import type { Vendor } from './types';

// GitHub REST API (base https://api.github.com) under /github.

const DOCS = 'https://docs.github.com/rest';
const SUPPORTED_API_VERSIONS = ['2022-11-28', '2026-03-10'];
const RATE_LIMIT = 5000;

function sendError(res: Response, status: number, message?: string, documentationUrl = DOCS): void {
  res.status(status).json({
    message: message ?? STATUS_CODES[status] ?? 'Error',
    documentation_url: documentationUrl,
    status: String(status),
  });
}

export function createGithubVendor(ctx: SimulatorContext): Vendor {
  const router = Router();
  router.use(apiVersion);
  router.use(rateLimit(ctx));

  router.get('/repos/:owner/:repo', (req, res) => {
    const repo = findGithubRepo(ctx, req.params.owner!, req.params.repo!);
    if (!repo) return sendError(res, 404, 'Not Found', `${DOCS}/repos/repos#get-a-repository`);
    sendJsonWithEtag(req, res, repoJson(repo));
  });

  return { name: 'github', basePath: '/github', router, sendError };
}

function repoJson(repo: GithubRepo) {
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: { login: repo.owner, id: repo.ownerId, type: 'Organization' },
    html_url: `https://github.com/${repo.fullName}`,
    default_branch: repo.defaultBranch,
    created_at: isoSeconds(repo.createdAt),
    updated_at: isoSeconds(repo.updatedAt),
    pushed_at: isoSeconds(repo.pushedAt),
  };
}

/** GitHub answers 400 to an API version it does not know and echoes the one it used. */
function apiVersion(req: Request, res: Response, next: () => void): void {
  const requested = req.get('x-github-api-version');
  if (requested !== undefined && !SUPPORTED_API_VERSIONS.includes(requested)) {
    return sendError(res, 400, `Unsupported 'X-GitHub-Api-Version' header: ${requested}`);
  }
  res.setHeader('X-GitHub-Api-Version-Selected', requested ?? SUPPORTED_API_VERSIONS[0]!);
  res.setHeader('X-GitHub-Media-Type', 'github.v3; format=json');
  next();
}

/**
 * The primary ("core") rate limit: an hourly window from the first request. A 304 does not count,
 * as on GitHub, so the charge happens when the status is known, just before the headers go out.
 */
function rateLimit(ctx: SimulatorContext) {
  let resetAt = 0;
  let used = 0;
  return (_req: Request, res: Response, next: () => void): void => {
    const nowMs = ctx.now().getTime();
    if (nowMs >= resetAt) {
      resetAt = nowMs + 3_600_000;
      used = 0;
    }
    if (used >= RATE_LIMIT) {
      setRateHeaders(res, used, resetAt);
      return sendError(
        res,
        403,
        'API rate limit exceeded for installation.',
        `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`,
      );
    }
    beforeHeaders(res, () => {
      if (res.statusCode !== 304) used++;
      setRateHeaders(res, used, resetAt);
    });
    next();
  };
}

function setRateHeaders(res: Response, used: number, resetAt: number): void {
  res.setHeader('x-ratelimit-limit', String(RATE_LIMIT));
  res.setHeader('x-ratelimit-remaining', String(Math.max(0, RATE_LIMIT - used)));
  res.setHeader('x-ratelimit-reset', String(Math.ceil(resetAt / 1000)));
  res.setHeader('x-ratelimit-used', String(used));
  res.setHeader('x-ratelimit-resource', 'core');
}
