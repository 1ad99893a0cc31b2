import type { Request, Router } from 'express';
import type { SimulatorContext } from '../../context';
import type { Deploy } from '../../data/deployHistory';
import { sendJsonWithEtag } from '../../http/etag';
import { pageOf, pageRequest, setGithubLink } from '../../http/pagination';
import { notFound } from './errors';
import { deploymentJson, statusesJson, urlsFor } from './json';
import { apiVersionOf } from './middleware';
import { repoFromPath } from './repos';

// Deployments and their statuses: newest first, `per_page` (default 30, max 100) and `page`, a Link
// header, an ETag per page (If-None-Match -> 304, which the rate limit does not count).

const LIMITS = { perPage: 30, maxPerPage: 100 };
const FILTERS = ['sha', 'ref', 'task', 'environment'] as const;

function queryValue(req: Request, name: string): string | undefined {
  const value = req.query[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : undefined;
}

function matchesFilters(req: Request, deploy: Deploy): boolean {
  const fields: Record<(typeof FILTERS)[number], string> = {
    sha: deploy.sha,
    ref: deploy.ref,
    task: 'deploy',
    environment: deploy.environment,
  };
  return FILTERS.every((name) => {
    const wanted = queryValue(req, name);
    return wanted === undefined || wanted === '' || fields[name] === wanted;
  });
}

export function registerDeploymentRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/repos/:owner/:repo/deployments', (req, res) => {
    const found = repoFromPath(ctx, req, res, 'deployments/deployments#list-deployments');
    if (!found) return;
    const { repo, history } = found;
    const urls = urlsFor(req, ctx.scenario.seed);
    const version = apiVersionOf(res);
    const matching = history.deploys.filter((d) => matchesFilters(req, d)).reverse();
    const paging = pageRequest(req.query, LIMITS);
    setGithubLink(req, res, paging, matching.length);
    sendJsonWithEtag(
      req,
      res,
      pageOf(matching, paging).map((d) => deploymentJson(urls, repo, d, version)),
    );
  });

  router.get('/repos/:owner/:repo/deployments/:deploymentId', (req, res) => {
    const docs = 'deployments/deployments#get-a-deployment';
    const found = repoFromPath(ctx, req, res, docs);
    if (!found) return;
    const deploy = found.history.deploys.find((d) => String(d.id) === req.params.deploymentId);
    if (!deploy) return notFound(res, docs);
    sendJsonWithEtag(req, res, deploymentJson(urlsFor(req, ctx.scenario.seed), found.repo, deploy, apiVersionOf(res)));
  });

  router.get('/repos/:owner/:repo/deployments/:deploymentId/statuses', (req, res) => {
    const docs = 'deployments/statuses#list-deployment-statuses';
    const found = repoFromPath(ctx, req, res, docs);
    if (!found) return;
    const deploy = found.history.deploys.find((d) => String(d.id) === req.params.deploymentId);
    if (!deploy) return notFound(res, docs);
    const statuses = statusesJson(urlsFor(req, ctx.scenario.seed), found.repo, deploy);
    const paging = pageRequest(req.query, LIMITS);
    setGithubLink(req, res, paging, statuses.length);
    sendJsonWithEtag(req, res, pageOf(statuses, paging));
  });
}
