import type { Router } from 'express';
import type { SimulatorContext } from '../../context';
import { deployHistory } from '../../data/deployHistory';
import { pageOf, pageRequest, setGitlabPagination } from '../../http/pagination';
import { applyDeploymentQuery, parseDeploymentQuery } from './deploymentQuery';
import { sendError, sendInvalidParam } from './errors';
import { deploymentJson, gitlabDeployments } from './json';
import { projectFromPath } from './projects';

// GET /projects/:id/deployments: order_by/sort (default id asc), updated_after/before, finished_after/before,
// environment, status; offset pagination (per_page default 20, max 100) with X-Total, X-Next-Page, … and Link.

export function registerDeploymentRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/projects/:id/deployments', (req, res) => {
    const project = projectFromPath(ctx, req, res);
    if (!project) return;
    const parsed = parseDeploymentQuery(req);
    if (!parsed.ok) {
      return 'invalidParam' in parsed
        ? sendInvalidParam(res, parsed.invalidParam)
        : sendError(res, 400, `Bad request - ${parsed.badRequest}`);
    }
    const history = deployHistory(ctx, project.component);
    const items = history ? applyDeploymentQuery(gitlabDeployments(history), parsed.query) : [];
    const paging = pageRequest(req.query, { perPage: 20, maxPerPage: 100 });
    setGitlabPagination(req, res, paging, items.length, {
      id: req.params.id!,
      order_by: parsed.query.orderBy,
      sort: parsed.query.sort,
    });
    const jsonCtx = history && { seed: ctx.scenario.seed, project, history };
    res.json(jsonCtx ? pageOf(items, paging).map((view) => deploymentJson(jsonCtx, view)) : []);
  });
}
