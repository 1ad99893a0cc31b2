import type { Request, Response, Router } from 'express';
import type { SimulatorContext } from '../../context';
import { deployHistory, type DeployHistory } from '../../data/deployHistory';
import { findGithubRepo, type GithubRepo } from '../../data/githubRepos';
import { sendJsonWithEtag } from '../../http/etag';
import { isoSeconds } from '../../time';
import { notFound } from './errors';

export function registerRepoRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/repos/:owner/:repo', (req, res) => {
    const repo = findGithubRepo(ctx, req.params.owner!, req.params.repo!);
    if (!repo) return notFound(res, 'repos/repos#get-a-repository');
    sendJsonWithEtag(req, res, repoJson(repo));
  });
}

/** The repository in the path and its deploy history (empty for a repository without deploys), or a 404. */
export function repoFromPath(
  ctx: SimulatorContext,
  req: Request,
  res: Response,
  docsPath: string,
): { repo: GithubRepo; history: DeployHistory } | undefined {
  const repo = findGithubRepo(ctx, req.params.owner!, req.params.repo!);
  if (!repo) {
    notFound(res, docsPath);
    return undefined;
  }
  const history = deployHistory(ctx, repo.component) ?? {
    component: repo.component,
    vendor: 'github',
    repo: repo.fullName,
    environments: [],
    productionEnvironments: [],
    deploys: [],
    commits: [],
  };
  return { repo, history };
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
