import type { Request, Response, Router } from 'express';
import type { SimulatorContext } from '../../context';
import { deployHistory } from '../../data/deployHistory';
import { findGitlabProject, type GitlabProject } from '../../data/gitlabProjects';
import { sendError } from './errors';

export const GITLAB_WEB = 'https://gitlab.example.com';

/** The project named by `:id` (numeric id or URL-encoded path), or a GitLab 404. */
export function projectFromPath(ctx: SimulatorContext, req: Request, res: Response): GitlabProject | undefined {
  const project = findGitlabProject(ctx, req.params.id!);
  if (!project) sendError(res, 404, 'Project Not Found');
  return project;
}

export function registerProjectRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/projects/:id', (req, res) => {
    const project = projectFromPath(ctx, req, res);
    if (project) res.json(projectJson(ctx, project));
  });
}

function projectJson(ctx: SimulatorContext, project: GitlabProject) {
  const webUrl = `${GITLAB_WEB}/${project.pathWithNamespace}`;
  const namespaceName = project.namespace.split('/').pop()!;
  const newest = deployHistory(ctx, project.component)?.deploys.at(-1);
  return {
    id: project.id,
    description: null,
    name: project.path,
    name_with_namespace: project.pathWithNamespace.split('/').join(' / '),
    path: project.path,
    path_with_namespace: project.pathWithNamespace,
    created_at: project.createdAt.toISOString(),
    default_branch: project.defaultBranch,
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@gitlab.example.com:${project.pathWithNamespace}.git`,
    http_url_to_repo: `${webUrl}.git`,
    web_url: webUrl,
    readme_url: `${webUrl}/-/blob/${project.defaultBranch}/README.md`,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: (newest?.updatedAt ?? project.createdAt).toISOString(),
    namespace: {
      id: project.namespaceId,
      name: namespaceName,
      path: namespaceName,
      kind: 'group',
      full_path: project.namespace,
      parent_id: null,
      avatar_url: null,
      web_url: `${GITLAB_WEB}/groups/${project.namespace}`,
    },
    visibility: 'private',
  };
}
